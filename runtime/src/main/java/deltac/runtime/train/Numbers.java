package deltac.runtime.train;

import java.util.Locale;

/** Short human forms of numbers for messages: {@code 2.3}, {@code 50}, {@code 0.001}, {@code 4.1e+08}, {@code NaN}. */
final class Numbers {

    private Numbers() {}

    /** Three significant digits at most, trailing zeros dropped; scientific outside [1e-3, 1e5). */
    static String compact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-3 && a < 1e5)) {
            return trim(String.format(Locale.ROOT, "%.3g", v));
        }
        String s = String.format(Locale.ROOT, "%.2g", v); // e.g. 4.1e+08
        int e = s.indexOf('e');
        return trim(s.substring(0, e)) + s.substring(e);
    }

    // "2.30" → "2.3", "50.0" → "50", "0.00100" → "0.001"
    private static String trim(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
