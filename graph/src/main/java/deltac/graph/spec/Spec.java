package deltac.graph.spec;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseException;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.Token;
import com.github.javaparser.TokenMgrException;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return parse(text, file, limits, unit -> new SpecTranslator(file).translate(unit), Spec::failed);
    }

    /**
     * Parses Java text within the limits, on the parser thread, and translates the syntax tree; any error
     * before translation becomes {@code failure}'s result. Shared by specs and hand-derived formulas.
     */
    static <T> T parse(String text, String file, SpecLimits limits, Function<CompilationUnit, T> translate,
                       Function<Diagnostic, T> failure) {
        if (text.length() > limits.maxBytes()) {
            return failure.apply(Diagnostic.error(file, 1, 1, "file too large: " + text.length()
                    + " characters; the limit is " + limits.maxBytes()));
        }
        Optional<Diagnostic> tooDeep = new NestingScanner(text, file, limits).scan();
        if (tooDeep.isPresent()) {
            return failure.apply(tooDeep.get());
        }
        return onParserThread(() -> {
            ParserConfiguration config = new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setAttributeComments(false)
                    .setStoreTokens(true);
            ParseResult<CompilationUnit> parsed = new JavaParser(config).parse(text);
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                return failure.apply(syntaxError(parsed.getProblems(), file, text));
            }
            return translate.apply(parsed.getResult().get());
        }, file, limits, failure);
    }

    /** JavaParser's first problem, in one line: where, what was found, and what would do when that is short. */
    private static Diagnostic syntaxError(List<Problem> problems, String file, String text) {
        if (problems.isEmpty()) {
            return Diagnostic.error(file, 1, 1, "syntax error");
        }
        Problem problem = problems.get(0);
        Throwable cause = problem.getCause().orElse(null);
        if (cause instanceof TokenMgrException) {
            return lexicalError(problem.getMessage(), file, text);
        }
        Position at = problem.getLocation()
                .flatMap(range -> range.getBegin().getRange())
                .map(range -> range.begin)
                .orElse(new Position(1, 1));
        String message = SyntaxMessages.shorten(problem.getMessage());
        if (cause instanceof ParseException parse && parse.currentToken != null && parse.currentToken.next != null) {
            // the problem's range begins at the last token read; the message is about the next one, found there
            Token last = parse.currentToken;
            Token found = last.next;
            if (found.beginLine > 0) {
                at = new Position(found.beginLine, Math.max(1, found.beginColumn));
            }
            if (SyntaxMessages.expectsSemicolon(problem.getMessage()) && last.endLine > 0
                    && found.beginLine > last.endLine) {
                // a line without its ";": say so at the end of that line, as javac does
                at = new Position(last.endLine, last.endColumn + 1);
                message = "expected \";\" after \"" + last.image + "\"";
            }
        }
        at = inside(text, at);
        return Diagnostic.error(file, at.line, at.column, "syntax error: " + message);
    }

    /**
     * The position kept inside the text: on a line that exists (lines end at \n, \r\n or a lone \r, as JavaParser
     * counts them) and at most one column past the end of that line. JavaCC puts the end of file on the last
     * character read, which after a final \r\n is the \n, one column past the end.
     */
    private static Position inside(String text, Position at) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < text.length() && line < at.line; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                start = i + 1;
            }
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return new Position(line, Math.max(1, Math.min(at.column, end - start + 1)));
    }

    /** Lines as Java counts them: \n, \r\n and a lone \r each end one. */
    private static long lineCount(String text) {
        return text.lines().count() + (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? 1 : 0);
    }

    private static final Pattern LEXICAL = Pattern.compile(
            "at line (\\d+), column (\\d+)\\.\\s+Encountered: (<EOF>|\"(.*?)\" \\(\\d+\\))", Pattern.DOTALL);

    /** A character the tokenizer cannot read, at its place (clamped into the file; JavaCC may say column 0). */
    private static Diagnostic lexicalError(String raw, String file, String text) {
        Matcher m = LEXICAL.matcher(raw);
        if (!m.find()) {
            return Diagnostic.error(file, 1, 1, "syntax error: unreadable input");
        }
        long reported = Long.parseLong(m.group(1));
        int column = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(2)));
        // past the last line, point at the end of it (inside() clamps the column to one past the line's end)
        Position at = inside(text, new Position((int) Math.max(1, Math.min(Integer.MAX_VALUE, reported)),
                reported > lineCount(text) ? Integer.MAX_VALUE : Math.max(1, column)));
        String what = m.group(4) == null ? "unexpected end of file" : "unexpected character \"" + m.group(4) + "\"";
        return Diagnostic.error(file, at.line, at.column, "syntax error: " + what);
    }

    private static <T> T onParserThread(java.util.function.Supplier<T> work, String file, SpecLimits limits,
                                        Function<Diagnostic, T> failed) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (StackOverflowError e) {
                result.set(failed.apply(Diagnostic.error(file, 1, 1, "nested too deeply to read")));
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
            return failed.apply(Diagnostic.error(file, 1, 1, "interrupted while reading"));
        }
        if (thread.isAlive()) {
            thread.interrupt();
            return failed.apply(Diagnostic.error(file, 1, 1, "reading took longer than "
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
