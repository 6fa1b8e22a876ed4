package deltac.codegen.bytecode;

import deltac.codegen.bytecode.Loops.Expr;
import deltac.codegen.bytecode.Loops.Stmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a kernel takes from its class: the fields it reads, and at most how many constant-pool entries its constants
 * add (an int beyond a short's range or a real other than 0 and 1 is an entry, a double two). A trainer spread over
 * several classes fills each class up to a budget of entries by this count.
 */
record KernelFootprint(Set<Loops.FieldRef> fields, int constants) {

    static KernelFootprint of(List<Stmt> body) {
        Walk walk = new Walk();
        body.forEach(walk::stmt);
        return new KernelFootprint(walk.fields, walk.constants);
    }

    private static final class Walk {
        final Set<Loops.FieldRef> fields = new LinkedHashSet<>();
        int constants;

        void stmt(Stmt s) {
            if (s instanceof Loops.Let l) {
                expr(l.value());
            } else if (s instanceof Loops.Set set) {
                expr(set.value());
            } else if (s instanceof Loops.Store st) {
                expr(st.array());
                expr(st.index());
                expr(st.value());
            } else if (s instanceof Loops.For f) {
                expr(f.from());
                expr(f.to());
                f.body().forEach(this::stmt);
            } else if (s instanceof Loops.Fallback fb) {
                expr(fb.site());
                expr(fb.out());
                expr(fb.a());
                if (fb.b() != null) {
                    expr(fb.b());
                }
            } else if (s instanceof Loops.Product p) {
                expr(p.a());
                expr(p.b());
                expr(p.c());
                expr(p.k());
                expr(p.n());
                constants++; // m
            } else if (s instanceof Loops.Activation a) {
                expr(a.array());
                expr(a.length());
            } else if (s instanceof Loops.Copy c) {
                expr(c.from());
                expr(c.to());
                expr(c.length());
            }
        }

        void expr(Expr e) {
            if (e instanceof Loops.IntConst c) {
                constants += c.value() == (short) c.value() ? 0 : 1;
            } else if (e instanceof Loops.RealConst c) {
                constants += c.value() == 0 || c.value() == 1 ? 0 : 2;
            } else if (e instanceof Loops.FieldRef f) {
                fields.add(f);
            } else if (e instanceof Loops.Load l) {
                expr(l.array());
                expr(l.index());
            } else if (e instanceof Loops.Bin b) {
                expr(b.a());
                expr(b.b());
            } else if (e instanceof Loops.Un u) {
                expr(u.a());
            } else if (e instanceof Loops.Select s) {
                expr(s.a());
                expr(s.b());
                expr(s.ifTrue());
                expr(s.ifFalse());
            } else if (e instanceof Loops.ToReal t) {
                expr(t.a());
            }
        }
    }
}
