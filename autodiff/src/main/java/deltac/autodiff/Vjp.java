package deltac.autodiff;

import deltac.graph.Apply;
import deltac.graph.Node;
import deltac.graph.Op;
import java.util.function.Supplier;

/**
 * The gradient, one vector-Jacobian rule per op: given the adjoint {@code g} of a node's value (∂C/∂node, of
 * the node's shape), each rule adds the adjoint of each argument. One exhaustive switch with no default, so
 * a new op does not compile until it has its rule here.
 *
 * <p>Three rules look through their argument, for numbers that stay finite and equations as textbooks write
 * them: cross-entropy of a softmax gives its logits (a − y)/n, binary cross-entropy of a sigmoid likewise,
 * and the log of a softmax differentiates as log-softmax.
 *
 * <p>The losses of raw probabilities differentiate as PyTorch's {@code BCELoss} does, finite at p = 0 and 1: the
 * divisor is kept at least {@link #DIVISOR_FLOOR} (p(1 − p) for binary cross-entropy, p for cross-entropy), and the
 * target's adjoint reads each log clamped at −100, as the loss itself is.
 */
final class Vjp {
    private Vjp() {}

    /** Receives the adjoint terms; {@link #wants} says whether a node's adjoint is needed at all. */
    interface Adjoints {
        boolean wants(Node node);

        void add(Node node, Node term, String fusedRule);
    }

    static void contribute(Apply node, Node g, Terms t, Adjoints out) {
        Node x = node.arg(0);
        Node y = node.args().size() > 1 ? node.arg(1) : null;
        Rule r = new Rule(out);
        switch (node.op()) {
            case ADD -> {
                r.to(x, () -> t.unbroadcast(g, x.shape()));
                r.to(y, () -> t.unbroadcast(g, y.shape()));
            }
            case SUB -> {
                r.to(x, () -> t.unbroadcast(g, x.shape()));
                r.to(y, () -> t.unbroadcast(t.neg(g), y.shape()));
            }
            case MATMUL -> {
                r.to(x, () -> t.matmul(g, t.transpose(y)));
                r.to(y, () -> t.matmul(t.transpose(x), g));
            }
            case MATMUL_TN -> { // xᵀ y
                r.to(x, () -> t.matmul(y, t.transpose(g)));
                r.to(y, () -> t.matmul(x, g));
            }
            case MATMUL_NT -> { // x yᵀ
                r.to(x, () -> t.matmul(g, y));
                r.to(y, () -> t.matmul(t.transpose(g), x));
            }
            case SCALE -> {
                r.to(x, () -> t.op(Op.SUM, t.hadamard(g, y)));
                r.to(y, () -> t.times(x, g));
            }
            case DIVIDE -> {
                r.to(x, () -> t.divide(g, y));
                r.to(y, () -> t.unbroadcast(t.neg(t.divide(t.hadamard(g, node), y)), y.shape()));
            }
            case NEG -> r.to(x, () -> t.neg(g));
            case TRANSPOSE -> r.to(x, () -> t.transpose(g));
            case HADAMARD -> {
                r.to(x, () -> t.hadamard(g, y));
                r.to(y, () -> t.hadamard(g, x));
            }
            case SIGMOID -> r.to(x, () -> t.hadamard(g, t.op(Op.SIGMOID_PRIME, x)));
            case TANH -> r.to(x, () -> t.hadamard(g, t.op(Op.TANH_PRIME, x)));
            case RELU -> r.to(x, () -> t.hadamard(g, t.op(Op.RELU_PRIME, x)));
            case LEAKY_RELU -> r.to(x, () -> t.hadamard(g, t.op(Op.LEAKY_RELU_PRIME, node.attr(), x)));
            case EXP -> r.to(x, () -> t.hadamard(g, node));
            case LOG -> {
                if (isSoftmax(x)) {
                    Node z = ((Apply) x).arg(0);
                    r.fused(z, "log-softmax: ∂ log softmax(z) = g − softmax(z) 1ᵀg",
                            () -> logSoftmaxAdjoint(g, x, t));
                } else {
                    r.to(x, () -> t.divide(g, x));
                }
            }
            case SQUARE -> r.to(x, () -> t.times(t.constant(2), t.hadamard(g, x)));
            case SQRT -> r.to(x, () -> t.divide(g, t.times(t.constant(2), node)));
            case ABS -> r.to(x, () -> t.hadamard(g, t.op(Op.SIGN, x)));
            case SOFTMAX -> r.to(x, () -> t.hadamard(node, t.sub(g, columnSums(t.hadamard(g, node), t))));
            case LOG_SOFTMAX -> r.to(x, () -> logSoftmaxAdjoint(g, t.op(Op.SOFTMAX, x), t));
            case SUM -> r.to(x, () -> t.times(g, t.ones(x.shape())));
            case SUM_ROWS -> r.to(x, () -> t.matmul(g, t.ones(deltac.graph.Shape.of(1, x.shape().cols()))));
            case SUM_COLS -> r.to(x, () -> t.matmul(t.ones(deltac.graph.Shape.of(x.shape().rows(), 1)), g));
            case MEAN -> r.to(x, () -> t.times(t.divide(g, t.count(x)), t.ones(x.shape())));
            case MSE -> {
                r.to(x, () -> t.times(t.perSample(g, x), t.sub(x, y)));
                r.to(y, () -> t.times(t.perSample(g, x), t.sub(y, x)));
            }
            case CROSS_ENTROPY -> {
                if (isSoftmax(x) && y instanceof deltac.graph.Input target && target.isTarget()) {
                    // a target's columns are one-hot or distributions (they sum to 1): the textbook a − y
                    Node z = ((Apply) x).arg(0);
                    r.fused(z, "softmax-cross-entropy: ∂C/∂z = (a − y)/n",
                            () -> t.times(t.perSample(g, x), t.sub(x, y)));
                } else if (isSoftmax(x)) {
                    // any y: ∂C/∂z = (a ⊙ 1 sumCols(y) − y)/n, still without dividing by a
                    Node z = ((Apply) x).arg(0);
                    r.fused(z, "softmax-cross-entropy: ∂C/∂z = (a 1ᵀy − y)/n",
                            () -> t.times(t.perSample(g, x), t.sub(t.hadamard(x, columnSums(y, t)), y)));
                } else {
                    r.to(x, () -> t.neg(t.times(t.perSample(g, x), t.divide(y, t.atLeast(x, DIVISOR_FLOOR)))));
                }
                r.to(y, () -> t.neg(t.times(t.perSample(g, x), termLog(!isSoftmax(x), x, t))));
            }
            case BINARY_CROSS_ENTROPY -> {
                if (isSigmoid(x)) {
                    Node z = ((Apply) x).arg(0);
                    r.fused(z, "sigmoid-binary-cross-entropy: ∂C/∂z = (a − y)/n",
                            () -> t.times(t.perSample(g, x), t.sub(x, y)));
                } else {
                    r.to(x, () -> t.times(t.perSample(g, x), t.divide(t.sub(x, y),
                            t.atLeast(t.hadamard(x, t.sub(t.constant(1), x)), DIVISOR_FLOOR))));
                }
                r.to(y, () -> t.neg(t.times(t.perSample(g, x),
                        t.sub(termLog(!isSigmoid(x), x, t), termLog(!isSigmoid(x), t.sub(t.constant(1), x), t)))));
            }
            case SIGMOID_PRIME -> { // σ′′ = σ′ (1 − 2σ)
                r.to(x, () -> t.hadamard(t.hadamard(g, node),
                        t.sub(t.constant(1), t.times(t.constant(2), t.op(Op.SIGMOID, x)))));
            }
            case TANH_PRIME -> { // (1 − tanh²)′ = −2 tanh (1 − tanh²)
                r.to(x, () -> t.times(t.constant(-2), t.hadamard(t.hadamard(g, node), t.op(Op.TANH, x))));
            }
            case RELU_PRIME, LEAKY_RELU_PRIME, SIGN, COLS -> { } // piecewise constant: no gradient
        }
    }

    /** The least divisor of a raw-probability loss's gradient: PyTorch's BCELoss backward uses the same. */
    static final double DIVISOR_FLOOR = 1e-12;

    /** e^−100: a probability below it has its log clamped at −100 ({@code Kernels64.LOG_FLOOR}) by the loss. */
    private static final double LOG_FLOOR_PROBABILITY = Math.exp(deltac.runtime.kernels.Kernels64.LOG_FLOOR);

    /**
     * The log of a loss term as the loss computes it: of a raw probability max(log p, −100), written
     * log(max(p, e^−100)) (the floor added to p is exact for any p far above it, where adding 100 to log p would
     * round a small log away); through a softmax or sigmoid, whose logits the loss reads, not clamped.
     */
    private static Node termLog(boolean raw, Node p, Terms t) {
        return t.op(Op.LOG, raw ? t.atLeast(p, LOG_FLOOR_PROBABILITY) : p);
    }

    /** g − p ⊙ (1 · sumCols(g)): the adjoint of z in log softmax(z), p = softmax(z). */
    private static Node logSoftmaxAdjoint(Node g, Node softmax, Terms t) {
        return t.sub(g, t.hadamard(softmax, columnSums(g, t)));
    }

    /** Each column's sum, broadcast back over the rows: 1 (1ᵀ v). */
    private static Node columnSums(Node v, Terms t) {
        return t.matmul(t.ones(deltac.graph.Shape.of(v.shape().rows(), 1)), t.op(Op.SUM_COLS, v));
    }

    private static boolean isSoftmax(Node n) {
        return n instanceof Apply a && a.op() == Op.SOFTMAX;
    }

    private static boolean isSigmoid(Node n) {
        return n instanceof Apply a && a.op() == Op.SIGMOID;
    }

    /** Adds a term only when its target needs an adjoint, so no unused gradient is ever built. */
    private record Rule(Adjoints out) {
        void to(Node target, Supplier<Node> term) {
            if (target != null && out.wants(target)) {
                out.add(target, term.get(), null);
            }
        }

        void fused(Node target, String rule, Supplier<Node> term) {
            if (out.wants(target)) {
                out.add(target, term.get(), rule);
            }
        }
    }
}
