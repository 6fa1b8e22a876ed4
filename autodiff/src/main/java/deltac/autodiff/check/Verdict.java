package deltac.autodiff.check;

import java.util.List;

/**
 * What {@code check} says of one hand-derived formula.
 *
 * @param detail for {@code EQUAL_NUMERIC}, the instances and the largest relative difference; for
 *               {@code DIFFERS}, where and by how much, and what is missing or extra when it can tell
 * @param rules  for {@code EQUAL_PROVED}, the rewrite rules that brought both sides to one normal form
 */
public record Verdict(String name, String file, int line, int column, Kind kind, String detail, List<String> rules) {

    public enum Kind { EQUAL_PROVED, EQUAL_NUMERIC, DIFFERS }

    public Verdict {
        rules = List.copyOf(rules);
    }

    public boolean equal() {
        return kind != Kind.DIFFERS;
    }

    /** One line: {@code file:line:col: dW1: equal, proved by rewriting (...)}. */
    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + ": " + name + ": ";
        return switch (kind) {
            case EQUAL_PROVED -> where + "equal, proved by rewriting"
                    + (rules.isEmpty() ? " (the same expression)" : " (" + String.join("; ", rules) + ")");
            case EQUAL_NUMERIC -> where + "equal on " + detail;
            case DIFFERS -> where + "differs: " + detail;
        };
    }
}
