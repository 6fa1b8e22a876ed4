package deltac.codegen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.GraphPrinter;
import deltac.graph.Op;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the generated code: random networks ({@link FuzzNetwork}) through every engine
 * ({@link Differential}).
 *
 * <p>The default build runs a short campaign of {@link #SHORT} networks. The long one, 10,000 networks:
 * <pre>
 * nice -n 10 mvn -q -o -pl runtime,graph,autodiff,codegen test -Dtest=DifferentialFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Ddeltac.fuzz.count=10000
 * </pre>
 * {@code -Ddeltac.fuzz.seed=S} runs seed S alone; {@code -Ddeltac.fuzz.first=S} starts the campaign there.
 * A failure names its seeds and prints the first networks.
 */
class DifferentialFuzzTest {
    static final int SHORT = 300;

    @Test
    void generatedCodeAgreesWithTheInterpreterOnRandomNetworks() {
        String only = System.getProperty("deltac.fuzz.seed");
        long first = only != null ? Long.parseLong(only) : Long.getLong("deltac.fuzz.first", 1);
        int count = only != null ? 1 : Integer.getInteger("deltac.fuzz.count", SHORT);
        Map<Op, Integer> ops = new EnumMap<>(Op.class);
        Map<String, Integer> losses = new TreeMap<>();
        Differential.Counts counts = new Differential.Counts();
        List<String> failed = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        long started = System.nanoTime();
        for (long seed = first; seed < first + count; seed++) {
            FuzzNetwork net = FuzzNetwork.generate(seed);
            net.ops().forEach(op -> ops.merge(op, 1, Integer::sum));
            losses.merge(net.loss(), 1, Integer::sum);
            List<String> findings = Differential.check(net, counts);
            if (!findings.isEmpty()) {
                seeds.add(seed);
                if (failed.size() < 5) {
                    failed.add("\n--- seed " + seed + " (" + net.loss() + ")\n" + String.join("\n", findings) + "\n"
                            + GraphPrinter.text(net.graph()));
                }
            }
        }
        System.out.printf("differential fuzz: %d networks from seed %d in %.1f s, %d failed; %d comparisons, %d float32"
                + " comparisons left out near a kink, %d finite differences%nops (networks using each): %s%n"
                + "losses: %s%n", count, first, (System.nanoTime() - started) / 1e9, seeds.size(), counts.comparisons,
                counts.kinkSkips, counts.differences, ops, losses);
        assertTrue(seeds.isEmpty(), seeds.size() + " of " + count + " networks disagree; seeds " + seeds
                + String.join("", failed));
        if (only == null) {
            Set<Op> missing = EnumSet.copyOf(FuzzNetwork.FORWARD);
            missing.removeAll(ops.keySet());
            assertEquals(Set.of(), missing, "forward ops no network used");
            assertEquals(FuzzNetwork.LOSSES.size(), losses.size(), "losses covered: " + losses.keySet());
        }
    }
}
