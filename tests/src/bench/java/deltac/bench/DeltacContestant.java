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
    private BenchData data;
    private Trainer trainer;
    private Sgd sgd;
    private float[][] xs;
    private float[][] ys;
    private float[] evalX;
    private float[] evalY;
    private float[] out;

    DeltacContestant(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String title() {
        return engine == Engine.BYTECODE ? "deltac generated f32" : "deltac EJML engine f32";
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
        xs = new float[spe][w.inputs() * w.batch];
        ys = new float[spe][w.classes() * w.batch];
        for (int s = 0; s < spe; s++) {
            data.columns(s, xs[s], ys[s]);
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
        int b = s % xs.length;
        return trainer.step(xs[b], ys[b], data.workload.batch, sgd);
    }

    @Override
    public double evalLoss() {
        return trainer.loss(new float[][] {evalX, evalY}, data.workload.evalCount);
    }

    @Override
    public double infer(int s) {
        trainer.predict(xs[s % xs.length], data.workload.batch, out);
        return out[0];
    }
}
