package deltac.graph.spec;

import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads hand-derived formulas: Java syntax like a spec, a class whose fields (or statements) assign the names
 * {@code deltac derive} prints, e.g. {@code Matrix delta_z1 = hadamard(W2.T * delta_z2, sigmoidPrime(z1));}.
 * A formula sees the spec's names and the derived names; a derived name used in a formula stands for the
 * derived value, so each formula is judged on its own.
 */
public final class Formulas {
    private Formulas() {}

    /** One formula: the name it defines, its value as a node of the given builder, and where it is. */
    public record Formula(String name, Node value, int line, int column) {}

    /** The formulas read, or none and the diagnostic that stopped the reading; warnings either way. */
    public record Result(List<Formula> formulas, List<Diagnostic> diagnostics) {
        public Result {
            formulas = List.copyOf(formulas);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }

        static Result failed(Diagnostic error) {
            return new Result(List.of(), List.of(error));
        }
    }

    /**
     * @param builder  where the formulas' nodes are made: it must know every leaf the names refer to
     * @param names    every name a formula may use (the spec's values and the derived ones), with its value
     * @param expected the names a formula may define, with the shape each must have
     */
    public static Result read(Path file, GraphBuilder builder, Map<String, Node> names, Map<String, Shape> expected)
            throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return read(text, file.toString(), builder, names, expected);
    }

    public static Result read(String text, String file, GraphBuilder builder, Map<String, Node> names,
                              Map<String, Shape> expected) {
        return read(text, file, builder, names, expected, null);
    }

    /**
     * Reads past shape errors, for {@code check} to name the mistake behind one: each op whose arguments do not
     * fit is read with them transposed or swapped, as {@code repairs} chooses and records, and a formula of the
     * wrong shape is kept. Never a verdict's input: the formulas it gives are not what the file says.
     */
    public static Result readRepairing(String text, String file, GraphBuilder builder, Map<String, Node> names,
                                       Map<String, Shape> expected, Repairs repairs) {
        return read(text, file, builder, names, expected, java.util.Objects.requireNonNull(repairs));
    }

    private static Result read(String text, String file, GraphBuilder builder, Map<String, Node> names,
                               Map<String, Shape> expected, Repairs repairs) {
        return Spec.parse(text, file, SpecLimits.DEFAULT,
                unit -> new FormulaTranslator(file, builder, names, expected, repairs).translate(unit), Result::failed);
    }
}
