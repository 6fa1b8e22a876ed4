package deltac.graph;

import java.util.List;

/** The shape rules the op table refers to. {0} and {1} in messages stand for the arguments. */
final class ShapeRules {
    private ShapeRules() {}

    static Shape same(List<Shape> args) {
        return args.get(0);
    }

    static Shape product(Shape a, Shape b) throws ShapeException {
        if (a.cols() != b.rows()) {
            throw new ShapeException("shape mismatch in product: {0} but {1}"
                    + " (the left's columns must equal the right's rows)");
        }
        return Shape.of(a.rows(), b.cols());
    }

    static Shape productTN(Shape a, Shape b) throws ShapeException {
        return product(a.transposed(), b);
    }

    static Shape productNT(Shape a, Shape b) throws ShapeException {
        return product(a, b.transposed());
    }

    static Shape scale(Shape s, Shape a) throws ShapeException {
        if (!s.isScalar()) {
            throw new ShapeException("scaling needs a scalar on the left, but {0}");
        }
        return a;
    }

    /** Equal shapes, a scalar on either side, or a column broadcast over the other side's columns. */
    static Shape broadcast(Shape a, Shape b, String what) throws ShapeException {
        if (a.equals(b) || b.isScalar()) {
            return a;
        }
        if (a.isScalar()) {
            return b;
        }
        if (a.rows() != b.rows()) {
            throw new ShapeException("shape mismatch in " + what + ": {0} but {1}");
        }
        if (b.isColumn()) {
            return a;
        }
        if (a.isColumn()) {
            return b;
        }
        throw new ShapeException("cannot broadcast in " + what + ": {0} and {1};"
                + " only a column (r×1) or a scalar broadcasts over the columns");
    }

    /** A quotient broadcasts only its right side (the divisor). */
    static Shape divisor(Shape a, Shape b) throws ShapeException {
        Shape result = broadcast(a, b, "quotient");
        if (!result.equals(a)) {
            throw new ShapeException("cannot broadcast in quotient: {0} and {1};"
                    + " only the divisor may be a scalar or a column");
        }
        return result;
    }

    static Shape equal(Shape a, Shape b, String what) throws ShapeException {
        if (!a.equals(b)) {
            throw new ShapeException("shape mismatch in " + what + ": {0} but {1}");
        }
        return a;
    }

    static Shape loss(Shape prediction, Shape target, String what) throws ShapeException {
        equal(prediction, target, what);
        return Shape.SCALAR;
    }
}
