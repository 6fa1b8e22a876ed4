package deltac.autodiff.check;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.autodiff.print.Notation;
import deltac.autodiff.simplify.Rewriter;
import deltac.autodiff.simplify.Rules;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Param;
import deltac.graph.Shape;
import deltac.graph.spec.Diagnostic;
import deltac.graph.spec.Formulas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks hand-derived formulas against the derivation. For each formula: <em>equal, proved by rewriting</em>
 * when both sides reach one normal form under the named rules (the algebra derive simplifies with, then the
 * expansion to sums of products, {@link Expansion}); else <em>equal on K random instances</em> when the
 * interpreter finds them equal to 1e-9; else <em>differs</em>, with the instance and entry where they differ
 * most, and, when an edit or two explain it, which ({@link Diagnosis}). A formula whose shapes do not fit is a
 * positioned error, with the mistake behind it when one can be told ({@link Misshapen}).
 *
 * <pre>{@code
 * CheckReport r = FormulaChecker.check(Spec.parse(spec), Path.of("examples/mnist_mlp_by_hand.java"), false);
 * r.verdicts().forEach(System.out::println);
 * }</pre>
 */
public final class FormulaChecker {
    static final double TOLERANCE = 1e-9;
    private static final long SEED = 20261127;

    private FormulaChecker() {}

    /** @param batch compare with the batch form (1/n, column sums) instead of the per-sample equations */
    public static CheckReport check(Graph spec, Path formulas, boolean batch) throws IOException {
        return check(spec, new String(Files.readAllBytes(formulas), StandardCharsets.UTF_8), formulas.toString(), batch);
    }

    public static CheckReport check(Graph spec, String text, String file, boolean batch) {
        return deltac.graph.DeepStack.call(() -> checkHere(spec, text, file, batch));
    }

    private static CheckReport checkHere(Graph spec, String text, String file, boolean batch) {
        Graph graph = batch ? spec : spec.withBatch(1);
        Derivation derivation = Autodiff.derive(graph);
        GraphBuilder builder = GraphBuilder.extending(graph);
        Map<String, Node> names = new LinkedHashMap<>();
        graph.inputs().forEach(i -> names.put(i.name(), i));
        graph.params().forEach(p -> names.put(p.name(), p));
        names.putAll(graph.locals());
        Map<String, Node> derived = new LinkedHashMap<>();
        for (Derivation.Delta d : derivation.deltas()) {
            derived.put(d.name(), builder.copy(d.value()));
        }
        for (Derivation.Gradient g : derivation.gradients()) {
            derived.put(g.name(), builder.copy(g.value()));
        }
        names.putAll(derived);
        Map<String, Shape> expected = new LinkedHashMap<>();
        derived.forEach((name, node) -> expected.put(name, node.shape()));

        Formulas.Result read = Formulas.read(text, file, builder, names, expected);
        Set<Node> forward = Collections.newSetFromMap(new IdentityHashMap<>());
        forward.addAll(graph.topologicalOrder());
        Set<Node> opaque = Collections.newSetFromMap(new IdentityHashMap<>());
        opaque.addAll(derived.values());
        Instances instances = new Instances(graph, SEED);
        Expansion expansion = new Expansion(builder, forward, graph.locals().values(), derived);
        Notation notation = Notation.of(graph, derived);
        Wording wording = new Wording(notation, new Anatomy(graph, derivation, derived, notation));
        Diagnosis diagnosis = new Diagnosis(graph, builder, instances, opaque, batch, expansion, wording);
        if (!read.ok()) {
            // a shape error: said with the mistake behind it, when a repair of the shapes gives the derivation
            Misshapen misshapen = new Misshapen(text, file, builder, names, expected, derived, diagnosis, wording,
                    notation, expansion);
            List<Diagnostic> diagnostics = new ArrayList<>();
            boolean first = true;
            for (Diagnostic d : read.diagnostics()) {
                diagnostics.add(d.isError() && first ? misshapen.explain(d) : d);
                first &= !d.isError();
            }
            return new CheckReport(List.of(), diagnostics, List.of());
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        List<String> notGiven = new ArrayList<>(derived.keySet());
        Map<Node, String> symbols = new IdentityHashMap<>();
        graph.locals().forEach((local, node) -> symbols.putIfAbsent(node, local));
        derived.forEach((name, node) -> symbols.putIfAbsent(node, name));
        Rewriter normal = new Rewriter(Rules.forProofs(), builder, forward);
        for (Formulas.Formula f : read.formulas()) {
            notGiven.remove(f.name());
            Verdict verdict = verdict(f, file, derived.get(f.name()), builder, forward, expansion, instances, diagnosis);
            verdicts.add(verdict);
            comparisons.add(comparison(f, derived.get(f.name()), verdict, normal, symbols));
        }
        return new CheckReport(verdicts, read.diagnostics(), notGiven, comparisons);
    }

    private static Comparison comparison(Formulas.Formula f, Node want, Verdict verdict, Rewriter normal,
                                         Map<Node, String> symbols) {
        Set<Node> yoursDiffers = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> derivedDiffers = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!verdict.equal()) {
            Mismatch.mark(normal, f.value(), want, yoursDiffers, derivedDiffers);
        }
        return new Comparison(f.name(), f.value(), want, yoursDiffers, derivedDiffers, symbols);
    }

    private static Verdict verdict(Formulas.Formula f, String file, Node want, GraphBuilder builder, Set<Node> forward,
                                   Expansion expansion, Instances instances, Diagnosis diagnosis) {
        if (f.value() == want) {
            return new Verdict(f.name(), file, f.line(), f.column(), Verdict.Kind.EQUAL_PROVED, "", List.of());
        }
        Rewriter rewriter = new Rewriter(Rules.forProofs(), builder, forward);
        if (rewriter.rewrite(f.value()) == rewriter.rewrite(want)) {
            return new Verdict(f.name(), file, f.line(), f.column(), Verdict.Kind.EQUAL_PROVED, "",
                    new ArrayList<>(rewriter.fired().keySet()));
        }
        DMatrixRMaj[][] values = instances.evaluate(List.of(f.value(), want));
        Difference difference = Difference.of(values);
        // as sums of products: first with the other derived values as names, then written out
        for (Expansion.View view : List.of(Expansion.View.NAMES, Expansion.View.DERIVED_WRITTEN)) {
            Expansion.Pair p = expansion.expand(f.name(), f.value(), want, true, view);
            // the values agreeing too is a guard against a wrong rule, never the proof
            if (p != null && p.yours() == p.want() && difference.relative() <= TOLERANCE) {
                return new Verdict(f.name(), file, f.line(), f.column(), Verdict.Kind.EQUAL_PROVED, "", p.rules());
            }
        }
        if (difference.relative() <= TOLERANCE) {
            String detail = Instances.COUNT + " random instances (max relative difference "
                    + String.format(Locale.ROOT, "%.1e", difference.relative()) + ")";
            return new Verdict(f.name(), file, f.line(), f.column(), Verdict.Kind.EQUAL_NUMERIC, detail, List.of());
        }
        String where = String.format(Locale.ROOT, "at instance %d, entry (%d, %d): yours %.6g, derived %.6g",
                difference.instance() + 1, difference.row(), difference.col(), difference.yours(), difference.derived());
        String why = diagnosis.explain(f.name(), f.value(), want);
        return new Verdict(f.name(), file, f.line(), f.column(), Verdict.Kind.DIFFERS,
                where + (why == null ? "" : "; " + why), List.of());
    }

    /** Where two values differ most, relative to the derived value's largest entry. */
    record Difference(double relative, int instance, int row, int col, double yours, double derived) {
        /** values[k] = {yours, derived} in instance k */
        static Difference of(DMatrixRMaj[][] values) {
            Difference worst = new Difference(0, 0, 0, 0, 0, 0);
            for (int k = 0; k < values.length; k++) {
                DMatrixRMaj u = values[k][0];
                DMatrixRMaj d = values[k][1];
                double scale = 0;
                for (int i = 0; i < d.data.length; i++) {
                    scale = Math.max(scale, Math.max(Math.abs(d.data[i]), Math.abs(u.data[i])));
                }
                for (int i = 0; i < d.data.length; i++) {
                    double diff = Math.abs(u.data[i] - d.data[i]);
                    double relative = diff == 0 ? 0 : diff / scale;
                    if (Double.isNaN(relative)) {
                        relative = Double.POSITIVE_INFINITY;
                    }
                    if (relative > worst.relative) {
                        worst = new Difference(relative, k, i / d.numCols + 1, i % d.numCols + 1, u.data[i], d.data[i]);
                    }
                }
            }
            return worst;
        }
    }

    static boolean isLeaf(Node node) {
        return node instanceof Input || node instanceof Param;
    }
}
