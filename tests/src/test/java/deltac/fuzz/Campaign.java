package deltac.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A mutation campaign over the front end: inputs made by {@link Mutator} from the seed corpus, three in four read as
 * specs ({@link FrontEnd#spec}) and one in four as hand-derived formulas ({@link FrontEnd#formulas}), each bounded
 * in time ({@link Bounded}). Deterministic for a seed. The short campaign runs in the default build
 * ({@link ShortCampaignTest}), the long one under the {@code fuzz-long} profile ({@link LongCampaignTest}).
 */
final class Campaign {
    /**
     * Per input: the spec reader's own limit (20 s, for a file of up to 1 MB) and some time to derive and print; an
     * input that needs more is a finding. Most inputs take milliseconds; see a campaign's slowest.
     */
    static final Duration LIMIT = Duration.ofSeconds(30);

    /** What a campaign did; {@code findings} are new, {@code known} those of a {@link KnownIssue}. */
    record Result(long seed, int inputs, Map<FrontEnd.Outcome, Integer> outcomes, List<Finding> findings,
                  Map<KnownIssue, List<Finding>> known, long nanos, long slowestNanos, String slowestInput,
                  int largestInput) {

        String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "%,d inputs (seed %d) in %.1f s: %,d specs read to a graph and derived, %,d specs refused with one "
                            + "positioned diagnostic, %,d formula files checked, %,d refused with one positioned "
                            + "diagnostic; slowest input %.0f ms, largest %,d characters; %d new findings",
                    inputs, seed, nanos / 1e9, count(FrontEnd.Outcome.GRAPH), count(FrontEnd.Outcome.SPEC_ERROR),
                    count(FrontEnd.Outcome.VERDICTS), count(FrontEnd.Outcome.FORMULA_ERROR), slowestNanos / 1e6,
                    largestInput, findings.size()));
            known.forEach((issue, list) -> s.append(String.format(Locale.ROOT, "; known issue %s ×%d (%s)",
                    issue, list.size(), issue.summary)));
            return s.toString();
        }

        int count(FrontEnd.Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    private Campaign() {}

    /** Runs {@code inputs} inputs from the seed corpus; stops early after {@code maxFindings} new findings. */
    static Result run(long seed, int inputs, int maxFindings) {
        return run(seed, inputs, Seeds.specs(), Seeds.formulas(), maxFindings, 0);
    }

    /** With a line on standard output every {@code progressEvery} inputs (0: none). */
    static Result run(long seed, int inputs, int maxFindings, int progressEvery) {
        return run(seed, inputs, Seeds.specs(), Seeds.formulas(), maxFindings, progressEvery);
    }

    /**
     * @param specs seed specs by file name; those named {@code malformed_*} are mutated one time in five, the
     *              good ones the rest of the time
     */
    static Result run(long seed, int inputs, Map<String, String> specs, Map<String, String> formulaSeeds,
                      int maxFindings, int progressEvery) {
        Random random = new Random(seed);
        List<String> good = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        specs.forEach((name, text) -> (name.startsWith("malformed_") ? malformed : good).add(text));
        List<String> formulas = List.copyOf(formulaSeeds.values());
        List<String> corpus = new ArrayList<>(specs.values());
        corpus.addAll(formulas);
        Mutator mutator = new Mutator(random, corpus);
        Map<FrontEnd.Outcome, Integer> outcomes = new EnumMap<>(FrontEnd.Outcome.class);
        List<Finding> findings = new ArrayList<>();
        Map<KnownIssue, List<Finding>> known = new EnumMap<>(KnownIssue.class);
        long start = System.nanoTime();
        long slowest = 0;
        String slowestInput = "";
        int largest = 0;
        int done = 0;
        try (Bounded bounded = new Bounded(LIMIT)) {
            for (; done < inputs && findings.size() < maxFindings; done++) {
                if (progressEvery > 0 && done > 0 && done % progressEvery == 0) {
                    System.out.printf(Locale.ROOT, "%,d inputs, %.0f s, %d new findings, %d known%n", done,
                            (System.nanoTime() - start) / 1e9, findings.size(),
                            known.values().stream().mapToInt(List::size).sum());
                }
                boolean asFormulas = random.nextInt(4) == 0;
                List<String> pool = asFormulas ? formulas
                        : malformed.isEmpty() || random.nextInt(5) > 0 ? good : malformed;
                String text = mutator.mutate(pool.get(random.nextInt(pool.size())));
                largest = Math.max(largest, text.length());
                String input = text;
                long t0 = System.nanoTime();
                try {
                    FrontEnd.Outcome outcome = bounded.run(asFormulas ? "the formula checker" : "the spec reader",
                            input, () -> asFormulas ? FrontEnd.formulas(input) : FrontEnd.spec(input));
                    outcomes.merge(outcome, 1, Integer::sum);
                    long took = System.nanoTime() - t0;
                    if (took > slowest) { // the slowest allowed outcome; a hang is a finding
                        slowest = took;
                        slowestInput = input;
                    }
                } catch (Finding f) {
                    KnownIssue.of(f).ifPresentOrElse(issue -> known.computeIfAbsent(issue, k -> new ArrayList<>()).add(f),
                            () -> findings.add(f));
                }
            }
        }
        return new Result(seed, done, outcomes, findings, known, System.nanoTime() - start, slowest, slowestInput,
                largest);
    }
}
