package deltac.codegen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the differential fuzzing ({@link DifferentialFuzzTest}) found, each cut down to a few nodes: the generated
 * trainers (float64 and float32, with and without the fallback) and the interpreter agree on it, at n = 1, 7, 130.
 */
class DifferentialFuzzFoundTest {
    static void agree(GraphBuilder b, Node loss) {
        Graph graph = b.build(loss);
        assertEquals(List.of(), Differential.check(FuzzNetwork.of(graph, 7), new Differential.Counts()));
    }

    static Param param(GraphBuilder b, String name, int rows, int cols) {
        return b.param(name, Shape.of(rows, cols), Init.zeros());
    }

    /**
     * The first declared input unread by the loss: the derivation's n was cols(x0) all the same, so the trainers,
     * which are fed only what the loss reads, had no x0 ("no value bound to x0"). n is now the columns of the
     * first input the loss reads.
     */
    @Test
    void nOfAnInputTheLossDoesNotRead() throws ShapeException {
        GraphBuilder b = new GraphBuilder("Unread", "found");
        b.input("x0", 1);
        Input x1 = b.input("x1", 3);
        Input y = b.target("y", 2);
        Node z = b.apply(Op.ADD, b.apply(Op.MATMUL, param(b, "W", 2, 3), x1), param(b, "c", 2, 1));
        agree(b, b.apply(Op.CROSS_ENTROPY, b.apply(Op.SOFTMAX, z), y));
    }

    /**
     * A product with the batch on its rows, (xᵀ M)ᵀ: the generated gemm took its rows as a constant and looped to
     * Shape.N, so it ran no row and the product was 0 (float64 and float32; the fallback was right).
     */
    @Test
    void aProductWithTheBatchOnItsRows() throws ShapeException {
        GraphBuilder b = new GraphBuilder("BatchRows", "found");
        Input x = b.input("x", 3);
        Input y = b.target("y", 2);
        Node z = b.apply(Op.TRANSPOSE, b.apply(Op.MATMUL, b.apply(Op.TRANSPOSE, x), param(b, "M", 3, 2)));
        agree(b, b.apply(Op.MSE, z, y));
    }

    /**
     * log(softmax(z)) read by an element-wise op: lowering inlined it (log is element-wise) and then expanded the
     * softmax under it: "SOFTMAX is not element-wise" when compiling.
     */
    @Test
    void logOfASoftmaxUnderAnElementWiseOp() throws ShapeException {
        GraphBuilder b = new GraphBuilder("LogSoftmaxInline", "found");
        Input x = b.input("x", 4);
        Input y = b.target("y", 2);
        Node v = b.apply(Op.EXP, b.apply(Op.LOG, b.apply(Op.SOFTMAX, x)));
        Node z = b.apply(Op.MATMUL, param(b, "W", 2, 4), v);
        agree(b, b.apply(Op.MSE, z, y));
    }

    /**
     * A scalar computed before the loop from a 1×1 buffer, v + 0.1 · sumRows(v) for a row v: its load was indexed
     * row + j as over a 1×1 loop, j before its loop declared it: a NullPointerException in the emitter.
     */
    @Test
    void aScalarFromABufferHoistedOverARow() throws ShapeException {
        GraphBuilder b = new GraphBuilder("HoistedScalar", "found");
        Input x = b.input("x", 2);
        Input y = b.target("y", 2);
        Node v = b.apply(Op.SUM_COLS, x);
        Node t = b.apply(Op.ADD, v, b.apply(Op.SCALE, b.constant(0.1), b.apply(Op.SUM_ROWS, v)));
        Node z = b.apply(Op.ADD, b.apply(Op.MATMUL, param(b, "W", 2, 1), t), param(b, "c", 2, 1));
        agree(b, b.apply(Op.MSE, z, y));
    }
}
