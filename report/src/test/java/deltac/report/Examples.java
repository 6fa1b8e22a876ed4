package deltac.report;

import deltac.autodiff.check.FormulaChecker;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.train.EpochStats;
import deltac.runtime.train.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's example specs and the report each gets in the tests. */
final class Examples {
    static final Path DIR = Path.of("../examples");

    private Examples() {}

    /** Every example spec's file name, hand-derived formulas left out. */
    static List<String> specs() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.contains("by_hand")).sorted().toList();
        }
    }

    static Graph graph(String spec) throws Exception {
        return Spec.read(Files.readString(DIR.resolve(spec)), "examples/" + spec).orThrow();
    }

    /**
     * The page the tests look at: the equations and the graph; the verdicts where the example has hand-derived
     * formulas (mnist_mlp: the ones with two mistakes, so that highlights show); a made-up training run, so that
     * every page draws its curves (the report module cannot train: it must not know bytecode).
     */
    static Report.Contents contents(String spec) throws Exception {
        Graph graph = graph(spec);
        Report.Contents contents = Report.of(graph).withHistory(fixtureRun(!classifier(graph)), "a made-up run (test fixture)");
        String base = spec.replace(".java", "");
        Path mistakes = DIR.resolve(base + "_by_hand_mistakes.java");
        Path right = DIR.resolve(base + "_by_hand.java");
        Path byHand = Files.exists(mistakes) ? mistakes : right;
        if (Files.exists(byHand)) {
            String file = "examples/" + byHand.getFileName(); // as a user in the repository's root names it
            contents = contents.withCheck(FormulaChecker.check(graph, Files.readString(byHand), file, false), file);
        }
        return contents;
    }

    private static final java.util.Map<String, String> PAGES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The page of {@link #contents}, made once per run. */
    static String html(String spec) throws Exception {
        String page = PAGES.get(spec);
        if (page == null) {
            page = Report.html(contents(spec));
            PAGES.put(spec, page);
        }
        return page;
    }

    /** Whether the spec's loss compares probabilities with classes: only then does its run measure accuracy. */
    static boolean classifier(Graph graph) {
        return graph.topologicalOrder().stream().anyMatch(n -> n instanceof deltac.graph.Apply a
                && (a.op() == deltac.graph.Op.CROSS_ENTROPY || a.op() == deltac.graph.Op.BINARY_CROSS_ENTROPY));
    }

    /** Ten epochs of a loss falling like a real run's, with accuracy where {@code accuracy} says. */
    static History fixtureRun(boolean noAccuracy) {
        List<EpochStats> epochs = new ArrayList<>();
        for (int e = 1; e <= 10; e++) {
            double train = 2.3 * Math.exp(-0.45 * e) + 0.02;
            double val = 2.2 * Math.exp(-0.4 * e) + 0.09 + 0.004 * e;
            double acc = noAccuracy ? Double.NaN : 1 - 0.9 * Math.exp(-0.5 * e) - 0.04;
            epochs.add(new EpochStats(e, train, noAccuracy ? Double.NaN : acc + 0.02, val, acc, 40_000, 0.3));
        }
        return new History(epochs, false, 10);
    }
}
