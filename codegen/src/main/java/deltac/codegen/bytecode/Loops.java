package deltac.codegen.bytecode;

import java.util.List;

/**
 * The loop-level IR: what a kernel becomes before it is bytecode. Values are ints (indices) or reals (float or
 * double, the trainer's precision); arrays are real arrays. Every loop counts up by one from a bound to a bound,
 * and the bounds are constants except the batch size {@code n}, the kernels' one parameter.
 */
final class Loops {
    private Loops() {}

    enum Type { INT, REAL, ARRAY, SITE }

    /** An expression. */
    sealed interface Expr permits IntConst, RealConst, Var, FieldRef, Load, Bin, Un, Select, ToReal {}

    record IntConst(int value) implements Expr {}

    record RealConst(double value) implements Expr {}

    /** A local variable (or the parameter {@code n}). */
    record Var(String name, Type type) implements Expr {}

    /** A field of the generated class holding an array (or a fallback site). */
    record FieldRef(String name, Type type) implements Expr {}

    record Load(Expr array, Expr index) implements Expr {}

    enum BinOp { ADD, SUB, MUL, DIV, MAX }

    /** Arithmetic on two ints or two reals. */
    record Bin(BinOp op, Expr a, Expr b, Type type) implements Expr {}

    enum UnOp { NEG, EXP, LOG, TANH, SQRT, ABS, LOG1P }

    /** A real function: NEG in the trainer's precision; the others through java.lang.Math in double. */
    record Un(UnOp op, Expr a) implements Expr {}

    enum Cmp { GT, LT }

    /** {@code a cmp b ? ifTrue : ifFalse}, comparing reals. */
    record Select(Cmp cmp, Expr a, Expr b, Expr ifTrue, Expr ifFalse) implements Expr {}

    /** An int converted to a real. */
    record ToReal(Expr a) implements Expr {}

    /** A statement. */
    sealed interface Stmt permits Let, Set, Store, For, Fallback, Copy, Product, Activation {}

    /** Declares a local and gives it its first value. */
    record Let(Var var, Expr value) implements Stmt {}

    record Set(Var var, Expr value) implements Stmt {}

    record Store(Expr array, Expr index, Expr value) implements Stmt {}

    /** {@code for (var = from; var < to; var++) body} */
    record For(Var var, Expr from, Expr to, List<Stmt> body) implements Stmt {}

    /** {@code site.run(out, a, b, n)}: an op the generator does not specialize, on the runtime's EJML kernels. */
    record Fallback(FieldRef site, Expr out, Expr a, Expr b) implements Stmt {}

    /** {@code Gemm.multiply(a, transA, b, transB, c, m, k, n)}: the runtime's product, on the Vector API where the JVM has it. */
    record Product(Expr a, boolean transA, Expr b, boolean transB, Expr c, int m, Expr k, Expr n) implements Stmt {}

    /** Float32 activations the runtime applies in place to a whole buffer, on the Vector API where it can. */
    enum ActivationKind { SIGMOID, TANH }

    /** {@code Activations.sigmoid(array, length)} or {@code Activations.tanh(array, length)} */
    record Activation(ActivationKind kind, Expr array, Expr length) implements Stmt {}

    /** {@code System.arraycopy(from, 0, to, 0, length)} */
    record Copy(Expr from, Expr to, Expr length) implements Stmt {}

    /** A kernel as a method {@code void name(int n)}. */
    record Method(String name, String comment, List<Stmt> body) {}

    static final Var N = new Var("n", Type.INT);

    static IntConst i(int v) {
        return new IntConst(v);
    }

    static Expr add(Expr a, Expr b) {
        if (a instanceof IntConst x && x.value() == 0) {
            return b;
        }
        if (b instanceof IntConst y && y.value() == 0) {
            return a;
        }
        if (a instanceof IntConst x && b instanceof IntConst y) {
            return i(x.value() + y.value());
        }
        return new Bin(BinOp.ADD, a, b, Type.INT);
    }

    static Expr mul(Expr a, Expr b) {
        if (a instanceof IntConst x && x.value() == 1) {
            return b;
        }
        if (b instanceof IntConst y && y.value() == 1) {
            return a;
        }
        if (a instanceof IntConst x && x.value() == 0 || b instanceof IntConst y && y.value() == 0) {
            return i(0);
        }
        if (a instanceof IntConst x && b instanceof IntConst y) {
            return i(x.value() * y.value());
        }
        return new Bin(BinOp.MUL, a, b, Type.INT);
    }

    static Expr real(BinOp op, Expr a, Expr b) {
        return new Bin(op, a, b, Type.REAL);
    }
}
