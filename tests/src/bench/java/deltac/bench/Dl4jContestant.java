package deltac.bench;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J as its users write it: a MultiLayerNetwork of DenseLayers and a softmax OutputLayer with MCXENT (the mean
 * cross-entropy over the batch), float32, plain Sgd, on nd4j-native (its own OpenBLAS, threads as it chooses). The
 * shared initial weights are copied in (DL4J keeps W as in × out, so transposed); batches are DataSets made
 * before the timing, a row per sample.
 */
final class Dl4jContestant implements Contestant {
    private BenchData data;
    private Workload w;
    private MultiLayerNetwork net;
    private DataSet[] batches;
    private DataSet eval;

    @Override
    public String title() {
        return "DL4J 1.0.0-M2.1 (nd4j-native)";
    }

    @Override
    public String threads() {
        return "OpenMP " + Nd4j.getEnvironment().maxMasterThreads() + ", " + Nd4j.factory().blas().getBlasVendor()
                + " " + Nd4j.factory().blas().getMaxThreads();
    }

    @Override
    public String details() {
        return "backend " + Nd4j.getBackend().getClass().getSimpleName() + ", JDK " + Runtime.version().feature();
    }

    @Override
    public void prepare(BenchData data) {
        this.data = data;
        this.w = data.workload;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        int[] sizes = w.sizes();
        Activation hidden = switch (w.activation) {
            case TANH -> Activation.TANH;
            case SIGMOID -> Activation.SIGMOID;
            case RELU -> Activation.RELU;
        };
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .seed(1)
                .updater(new Sgd(w.learningRate))
                .weightInit(WeightInit.XAVIER)
                .list();
        for (int l = 1; l < sizes.length - 1; l++) {
            list.layer(new DenseLayer.Builder().nIn(sizes[l - 1]).nOut(sizes[l]).activation(hidden).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(sizes[sizes.length - 2]).nOut(w.classes()).activation(Activation.SOFTMAX).build());
        net = new MultiLayerNetwork(list.build());
        net.init();
        int spe = data.stepsPerEpoch();
        batches = new DataSet[spe];
        float[] x = new float[w.batch * w.inputs()];
        float[] y = new float[w.batch * w.classes()];
        for (int s = 0; s < spe; s++) {
            data.rows(s, x, y);
            batches[s] = new DataSet(Nd4j.create(x.clone(), new long[] {w.batch, w.inputs()}, 'c'),
                    Nd4j.create(y.clone(), new long[] {w.batch, w.classes()}, 'c'));
        }
        float[] ex = new float[w.evalCount * w.inputs()];
        float[] ey = new float[w.evalCount * w.classes()];
        data.evalRows(ex, ey);
        eval = new DataSet(Nd4j.create(ex, new long[] {w.evalCount, w.inputs()}, 'c'),
                Nd4j.create(ey, new long[] {w.evalCount, w.classes()}, 'c'));
        reset();
    }

    @Override
    public void reset() {
        int[] sizes = w.sizes();
        for (int l = 1; l < sizes.length; l++) {
            INDArray weights = Nd4j.create(data.init.get("W" + l), new long[] {sizes[l], sizes[l - 1]}, 'c').transpose();
            INDArray bias = Nd4j.create(data.init.get("b" + l), new long[] {1, sizes[l]}, 'c');
            net.getLayer(l - 1).setParam("W", weights);
            net.getLayer(l - 1).setParam("b", bias);
        }
        // DL4J's W is in × out: entry (k, i) must be deltac's W(i, k)
        float[] taken = net.getLayer(0).getParam("W").dup('c').data().asFloat();
        float[] want = data.init.get("W1");
        for (int i = 0; i < sizes[1]; i++) {
            for (int k = 0; k < sizes[0]; k++) {
                if (taken[k * sizes[1] + i] != want[i * sizes[0] + k]) {
                    throw new IllegalStateException("DL4J did not take the initial weights as expected");
                }
            }
        }
    }

    @Override
    public double step(int s) {
        net.fit(batches[s % batches.length]);
        return net.score();
    }

    @Override
    public double evalLoss() {
        return net.score(eval, false);
    }

    @Override
    public double infer(int s) {
        return net.output(batches[s % batches.length].getFeatures(), false).getDouble(0);
    }
}
