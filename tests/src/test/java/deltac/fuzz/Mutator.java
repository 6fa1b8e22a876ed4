package deltac.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes broken specs out of good ones: deleted, repeated and swapped tokens, swapped operators, wrong dimensions,
 * huge and odd numbers, deep nesting, long chains, unicode and control characters, truncation, spliced files,
 * empty files. Deterministic for a given {@link Random}, so a campaign is reproducible from its seed.
 */
final class Mutator {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|//[^\\n]*|/\\*.*?\\*/|\\p{L}[\\p{L}\\p{N}_]*|[_$][\\p{L}\\p{N}_$]*"
                    + "|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?[fFdDlL]?|\\.\\d+(?:[eE][+-]?\\d+)?"
                    + "|&&|\\|\\||==|!=|<=|>=|->|::|\\+\\+|--|[+\\-*/%]=?|.",
            Pattern.DOTALL);

    private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "&&", "||", "==", "!=", "<", ">", "=", "+=",
        "++", "--", "!", "~", "^", "&", "|", "?", ":", "::", "->", ".", ",", ";", "@", "#", ".T", "instanceof"};

    private static final String[] NUMBERS = {"0", "1", "-1", "2", "3", "4", "10", "0.5", "1e-4", "1e999", "1e-999",
        "2147483647", "2147483648", "-2147483648", "2147483639", "4294967296", "9223372036854775807",
        "9223372036854775808", "99999999999999999999999999999", "1.7976931348623157e308", "4.9e-324", "0x7fffffff",
        "0xFFFFFFFF", "0b101", "017", "08", "1_000", "1__0", "1_", "1L", "1f", "1d", "2.5F", ".5", "5.", "1e", "1e+",
        "0x", "0x1p3", "0.0", "-0.0", "1e308", "46341", "65536", "100000", "1000000"};

    private static final String[] NAMES = {"x", "y", "n", "W", "W1", "W2", "b1", "b2", "z1", "a1", "z2", "a2", "loss",
        "input", "target", "param", "init", "glorot", "he", "normal", "uniform", "zeros", "sigmoid", "tanh", "relu",
        "leakyRelu", "exp", "log", "square", "sqrt", "abs", "softmax", "logSoftmax", "sum", "sumRows", "sumCols", "mean",
        "mse", "crossEntropy", "binaryCrossEntropy", "hadamard", "sigmoidPrime", "tanhPrime", "reluPrime", "sign",
        "leakyReluPrime", "T", "Matrix", "double", "int", "float", "long", "var", "void", "class", "interface", "record",
        "enum", "return", "new", "this", "super", "null", "true", "false", "static", "final", "public", "import",
        "package", "if", "for", "while", "yield", "switch", "_", "System", "exit", "String", "Object", "delta_z1",
        "delta_z2", "dW1", "dW2", "db1", "db2", "unknownName", "sigmoidd", "σ", "重み", "$x", "x$"};

    private static final String[] ODD = {"🙂", "\uD800", "\uDC00", "\uFEFF", "\u200B", "\u202E", "e\u0301", "σ", "重",
        "\u0000", "\u001A", "\u0007", "\u007F", "\\u0022", "\\u000a", "\\u000d", "\\u005c", "\\uuuu0041", "\\u", "\\uD800",
        "\r", "\t", "\u000c", "\u2028", "\u0085", "\u00a0", "\u3000", "\uFFFF", "\uFFFD", "\"", "'", "'\\''", "\"\"\"",
        "/*", "*/", "//", "\\", "`", "@interface", "<T>", "[]", "{", "}", "(", ")", "[", "]"};

    private static final String[] WRAPPERS = {"(", "sigmoid(", "tanh(", "sum(", "exp(", "hadamard(x, ", "softmax(",
        "-", "- ", "+", "!"};

    private final Random random;
    private final List<String> corpus;

    /** @param corpus texts to splice with (the seeds) */
    Mutator(Random random, List<String> corpus) {
        this.random = random;
        this.corpus = corpus;
    }

    /** One to four mutations of the seed; now and then something made from scratch instead. */
    String mutate(String seed) {
        int roll = random.nextInt(100);
        if (roll == 0) {
            return scratch();
        }
        String text = seed;
        int count = 1 + (random.nextInt(4) == 0 ? random.nextInt(4) : 0);
        for (int i = 0; i < count && text.length() < 200_000; i++) {
            text = once(text);
        }
        return text;
    }

    private String scratch() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> " \n\t\r\n".repeat(random.nextInt(20));
            case 2 -> pick(ODD).repeat(1 + random.nextInt(50));
            case 3 -> {
                StringBuilder soup = new StringBuilder();
                for (int i = random.nextInt(200); i > 0; i--) {
                    soup.append(random.nextBoolean() ? pick(NAMES) : pick(OPERATORS)).append(random.nextBoolean() ? " " : "");
                }
                yield soup.toString();
            }
            case 4 -> {
                char[] chars = new char[random.nextInt(2_000)];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x10000));
                }
                yield new String(chars);
            }
            default -> "class A {}";
        };
    }

    /** The largest text a mutation builds on: past the reader's 1 MB limit, but not without end. */
    static final int MAX_LENGTH = 1_100_000;

    static final int EXTREMES_IN = 60;

    /**
     * One mutation: two in five keep the syntax and change the meaning (numbers, dimensions, names, operators,
     * modest nesting), so that inputs reach the shape checker and the derivation; the rest break the syntax,
     * except one in {@value #EXTREMES_IN} that goes to extremes (nesting and chains far past the limits, megabyte
     * files), which take up to seconds each.
     */
    String once(String text) {
        List<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return pick(NAMES) + " " + pick(OPERATORS);
        }
        int roll = random.nextInt(100);
        String out;
        if (roll < 25) {
            out = sameSyntax(text, tokens);
        } else if (roll < 40) {
            out = switch (random.nextInt(7)) {
                case 0 -> replaceMatching(tokens, "\\d.*|\\.\\d.*", pick(NUMBERS));
                case 1 -> wrongDimension(text);
                case 2, 3 -> replaceMatching(tokens, "\\p{L}.*|_.*", pick(NAMES));
                case 4 -> replaceMatching(tokens, "[+\\-*/]", pick(new String[] {"+", "-", "*", "/"}));
                case 5 -> deepNesting(tokens, new int[] {1, 2, 5, 20, 100, 150}[random.nextInt(6)]);
                default -> longChain(tokens, new int[] {2, 3, 10, 100}[random.nextInt(4)]);
            };
        } else if (random.nextInt(EXTREMES_IN) > 0) {
            out = switch (random.nextInt(13)) {
                case 0, 1 -> join(without(tokens, randomToken(tokens)));
                case 2 -> join(replaced(tokens, randomToken(tokens), t -> t + t));
                case 3 -> replaceMatching(tokens, "[+\\-*/%=.,;]|&&|\\|\\|", pick(OPERATORS));
                case 4 -> join(inserted(tokens, random.nextInt(tokens.size() + 1),
                        random.nextBoolean() ? pick(NAMES) : pick(OPERATORS)));
                case 5 -> swapAdjacent(tokens);
                case 6 -> insertAt(text, random.nextInt(text.length() + 1), pick(ODD));
                case 7 -> text.substring(0, random.nextInt(text.length() + 1));
                case 8 -> lines(text);
                case 9 -> splice(text);
                case 10 -> flipChars(text);
                case 11 -> repeatSpan(text, new int[] {2, 3, 10}[random.nextInt(3)]);
                default -> replaceMatching(tokens, "[()\\[\\]{}]",
                        pick(new String[] {"(", ")", "[", "]", "{", "}", "", "()"}));
            };
        } else {
            out = switch (random.nextInt(3)) {
                case 0 -> deepNesting(tokens, new int[] {199, 200, 201, 256, 1_000, 5_000, 20_000}[random.nextInt(7)]);
                case 1 -> longChain(tokens, new int[] {1_000, 10_000, 19_999, 20_001, 40_000}[random.nextInt(5)]);
                default -> repeatSpan(text, new int[] {1_000, 30_000}[random.nextInt(2)]);
            };
        }
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out;
    }

    private static final String[][] SAME_KIND = {
        {"sigmoid", "tanh", "relu", "exp", "square", "abs", "softmax", "logSoftmax", "sigmoidPrime", "tanhPrime",
            "reluPrime", "sign", "-"},
        {"mse", "crossEntropy", "binaryCrossEntropy", "hadamard"},
        {"sum", "mean"},
        {"glorot()", "he()", "zeros()", "normal(0.1)", "uniform(1.0)", "normal(1e-3)"},
        {"+", "-"},
    };

    /**
     * A change that keeps a good spec good (or nearly): a function for another of its kind, a sum for a difference,
     * a right-hand side wrapped in an activation, a transpose taken twice, a regularization term added.
     */
    private String sameSyntax(String text, List<String> tokens) {
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                String[] kind = SAME_KIND[random.nextInt(SAME_KIND.length)];
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    String t = tokens.get(i);
                    for (String k : kind) {
                        if (k.startsWith(t) && (k.equals(t) || k.startsWith(t + "("))) {
                            at.add(i);
                        }
                    }
                }
                if (at.isEmpty()) {
                    return text;
                }
                String with = pick(kind);
                String name = with.contains("(") ? with.substring(0, with.indexOf('(')) : with;
                return join(replaced(tokens, at.get(random.nextInt(at.size())), t -> name));
            }
            case 2 -> {
                Matcher m = Pattern.compile("(Matrix \\w+ *= *)([^;\\n]+);").matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(2), m.end(2)});
                }
                if (spans.isEmpty()) {
                    return text;
                }
                int[] span = spans.get(random.nextInt(spans.size()));
                String f = pick(SAME_KIND[0]);
                return text.substring(0, span[0]) + f + "(" + text.substring(span[0], span[1]) + ")"
                        + text.substring(span[1]);
            }
            case 3 -> {
                int at = randomName(tokens);
                String suffix = pick(new String[] {".T.T", " * 1", " + 0 * " + tokens.get(at), ""});
                return join(replaced(tokens, at, t -> "(" + t + suffix + ")"));
            }
            default -> {
                int ret = text.lastIndexOf("return ");
                int end = ret < 0 ? -1 : text.indexOf(';', ret);
                if (end < 0) {
                    return text;
                }
                String p = pick(new String[] {"W", "W1", "W2", "b1", "w", "x", "y", "n"});
                return text.substring(0, end) + " + " + pick(NUMBERS) + " * sum(square(" + p + "))" + text.substring(end);
            }
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private int randomToken(List<String> tokens) {
        // prefer tokens that are not white space or comments: they are where the meaning is
        for (int tries = 0; tries < 8; tries++) {
            int i = random.nextInt(tokens.size());
            String t = tokens.get(i);
            if (!t.isBlank() && !t.startsWith("//") && !t.startsWith("/*")) {
                return i;
            }
        }
        return random.nextInt(tokens.size());
    }

    private String replaceMatching(List<String> tokens, String regex, String with) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).matches(regex)) {
                matching.add(i);
            }
        }
        int at = matching.isEmpty() ? randomToken(tokens) : matching.get(random.nextInt(matching.size()));
        return join(replaced(tokens, at, t -> with));
    }

    /** A number inside input(...), target(...), param(...) or an int field changed: shapes stop matching. */
    private String wrongDimension(String text) {
        Matcher m = Pattern.compile("(input|target|param|int \\w+ =)\\s*\\(?\\s*(\\d+)").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        if (spans.isEmpty()) {
            return once(text);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = switch (random.nextInt(5)) {
            case 0 -> Integer.toString(1 + random.nextInt(1_000));
            case 1 -> pick(NUMBERS);
            case 2 -> Integer.toString(Integer.parseInt(text.substring(span[0], span[1]).length() > 9 ? "1"
                    : text.substring(span[0], span[1])) + 1);
            case 3 -> "0";
            default -> "100000, 100000";
        };
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    /** An identifier wrapped in k levels of brackets, calls or unary operators, k around and far past the limits. */
    private String deepNesting(List<String> tokens, int depth) {
        int at = randomName(tokens);
        String wrapper = pick(WRAPPERS);
        boolean closes = wrapper.endsWith("(") || wrapper.endsWith(", ");
        String core = tokens.get(at);
        String nested = random.nextInt(4) == 0 ? core + ".T".repeat(depth)
                : wrapper.repeat(depth) + core + (closes ? ")".repeat(random.nextInt(10) == 0 ? depth - 1 : depth) : "");
        return join(replaced(tokens, at, t -> nested));
    }

    /** An identifier replaced by a sum, product or chain of k copies of itself. */
    private String longChain(List<String> tokens, int length) {
        int at = randomName(tokens);
        String core = tokens.get(at);
        String op = pick(new String[] {" + ", " * ", " - ", "/", ", "});
        String chain = (core + op).repeat(length - 1) + core;
        return join(replaced(tokens, at, t -> chain));
    }

    private int randomName(List<String> tokens) {
        List<Integer> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).matches("\\p{L}.*")) {
                names.add(i);
            }
        }
        return names.isEmpty() ? random.nextInt(tokens.size()) : names.get(random.nextInt(names.size()));
    }

    private String swapAdjacent(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        int i = randomToken(tokens);
        int j = Math.min(tokens.size() - 1, i + 1 + (i + 2 < tokens.size() && tokens.get(i + 1).isBlank() ? 1 : 0));
        String t = out.get(i);
        out.set(i, out.get(j));
        out.set(j, t);
        return join(out);
    }

    /** A line deleted, repeated, or moved; or every line ending changed. */
    private String lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = random.nextInt(lines.size());
        switch (random.nextInt(5)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> {
                String line = lines.remove(i);
                lines.add(random.nextInt(lines.size() + 1), line);
            }
            case 3 -> {
                return String.join(pick(new String[] {"\r\n", "\r", "", " ", "\u2028", "\n\n"}), lines);
            }
            default -> lines.set(i, lines.get(i).repeat(1 + random.nextInt(30)));
        }
        return String.join("\n", lines);
    }

    private String splice(String text) {
        String other = corpus.get(random.nextInt(corpus.size()));
        return text.substring(0, random.nextInt(text.length() + 1)) + other.substring(random.nextInt(other.length() + 1));
    }

    private String flipChars(String text) {
        if (text.isEmpty()) {
            return pick(ODD);
        }
        char[] chars = text.toCharArray();
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
            int i = random.nextInt(chars.length);
            chars[i] = switch (random.nextInt(3)) {
                case 0 -> (char) (32 + random.nextInt(95));
                case 1 -> (char) (chars[i] ^ (1 << random.nextInt(16)));
                default -> (char) random.nextInt(0x10000);
            };
        }
        return new String(chars);
    }

    private String repeatSpan(String text, int times) {
        if (text.isEmpty()) {
            return text;
        }
        int from = random.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + random.nextInt(40));
        String span = text.substring(from, to);
        String repeated = span.length() * (long) times > MAX_LENGTH ? span.repeat(2) : span.repeat(times);
        return text.substring(0, from) + repeated + text.substring(to);
    }

    private static String insertAt(String text, int at, String what) {
        return text.substring(0, at) + what + text.substring(at);
    }

    private static List<String> without(List<String> tokens, int i) {
        List<String> out = new ArrayList<>(tokens);
        out.remove(i);
        return out;
    }

    private static List<String> inserted(List<String> tokens, int i, String token) {
        List<String> out = new ArrayList<>(tokens);
        out.add(i, " " + token + " ");
        return out;
    }

    private static List<String> replaced(List<String> tokens, int i, java.util.function.UnaryOperator<String> f) {
        List<String> out = new ArrayList<>(tokens);
        out.set(i, f.apply(out.get(i)));
        return out;
    }

    private static String join(List<String> tokens) {
        return String.join("", tokens);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
