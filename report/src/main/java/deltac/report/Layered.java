package deltac.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A layered drawing of one band of a graph, left to right, as Sugiyama's method does it and small enough to read.
 * Boxes come with their ranks; rank r is layer 2r, and the layers between (the half-ranks) hold the edges: an
 * edge from rank a to rank b passes a point in every layer between, the first of them its label. Then a few
 * ordering sweeps put each layer's items at the mean position of their neighbours (keeping the order with the
 * fewest crossings), and each layer's heights are fitted to the mean height of their neighbours under the
 * constraint that nothing overlaps (an isotonic regression, solved exactly by pooling adjacent violators).
 *
 * <p>Edges may point either way: the backward band's go from higher ranks to lower.
 */
final class Layered {
    static final double GAP = 12;
    private static final double DUMMY_HEIGHT = 2;
    private static final int SWEEPS = 8;
    private static final int FITS = 40;

    /** A box to place: its rank and size. */
    record Box(int rank, double width, double height) {}

    /** An edge between two boxes of different ranks, by index, with the size of its label. */
    record Edge(int from, int to, double labelWidth, double labelHeight) {}

    /** Where the band went: box centres, each edge's points from its source's side to its target's, label centres. */
    record Placed(double[] x, double[] y, List<List<double[]>> paths, List<double[]> labels, double height) {}

    private static final class Item {
        final int layer;
        final double width;
        final double height;
        final int box;
        final List<Item> neighbours = new ArrayList<>();
        double position;
        double y;

        Item(int layer, double width, double height, int box) {
            this.layer = layer;
            this.width = width;
            this.height = height;
            this.box = box;
        }
    }

    private final List<Box> boxes;
    private final List<Edge> edges;
    private final List<List<Item>> layers = new ArrayList<>();
    private final Item[] boxItems;
    private final List<List<Item>> chains = new ArrayList<>();

    /** @param layerCount at least 2 × the largest rank + 1: bands drawn one above the other share their columns */
    Layered(List<Box> boxes, List<Edge> edges, int layerCount) {
        this.boxes = List.copyOf(boxes);
        this.edges = List.copyOf(edges);
        for (int l = 0; l < layerCount; l++) {
            layers.add(new ArrayList<>());
        }
        boxItems = new Item[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            boxItems[i] = add(new Item(2 * b.rank(), b.width(), b.height(), i));
        }
        for (Edge e : edges) {
            chains.add(chain(e));
        }
        order();
    }

    /** The largest layer any band needs for these ranks. */
    static int layerCount(int maxRank) {
        return 2 * maxRank + 1;
    }

    private Item add(Item item) {
        item.position = layers.get(item.layer).size();
        layers.get(item.layer).add(item);
        return item;
    }

    /** The points an edge passes, its label's first; linked as neighbours from source to target. */
    private List<Item> chain(Edge e) {
        Item from = boxItems[e.from()];
        Item to = boxItems[e.to()];
        if (from.layer == to.layer) {
            throw new IllegalArgumentException("an edge must join two ranks: " + e);
        }
        int step = to.layer > from.layer ? 1 : -1;
        List<Item> chain = new ArrayList<>();
        Item previous = from;
        for (int l = from.layer + step; l != to.layer; l += step) {
            boolean label = chain.isEmpty();
            Item point = add(new Item(l, label ? e.labelWidth() : 0, label ? e.labelHeight() : DUMMY_HEIGHT, -1));
            link(previous, point);
            chain.add(point);
            previous = point;
        }
        link(previous, to);
        return chain;
    }

    private static void link(Item a, Item b) {
        a.neighbours.add(b);
        b.neighbours.add(a);
    }

    /** The widest item of a layer: columns are as wide as the widest thing in them, in any band. */
    double layerWidth(int layer) {
        return layers.get(layer).stream().mapToDouble(i -> i.width).max().orElse(0);
    }

    // ordering

    private void order() {
        List<List<Item>> best = snapshot();
        int fewest = crossings();
        for (int sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 1; k < layers.size(); k++) {
                int l = down ? k : layers.size() - 1 - k;
                sortByNeighbours(layers.get(l), down ? l - 1 : l + 1);
            }
            int c = crossings();
            if (c < fewest) {
                fewest = c;
                best = snapshot();
            }
        }
        restore(best);
    }

    private void sortByNeighbours(List<Item> layer, int towards) {
        for (Item item : layer) {
            double sum = 0;
            int count = 0;
            for (Item n : item.neighbours) {
                if (n.layer == towards) {
                    sum += n.position;
                    count++;
                }
            }
            if (count > 0) {
                item.position = sum / count;
            }
        }
        // a stable sort: items without neighbours there keep their place among the others
        layer.sort(Comparator.comparingDouble(i -> i.position));
        renumber(layer);
    }

    private static void renumber(List<Item> layer) {
        for (int i = 0; i < layer.size(); i++) {
            layer.get(i).position = i;
        }
    }

    /** Crossings between each pair of adjacent layers: pairs of segments whose ends are in opposite orders. */
    int crossings() {
        int total = 0;
        for (int l = 0; l + 1 < layers.size(); l++) {
            List<int[]> segments = new ArrayList<>();
            for (Item a : layers.get(l)) {
                for (Item b : a.neighbours) {
                    if (b.layer == l + 1) {
                        segments.add(new int[] {(int) a.position, (int) b.position});
                    }
                }
            }
            for (int i = 0; i < segments.size(); i++) {
                for (int j = i + 1; j < segments.size(); j++) {
                    int[] s = segments.get(i);
                    int[] t = segments.get(j);
                    if ((s[0] - t[0]) * (long) (s[1] - t[1]) < 0) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    private List<List<Item>> snapshot() {
        List<List<Item>> copy = new ArrayList<>();
        for (List<Item> layer : layers) {
            copy.add(new ArrayList<>(layer));
        }
        return copy;
    }

    private void restore(List<List<Item>> saved) {
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).clear();
            layers.get(l).addAll(saved.get(l));
            renumber(layers.get(l));
        }
    }

    // coordinates

    /** Places the band with its layers centred on these x coordinates. */
    Placed place(double[] columns) {
        for (List<Item> layer : layers) {
            double y = 0;
            for (Item item : layer) {
                item.y = y + item.height / 2;
                y += item.height + GAP;
            }
        }
        for (int fit = 0; fit < FITS; fit++) {
            boolean down = fit % 2 == 0;
            for (int k = 0; k < layers.size(); k++) {
                fit(layers.get(down ? k : layers.size() - 1 - k));
            }
        }
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (List<Item> layer : layers) {
            for (Item item : layer) {
                top = Math.min(top, item.y - item.height / 2);
                bottom = Math.max(bottom, item.y + item.height / 2);
            }
        }
        if (top == Double.MAX_VALUE) {
            top = 0;
            bottom = 0;
        }
        double[] x = new double[boxes.size()];
        double[] y = new double[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            x[i] = columns[boxItems[i].layer];
            y[i] = boxItems[i].y - top;
        }
        List<List<double[]>> paths = new ArrayList<>();
        List<double[]> labels = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            Item from = boxItems[edges.get(e).from()];
            Item to = boxItems[edges.get(e).to()];
            double side = to.layer > from.layer ? 1 : -1;
            List<double[]> path = new ArrayList<>();
            path.add(new double[] {columns[from.layer] + side * from.width / 2, from.y - top});
            for (Item point : chains.get(e)) {
                path.add(new double[] {columns[point.layer], point.y - top});
            }
            path.add(new double[] {columns[to.layer] - side * to.width / 2, to.y - top});
            paths.add(path);
            Item label = chains.get(e).get(0);
            labels.add(new double[] {columns[label.layer], label.y - top});
        }
        return new Placed(x, y, paths, labels, bottom - top);
    }

    /** Moves a layer's items as near the mean height of their neighbours as their order and sizes allow. */
    private static void fit(List<Item> layer) {
        int n = layer.size();
        if (n == 0) {
            return;
        }
        double[] target = new double[n];
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            Item item = layer.get(i);
            double sum = 0;
            for (Item nb : item.neighbours) {
                sum += nb.y;
            }
            double want = item.neighbours.isEmpty() ? item.y : sum / item.neighbours.size();
            if (i > 0) {
                Item above = layer.get(i - 1);
                offset[i] = offset[i - 1] + (above.height + item.height) / 2 + GAP;
            }
            target[i] = want - offset[i];
        }
        double[] z = Isotonic.fit(target);
        for (int i = 0; i < n; i++) {
            layer.get(i).y = z[i] + offset[i];
        }
    }

    /** Non-decreasing least squares, by pooling adjacent violators. */
    static final class Isotonic {
        private Isotonic() {}

        static double[] fit(double[] values) {
            int n = values.length;
            double[] mean = new double[n];
            int[] size = new int[n];
            int blocks = 0;
            for (double v : values) {
                mean[blocks] = v;
                size[blocks] = 1;
                blocks++;
                while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                    int merged = size[blocks - 2] + size[blocks - 1];
                    mean[blocks - 2] = (mean[blocks - 2] * size[blocks - 2] + mean[blocks - 1] * size[blocks - 1]) / merged;
                    size[blocks - 2] = merged;
                    blocks--;
                }
            }
            double[] out = new double[n];
            int i = 0;
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < size[b]; k++) {
                    out[i++] = mean[b];
                }
            }
            return out;
        }
    }
}
