package deltac.graph;

/** A trainable parameter with its initializer. */
public record Param(String name, Shape shape, Init init) implements Node {
    public Param {
        if (shape.hasBatch()) {
            throw new IllegalArgumentException("a parameter's shape cannot depend on the batch size: " + shape);
        }
    }
}
