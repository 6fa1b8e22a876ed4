package deltac.report;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Equations.Equation;
import deltac.autodiff.print.Equations.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One colour per δ, the same in the equations and in the graph: the k-th δ from the output (by its pre-activation's
 * name, so the per-sample and the batch equations agree) gets CSS class {@code dk}, k modulo the palette's size.
 */
final class DeltaColours {
    /** As many colours as the style sheets define ({@code --d0} … {@code --d7}). */
    static final int PALETTE = 8;

    private final Map<String, Integer> byLocal = new LinkedHashMap<>();

    DeltaColours(Equations equations) {
        for (Equation e : equations.all()) {
            if (e.kind() == Kind.DELTA) {
                byLocal.putIfAbsent(e.subject(), byLocal.size() % PALETTE);
            }
        }
    }

    /** The colour of δ at this pre-activation, or -1. */
    int of(String local) {
        return byLocal.getOrDefault(local, -1);
    }

    Map<String, Integer> byLocal() {
        return byLocal;
    }

    static String cssClass(int colour) {
        return "d" + colour;
    }
}
