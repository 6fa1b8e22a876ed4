package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary specs: valid networks that also carry code which would exit the JVM or write a file if anything ran
 * it. A spec is read, never compiled or executed, so the reader must return a graph (with warnings that the
 * code is ignored), this test must still be running afterwards, and the canary file must not exist.
 */
class SpecNeverExecutedTest {
    @TempDir
    Path dir;
    Path canary;
    String write;

    @BeforeEach
    void arm() {
        canary = dir.resolve("pwned.txt");
        String path = canary.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        write = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + path + "\"), \"pwned\"); ";
    }

    static final String NETWORK = """
                Matrix x = input(4);
                Matrix y = target(3);
                Matrix W = param(3, 4);

                Matrix loss() {
                    return mse(W * x, y);
                }
            """;

    static String spec(String member) {
        return "class Canary {\n" + member + "\n" + NETWORK + "}\n";
    }

    /** Reads the spec; asserts a graph, no file written, and one warning at line 2 naming what was ignored. */
    private Graph readIgnoring(String member, String ignored) {
        SpecResult result = Spec.read(spec(member), "canary.java");
        assertFalse(Files.exists(canary), "the canary was written: the spec was executed");
        assertTrue(result.ok(), () -> "a valid network with ignored members: " + result.diagnostics());
        assertEquals(List.of(), result.errors());
        List<Diagnostic> warnings = result.warnings();
        assertEquals(1, warnings.size(), () -> "one warning per ignored member: " + warnings);
        Diagnostic warning = warnings.get(0);
        assertEquals(2, warning.line(), warning.toString());
        assertEquals(ignored + " is ignored: a spec is read, never executed", warning.message());
        return result.graph().orElseThrow();
    }

    @Test
    void aStaticInitializerIsIgnored() {
        Graph g = readIgnoring("    static { " + write + "System.exit(3); }", "static initializer");
        assertEquals("Canary", g.name());
        assertEquals(1, g.params().size());
    }

    @Test
    void aMainMethodIsIgnored() {
        readIgnoring("    public static void main(String[] a) throws Exception { " + write + "System.exit(3); }",
                "method main()");
    }

    @Test
    void anInstanceInitializerIsIgnored() {
        readIgnoring("    { " + write + "System.exit(3); }", "initializer block");
    }

    @Test
    void aConstructorIsIgnored() {
        readIgnoring("    Canary() throws Exception { " + write + "System.exit(3); }", "constructor");
    }

    @Test
    void aNestedClassIsIgnored() {
        readIgnoring("    static class Payload { static { " + write + "System.exit(3); } }", "nested type Payload");
    }

    @Test
    void allOfThemAtOnce() throws Exception {
        String text = """
                class Canary {
                    static { %1$s System.exit(3); }
                    { %1$s System.exit(3); }
                    Canary() throws Exception { %1$s System.exit(3); }
                    public static void main(String[] a) throws Exception { %1$s System.exit(3); }
                %2$s}
                """.formatted(write, NETWORK);
        Path file = dir.resolve("Canary.java");
        Files.writeString(file, text);
        Graph g = Spec.read(file).orThrow();
        assertFalse(Files.exists(canary));
        assertEquals("Canary", g.name());
        assertEquals(4, Spec.read(file).warnings().size());
        Spec.parse(file);
        assertFalse(Files.exists(canary));
    }

    @Test
    void systemExitInsideLossIsAnErrorNotACall() {
        String text = """
                class Canary {
                    Matrix x = input(4);
                    Matrix y = target(3);
                    Matrix W = param(3, 4);

                    Matrix loss() {
                        System.exit(3);
                        %s
                        return mse(W * x, y);
                    }
                }
                """.formatted(write);
        SpecResult result = Spec.read(text, "canary.java");
        assertFalse(Files.exists(canary));
        assertFalse(result.ok());
        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        Diagnostic error = result.errors().get(0);
        assertEquals("canary.java:7:9: unsupported Java construct: method call System.exit(...)"
                + " (a spec calls only the functions of the spec language)", error.toString());
    }

    @Test
    void codeInAFieldOrAnExpressionIsAnErrorNotACall() {
        for (String field : List.of(
                "    Matrix z = java.nio.file.Files.writeString(java.nio.file.Path.of(\"x\"), \"pwned\");",
                "    int k = System.exit(3);",
                "    double d = Runtime.getRuntime().exec(\"touch pwned\");",
                "    Matrix v = sigmoid(new Object() { { System.exit(3); } });")) {
            SpecResult result = Spec.read(spec(field), "canary.java");
            assertFalse(result.ok(), field);
            assertEquals(1, result.diagnostics().size(), () -> field + ": " + result.diagnostics());
            assertEquals(2, result.errors().get(0).line(), result.errors().get(0).toString());
        }
        assertFalse(Files.exists(canary));
    }
}
