package deltac.codegen.standalone;

import deltac.codegen.Signature;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.graph.Graph;
import deltac.graph.Param;
import deltac.runtime.checkpoint.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A spec's prediction with trained weights as a class that needs only {@code java.base}: its products and activations
 * are its own loops, its weights a resource beside it, its one-sample {@code predict} takes every input by name.
 *
 * <pre>{@code
 * Scorer s = Standalone.compile(graph, weights, "com/example/IrisMlpScorer", true);
 * s.classes();        // com/example/IrisMlpScorer (and its nested Simd): class files, verified
 * s.weights();        // the bytes of com/example/IrisMlpScorer.weights
 * }</pre>
 */
public final class Standalone {
    private Standalone() {}

    /** The class files by internal name, and the weights resource by its path in a jar or class folder. */
    public record Scorer(Map<String, byte[]> classes, String weightsPath, byte[] weights) {}

    /** {@code IrisMlp} → {@code IrisMlpScorer}. */
    public static String simpleName(String specName) {
        return specName + "Scorer";
    }

    /**
     * @param weights the trained parameters, each named as in the spec with its shape
     * @param simd whether the class also carries a Vector API product, used where the JVM has the module
     * @throws IllegalArgumentException when the spec has no per-sample prediction or a weight is missing or misshapen
     */
    public static Scorer compile(Graph graph, List<Tensor> weights, String internalName, boolean simd) {
        Signature signature = Signature.of(graph);
        if (signature.output() == null) {
            throw new IllegalArgumentException(graph.name() + " has no prediction to score: its loss compares no value with a "
                    + "column per sample with a feed");
        }
        byte[] resource = resource(graph, weights);
        String source = ScorerSource.of(graph, signature.output(), signature.inputs(), internalName,
                BytecodeCompiler.version(), simd);
        return new Scorer(ScorerCompiler.compile(internalName, source, simd), internalName + ".weights", resource);
    }

    /** The Java source, for review. */
    public static String source(Graph graph, String internalName, boolean simd) {
        Signature signature = Signature.of(graph);
        return ScorerSource.of(graph, signature.output(), signature.inputs(), internalName, BytecodeCompiler.version(), simd);
    }

    private static byte[] resource(Graph graph, List<Tensor> weights) {
        Map<String, Tensor> byName = new java.util.HashMap<>();
        weights.forEach(t -> byName.put(t.name(), t));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x44534331);
            out.writeInt(graph.params().size());
            for (Param p : graph.params()) {
                Tensor t = byName.get(p.name());
                int rows = p.shape().rows(1);
                int cols = p.shape().cols(1);
                if (t == null) {
                    throw new IllegalArgumentException("no weights for " + p.name() + " (" + rows + "×" + cols + ")");
                }
                if (t.rows() != rows || t.cols() != cols) {
                    throw new IllegalArgumentException(p.name() + " is " + rows + "×" + cols + " in the spec but "
                            + t.rows() + "×" + t.cols() + " in the weights");
                }
                out.writeUTF(p.name());
                out.writeInt(rows);
                out.writeInt(cols);
                for (float v : t.asF32()) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
