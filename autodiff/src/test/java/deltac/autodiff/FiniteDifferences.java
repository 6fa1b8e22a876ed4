package deltac.autodiff;

import static org.junit.jupiter.api.Assertions.fail;

import deltac.graph.Graph;
import deltac.graph.Node;
import deltac.graph.Param;
import deltac.graph.interp.Interpreter;
import deltac.graph.interp.Values;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** Checks derived gradients against central finite differences of the loss, in float64. */
final class FiniteDifferences {
    private FiniteDifferences() {}

    static final double STEP = 1e-5;
    static final double TOLERANCE = 1e-6;

    /** The worst relative error over every entry of every parameter's gradient; fails above the tolerance. */
    static double check(Derivation d, Map<String, DMatrixRMaj> bindings, String label) {
        Graph graph = d.graph();
        Values values = Interpreter.evaluate(d.roots(), bindings);
        double worst = 0;
        for (Derivation.Gradient gradient : d.gradients()) {
            DMatrixRMaj analytic = values.get(gradient.value());
            DMatrixRMaj p = bindings.get(gradient.param().name());
            for (int i = 0; i < p.data.length; i++) {
                double saved = p.data[i];
                p.data[i] = saved + STEP;
                double up = loss(graph, bindings);
                p.data[i] = saved - STEP;
                double down = loss(graph, bindings);
                p.data[i] = saved;
                double numeric = (up - down) / (2 * STEP);
                double error = relativeError(analytic.data[i], numeric);
                worst = Math.max(worst, error);
                if (error > TOLERANCE) {
                    fail(label + ": ∂C/∂" + gradient.param().name() + "[" + i + "] derived " + analytic.data[i]
                            + " but finite differences give " + numeric + " (relative error " + error + ")");
                }
            }
        }
        return worst;
    }

    static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-7);
    }

    static double loss(Graph graph, Map<String, DMatrixRMaj> bindings) {
        Node loss = graph.loss();
        return Interpreter.evaluate(List.of(loss), bindings).scalar(loss);
    }

    /** Every parameter of a graph bound to values from {@code fill}. */
    static void bindParams(Graph graph, Map<String, DMatrixRMaj> bindings, java.util.function.DoubleSupplier fill) {
        for (Param p : graph.params()) {
            DMatrixRMaj m = new DMatrixRMaj(p.shape().rows(), p.shape().cols());
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = fill.getAsDouble();
            }
            bindings.put(p.name(), m);
        }
    }
}
