package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs written to break the reader: absurd nesting, absurd length, garbage. Every one must come back, quickly
 * and without an exception or a {@link StackOverflowError}, with a graph or with exactly one error diagnostic
 * that points inside the file.
 */
class SpecHostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final String FILE = "hostile.java";

    /** A complete spec whose loss() defines {@code h} by {@code expression} and returns {@code sum(h)}. */
    static String withLocal(String expression) {
        return """
                class Hostile {
                    Matrix x = input(4);
                    Matrix y = target(4);
                    Matrix W = param(4, 4);

                    Matrix loss() {
                        Matrix h = %s;
                        return mse(W * x, y) + sum(h);
                    }
                }
                """.formatted(expression);
    }

    /** The line {@code withLocal} puts the expression on, and the column it starts at. */
    static final int LOCAL_LINE = 7;
    static final int LOCAL_COLUMN = "        Matrix h = ".length() + 1;

    static SpecResult read(String text) {
        SpecResult result = assertTimeoutPreemptively(QUICKLY, () -> Spec.read(text, FILE));
        assertWellFormed(text, result);
        return result;
    }

    /** A graph and no error, or no graph and exactly one error; every diagnostic positioned inside the text. */
    static void assertWellFormed(String text, SpecResult result) {
        assertNotNull(result);
        long lines = text.lines().count() + (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? 1 : 0);
        for (Diagnostic d : result.diagnostics()) {
            assertEquals(FILE, d.file());
            assertTrue(d.line() >= 1 && d.line() <= lines, "line " + d.line() + " outside 1.." + lines + ": " + d);
            assertTrue(d.column() >= 1, "column " + d.column() + ": " + d);
            assertFalse(d.message().isBlank(), "a message says something");
            assertFalse(d.message().contains("\n"), "one line: " + d);
        }
        if (result.ok()) {
            assertTrue(result.errors().isEmpty(), "a graph comes without errors: " + result.diagnostics());
        } else {
            assertEquals(1, result.errors().size(), "exactly one error: " + result.diagnostics());
        }
    }

    static Diagnostic theError(SpecResult result) {
        assertFalse(result.ok(), "expected an error");
        return result.errors().get(0);
    }

    /** The character a diagnostic points at. */
    static char charAt(String text, Diagnostic d) {
        String line = text.split("\n", -1)[d.line() - 1];
        return line.charAt(d.column() - 1);
    }

    static Graph graph(SpecResult result) {
        assertTrue(result.ok(), () -> "expected a graph, got " + result.diagnostics());
        assertTrue(result.errors().isEmpty());
        return result.graph().orElseThrow();
    }

    // --- nesting

    @Test
    void parenthesesNestedAThousandDeep() {
        String text = withLocal("(".repeat(1_000) + "x" + ")".repeat(1_000));
        Diagnostic error = theError(read(text));
        assertTrue(error.message().startsWith("nested too deeply"), error.toString());
        assertEquals(LOCAL_LINE, error.line());
        assertEquals('(', charAt(text, error), "points at the bracket that went too deep");
    }

    @Test
    void parenthesesNestedAHundredThousandDeep() {
        String text = withLocal("(".repeat(100_000) + "x" + ")".repeat(100_000));
        Diagnostic error = theError(read(text));
        assertTrue(error.message().startsWith("nested too deeply"), error.toString());
        assertEquals('(', charAt(text, error));
    }

    @Test
    void unbalancedOpeningParenthesesOnly() {
        read(withLocal("(".repeat(100_000)));
        read("(".repeat(100_000));
        read("{".repeat(50_000) + "[".repeat(50_000));
    }

    @Test
    void deepButLegalNestingStillParses() {
        Graph g = graph(read(withLocal("(".repeat(150) + "x" + ")".repeat(150))));
        assertSame(g.input("x").orElseThrow(), g.locals().get("h"), "parentheses add no nodes");

        Graph calls = graph(read(withLocal("sigmoid(".repeat(150) + "x" + ")".repeat(150))));
        Node h = calls.locals().get("h");
        int depth = 0;
        while (h instanceof Apply a) {
            assertEquals(Op.SIGMOID, a.op());
            h = a.arg(0);
            depth++;
        }
        assertEquals(150, depth);
    }

    // --- length

    @Test
    void aFiftyThousandTermSum() {
        String text = withLocal("x" + " + x".repeat(49_999));
        SpecResult result = read(text);
        if (!result.ok()) {
            assertEquals(LOCAL_LINE, theError(result).line());
        }
    }

    @Test
    void aTenThousandTermSumParses() {
        Graph g = graph(read(withLocal("x" + " + x".repeat(9_999))));
        Node h = g.locals().get("h");
        assertEquals(Shape.of(4, Shape.N), h.shape());
        assertEquals(10_000, Graph.topologicalOrder(List.of(h)).size(), "x and 9,999 additions");
    }

    @Test
    void fiveThousandNestedUnaryMinuses() {
        Graph g = graph(read(withLocal("- ".repeat(5_000) + "x")));
        Node h = g.locals().get("h");
        int depth = 0;
        while (h instanceof Apply a && a.op() == Op.NEG) {
            h = a.arg(0);
            depth++;
        }
        assertEquals(5_000, depth);
        assertSame(g.input("x").orElseThrow(), h);
    }

    @Test
    void aTransposeChainOfTwentyThousand() {
        read(withLocal("x" + ".T".repeat(20_000)));
    }

    @Test
    void aTransposeChainOfAThousandParses() {
        Graph g = graph(read(withLocal("x" + ".T".repeat(1_001))));
        assertEquals(Shape.of(Shape.N, 4), g.locals().get("h").shape());
    }

    @Test
    void tenThousandStatementsInAChain() {
        StringBuilder body = new StringBuilder("        Matrix h0 = x;\n");
        for (int i = 1; i <= 10_000; i++) {
            body.append("        Matrix h").append(i).append(" = tanh(h").append(i - 1).append(");\n");
        }
        String text = "class Chain {\n    Matrix x = input(4);\n    Matrix loss() {\n" + body
                + "        return sum(h10000);\n    }\n}\n";
        Graph g = graph(read(text));
        assertEquals(10_001, g.locals().size());
        assertEquals(10_002, g.topologicalOrder().size(), "x, 10,000 tanh and the sum");
    }

    /** Fields may use fields declared after them, so a chain declared backwards resolves 10,000 deep. */
    @Test
    void tenThousandFieldsDeclaredBackwards() {
        StringBuilder fields = new StringBuilder();
        for (int i = 10_000; i >= 1; i--) {
            fields.append("    Matrix h").append(i).append(" = tanh(h").append(i - 1).append(");\n");
        }
        String text = "class Backwards {\n" + fields + "    Matrix h0 = x;\n    Matrix x = input(4);\n"
                + "    Matrix loss() {\n        return sum(h10000);\n    }\n}\n";
        Graph g = graph(read(text));
        assertEquals(10_002, g.topologicalOrder().size());

        String cyclic = text.replace("Matrix h0 = x;", "Matrix h0 = h10000;");
        Diagnostic error = theError(read(cyclic));
        assertEquals("cycle: h10000 depends on h9999 depends on h9998 depends on … (9996 more) depends on h1"
                + " depends on h0 depends on h10000", error.message(), "a long cycle is elided to one short line");
    }

    // --- nothing, or garbage

    @Test
    void anEmptyFile() {
        Diagnostic error = theError(read(""));
        assertEquals(1, error.line());
        assertEquals(1, error.column());
    }

    @Test
    void onlyAComment() {
        theError(read("// nothing to see here\n"));
        theError(read("/* nor here */"));
        theError(read("\n\n   \n"));
    }

    @Test
    void unterminatedCommentStringCharAndTextBlock() {
        String comment = withLocal("x /* never closed");
        Diagnostic error = theError(read(comment));
        assertEquals(LOCAL_LINE, error.line());
        assertEquals('/', charAt(comment, error), "points at the opening /*");

        String string = withLocal("x + \"never closed");
        error = theError(read(string));
        assertEquals('"', charAt(string, error));
        assertEquals(LOCAL_LINE, error.line());

        String chars = withLocal("x + 'never closed");
        error = theError(read(chars));
        assertEquals('\'', charAt(chars, error));

        String block = withLocal("x + \"\"\"\n never closed");
        error = theError(read(block));
        assertEquals('"', charAt(block, error));

        theError(read("class A { /*"));
        theError(read("class A { \""));
        theError(read("class A { \"\\"));
        theError(read("/"));
        theError(read("\""));
    }

    @Test
    void unicodeEscapesThatOpenAString() {
        // JavaParser reads \u0022 as a quote; the reader must still answer in one positioned error
        theError(read(withLocal("x + \\u0022never closed")));
        read(withLocal("\\u0078")); // \u0078 is x
    }

    @Test
    void unicodeIdentifiers() {
        String text = """
                // 🙂 a comment with an emoji, and identifiers in three scripts
                class Réseau {
                    Matrix über = input(4);
                    Matrix ŷ = target(3);
                    Matrix 重み = param(3, 4);
                    Matrix βias = param(3);

                    Matrix loss() {
                        Matrix σ = sigmoid(重み * über + βias);
                        return mse(σ, ŷ);
                    }
                }
                """;
        Graph g = graph(read(text));
        assertEquals("Réseau", g.name());
        assertTrue(g.param("重み").isPresent());
        assertEquals(Shape.of(3, Shape.N), g.locals().get("σ").shape());
        assertTrue(read(text).diagnostics().isEmpty());

        String wrong = text.replace("+ βias", "+ βiaz");
        Diagnostic error = theError(read(wrong));
        assertEquals("unknown variable βiaz (did you mean βias?)", error.message());
        assertEquals(9, error.line());
        assertEquals("        Matrix σ = sigmoid(重み * über + ".length() + 1, error.column(),
                "columns count characters");
    }

    @Test
    void windowsLineEndings() {
        String text = withLocal("x").replace("\n", "\r\n");
        graph(read(text));
        String wrong = withLocal("x + bad").replace("\n", "\r\n");
        Diagnostic error = theError(read(wrong));
        assertEquals(LOCAL_LINE, error.line());
        assertEquals(LOCAL_COLUMN + "x + ".length(), error.column());
    }

    /** A lone \r ends a line in Java: the pre-parse scan and JavaParser must count the same lines. */
    @Test
    void oldMacLineEndings() {
        String wrong = withLocal("x + bad").replace("\n", "\r");
        Diagnostic error = theError(read(wrong));
        assertEquals(LOCAL_LINE, error.line());
        assertEquals(LOCAL_COLUMN + "x + ".length(), error.column());

        String deep = withLocal("(".repeat(1_000) + "x" + ")".repeat(1_000)).replace("\n", "\r");
        Diagnostic tooDeep = theError(read(deep));
        assertTrue(tooDeep.message().startsWith("nested too deeply"), tooDeep.toString());
        assertEquals(LOCAL_LINE, tooDeep.line());

        String comment = ("// a comment (((\r" + withLocal("x")).replace("\n", "\r");
        graph(read(comment));
    }

    @Test
    void aTwoMegabyteFile(@TempDir Path dir) throws IOException {
        String text = withLocal("x") + "// padding\n".repeat(2_000_000 / 11);
        assertTrue(text.length() >= 2_000_000);
        Diagnostic error = theError(read(text));
        assertTrue(error.message().contains("too large"), error.toString());

        Path file = dir.resolve(FILE);
        Files.writeString(file, text);
        SpecResult fromFile = assertTimeoutPreemptively(QUICKLY, () -> Spec.read(file));
        assertFalse(fromFile.ok());
        assertEquals(1, fromFile.errors().size());
        assertEquals(1, fromFile.errors().get(0).line());
    }

    @Test
    void justUnderTheSizeLimitIsRead() {
        String text = withLocal("x") + "// padding\n".repeat((SpecLimits.DEFAULT.maxBytes() - 400) / 11);
        graph(read(text));
    }

    @Test
    void randomBytes(@TempDir Path dir) throws IOException {
        Random random = new Random(20240611);
        for (int trial = 0; trial < 40; trial++) {
            byte[] bytes = new byte[1 + random.nextInt(4_096)];
            random.nextBytes(bytes);
            read(new String(bytes, StandardCharsets.ISO_8859_1));

            Path file = dir.resolve("random" + trial + ".java");
            Files.write(file, bytes);
            SpecResult result = assertTimeoutPreemptively(QUICKLY, () -> Spec.read(file));
            assertFalse(result.ok());
            assertEquals(1, result.errors().size());
        }
    }

    /** Random token soup: closer to Java than random bytes, so it gets past the tokenizer into the parser. */
    @Test
    void randomTokens() {
        String[] tokens = {"class", "Net", "{", "}", "(", ")", "Matrix", "x", "y", "W", "=", "input(4)", "target(4)",
            "param(4, 4)", "loss()", "return", ";", "+", "-", "*", "/", ".T", ",", "sigmoid", "mse", "1e999", "0",
            "-1", "\"", "'", "/*", "*/", "//", "\n", "for", "->", "::", "@", "#", "\\u0022", "static", "void", "σ",
            "n", "hadamard", "init", "(glorot())", "this", "new", "[", "]", "<", ">", "?", ":", "2.5"};
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder text = new StringBuilder(trial % 3 == 0 ? "class Net { Matrix x = input(4); Matrix loss() {" : "");
            int length = 1 + random.nextInt(80);
            for (int i = 0; i < length; i++) {
                text.append(tokens[random.nextInt(tokens.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            read(text.toString());
        }
    }

    @Test
    void controlCharactersAndNul() {
        theError(read("class A {\u0000}"));
        theError(read("\u0000".repeat(1_000)));
        read(withLocal("x\u000c")); // a form feed is white space in Java
    }

    @Test
    void theReaderCanBeUsedFromManyThreadsAtOnce() throws Exception {
        String good = withLocal("sigmoid(W * x)");
        String bad = withLocal("sigmoid(W * y) + ");
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 8; t++) {
            String text = t % 2 == 0 ? good : bad;
            boolean ok = t % 2 == 0;
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        SpecResult r = Spec.read(text, FILE);
                        assertEquals(ok, r.ok());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(QUICKLY.toMillis());
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theBatchSizeIsTheFirstInputsColumns() {
        Graph g = graph(read(withLocal("x / n")));
        Input x = g.input("x").orElseThrow();
        assertEquals(Shape.of(4, Shape.N), g.locals().get("h").shape());
        assertTrue(Graph.topologicalOrder(List.of(g.locals().get("h"))).contains(x));
    }
}
