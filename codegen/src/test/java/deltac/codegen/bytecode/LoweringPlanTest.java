package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.autodiff.Autodiff;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lowering's decisions on every example, read in review: which values get a buffer, which kernels each mode
 * runs, and each kernel's loops, products and runtime calls. What they compute is the other tests' business
 * ({@link GeneratedVersusInterpreterTest}); a decision that changes (a chain no longer fused into one loop, a
 * product no longer absorbing its bias and activation, a softmax and its cross-entropy no longer sharing a
 * log-sum-exp) computes the same numbers more slowly, and only this golden sees it.
 * {@code -Dgolden.update=true} rewrites it on purpose.
 */
class LoweringPlanTest {
    private static final Path GOLDEN = Path.of("../examples/generated/lowering.txt");

    @Test
    void everyExampleLowersAsTheGoldenSays() throws Exception {
        List<Path> specs;
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            specs = files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("by_hand")).sorted().toList();
        }
        StringBuilder text = new StringBuilder("# Each example's kernels as the lowering plans them, in float32: written by"
                + " LoweringPlanTest (-Dgolden.update=true)\n");
        for (Path spec : specs) {
            Program program = Lowering.lower(Autodiff.derive(Spec.parse(spec)), Precision.F32, "t/T", Lowering.Options.DEFAULT);
            text.append('\n').append(plan("examples/" + spec.getFileName(), program));
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, text.toString());
            return;
        }
        assertEquals(Files.readString(GOLDEN), text.toString(), "the lowering's plans (rerun with -Dgolden.update=true on purpose)");
    }

    static String plan(String name, Program p) {
        StringBuilder s = new StringBuilder("## " + name + "\n");
        s.append("buffers: ").append(p.buffers().stream().map(b -> b.field() + " " + b.kind().name().toLowerCase()
                + (b.rows() == FED ? "" : " " + dim(b.rows()) + "×" + dim(b.cols())) + (b.kind() == Program.Kind.CONSTANT ? " = " + b.fill() : ""))
                .collect(Collectors.joining(", "))).append('\n');
        if (!p.sites().isEmpty()) {
            s.append("fallback: ").append(p.sites().stream().map(site -> site.field() + " " + site.op())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        s.append("step: ").append(String.join(", ", p.gradients())).append('\n');
        s.append("loss: ").append(String.join(", ", p.loss())).append('\n');
        s.append("prediction: ").append(String.join(", ", p.predict())).append('\n');
        s.append("loss and prediction: ").append(String.join(", ", p.lossAndPrediction())).append('\n');
        for (Loops.Method m : p.methods()) {
            if (!m.name().endsWith(BatchOfOne.SUFFIX)) {
                s.append(m.name()).append(": ").append(m.comment()).append("\n    ").append(body(m.body())).append('\n');
            }
        }
        return s.toString();
    }

    /** The shape of an input's or a target's buffer, which the batch's feed brings. */
    private static final int FED = -2;

    private static String dim(int d) {
        return d < 0 ? "n" : Integer.toString(d);
    }

    /** The loops and calls of a body: {@code for 8 { for n { store out } }}, {@code gemm 8 4 n}, ... */
    private static String body(List<Loops.Stmt> body) {
        return body.stream().map(LoweringPlanTest::stmt).filter(t -> !t.isEmpty()).collect(Collectors.joining(" "));
    }

    private static String stmt(Loops.Stmt s) {
        if (s instanceof Loops.For f) {
            return "for " + expr(f.to()) + " { " + body(f.body()) + " }";
        }
        if (s instanceof Loops.Store st) {
            return "store " + expr(st.array());
        }
        if (s instanceof Loops.Product g) {
            return "gemm" + (g.transA() ? "ᵀ" : "") + " " + expr(g.a()) + " " + expr(g.b()) + (g.transB() ? "ᵀ" : "")
                    + " " + g.m() + " " + expr(g.k()) + " " + expr(g.n());
        }
        if (s instanceof Loops.Activation a) {
            return a.kind().name().toLowerCase() + " " + expr(a.array());
        }
        if (s instanceof Loops.Fallback f) {
            return "fallback " + f.site().name();
        }
        if (s instanceof Loops.Copy c) {
            return "copy " + expr(c.from()) + " " + expr(c.to());
        }
        return ""; // a let or a set: the arithmetic, checked by value elsewhere
    }

    private static String expr(Loops.Expr e) {
        if (e instanceof Loops.IntConst c) {
            return Integer.toString(c.value());
        }
        if (e instanceof Loops.Var v) {
            return v.name().startsWith("a_") ? v.name().substring(2) : v.name();
        }
        if (e instanceof Loops.Bin b) {
            return expr(b.a()) + "·" + expr(b.b());
        }
        return e.toString();
    }
}
