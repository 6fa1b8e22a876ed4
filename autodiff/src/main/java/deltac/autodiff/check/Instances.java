package deltac.autodiff.check;

import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Param;
import deltac.graph.interp.Interpreter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Random instances of a network's leaves, to compare two expressions numerically: parameters and inputs
 * uniform in ±1, targets columns of a probability distribution (as the derived softmax-cross-entropy rule
 * assumes), and, in batch form, a different batch size for each instance so a missing 1/n shows.
 */
final class Instances {
    static final int COUNT = 5;
    private static final int[] BATCHES = {2, 3, 5, 4, 7};

    private final List<Map<String, DMatrixRMaj>> bindings = new ArrayList<>();
    private final int[] batch = new int[COUNT];

    Instances(Graph graph, long seed) {
        Random rng = new Random(seed);
        for (int k = 0; k < COUNT; k++) {
            Map<String, DMatrixRMaj> b = new HashMap<>();
            batch[k] = graph.inputs().stream().anyMatch(i -> i.shape().hasBatch()) ? BATCHES[k] : 1;
            for (Param p : graph.params()) {
                b.put(p.name(), uniform(p.shape().rows(), p.shape().cols(), rng));
            }
            for (Input i : graph.inputs()) {
                int rows = i.shape().rows(batch[k]);
                int cols = i.shape().cols(batch[k]);
                b.put(i.name(), i.isTarget() ? distribution(rows, cols, rng) : uniform(rows, cols, rng));
            }
            bindings.add(b);
        }
    }

    int batch(int k) {
        return batch[k];
    }

    /** The values of the nodes in every instance: [instance][node]. */
    DMatrixRMaj[][] evaluate(List<Node> nodes) {
        DMatrixRMaj[][] out = new DMatrixRMaj[COUNT][nodes.size()];
        for (int k = 0; k < COUNT; k++) {
            var values = Interpreter.evaluate(nodes, bindings.get(k));
            for (int i = 0; i < nodes.size(); i++) {
                out[k][i] = values.get(nodes.get(i)).copy();
            }
        }
        return out;
    }

    private static DMatrixRMaj uniform(int rows, int cols, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    private static DMatrixRMaj distribution(int rows, int cols, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double v = 0.05 + rng.nextDouble();
                m.set(i, j, v);
                sum += v;
            }
            for (int i = 0; i < rows; i++) {
                m.set(i, j, m.get(i, j) / sum);
            }
        }
        return m;
    }
}
