package deltac.graph.spec;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import deltac.graph.Graph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a network spec: Java syntax, parsed with JavaParser and never compiled or executed.
 *
 * <pre>{@code
 * Graph net = Spec.parse(Path.of("examples/mnist_mlp.java"));   // throws SpecException on errors
 * SpecResult r = Spec.read(source, "spec.java");                 // or every diagnostic as a value
 * }</pre>
 */
public final class Spec {
    private Spec() {}

    /** The graph of a spec file, or a {@link SpecException} with its diagnostics. */
    public static Graph parse(Path file) throws IOException, SpecException {
        return read(file).orThrow();
    }

    /** Reads a spec file; its errors are diagnostics in the result, I/O failures are exceptions. */
    public static SpecResult read(Path file) throws IOException {
        return read(file, SpecLimits.DEFAULT);
    }

    public static SpecResult read(Path file, SpecLimits limits) throws IOException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            return failed(Diagnostic.error(name, 1, 1, "spec too large: " + size + " bytes; the limit is "
                    + limits.maxBytes()));
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return read(text, name, limits);
        } catch (CharacterCodingException e) {
            return failed(Diagnostic.error(name, 1, 1, "not UTF-8 text"));
        }
    }

    public static SpecResult read(String text, String file) {
        return read(text, file, SpecLimits.DEFAULT);
    }

    /** Reads spec text; {@code file} names it in diagnostics. */
    public static SpecResult read(String text, String file, SpecLimits limits) {
        if (text.length() > limits.maxBytes()) {
            return failed(Diagnostic.error(file, 1, 1, "spec too large: " + text.length()
                    + " characters; the limit is " + limits.maxBytes()));
        }
        Optional<Diagnostic> tooDeep = new NestingScanner(text, file, limits).scan();
        if (tooDeep.isPresent()) {
            return failed(tooDeep.get());
        }
        return onParserThread(() -> parseAndTranslate(text, file), file, limits);
    }

    private static SpecResult parseAndTranslate(String text, String file) {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false)
                .setStoreTokens(true);
        ParseResult<CompilationUnit> parsed = new JavaParser(config).parse(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return failed(syntaxError(parsed.getProblems(), file));
        }
        return new SpecTranslator(file).translate(parsed.getResult().get());
    }

    /** JavaParser's first problem, in one line: where, what was found, and what would do when that is short. */
    private static Diagnostic syntaxError(List<Problem> problems, String file) {
        if (problems.isEmpty()) {
            return Diagnostic.error(file, 1, 1, "syntax error");
        }
        Problem problem = problems.get(0);
        Position at = problem.getLocation()
                .flatMap(range -> range.getBegin().getRange())
                .map(range -> range.begin)
                .orElse(new Position(1, 1));
        return Diagnostic.error(file, at.line, at.column, "syntax error: " + SyntaxMessages.shorten(problem.getMessage()));
    }

    private static SpecResult onParserThread(java.util.function.Supplier<SpecResult> work, String file,
                                             SpecLimits limits) {
        AtomicReference<SpecResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (StackOverflowError e) {
                result.set(failed(Diagnostic.error(file, 1, 1, "spec nested too deeply to read")));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deltac-spec-reader", limits.stackBytes());
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(limits.timeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return failed(Diagnostic.error(file, 1, 1, "interrupted while reading the spec"));
        }
        if (thread.isAlive()) {
            thread.interrupt();
            return failed(Diagnostic.error(file, 1, 1, "reading the spec took longer than "
                    + limits.timeout().toSeconds() + " s"));
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    static SpecResult failed(Diagnostic error) {
        List<Diagnostic> list = new ArrayList<>();
        list.add(error);
        return new SpecResult(Optional.empty(), list);
    }
}
