package deltac.report;

/**
 * How wide a line of text is drawn, estimated without fonts: the SVG is written before any browser sees it. Each
 * character counts a share of the font size by its kind; the estimates err wide, so boxes hold their text.
 */
final class TextWidth {
    private TextWidth() {}

    private static final String NARROW = "ilj.,:;'|!·ᵀ′()[]1 " + "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉ₙ";
    private static final String WIDE = "mwMW∂⊙ΣσδCDGHNOQU×−+=";

    static double of(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (NARROW.indexOf(c) >= 0) {
                em += 0.34;
            } else if (WIDE.indexOf(c) >= 0 || Character.isUpperCase(c)) {
                em += 0.72;
            } else {
                em += 0.58;
            }
        }
        return em * fontSize;
    }
}
