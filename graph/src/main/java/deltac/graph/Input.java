package deltac.graph;

/** A data leaf, fed per batch: a feature matrix ({@code input}) or the expected output ({@code target}). */
public record Input(String name, Shape shape, Role role) implements Node {
    public enum Role { INPUT, TARGET }

    public boolean isTarget() {
        return role == Role.TARGET;
    }
}
