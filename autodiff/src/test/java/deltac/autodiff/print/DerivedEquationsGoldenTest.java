package deltac.autodiff.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example's derived equations, in every format, per sample and in batch form, equal the golden files in
 * {@code examples/derived/}. Run with {@code -Dgolden.update=true} to rewrite them on purpose.
 */
class DerivedEquationsGoldenTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path GOLDEN = EXAMPLES.resolve("derived");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> specs = Files.list(EXAMPLES)) {
            for (Path spec : specs.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (spec.getFileName().toString().contains("by_hand")) {
                    continue;
                }
                for (Format format : Format.values()) {
                    cases.add(Arguments.of(spec.getFileName().toString(), format, false));
                    cases.add(Arguments.of(spec.getFileName().toString(), format, true));
                }
            }
        }
        assertFalse(cases.isEmpty());
        return cases.stream();
    }

    static String goldenName(String spec, Format format, boolean batch) {
        String base = spec.replace(".java", "") + (batch ? ".batch" : "");
        return base + switch (format) {
            case TEXT -> ".txt";
            case LATEX -> ".tex";
            case MARKDOWN -> ".md";
            case ASCII -> ".ascii";
        };
    }

    @ParameterizedTest(name = "{0} {1} batch={2}")
    @MethodSource("cases")
    void equationsMatchTheGoldenFile(String spec, Format format, boolean batch) throws Exception {
        Graph graph = Spec.parse(EXAMPLES.resolve(spec));
        // name the source as a user in the repository root would, so the files read the same from anywhere
        Graph named = Spec.read(Files.readString(EXAMPLES.resolve(spec)), "examples/" + spec).orThrow();
        Equations equations = batch ? Equations.batch(named) : Equations.perSample(named);
        String actual = equations.print(format);
        Path golden = GOLDEN.resolve(goldenName(spec, format, batch));
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
            return;
        }
        assertEquals(Files.readString(golden), actual, "golden " + golden + " (rerun with -Dgolden.update=true on purpose)");
        assertEquals(graph.name(), named.name());
    }
}
