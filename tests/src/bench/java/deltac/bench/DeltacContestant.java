package deltac.bench;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.kernels.Gemm;
import deltac.runtime.train.Sgd;

/** deltac as a library user runs it: the spec compiled to a float32 trainer on one engine, stepped with Sgd. */
final class DeltacContestant implements Contestant {
    private final Engine engine;
    private final boolean loop;
    private BenchData data;
    private Trainer trainer;
    private Sgd sgd;
    private float[][][] batches; // per step of an epoch: {x, y}, in the trainer's feeds order
    private float[][][] inputs;  // per step: {x}
    private float[] evalX;
    private float[] evalY;
    private float[] out;

    /** @param loop whether this is the training loop's row ({@link Measure#runLoop}) */
    DeltacContestant(Engine engine, boolean loop) {
        this.engine = engine;
        this.loop = loop;
    }

    @Override
    public String title() {
        return loop ? "deltac train's loop f32" : engine == Engine.BYTECODE ? "deltac generated f32" : "deltac EJML engine f32";
    }

    Trainer trainer() {
        return trainer;
    }

    @Override
    public String threads() {
        return engine == Engine.BYTECODE ? Gemm.threads() + " (products of 2²¹+ multiply-adds)" : "1";
    }

    @Override
    public String details() {
        return (engine == Engine.BYTECODE ? "products " + (Gemm.simd() ? "on the Vector API" : "scalar (no jdk.incubator.vector)")
                : "interpreter on EJML, products of 2^15+ multiply-adds in float32, the rest float64") + ", JDK " + Runtime.version().feature();
    }

    @Override
    public void prepare(BenchData data) throws Exception {
        this.data = data;
        Workload w = data.workload;
        trainer = Compiler.trainer(Spec.parse(w.specPath()), Precision.F32, engine);
        int spe = data.stepsPerEpoch();
        batches = new float[spe][][];
        inputs = new float[spe][][];
        for (int s = 0; s < spe; s++) {
            float[] x = new float[w.inputs() * w.batch];
            float[] y = new float[w.classes() * w.batch];
            data.columns(s, x, y);
            batches[s] = new float[][] {x, y};
            inputs[s] = new float[][] {x};
        }
        evalX = new float[w.inputs() * w.evalCount];
        evalY = new float[w.classes() * w.evalCount];
        data.evalColumns(evalX, evalY);
        out = new float[w.classes() * w.batch];
        reset();
    }

    @Override
    public void reset() {
        for (Tensor p : trainer.parameters()) {
            float[] v = data.init.get(p.name());
            System.arraycopy(v, 0, p.f32(), 0, v.length);
        }
        sgd = new Sgd(data.workload.learningRate);
    }

    @Override
    public double step(int s) {
        return trainer.step(batches[s % batches.length], data.workload.batch, sgd);
    }

    @Override
    public double evalLoss() {
        return trainer.loss(new float[][] {evalX, evalY}, data.workload.evalCount);
    }

    @Override
    public double infer(int s) {
        trainer.predict(inputs[s % inputs.length], data.workload.batch, out);
        return out[0];
    }
}
