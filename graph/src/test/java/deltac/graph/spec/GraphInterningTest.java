package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Apply;
import deltac.graph.Expr;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Network;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import java.time.Duration;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Nodes are interned per builder, and graphs are walked in dependency order without recursion. */
class GraphInterningTest {

    @Test
    void theSameExpressionTwiceIsTheSameNode() throws Exception {
        GraphBuilder b = new GraphBuilder("Net", "test");
        Node x = b.input("x", 4);
        Node w = b.param("W", Shape.of(3, 4), Init.glorot());
        Node first = b.apply(Op.SIGMOID, b.times(w, x));
        Node second = b.apply(Op.SIGMOID, b.times(w, x));
        assertSame(first, second);
        assertSame(b.constant(0.5), b.constant(0.5));
        assertSame(b.apply(Op.LEAKY_RELU, 0.01, x), b.apply(Op.LEAKY_RELU, 0.01, x));
        assertNotSame(b.apply(Op.LEAKY_RELU, 0.01, x), b.apply(Op.LEAKY_RELU, 0.02, x), "the attribute counts");
        assertNotSame(b.apply(Op.TANH, x), b.apply(Op.SIGMOID, x), "the op counts");
        assertNotSame(b.constant(0.0), b.constant(-0.0), "0.0 and -0.0 stay apart");
        assertSame(b.constant(Double.NaN), b.constant(Double.NaN));
    }

    @Test
    void theFluentApiInternsToo() {
        Network net = new Network("Net");
        Expr x = net.input("x", 4);
        Expr w = net.param("W", 3, 4);
        assertSame(w.times(x).relu().node(), w.times(x).relu().node());
        assertNotSame(w.times(x).relu().node(), w.times(x).tanh().node());
    }

    @Test
    void theParserInternsRepeatedExpressions() {
        String text = """
                class Net {
                    Matrix x = input(4);
                    Matrix y = target(3);
                    Matrix W = param(3, 4);
                    Matrix b = param(3);

                    Matrix loss() {
                        Matrix z = W * x + b;
                        Matrix again = W * x + b;
                        Matrix other = W * x - b;
                        return mse(sigmoid(z), y) + mse(sigmoid(again), y) + sum(other);
                    }
                }
                """;
        Graph g = Spec.read(text, "net.java").graph().orElseThrow();
        assertSame(g.locals().get("z"), g.locals().get("again"));
        assertNotSame(g.locals().get("z"), g.locals().get("other"));
        // mse(sigmoid(z), y) is built twice but is one node: the loss adds a node to itself
        Apply loss = (Apply) g.loss();
        Apply twice = (Apply) loss.arg(0);
        assertEquals(Op.ADD, twice.op());
        assertSame(twice.arg(0), twice.arg(1));
        assertEquals(g.topologicalOrder().size(), new HashSet<>(g.topologicalOrder()).size(), "each node once");
    }

    @Test
    void topologicalOrderPutsEveryArgumentBeforeItsUse() throws Exception {
        Graph g = Spec.parse(java.nio.file.Path.of("../examples/mnist_deep.java"));
        assertArgumentsFirst(g.topologicalOrder());
        List<Node> order = g.topologicalOrder();
        assertSame(g.loss(), order.get(order.size() - 1), "the loss comes last");
        for (Param p : g.params()) {
            assertTrue(order.contains(p), p.name());
        }
        for (Node local : g.locals().values()) {
            assertTrue(order.contains(local));
        }
    }

    @Test
    void topologicalOrderOfADiamondListsTheSharedNodeOnce() throws Exception {
        GraphBuilder b = new GraphBuilder("Diamond", "test");
        Node x = b.input("x", 4);
        Node shared = b.apply(Op.EXP, x);
        Node left = b.apply(Op.SIGMOID, shared);
        Node right = b.apply(Op.TANH, shared);
        Node top = b.apply(Op.SUM, b.apply(Op.HADAMARD, left, right));
        List<Node> order = Graph.topologicalOrder(List.of(top, left));
        assertEquals(7 - 1, order.size(), "x, exp, sigmoid, tanh, hadamard, sum");
        assertEquals(List.of(x, shared), order.subList(0, 2));
        assertArgumentsFirst(order);
    }

    @Test
    void topologicalOrderOfAHundredThousandDeepChainDoesNotOverflow() throws Exception {
        GraphBuilder b = new GraphBuilder("Deep", "test");
        Node x = b.input("x", 2);
        Node node = x;
        for (int i = 0; i < 100_000; i++) {
            node = b.apply(i % 2 == 0 ? Op.TANH : Op.NEG, node);
        }
        Node top = b.apply(Op.SUM, node);
        Graph g = b.build(top);
        List<Node> order = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> g.topologicalOrder());
        assertEquals(100_002, order.size());
        assertSame(x, order.get(0));
        assertSame(top, order.get(order.size() - 1));
        assertArgumentsFirst(order);
    }

    /** Every Apply's arguments appear before it, and nothing appears twice. */
    static void assertArgumentsFirst(List<Node> order) {
        Map<Node, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Integer before = index.put(order.get(i), i);
            assertEquals(null, before, "listed twice: " + order.get(i));
        }
        for (Node node : order) {
            if (node instanceof Apply a) {
                for (Node arg : a.args()) {
                    Integer at = index.get(arg);
                    assertTrue(at != null && at < index.get(node), a + " is listed before its argument " + arg);
                }
            }
        }
        Set<Node> leaves = new HashSet<>();
        for (Node node : order) {
            if (!(node instanceof Apply)) {
                leaves.add(node);
            }
        }
        assertTrue(!leaves.isEmpty(), "a graph has leaves");
    }
}
