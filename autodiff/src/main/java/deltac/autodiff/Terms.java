package deltac.autodiff;

import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.graph.ShapeException;

/**
 * Builds gradient terms. A shape error here is a bug in a rule, not the user's: it becomes an
 * {@link IllegalStateException}.
 */
final class Terms {
    final GraphBuilder b;
    /** The first input the loss reads, whose columns are the batch: n is its cols; null when none. */
    private final Node batch;

    Terms(GraphBuilder b, Node batch) {
        this.b = b;
        this.batch = batch;
    }

    Node op(Op op, Node... args) {
        return op(op, 0, args);
    }

    Node op(Op op, double attr, Node... args) {
        try {
            return b.apply(op, attr, args);
        } catch (ShapeException e) {
            String[] shapes = new String[args.length];
            for (int i = 0; i < args.length; i++) {
                shapes[i] = args[i].shape().toString();
            }
            throw new IllegalStateException("gradient rule for " + op + " built a bad shape: " + e.format(shapes), e);
        }
    }

    Node constant(double v) {
        return b.constant(v);
    }

    Node ones(Shape shape) {
        return b.constant(1, shape);
    }

    Node add(Node a, Node c) {
        return op(Op.ADD, a, c);
    }

    Node sub(Node a, Node c) {
        return op(Op.SUB, a, c);
    }

    Node neg(Node a) {
        return op(Op.NEG, a);
    }

    Node times(Node a, Node c) {
        try {
            return b.times(a, c);
        } catch (ShapeException e) {
            throw new IllegalStateException("gradient rule built a bad product: " + a.shape() + " * " + c.shape(), e);
        }
    }

    /** The matrix product, even of 1×1 factors: a gradient keeps the product form a textbook writes. */
    Node matmul(Node a, Node c) {
        return op(Op.MATMUL, a, c);
    }

    Node hadamard(Node a, Node c) {
        return op(Op.HADAMARD, a, c);
    }

    Node divide(Node a, Node c) {
        return op(Op.DIVIDE, a, c);
    }

    /** max(a, floor) entry by entry, written relu(a − floor) + floor: the IR has no max of its own. */
    Node atLeast(Node a, double floor) {
        return add(op(Op.RELU, sub(a, constant(floor))), constant(floor));
    }

    Node transpose(Node a) {
        return op(Op.TRANSPOSE, a);
    }

    /** The number of columns of {@code a} as a scalar node: {@code n} for a batch. */
    Node cols(Node a) {
        // every batch value has n columns: one canonical node for n, shared with the spec reader's `n` when the
        // loss reads the first input; never an input the loss does not read, which a trainer is not fed
        if (a.shape().cols() == Shape.N && batch != null) {
            return op(Op.COLS, batch);
        }
        return op(Op.COLS, a);
    }

    /** g / n, where n is the columns of {@code a}: the mean over the samples. */
    Node perSample(Node g, Node a) {
        return divide(g, cols(a));
    }

    /** The number of entries of {@code a} as a scalar node. */
    Node count(Node a) {
        Shape s = a.shape();
        if (!s.hasBatch()) {
            return constant((double) s.rows() * s.cols());
        }
        Node n = s.cols() == Shape.N ? cols(a) : cols(transpose(a));
        int fixed = s.cols() == Shape.N ? s.rows() : s.cols();
        return fixed == Shape.N ? times(n, n) : times(constant(fixed), n);
    }

    /** g reduced to {@code shape}: the adjoint of a value that was broadcast to g's shape. */
    Node unbroadcast(Node g, Shape shape) {
        if (g.shape().equals(shape)) {
            return g;
        }
        if (shape.isColumn() && shape.rows() == g.shape().rows()) {
            return op(Op.SUM_ROWS, g);
        }
        if (shape.isScalar()) {
            return op(Op.SUM, g);
        }
        throw new IllegalStateException("cannot reduce " + g.shape() + " to " + shape);
    }
}
