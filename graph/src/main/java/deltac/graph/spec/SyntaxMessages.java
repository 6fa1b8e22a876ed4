package deltac.graph.spec;

/** Turns JavaParser's many-line "Parse error. Found ..., expected one of ..." into one short line. */
final class SyntaxMessages {
    private SyntaxMessages() {}

    private static final int MAX_EXPECTED = 4;

    static String shorten(String message) {
        String first = message.strip().lines().findFirst().orElse("").strip();
        if (first.startsWith("Parse error. ")) {
            first = first.substring("Parse error. ".length());
        }
        int found = first.indexOf("Found ");
        int expected = first.indexOf(", expected");
        if (found < 0) {
            return first.isEmpty() ? "unexpected input" : first;
        }
        String what = tokenText(first.substring(found + "Found ".length(), expected < 0 ? first.length() : expected));
        String text = "unexpected " + what;
        if (expected >= 0) {
            String[] options = first.substring(expected + ", expected".length()).replace("one of", "").strip()
                    .split("\\s+(?=\")");
            if (options.length <= MAX_EXPECTED) {
                StringBuilder list = new StringBuilder();
                for (String option : options) {
                    String token = tokenText(option);
                    if (!token.isEmpty()) {
                        list.append(list.length() == 0 ? "" : " or ").append(token);
                    }
                }
                if (list.length() > 0) {
                    text += ", expected " + list;
                }
            }
        }
        return text;
    }

    /** Whether the parser would have taken a {@code ;} where it stopped. */
    static boolean expectsSemicolon(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        int expected = first.indexOf(", expected");
        return expected >= 0 && first.substring(expected).contains("\";\"");
    }

    /** {@code "*" <STAR>} becomes {@code "*"}; {@code <EOF>} becomes "end of file". */
    private static String tokenText(String raw) {
        String s = raw.strip();
        if (s.contains("<EOF>")) {
            return "end of file";
        }
        int open = s.indexOf('"');
        int close = s.indexOf('"', open + 1);
        if (open >= 0 && close > open) {
            return s.substring(open, close + 1);
        }
        return s.replaceAll("[<>]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
