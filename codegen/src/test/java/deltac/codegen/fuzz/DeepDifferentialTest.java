package deltac.codegen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import deltac.runtime.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential comparison ({@link Differential}) on a network too deep for one class file: {@link #LAYERS}
 * layers 4 wide, tanh and sigmoid by turns, under a softmax with cross-entropy. Its generated trainers (float64 and
 * float32, with and without every op through the fallback) are spread over companion classes, and must agree with
 * the interpreter on the loss, every gradient and the prediction at n = 1, 7 and 130.
 */
class DeepDifferentialTest {
    static final int LAYERS = 2_000;

    @Test
    void aTrainerSpreadOverSeveralClassesAgreesWithTheInterpreter() throws ShapeException {
        GraphBuilder b = new GraphBuilder("DeepMixed", "deep");
        Node a = b.input("x", 4);
        Node y = b.target("y", 3);
        for (int l = 1; l <= LAYERS; l++) {
            Node z = b.apply(Op.ADD, b.apply(Op.MATMUL, b.param("W" + l, Shape.of(4, 4), Init.zeros()), a),
                    b.param("b" + l, Shape.of(4, 1), Init.zeros()));
            b.name("z" + l, z);
            a = b.apply(l % 2 == 0 ? Op.SIGMOID : Op.TANH, z);
            b.name("a" + l, a);
        }
        Node out = b.apply(Op.ADD, b.apply(Op.MATMUL, b.param("V", Shape.of(3, 4), Init.zeros()), a),
                b.param("c", Shape.of(3, 1), Init.zeros()));
        Graph graph = b.build(b.apply(Op.CROSS_ENTROPY, b.apply(Op.SOFTMAX, out), y));
        int classes = BytecodeCompiler.classFiles(Autodiff.derive(graph), Precision.F32, "deltac/generated/DeepMixedTrainer", false).size();
        assertTrue(classes > 1, "one class: the companions go untested");
        assertEquals(List.of(), Differential.check(FuzzNetwork.of(graph, 11), new Differential.Counts()));
    }
}
