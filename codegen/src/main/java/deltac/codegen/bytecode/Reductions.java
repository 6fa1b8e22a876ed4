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
import deltac.codegen.bytecode.Loops.Var;
import java.util.List;

/** Kernels that sum or move entries: row sums (the bias gradient), column sums, the total, the transpose. */
final class Reductions {
    private Reductions() {}

    /** out[i] = Σ_j in[i, j] */
    static List<Stmt> sumRows(KernelBuilder kb, String out, String in, int rows, int cols) {
        Var iv = kb.intVar("i");
        Var row = kb.intVar("row");
        Var j = kb.intVar("j");
        Var s = kb.realVar("s");
        return List.of(loop(iv, dim(rows), List.of(
                new Let(row, mul(iv, dim(cols))),
                new Let(s, new RealConst(0)),
                loop(j, dim(cols), List.of(new Set(s, real(BinOp.ADD, s, new Load(kb.array(in), add(row, j)))))),
                new Store(kb.array(out), iv, s))));
    }

    /** out[j] = Σ_i in[i, j], accumulated row by row so the inner loop runs along memory. */
    static List<Stmt> sumCols(KernelBuilder kb, String out, String in, int rows, int cols) {
        Var iv = kb.intVar("i");
        Var row = kb.intVar("row");
        Var j = kb.intVar("j");
        Var j0 = kb.intVar("j");
        Var o = kb.array(out);
        return List.of(
                loop(j0, dim(cols), List.of(new Store(o, j0, new RealConst(0)))),
                loop(iv, dim(rows), List.of(
                        new Let(row, mul(iv, dim(cols))),
                        loop(j, dim(cols), List.of(new Store(o, j, real(BinOp.ADD, new Load(o, j),
                                new Load(kb.array(in), add(row, j)))))))));
    }

    /** out[0] = Σ in, or its mean */
    static List<Stmt> sum(KernelBuilder kb, String out, String in, int rows, int cols, boolean mean) {
        Var k = kb.intVar("k");
        Var s = kb.realVar("s");
        Expr size = mul(dim(rows), dim(cols));
        Expr total = mean ? real(BinOp.DIV, s, new Loops.ToReal(size)) : s;
        return List.of(
                new Let(s, new RealConst(0)),
                loop(k, size, List.of(new Set(s, real(BinOp.ADD, s, new Load(kb.array(in), k))))),
                new Store(kb.array(out), i(0), total));
    }

    /** out[j, i] = in[i, j] */
    static List<Stmt> transpose(KernelBuilder kb, String out, String in, int rows, int cols) {
        Var iv = kb.intVar("i");
        Var j = kb.intVar("j");
        return List.of(loop(iv, dim(rows), List.of(loop(j, dim(cols), List.of(
                new Store(kb.array(out), add(mul(j, dim(rows)), iv), new Load(kb.array(in), add(mul(iv, dim(cols)), j))))))));
    }
}
