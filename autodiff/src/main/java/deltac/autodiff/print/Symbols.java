package deltac.autodiff.print;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How names are written: {@code z1} → z¹ or z^{1}; {@code lambda} → λ; δ and ∂C/∂W. */
public final class Symbols {
    private Symbols() {}

    private static final Pattern INDEXED = Pattern.compile("([A-Za-z]+)_?(\\d+)");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
    private static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("sigma", "σ"), Map.entry("theta", "θ"), Map.entry("eta", "η"),
            Map.entry("epsilon", "ε"), Map.entry("omega", "ω"), Map.entry("phi", "φ"), Map.entry("rho", "ρ"));

    /** A name with its trailing index raised: W2 → W², lambda → λ. */
    public static String text(String name) {
        Matcher m = INDEXED.matcher(name);
        if (m.matches()) {
            return greekText(m.group(1)) + superscript(m.group(2));
        }
        return greekText(name);
    }

    static String latex(String name) {
        Matcher m = INDEXED.matcher(name);
        if (m.matches()) {
            return greekLatex(m.group(1)) + "^{" + m.group(2) + "}";
        }
        return greekLatex(name);
    }

    /** Whether the written name ends in a raised index, so a transpose or a square needs parentheses. */
    static boolean indexed(String name) {
        return INDEXED.matcher(name).matches();
    }

    /** δ of a local: z1 → δ¹; a local without an index → δ_h, or plain δ when it is the only one. */
    static String deltaText(String local, boolean only) {
        Matcher m = INDEXED.matcher(local);
        if (m.matches()) {
            return "δ" + superscript(m.group(2));
        }
        return only ? "δ" : "δ_" + local;
    }

    static String deltaLatex(String local, boolean only) {
        Matcher m = INDEXED.matcher(local);
        if (m.matches()) {
            return "\\delta^{" + m.group(2) + "}";
        }
        return only ? "\\delta" : "\\delta_{" + local + "}";
    }

    static boolean deltaIndexed(String local) {
        return INDEXED.matcher(local).matches();
    }

    static String superscript(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return out.toString();
    }

    static String subscript(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(Character.isDigit(c) ? SUBSCRIPTS.charAt(c - '0') : c == 'n' ? 'ₙ' : c);
        }
        return out.toString();
    }

    private static String greekText(String name) {
        return GREEK.getOrDefault(name, name);
    }

    private static String greekLatex(String name) {
        if (GREEK.containsKey(name)) {
            return "\\" + name;
        }
        return name.length() == 1 ? name : "\\mathit{" + name.replace("_", "\\_") + "}";
    }
}
