package deltac.autodiff.check;

import deltac.graph.Node;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A hand-derived formula beside the derived value it was checked against, both as expressions, for printing side
 * by side: a page writes both and highlights the terms where they part.
 *
 * @param name          the formula's name, {@code delta_z1}
 * @param yours         the formula as written
 * @param derived       the derived value it is compared with
 * @param yoursDiffers  the terms of {@code yours} that differ (empty when the two are equal; an extra factor is
 *                      marked only here, a missing one only in {@code derivedDiffers})
 * @param derivedDiffers the terms of {@code derived} that differ
 * @param symbols       the spec-side name of each named value either side uses: locals ({@code z1}) and derived
 *                      values ({@code delta_z2}), so that both print with the derivation's names (a printer
 *                      writes the root of either side out, not as the formula's own name)
 */
public record Comparison(String name, Node yours, Node derived, Set<Node> yoursDiffers, Set<Node> derivedDiffers,
                         Map<Node, String> symbols) {
    public Comparison {
        yoursDiffers = identitySet(yoursDiffers);
        derivedDiffers = identitySet(derivedDiffers);
        symbols = Collections.unmodifiableMap(new IdentityHashMap<>(symbols));
    }

    /** Nodes compare by identity: interned nodes of one builder are equal exactly when they are the same object. */
    private static Set<Node> identitySet(Set<Node> nodes) {
        Set<Node> copy = Collections.newSetFromMap(new IdentityHashMap<>());
        copy.addAll(nodes);
        return Collections.unmodifiableSet(copy);
    }
}
