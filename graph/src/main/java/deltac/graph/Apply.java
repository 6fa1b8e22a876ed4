package deltac.graph;

import java.util.List;

/**
 * An op applied to argument nodes. {@code attr} is the op's numeric attribute (leakyRelu's alpha), 0 if none.
 *
 * <p>Equality is shallow: the arguments are compared by identity, which is structural equality for interned
 * nodes (see {@link Node}).
 */
public record Apply(Op op, List<Node> args, double attr, Shape shape) implements Node {

    public Apply {
        args = List.copyOf(args);
    }

    public Node arg(int i) {
        return args.get(i);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Apply a) || a.op != op || a.args.size() != args.size()
                || Double.doubleToLongBits(a.attr) != Double.doubleToLongBits(attr) || !a.shape.equals(shape)) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (a.args.get(i) != args.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = op.hashCode() * 31 + Double.hashCode(attr);
        for (Node arg : args) {
            h = h * 31 + System.identityHashCode(arg);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Apply[" + op + ", " + shape + "]";
    }
}
