package deltac.codegen.bytecode;

import static deltac.codegen.bytecode.KernelBuilder.dim;
import static deltac.codegen.bytecode.KernelBuilder.loop;
import static deltac.codegen.bytecode.Loops.add;
import static deltac.codegen.bytecode.Loops.i;
import static deltac.codegen.bytecode.Loops.mul;
import static deltac.codegen.bytecode.Loops.real;

import deltac.codegen.bytecode.Loops.BinOp;
import deltac.codegen.bytecode.Loops.Expr;
import deltac.codegen.bytecode.Loops.Let;
import deltac.codegen.bytecode.Loops.Load;
import deltac.codegen.bytecode.Loops.RealConst;
import deltac.codegen.bytecode.Loops.Set;
import deltac.codegen.bytecode.Loops.Stmt;
import deltac.codegen.bytecode.Loops.Store;
import deltac.codegen.bytecode.Loops.Un;
import deltac.codegen.bytecode.Loops.UnOp;
import deltac.codegen.bytecode.Loops.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernels over each column (each sample): softmax and log-softmax, shifted by the column's maximum so exp never
 * overflows; and the losses, averaged over the columns, in the same stable forms as the interpreter.
 */
final class Columns {
    private Columns() {}

    /** The floor of a log term in a loss, as {@code Kernels64.LOG_FLOOR}. */
    private static final double LOG_FLOOR = deltac.runtime.kernels.Kernels64.LOG_FLOOR;

    /**
     * The column's max and log Σ exp(z − max), into the given variables. A log-softmax is then (z − max) − logSum:
     * max + logSum rounded first, as one log-sum-exp, would cost float32 up to half an ulp of max (5e-4 at 1e4).
     */
    private static List<Stmt> logSumExp(KernelBuilder kb, Var z, Var j, Expr rows, Expr cols, Var max, Var logSum) {
        Var iv = kb.intVar("i");
        Var i2 = kb.intVar("i");
        Var sum = kb.realVar("sum");
        return List.of(
                new Let(max, new RealConst(Double.NEGATIVE_INFINITY)),
                loop(iv, rows, List.of(new Set(max, real(BinOp.MAX, max, new Load(z, add(mul(iv, cols), j)))))),
                new Let(sum, new RealConst(0)),
                loop(i2, rows, List.of(new Set(sum, real(BinOp.ADD, sum,
                        new Un(UnOp.EXP, real(BinOp.SUB, new Load(z, add(mul(i2, cols), j)), max)))))),
                new Let(logSum, new Un(UnOp.LOG, sum)));
    }

    /** (z[idx] − max) − logSum: an entry of the column's log-softmax. */
    private static Expr logSoftmax(Var z, Var idx, Var max, Var logSum) {
        return real(BinOp.SUB, real(BinOp.SUB, new Load(z, idx), max), logSum);
    }

    /** out = softmax(z) per column, or log softmax */
    static List<Stmt> softmax(KernelBuilder kb, String out, String in, int rows, int cols, boolean log) {
        Var z = kb.array(in);
        Var j = kb.intVar("j");
        Var max = kb.realVar("max");
        Var logSum = kb.realVar("logSum");
        Var iv = kb.intVar("i");
        Var idx = kb.intVar("idx");
        List<Stmt> body = new ArrayList<>(logSumExp(kb, z, j, dim(rows), dim(cols), max, logSum));
        Expr shifted = logSoftmax(z, idx, max, logSum);
        body.add(loop(iv, dim(rows), List.of(
                new Let(idx, add(mul(iv, dim(cols)), j)),
                new Store(kb.array(out), idx, log ? shifted : new Un(UnOp.EXP, shifted)))));
        return List.of(loop(j, dim(cols), body));
    }

    /** out = −(1/n) Σ y (z − logsumexp(z)): cross-entropy of softmax(z), from the logits */
    static List<Stmt> crossEntropyOfSoftmax(KernelBuilder kb, String out, String logits, String target, int rows, int cols) {
        return logSoftmaxColumns(kb, null, out, logits, target, rows, cols);
    }

    /**
     * out = softmax(z) and loss = −(1/n) Σ y (z − logsumexp(z)) in one pass over the logits: the training step's
     * kernel when it needs both, one log-sum-exp per column instead of two. Computes what the two kernels compute.
     */
    static List<Stmt> softmaxAndCrossEntropy(KernelBuilder kb, String out, String loss, String logits, String target,
                                             int rows, int cols) {
        return logSoftmaxColumns(kb, out, loss, logits, target, rows, cols);
    }

    /** Per column: the log-softmax (into softmax as its exp, when given) and its y-weighted sum into the loss. */
    private static List<Stmt> logSoftmaxColumns(KernelBuilder kb, String softmax, String loss, String logits,
                                                String target, int rows, int cols) {
        Var z = kb.array(logits);
        Var y = kb.array(target);
        Var j = kb.intVar("j");
        Var max = kb.realVar("max");
        Var logSum = kb.realVar("logSum");
        Var iv = kb.intVar("i");
        Var idx = kb.intVar("idx");
        Var shifted = kb.realVar("s");
        Var total = kb.realVar("total");
        List<Stmt> entry = new ArrayList<>();
        entry.add(new Let(idx, add(mul(iv, dim(cols)), j)));
        entry.add(new Let(shifted, logSoftmax(z, idx, max, logSum)));
        if (softmax != null) {
            entry.add(new Store(kb.array(softmax), idx, new Un(UnOp.EXP, shifted)));
        }
        entry.add(new Set(total, real(BinOp.ADD, total, real(BinOp.MUL, new Load(y, idx), shifted))));
        List<Stmt> column = new ArrayList<>(logSumExp(kb, z, j, dim(rows), dim(cols), max, logSum));
        column.add(loop(iv, dim(rows), entry));
        return List.of(
                new Let(total, new RealConst(0)),
                loop(j, dim(cols), column),
                new Store(kb.array(loss), i(0), real(BinOp.DIV, new Un(UnOp.NEG, total), new Loops.ToReal(dim(cols)))));
    }

    private static List<Stmt> average(KernelBuilder kb, String out, int rows, int cols, Var total,
                                      java.util.function.BiFunction<Var, List<Stmt>, Expr> term, double sign) {
        Var k = kb.intVar("k");
        List<Stmt> inner = new ArrayList<>();
        Expr t = term.apply(k, inner);
        inner.add(new Set(total, real(BinOp.ADD, total, t)));
        return List.of(
                new Let(total, new RealConst(0)),
                loop(k, mul(dim(rows), dim(cols)), inner),
                new Store(kb.array(out), i(0), real(BinOp.DIV, real(BinOp.MUL, new RealConst(sign), total),
                        new Loops.ToReal(dim(cols)))));
    }

    /** out = (1/n) Σ ½ (a − y)² */
    static List<Stmt> mse(KernelBuilder kb, String out, String a, String y, int rows, int cols) {
        Var total = kb.realVar("total");
        return average(kb, out, rows, cols, total, (k, inner) -> {
            Var d = kb.realVar("d");
            inner.add(new Let(d, real(BinOp.SUB, new Load(kb.array(a), k), new Load(kb.array(y), k))));
            return real(BinOp.MUL, d, d);
        }, 0.5);
    }

    private static Expr clampedLog(Expr p) {
        return real(BinOp.MAX, new Un(UnOp.LOG, p), new RealConst(LOG_FLOOR));
    }

    /** out = −(1/n) Σ y max(log p, −100) */
    static List<Stmt> crossEntropy(KernelBuilder kb, String out, String p, String y, int rows, int cols) {
        Var total = kb.realVar("total");
        return average(kb, out, rows, cols, total, (k, inner) ->
                real(BinOp.MUL, new Load(kb.array(y), k), clampedLog(new Load(kb.array(p), k))), -1);
    }

    /** out = −(1/n) Σ [y max(log p, −100) + (1 − y) max(log(1 − p), −100)] */
    static List<Stmt> binaryCrossEntropy(KernelBuilder kb, String out, String p, String y, int rows, int cols) {
        Var total = kb.realVar("total");
        return average(kb, out, rows, cols, total, (k, inner) -> {
            Var t = kb.realVar("t");
            Var v = kb.realVar("p");
            inner.add(new Let(t, new Load(kb.array(y), k)));
            inner.add(new Let(v, new Load(kb.array(p), k)));
            return real(BinOp.ADD, real(BinOp.MUL, t, clampedLog(v)), real(BinOp.MUL, real(BinOp.SUB, new RealConst(1), t),
                    real(BinOp.MAX, new Un(UnOp.LOG1P, new Un(UnOp.NEG, v)), new RealConst(LOG_FLOOR))));
        }, -1);
    }

    /** out = (1/n) Σ [y softplus(−z) + (1 − y) softplus(z)]: binary cross-entropy of sigmoid(z) */
    static List<Stmt> binaryCrossEntropyOfSigmoid(KernelBuilder kb, String out, String logits, String y, int rows, int cols) {
        Var total = kb.realVar("total");
        return average(kb, out, rows, cols, total, (k, inner) -> {
            Var t = kb.realVar("t");
            Var z = kb.realVar("z");
            Var tail = kb.realVar("tail");
            inner.add(new Let(t, new Load(kb.array(y), k)));
            inner.add(new Let(z, new Load(kb.array(logits), k)));
            // softplus(±z) = max(±z, 0) + log1p(e^−|z|)
            inner.add(new Let(tail, new Un(UnOp.LOG1P, new Un(UnOp.EXP, new Un(UnOp.NEG, new Un(UnOp.ABS, z))))));
            Expr plus = real(BinOp.ADD, real(BinOp.MAX, z, new RealConst(0)), tail);
            Expr minus = real(BinOp.ADD, real(BinOp.MAX, new Un(UnOp.NEG, z), new RealConst(0)), tail);
            return real(BinOp.ADD, real(BinOp.MUL, t, minus), real(BinOp.MUL, real(BinOp.SUB, new RealConst(1), t), plus));
        }, 1);
    }
}
