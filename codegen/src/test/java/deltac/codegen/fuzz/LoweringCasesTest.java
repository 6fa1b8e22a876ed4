package deltac.codegen.fuzz;

import static deltac.codegen.fuzz.DifferentialFuzzFoundTest.agree;
import static deltac.codegen.fuzz.DifferentialFuzzFoundTest.param;

import deltac.graph.GraphBuilder;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.ShapeException;
import org.junit.jupiter.api.Test;

/**
 * Decisions of the lowering that neither the examples nor the short random campaign reach, each on a network of a
 * few nodes, compared with the interpreter as {@link DifferentialFuzzFoundTest} does (float64 and float32, with and
 * without the fallback, n = 1, 7, 130). Mutation testing found them untested: a lowering that got them wrong passed.
 */
class LoweringCasesTest {

    /**
     * Two biases added one after the other have one gradient, one node: neither can be computed straight into its
     * own buffer, so the step computes it once and copies it into both.
     */
    @Test
    void twoParametersWithOneGradient() throws ShapeException {
        GraphBuilder b = new GraphBuilder("SharedGradient", "cases");
        Input x = b.input("x", 3);
        Input y = b.target("y", 2);
        Node z = b.apply(Op.ADD, b.apply(Op.ADD, b.apply(Op.MATMUL, param(b, "W", 2, 3), x), param(b, "b1", 2, 1)),
                param(b, "b2", 2, 1));
        agree(b, b.apply(Op.MSE, b.apply(Op.TANH, z), y));
    }

    /** A parameter whose gradient is a constant (∂ sum(c) / ∂c = 1): no kernel computes it, a copy fills it. */
    @Test
    void aParameterWhoseGradientIsAConstant() throws ShapeException {
        GraphBuilder b = new GraphBuilder("ConstantGradient", "cases");
        Input x = b.input("x", 3);
        Input y = b.target("y", 2);
        Node fit = b.apply(Op.MSE, b.apply(Op.MATMUL, param(b, "W", 2, 3), x), y);
        agree(b, b.apply(Op.ADD, fit, b.apply(Op.SUM, param(b, "c", 2, 2))));
    }

    /**
     * A product with the batch on its rows, (xᵀ M), under an element-wise op of its own shape: it must not be fused
     * into that op's loop (the generated gemm takes its rows as a constant) but run in the runtime's kernel.
     */
    @Test
    void aProductWithTheBatchOnItsRowsUnderAnElementWiseOp() throws ShapeException {
        GraphBuilder b = new GraphBuilder("BatchRowsFused", "cases");
        Input x = b.input("x", 3);
        Input y = b.target("y", 2);
        Node rows = b.apply(Op.TANH, b.apply(Op.MATMUL, b.apply(Op.TRANSPOSE, x), param(b, "M", 3, 2)));
        agree(b, b.apply(Op.MSE, b.apply(Op.TRANSPOSE, rows), y));
    }

    /** A product of two parameters: every size of it a constant (k is not the batch), computed by loops. */
    @Test
    void aProductOfTwoParameters() throws ShapeException {
        GraphBuilder b = new GraphBuilder("ParamProduct", "cases");
        Input x = b.input("x", 3);
        Input y = b.target("y", 2);
        Node w = b.apply(Op.TANH, b.apply(Op.MATMUL, param(b, "A", 2, 4), param(b, "B", 4, 3)));
        agree(b, b.apply(Op.MSE, b.apply(Op.MATMUL, w, x), y));
    }

    /**
     * A 1×1 product, uᵀ v, added to a 2×n layer: the product is not of the epilogue's shape, so it is computed on its
     * own before the layer's loop, which reads it as a scalar.
     */
    @Test
    void aScalarProductUnderABroadcast() throws ShapeException {
        GraphBuilder b = new GraphBuilder("ScalarProduct", "cases");
        Input x = b.input("x", 3);
        Input y = b.target("y", 2);
        Node s = b.apply(Op.MATMUL, b.apply(Op.TRANSPOSE, param(b, "u", 3, 1)), param(b, "v", 3, 1));
        Node z = b.apply(Op.ADD, b.apply(Op.MATMUL, param(b, "W", 2, 3), x), s);
        agree(b, b.apply(Op.MSE, b.apply(Op.SIGMOID, z), y));
    }

    /**
     * Parameters named as the trainer's own fields (n, the batch size) and as another's gradient (dW, W's): each
     * field gets a name of its own.
     */
    @Test
    void namesThatCollide() throws ShapeException {
        GraphBuilder b = new GraphBuilder("Collisions", "cases");
        Input x = b.input("x", 3);
        Input y = b.target("y", 2);
        Node z = b.apply(Op.ADD, b.apply(Op.MATMUL, param(b, "W", 2, 3), x), param(b, "dW", 2, 1));
        agree(b, b.apply(Op.MSE, b.apply(Op.ADD, z, param(b, "n", 2, 1)), y));
    }
}
