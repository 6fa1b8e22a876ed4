package deltac.codegen.bytecode;

import static deltac.codegen.bytecode.Loops.add;
import static deltac.codegen.bytecode.Loops.i;
import static deltac.codegen.bytecode.Loops.mul;

import deltac.codegen.bytecode.Loops.Activation;
import deltac.codegen.bytecode.Loops.Bin;
import deltac.codegen.bytecode.Loops.Copy;
import deltac.codegen.bytecode.Loops.Expr;
import deltac.codegen.bytecode.Loops.Fallback;
import deltac.codegen.bytecode.Loops.For;
import deltac.codegen.bytecode.Loops.IntConst;
import deltac.codegen.bytecode.Loops.Let;
import deltac.codegen.bytecode.Loops.Load;
import deltac.codegen.bytecode.Loops.Product;
import deltac.codegen.bytecode.Loops.RealConst;
import deltac.codegen.bytecode.Loops.Select;
import deltac.codegen.bytecode.Loops.Set;
import deltac.codegen.bytecode.Loops.Stmt;
import deltac.codegen.bytecode.Loops.Store;
import deltac.codegen.bytecode.Loops.ToReal;
import deltac.codegen.bytecode.Loops.Type;
import deltac.codegen.bytecode.Loops.Un;
import deltac.codegen.bytecode.Loops.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernel's twin for a batch of one sample (per-sample SGD): n becomes the constant 1, so every loop over the
 * batch runs once and is replaced by its body, and index arithmetic folds. At n = 1 the general kernel spends
 * most of its time entering and leaving loops of one iteration, which C2 compiles as pre-, main and post-loops;
 * the twin is straight-line code around loops of constant, small trip counts that C2 unrolls.
 */
final class BatchOfOne {
    private BatchOfOne() {}

    /** The twin's name: the kernel's with this suffix. */
    static final String SUFFIX = "_1";

    static Loops.Method twin(Loops.Method kernel) {
        return new Loops.Method(kernel.name() + SUFFIX, kernel.comment() + " (a batch of one)",
                block(kernel.body(), new HashMap<>(Map.of(Loops.N.name(), i(1)))));
    }

    /** {@code bound} maps a variable to the constant it is known to hold. */
    private static List<Stmt> block(List<Stmt> body, Map<String, Expr> bound) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof For f) {
                Expr from = expr(f.from(), bound);
                Expr to = expr(f.to(), bound);
                if (from instanceof IntConst a && to instanceof IntConst b && b.value() - a.value() <= 1) {
                    if (b.value() - a.value() == 1) {
                        // one iteration: the body, with the loop variable a constant
                        Map<String, Expr> inner = new HashMap<>(bound);
                        inner.put(f.var().name(), from);
                        out.addAll(block(f.body(), inner));
                    }
                    continue;
                }
                out.add(new For(f.var(), from, to, block(f.body(), bound)));
            } else if (s instanceof Let let) {
                out.add(new Let(let.var(), expr(let.value(), bound)));
            } else if (s instanceof Set set) {
                out.add(new Set(set.var(), expr(set.value(), bound)));
            } else if (s instanceof Store st) {
                out.add(new Store(expr(st.array(), bound), expr(st.index(), bound), expr(st.value(), bound)));
            } else if (s instanceof Product p) {
                out.add(new Product(p.a(), p.transA(), p.b(), p.transB(), p.c(), p.m(), expr(p.k(), bound), expr(p.n(), bound)));
            } else if (s instanceof Copy c) {
                out.add(new Copy(c.from(), c.to(), expr(c.length(), bound)));
            } else if (s instanceof Activation a) {
                out.add(new Activation(a.kind(), a.array(), expr(a.length(), bound)));
            } else if (s instanceof Fallback f) {
                out.add(f);
            } else {
                throw new IllegalStateException("unknown statement " + s);
            }
        }
        return out;
    }

    private static Expr expr(Expr e, Map<String, Expr> bound) {
        if (e instanceof Var v) {
            return bound.getOrDefault(v.name(), v);
        }
        if (e instanceof Bin b) {
            Expr x = expr(b.a(), bound);
            Expr y = expr(b.b(), bound);
            if (b.type() == Type.INT) {
                return switch (b.op()) {
                    case ADD -> add(x, y);
                    case MUL -> mul(x, y);
                    default -> new Bin(b.op(), x, y, b.type());
                };
            }
            return new Bin(b.op(), x, y, b.type());
        }
        if (e instanceof Load l) {
            return new Load(expr(l.array(), bound), expr(l.index(), bound));
        }
        if (e instanceof Un u) {
            return new Un(u.op(), expr(u.a(), bound));
        }
        if (e instanceof Select s) {
            return new Select(s.cmp(), expr(s.a(), bound), expr(s.b(), bound), expr(s.ifTrue(), bound),
                    expr(s.ifFalse(), bound));
        }
        if (e instanceof ToReal t) {
            Expr a = expr(t.a(), bound);
            return a instanceof IntConst c ? new RealConst(c.value()) : new ToReal(a);
        }
        return e;
    }
}
