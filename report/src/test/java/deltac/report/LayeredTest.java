package deltac.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout's two steps on graphs small enough to work out by hand. */
class LayeredTest {
    @Test
    void isotonicFitPoolsAdjacentViolators() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Layered.Isotonic.fit(new double[] {1, 3, 2, 4}), 1e-12);
        assertArrayEquals(new double[] {2, 2, 2}, Layered.Isotonic.fit(new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void sweepsUncrossAGivenOrder() {
        // rank 0: a, b; rank 1: c, d with a→d and b→c: drawn as given the two edges cross
        List<Layered.Box> boxes = List.of(new Layered.Box(0, 20, 20), new Layered.Box(0, 20, 20),
                new Layered.Box(1, 20, 20), new Layered.Box(1, 20, 20));
        List<Layered.Edge> edges = List.of(new Layered.Edge(0, 3, 30, 12), new Layered.Edge(1, 2, 30, 12));
        Layered band = new Layered(boxes, edges, Layered.layerCount(1));
        assertEquals(0, band.crossings());
        Layered.Placed placed = band.place(new double[] {10, 50, 90});
        double[] y = placed.y();
        assertEquals(Math.signum(y[0] - y[1]), Math.signum(y[3] - y[2]), "a and d on one side, b and c on the other");
    }

    @Test
    void anEdgePassesAPointInEveryLayerBetweenItsEnds() {
        List<Layered.Box> boxes = List.of(new Layered.Box(3, 20, 20), new Layered.Box(0, 20, 20));
        Layered band = new Layered(boxes, List.of(new Layered.Edge(0, 1, 30, 12)), Layered.layerCount(3));
        Layered.Placed placed = band.place(new double[] {0, 10, 20, 30, 40, 50, 60});
        assertEquals(7, placed.paths().get(0).size(), "its two ends and the five layers between");
        assertEquals(50, placed.labels().get(0)[0], "the label on the half-rank next to the source, right to left");
    }
}
