package deltac.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.autodiff.print.Equations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The HTML a person reads, kept as golden files under src/test/resources/golden and read in review like
 * documentation: mnist_mlp's per-sample equations (the LaTeX KaTeX gets, shapes and colours included) and its
 * verdicts on the formulas with two mistakes (the highlights included). Rewrite them on purpose with
 * {@code -Dgolden.update=true}.
 */
class GoldenFragmentsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @Test
    void theEquations() throws Exception {
        Equations equations = Equations.perSample(Examples.graph("mnist_mlp.java"));
        golden("mnist_mlp.equations.html",
                EquationsHtml.section(equations, new DeltaColours(equations), "per-sample", "Per sample", "x is one sample."));
    }

    @Test
    void theVerdicts() throws Exception {
        Report.Contents contents = Examples.contents("mnist_mlp.java");
        Equations equations = Equations.perSample(contents.graph());
        golden("mnist_mlp.verdicts.html",
                VerdictsHtml.section(contents.check(), contents.byHandFile(), equations, new DeltaColours(equations)));
    }

    private static void golden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
            return;
        }
        assertEquals(Files.readString(file), actual, "golden " + file + " (rerun with -Dgolden.update=true on purpose)");
    }
}
