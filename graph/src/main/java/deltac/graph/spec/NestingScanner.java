package deltac.graph.spec;

import java.util.Optional;

/**
 * Measures how deeply a spec's text nests before JavaParser sees it, so that a spec nested too deeply gets
 * one positioned error instead of a {@link StackOverflowError}. Skips comments, strings and char literals.
 */
final class NestingScanner {
    private final String text;
    private final String file;
    private final SpecLimits limits;
    private int line = 1;
    private int column = 1;
    private int i;

    NestingScanner(String text, String file, SpecLimits limits) {
        this.text = text;
        this.file = file;
        this.limits = limits;
    }

    Optional<Diagnostic> scan() {
        int depth = 0;
        int operators = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && peek(1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    advance();
                }
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                int startLine = line;
                int startColumn = column;
                advance();
                advance();
                while (i < text.length() && !(text.charAt(i) == '*' && peek(1) == '/')) {
                    advance();
                }
                if (i >= text.length()) {
                    return Optional.of(Diagnostic.error(file, startLine, startColumn,
                            "unterminated comment: /* without */"));
                }
                advance();
                advance();
                continue;
            }
            if (c == '"' || c == '\'') {
                int startLine = line;
                int startColumn = column;
                String unterminated = skipLiteral(c);
                if (unterminated != null) {
                    return Optional.of(Diagnostic.error(file, startLine, startColumn, unterminated));
                }
                continue;
            }
            switch (c) {
                case '(', '[', '{' -> {
                    depth++;
                    if (depth > limits.maxNesting()) {
                        return error("nested too deeply: more than " + limits.maxNesting()
                                + " levels of brackets");
                    }
                    if (c == '{') {
                        operators = 0;
                    }
                }
                case ')', ']', '}' -> {
                    depth = Math.max(0, depth - 1);
                    if (c == '}') {
                        operators = 0;
                    }
                }
                case ';' -> operators = 0;
                case '+', '-', '*', '/', '.', '!', '~', '?', ':', '&', '|', '^', '%', '<', '>', '=', ',' -> {
                    operators++;
                    if (operators > limits.maxOperators()) {
                        return error("statement too long: more than " + limits.maxOperators() + " operators");
                    }
                }
                default -> { }
            }
            advance();
        }
        return Optional.empty();
    }

    /** Skips a string, char literal or text block; returns null, or what is unterminated. */
    private String skipLiteral(char quote) {
        boolean textBlock = quote == '"' && peek(1) == '"' && peek(2) == '"';
        int quotes = textBlock ? 3 : 1;
        for (int q = 0; q < quotes; q++) {
            advance();
        }
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && (textBlock || (peek(1) != '\n' && peek(1) != '\r'))) {
                advance();
                advance();
                continue;
            }
            if (!textBlock && c == quote) {
                advance();
                return null;
            }
            if (!textBlock && (c == '\n' || c == '\r')) {
                break;
            }
            if (textBlock && c == '"' && peek(1) == '"' && peek(2) == '"') {
                advance();
                advance();
                advance();
                return null;
            }
            advance();
        }
        return textBlock ? "unterminated text block" : quote == '"' ? "unterminated string literal"
                : "unterminated char literal";
    }

    private char peek(int ahead) {
        return i + ahead < text.length() ? text.charAt(i + ahead) : '\0';
    }

    /** Lines end at \n, \r\n or a lone \r, as in Java, so positions agree with JavaParser's. */
    private void advance() {
        char c = i < text.length() ? text.charAt(i) : '\0';
        if (c == '\n' || (c == '\r' && peek(1) != '\n')) {
            line++;
            column = 1;
        } else {
            column++;
        }
        i++;
    }

    private Optional<Diagnostic> error(String message) {
        return Optional.of(Diagnostic.error(file, line, column, message));
    }
}
