package deltac.report;

/** Escaping for HTML text and attribute values, the only way text gets into the page. */
final class Html {
    private Html() {}

    /** Text or a double-quoted attribute value: {@code & < > "} escaped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
