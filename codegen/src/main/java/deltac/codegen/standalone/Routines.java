package deltac.codegen.standalone;

/**
 * The loop routines every scoring class carries, as Java source: a value is a row-major {@code float[]} of
 * {@code rows × cols} (a sample is one column). Each writes its caller-owned {@code out}; none allocates. Products use
 * the Vector API through the nested class {@code Simd} when the JVM has {@code jdk.incubator.vector}, else plain
 * loops; both sum in float in the same order per row block, as the trainer's scalar path does.
 */
final class Routines {
    private Routines() {}

    /** The class's routines; {@code simd} adds the Vector API's product. */
    static String source(boolean simd) {
        String vector = simd ? """
                        if (!ta && !tb && c == 1 && SIMD) {
                            Simd.matvec(a, b, r, k, out);
                            return;
                        }
                """ : "";
        return """
                    /** out (r×c) = a (r×k) · b (k×c); a transposed when ta (a is k×r), b when tb (b is c×k). */
                    private static void product(float[] a, boolean ta, float[] b, boolean tb, int r, int k, int c, float[] out) {
                """ + vector + """
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < c; j++) {
                                float s = 0;
                                for (int p = 0; p < k; p++) {
                                    s += (ta ? a[p * r + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * c + j]);
                                }
                                out[i * c + j] = s;
                            }
                        }
                    }

                    /** out = a op b, each broadcast along a dimension of 1 (a column, a row or a scalar). */
                    private static void binary(int op, float[] a, int ar, int ac, float[] b, int br, int bc, int r, int c, float[] out) {
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < c; j++) {
                                float x = a[(ar == 1 ? 0 : i) * ac + (ac == 1 ? 0 : j)];
                                float y = b[(br == 1 ? 0 : i) * bc + (bc == 1 ? 0 : j)];
                                out[i * c + j] = switch (op) {
                                    case 0 -> x + y;
                                    case 1 -> x - y;
                                    case 2 -> x * y;
                                    default -> x / y;
                                };
                            }
                        }
                    }

                    /** out = f(a), element-wise; alpha is leakyRelu's slope. */
                    private static void unary(int op, float[] a, float alpha, float[] out) {
                        for (int i = 0; i < out.length; i++) {
                            float x = a[i];
                            out[i] = switch (op) {
                                case 0 -> -x;
                                case 1 -> (float) (1 / (1 + Math.exp(-x)));
                                case 2 -> (float) Math.tanh(x);
                                case 3 -> x > 0 ? x : 0;
                                case 4 -> x > 0 ? x : alpha * x;
                                case 5 -> (float) Math.exp(x);
                                case 6 -> (float) Math.log(x);
                                case 7 -> x * x;
                                case 8 -> (float) Math.sqrt(x);
                                case 9 -> Math.abs(x);
                                case 10 -> { float s = (float) (1 / (1 + Math.exp(-x))); yield s * (1 - s); }
                                case 11 -> { float t = (float) Math.tanh(x); yield 1 - t * t; }
                                case 12 -> x > 0 ? 1 : 0;
                                case 13 -> x > 0 ? 1 : alpha;
                                case 14 -> Math.signum(x);
                                default -> (float) -(Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)))); // log σ(x)
                            };
                        }
                    }

                    /** Per column: softmax, or log-softmax when log; the largest entry subtracted first. */
                    private static void softmax(float[] a, int r, int c, boolean log, float[] out) {
                        for (int j = 0; j < c; j++) {
                            float max = Float.NEGATIVE_INFINITY;
                            for (int i = 0; i < r; i++) {
                                max = Math.max(max, a[i * c + j]);
                            }
                            double sum = 0;
                            for (int i = 0; i < r; i++) {
                                sum += Math.exp(a[i * c + j] - max);
                            }
                            double logSum = Math.log(sum);
                            for (int i = 0; i < r; i++) {
                                double z = a[i * c + j] - max;
                                out[i * c + j] = (float) (log ? z - logSum : Math.exp(z) / sum);
                            }
                        }
                    }

                    /** Sums: 0 all entries (1×1), 1 each row (r×1), 2 each column (1×c), 3 the mean of all. */
                    private static void reduce(int op, float[] a, int r, int c, float[] out) {
                        java.util.Arrays.fill(out, 0);
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < c; j++) {
                                float x = a[i * c + j];
                                switch (op) {
                                    case 1 -> out[i] += x;
                                    case 2 -> out[j] += x;
                                    default -> out[0] += x;
                                }
                            }
                        }
                        if (op == 3) {
                            out[0] /= r * c;
                        }
                    }

                    private static void transpose(float[] a, int r, int c, float[] out) {
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < c; j++) {
                                out[j * r + i] = a[i * c + j];
                            }
                        }
                    }
                """ + (simd ? """

                    /** The product on the Vector API, in its own class: loaded only where the JVM has the module. */
                    private static final class Simd {
                        private static final jdk.incubator.vector.VectorSpecies<Float> S = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;

                        static void matvec(float[] a, float[] x, int r, int k, float[] out) {
                            int upper = S.loopBound(k);
                            for (int i = 0; i < r; i++) {
                                jdk.incubator.vector.FloatVector acc = jdk.incubator.vector.FloatVector.zero(S);
                                int row = i * k;
                                int p = 0;
                                for (; p < upper; p += S.length()) {
                                    acc = jdk.incubator.vector.FloatVector.fromArray(S, a, row + p)
                                            .fma(jdk.incubator.vector.FloatVector.fromArray(S, x, p), acc);
                                }
                                float s = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                                for (; p < k; p++) {
                                    s += a[row + p] * x[p];
                                }
                                out[i] = s;
                            }
                        }
                    }
                """ : "");
    }
}
