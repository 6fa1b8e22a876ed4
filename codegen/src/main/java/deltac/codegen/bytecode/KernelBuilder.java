package deltac.codegen.bytecode;

import static deltac.codegen.bytecode.Loops.add;
import static deltac.codegen.bytecode.Loops.i;
import static deltac.codegen.bytecode.Loops.mul;
import static deltac.codegen.bytecode.Loops.real;

import deltac.codegen.bytecode.Loops.BinOp;
import deltac.codegen.bytecode.Loops.Expr;
import deltac.codegen.bytecode.Loops.For;
import deltac.codegen.bytecode.Loops.Let;
import deltac.codegen.bytecode.Loops.Load;
import deltac.codegen.bytecode.Loops.RealConst;
import deltac.codegen.bytecode.Loops.Set;
import deltac.codegen.bytecode.Loops.Stmt;
import deltac.codegen.bytecode.Loops.Store;
import deltac.codegen.bytecode.Loops.Type;
import deltac.codegen.bytecode.Loops.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one kernel method's loops: the arrays it reads become locals at its start, loop variables get fresh
 * names. The kernels' shapes: a matrix is rows × cols, row-major; a column of the batch is a sample.
 */
final class KernelBuilder {
    private final Map<String, Var> arrays = new LinkedHashMap<>();
    private int locals;

    /** The local holding an array field, loaded once at the method's start. */
    Var array(String field) {
        return arrays.computeIfAbsent(field, f -> new Var("a_" + f, Type.ARRAY));
    }

    Var intVar(String hint) {
        return new Var(hint + locals++, Type.INT);
    }

    Var realVar(String hint) {
        return new Var(hint + locals++, Type.REAL);
    }

    /** The method: array locals first, then the body. */
    Loops.Method method(String name, String comment, List<Stmt> body) {
        List<Stmt> all = new ArrayList<>();
        arrays.forEach((field, var) -> all.add(new Let(var, new Loops.FieldRef(field, Type.ARRAY))));
        all.addAll(body);
        return new Loops.Method(name, comment, all);
    }

    static Expr dim(int d) {
        return d < 0 ? Loops.N : i(d);
    }

    static For loop(Var v, Expr to, List<Stmt> body) {
        return new For(v, i(0), to, body);
    }

    /**
     * out = op(A) op(B) with constant M and K and columns N (maybe n): the i-k-j order, so the innermost loop
     * is an axpy over a contiguous row of B and of out, which C2 vectorizes. A transposed B is packed first
     * into {@code packed} (K × N), so that it too is read along rows; the runtime's Gemm reads it in place.
     * {@code epilogue}, when given, rewrites each finished row: out[i, j] = epilogue(out[i, j]).
     */
    List<Stmt> gemm(String out, String a, String b, String packed, boolean transA, boolean transB, int m, int k,
                    int n, Epilogue epilogue) {
        if (isDotProduct(m, k, n)) {
            return dotGemm(out, a, b, transA, transB, m, n, epilogue);
        }
        if (isRuntimeProduct(m, k, n)) {
            return runtimeGemm(out, a, b, transA, transB, m, k, n, epilogue);
        }
        List<Stmt> body = new ArrayList<>();
        Expr cols = dim(n);
        Expr kk = dim(k);
        String right = b;
        if (transB) {
            // packed[p, j] = B[j, p]: B is N × K
            Var p = intVar("p");
            Var j = intVar("j");
            body.add(loop(j, cols, List.of(loop(p, kk, List.of(new Store(array(packed), add(mul(p, cols), j),
                    new Load(array(b), add(mul(j, kk), p))))))));
            right = packed;
        }
        Var iv = intVar("i");
        Var row = intVar("row");
        Var pv = intVar("p");
        Var aip = realVar("a");
        Var bRow = intVar("brow");
        Var j1 = intVar("j");
        Var j2 = intVar("j");
        // A is M × K, or K × M when transposed: A[i, p] at i*K + p, or p*M + i
        Expr aIndex = transA ? add(mul(pv, i(m)), iv) : add(mul(iv, kk), pv);
        List<Stmt> rowBody = new ArrayList<>();
        rowBody.add(new Let(row, mul(iv, cols)));
        rowBody.add(loop(j1, cols, List.of(new Store(array(out), add(row, j1), new RealConst(0)))));
        rowBody.add(loop(pv, kk, List.of(
                new Let(aip, new Load(array(a), aIndex)),
                new Let(bRow, mul(pv, cols)),
                loop(j2, cols, List.of(new Store(array(out), add(row, j2),
                        real(BinOp.ADD, new Load(array(out), add(row, j2)),
                                real(BinOp.MUL, aip, new Load(array(right), add(bRow, j2))))))))));
        if (epilogue != null) {
            Var j3 = intVar("j");
            List<Stmt> inner = new ArrayList<>();
            List<Stmt> hoisted = new ArrayList<>();
            Expr value = epilogue.at(this, iv, row, j3, new Load(array(out), add(row, j3)), inner, hoisted);
            rowBody.addAll(hoisted);
            inner.add(new Store(array(out), add(row, j3), value));
            rowBody.add(loop(j3, cols, inner));
        }
        body.add(loop(iv, i(m), rowBody));
        return body;
    }

    /**
     * A product over the batch (k = n) with at most this many entries, such as a small layer's weight gradient
     * δ aᵀ, is a dot product per entry in the generated method: no copy of the transposed operand, no call. At
     * per-sample SGD (n = 1) a call and a copy cost more than the arithmetic.
     */
    static final int DOT_PRODUCT_OUTPUTS = 256;

    static boolean isDotProduct(int m, int k, int n) {
        return k < 0 && n >= 0 && (long) m * n <= DOT_PRODUCT_OUTPUTS;
    }

    /** Whether the product runs in the runtime's Gemm, which reads a transposed b in place. */
    static boolean isRuntimeProduct(int m, int k, int n) {
        return !isDotProduct(m, k, n) && (k < 0 || (long) m * k >= RUNTIME_PRODUCT_THRESHOLD);
    }

    /** Whether {@link #gemm} needs a K × N buffer to copy a transposed b into: only its own i-k-j loops do. */
    static boolean packsB(boolean transB, int m, int k, int n) {
        return transB && !isDotProduct(m, k, n) && !isRuntimeProduct(m, k, n);
    }

    /** out[i, j] = Σp op(A)[i, p] op(B)[p, j] over p &lt; n, each entry one running sum: M and N constant, K = n. */
    private List<Stmt> dotGemm(String out, String a, String b, boolean transA, boolean transB, int m, int n,
                               Epilogue epilogue) {
        Var iv = intVar("i");
        Var row = intVar("row");
        Var j = intVar("j");
        Var pv = intVar("p");
        Var sum = realVar("s");
        Expr kk = Loops.N;
        // A is M × n, or n × M when transposed; B is n × N, or N × n when transposed
        Expr aIndex = transA ? add(mul(pv, i(m)), iv) : add(mul(iv, kk), pv);
        Expr bIndex = transB ? add(mul(j, kk), pv) : add(mul(pv, i(n)), j);
        List<Stmt> inner = new ArrayList<>();
        List<Stmt> hoisted = new ArrayList<>();
        inner.add(new Let(sum, new RealConst(0)));
        inner.add(loop(pv, kk, List.of(new Set(sum, real(BinOp.ADD, sum,
                real(BinOp.MUL, new Load(array(a), aIndex), new Load(array(b), bIndex)))))));
        Expr value = epilogue == null ? sum : epilogue.at(this, iv, row, j, sum, inner, hoisted);
        inner.add(new Store(array(out), add(row, j), value));
        List<Stmt> rowBody = new ArrayList<>();
        rowBody.add(new Let(row, mul(iv, i(n))));
        rowBody.addAll(hoisted);
        rowBody.add(loop(j, i(n), inner));
        return List.of(loop(iv, i(m), rowBody));
    }

    /**
     * Products with at least this many entries of op(a) call the runtime's {@code Gemm} (register-blocked, on the
     * Vector API where the JVM has it); smaller ones are loops in the generated method, cheaper than a call.
     * A larger weight gradient, whose inner dimension is the batch (k = n), calls it too.
     */
    static final int RUNTIME_PRODUCT_THRESHOLD = 64;

    private List<Stmt> runtimeGemm(String out, String a, String b, boolean transA, boolean transB,
                                   int m, int k, int n, Epilogue epilogue) {
        List<Stmt> body = new ArrayList<>();
        body.add(new Loops.Product(array(a), transA, array(b), transB, array(out), m, dim(k), dim(n)));
        if (epilogue != null) { // a second pass over the product
            body.addAll(map(out, m, n, (kb, iv, row, j, inner, hoisted) ->
                    epilogue.at(kb, iv, row, j, new Load(array(out), add(row, j)), inner, hoisted)));
        }
        return body;
    }

    /** What a gemm does to each finished entry: the element-wise kernel it absorbed. */
    @FunctionalInterface
    interface Epilogue {
        Expr at(KernelBuilder kb, Var i, Var row, Var j, Expr accumulated, List<Stmt> inner, List<Stmt> hoisted);
    }

    /** out[i, j] = element(i, j) for an element-wise kernel; loads that do not depend on j are hoisted. */
    List<Stmt> map(String out, int rows, int cols, Element element) {
        Var iv = intVar("i");
        Var row = intVar("row");
        Var j = intVar("j");
        List<Stmt> inner = new ArrayList<>();
        List<Stmt> hoisted = new ArrayList<>();
        Expr value = element.at(this, iv, row, j, inner, hoisted);
        inner.add(new Store(array(out), add(row, j), value));
        List<Stmt> rowBody = new ArrayList<>();
        rowBody.add(new Let(row, mul(iv, dim(cols))));
        rowBody.addAll(hoisted);
        rowBody.add(loop(j, dim(cols), inner));
        return List.of(loop(iv, dim(rows), rowBody));
    }

    @FunctionalInterface
    interface Element {
        Expr at(KernelBuilder kb, Var i, Var row, Var j, List<Stmt> inner, List<Stmt> hoisted);
    }
}
