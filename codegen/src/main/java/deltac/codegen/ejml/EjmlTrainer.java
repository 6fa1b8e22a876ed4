package deltac.codegen.ejml;

import deltac.autodiff.Derivation;
import deltac.autodiff.simplify.ForComputing;
import deltac.codegen.Signature;
import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Param;
import deltac.graph.interp.Interpreter;
import deltac.graph.interp.Values;
import deltac.runtime.Feed;
import deltac.runtime.Feeds;
import deltac.runtime.OutputKind;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * A trainer that evaluates a derivation's forward and gradient graphs (the gradients as {@link ForComputing}
 * lowers them) with the reference interpreter, on EJML, in float64. In {@link Precision#F32} its parameters and
 * gradients are float buffers, converted at the boundary of each step, and its larger products run in float32
 * (EJML's float kernels, as a float32 trainer's products do elsewhere); the rest stays float64. Buffers are
 * allocated once per batch size.
 */
public final class EjmlTrainer implements Trainer {
    private final Derivation derivation;
    private final Signature signature;
    private final Precision precision;
    private final List<Tensor> parameters = new ArrayList<>();
    private final List<Tensor> gradients = new ArrayList<>();
    private final List<DMatrixRMaj> parameterValues = new ArrayList<>();
    private final List<Node> lowered = new ArrayList<>();
    private final Map<String, DMatrixRMaj> bindings = new HashMap<>();
    private final List<Feed> feeds;
    private final List<Feed> inputs;
    private final List<Feed> targets;
    /** The matrix each feed is bound to, in {@link #feeds} order; a batch's arrays become their data. */
    private final DMatrixRMaj[] feedValues;
    private final Interpreter.Plan training;
    private final Interpreter.Plan lossOnly;
    private final Interpreter.Plan prediction;
    /** Where the training plan puts each gradient and the loss. */
    private final int[] gradientSlots;
    private final int lossSlot;
    private boolean checkNumerics;
    private double[][] widened = new double[0][];
    private double[] outBuffer = new double[0];

    public EjmlTrainer(Derivation derivation, Precision precision) {
        this.derivation = derivation;
        this.signature = Signature.of(derivation.graph());
        this.precision = precision;
        for (Derivation.Gradient g : derivation.gradients()) {
            Param p = g.param();
            int rows = p.shape().rows();
            int cols = p.shape().cols();
            DMatrixRMaj value = new DMatrixRMaj(rows, cols);
            parameterValues.add(value);
            bindings.put(p.name(), value);
            if (precision == Precision.F64) {
                parameters.add(Tensor.of(p.name(), rows, cols, value.data)); // the tensor is the bound matrix
                gradients.add(Tensor.of(p.name(), rows, cols, new double[rows * cols]));
            } else {
                parameters.add(Tensor.of(p.name(), rows, cols, new float[rows * cols]));
                gradients.add(Tensor.of(p.name(), rows, cols, new float[rows * cols]));
            }
        }
        this.feeds = signature.runtimeFeeds();
        this.inputs = signature.runtimeInputs();
        this.targets = signature.runtimeTargets();
        feedValues = new DMatrixRMaj[feeds.size()];
        for (int k = 0; k < feedValues.length; k++) {
            feedValues[k] = new DMatrixRMaj(1, 1);
            bindings.put(feeds.get(k).name(), feedValues[k]);
        }
        Graph graph = derivation.graph();
        // the gradients as computed, not as printed: σ′(z) from the stored activation, not from z again
        lowered.addAll(ForComputing.gradients(derivation).values());
        List<Node> trainingRoots = new ArrayList<>(lowered);
        trainingRoots.add(0, graph.loss());
        boolean float32Products = precision == Precision.F32;
        training = Interpreter.plan(trainingRoots, bindings, float32Products);
        gradientSlots = lowered.stream().mapToInt(training::slot).toArray();
        lossSlot = training.slot(graph.loss());
        lossOnly = Interpreter.plan(List.of(graph.loss()), bindings, float32Products);
        prediction = signature.output() == null ? null
                : Interpreter.plan(List.of(signature.output()), bindings, float32Products);
    }

    /** Stop at the first NaN or infinity, naming the op and the value it computed. */
    public EjmlTrainer checkNumerics(boolean on) {
        this.checkNumerics = on;
        return this;
    }

    public Derivation derivation() {
        return derivation;
    }

    @Override
    public String name() {
        return derivation.graph().name();
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public List<Feed> inputs() {
        return inputs;
    }

    @Override
    public List<Feed> targets() {
        return targets;
    }

    @Override
    public List<Feed> feeds() {
        return feeds;
    }

    @Override
    public int outputRows() {
        return signature.outputRows();
    }

    @Override
    public OutputKind outputKind() {
        return signature.kind();
    }

    @Override
    public Optional<String> comparedWith() {
        return Optional.ofNullable(signature.comparedWith()).map(Input::name);
    }

    @Override
    public List<Tensor> parameters() {
        return parameters;
    }

    @Override
    public List<Tensor> gradients() {
        return gradients;
    }

    @Override
    public double computeGradients(double[][] batch, int n) {
        Values v = run(training, feeds, batch, n);
        for (int i = 0; i < gradients.size(); i++) {
            double[] g = v.at(gradientSlots[i]).data;
            Tensor out = gradients.get(i);
            if (out.f64() != null) {
                System.arraycopy(g, 0, out.f64(), 0, out.f64().length);
            } else {
                float[] f = out.f32();
                for (int k = 0; k < f.length; k++) {
                    f[k] = (float) g[k];
                }
            }
        }
        return v.at(lossSlot).data[0];
    }

    @Override
    public double computeGradients(float[][] batch, int n) {
        return computeGradients(widen(batch, feeds, n), n);
    }

    @Override
    public double loss(double[][] batch, int n) {
        return run(lossOnly, feeds, batch, n).scalar(derivation.graph().loss());
    }

    @Override
    public double loss(float[][] batch, int n) {
        return loss(widen(batch, feeds, n), n);
    }

    @Override
    public void predict(double[][] batch, int n, double[] out) {
        if (prediction == null) {
            throw new IllegalStateException(name() + " has no prediction: its loss compares no per-sample value");
        }
        double[] value = run(prediction, inputs, batch, n).get(signature.output()).data;
        System.arraycopy(value, 0, out, 0, n * outputRows());
    }

    @Override
    public void predict(float[][] batch, int n, float[] out) {
        if (outBuffer.length < n * outputRows()) {
            outBuffer = new double[n * outputRows()];
        }
        predict(widen(batch, inputs, n), n, outBuffer);
        for (int i = 0; i < n * outputRows(); i++) {
            out[i] = (float) outBuffer[i];
        }
    }

    /** Binds the batch's arrays (for {@code which}, a prefix of the feeds) and evaluates the plan. */
    private Values run(Interpreter.Plan plan, List<Feed> which, double[][] batch, int n) {
        Feeds.check(name(), which, n, batch);
        for (int k = 0; k < batch.length; k++) {
            DMatrixRMaj m = feedValues[k];
            m.data = batch[k];
            m.numRows = which.get(k).rows();
            m.numCols = n;
        }
        if (precision == Precision.F32) {
            for (int i = 0; i < parameters.size(); i++) {
                float[] from = parameters.get(i).f32();
                double[] to = parameterValues.get(i).data;
                for (int k = 0; k < from.length; k++) {
                    to[k] = from[k];
                }
            }
        }
        Values values = plan.evaluate();
        if (checkNumerics) {
            Node bad = plan.firstNonFinite();
            if (bad != null) {
                throw new ArithmeticException(describe(bad) + " is not finite (NaN or infinity)");
            }
        }
        return values;
    }

    /** A float batch in this trainer's double buffers, one per feed, grown with the batch size. */
    private double[][] widen(float[][] batch, List<Feed> which, int n) {
        Feeds.check(name(), which, n, batch);
        if (widened.length != batch.length) {
            widened = new double[batch.length][0];
        }
        for (int k = 0; k < batch.length; k++) {
            int count = which.get(k).rows() * n;
            if (widened[k].length != count) {
                widened[k] = new double[count];
            }
            for (int i = 0; i < count; i++) {
                widened[k][i] = batch[k][i];
            }
        }
        return widened;
    }

    /** The op as the spec writes it, with its name, or the name of the δ, gradient or value it is part of. */
    private String describe(Node node) {
        Graph graph = derivation.graph();
        String op = node instanceof Apply a ? a.op().token() : node.toString();
        String name = ownName(node);
        if (name != null) {
            return "the value of " + op + " (" + name + ")";
        }
        List<Node> roots = new ArrayList<>(derivation.roots());
        roots.addAll(lowered);
        for (Node user : Graph.topologicalOrder(roots)) {
            if (user instanceof Apply a && a.args().contains(node) && ownName(user) != null) {
                return "the value of " + op + " in " + ownName(user);
            }
        }
        return "the value of " + op + (graph.loss() == node ? " (the loss)" : "");
    }

    private String ownName(Node node) {
        for (Derivation.Delta d : derivation.deltas()) {
            if (d.value() == node) {
                return d.name();
            }
        }
        for (int i = 0; i < lowered.size(); i++) {
            if (derivation.gradients().get(i).value() == node || lowered.get(i) == node) {
                return derivation.gradients().get(i).name();
            }
        }
        return derivation.graph().nameOf(node).orElse(node == derivation.graph().loss() ? "the loss" : null);
    }
}
