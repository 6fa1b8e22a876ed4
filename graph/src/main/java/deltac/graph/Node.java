package deltac.graph;

/**
 * A node of the IR: a leaf ({@link Input}, {@link Param}, {@link Const}) or an {@link Apply} of an {@link Op}.
 *
 * <p>Nodes are immutable and interned by the {@link GraphBuilder} that made them, so within one graph two
 * equal expressions are the same object: equality of an {@code Apply} is shallow (same op, attribute and
 * argument objects), which keeps it O(arity) on a shared DAG. To compare graphs from two builders, use
 * {@link Graph#sameAs(Graph)}.
 */
public sealed interface Node permits Input, Param, Const, Apply {
    Shape shape();
}
