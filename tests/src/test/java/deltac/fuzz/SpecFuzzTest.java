package deltac.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of the front end with Jazzer. In the default build (regression mode) each method runs
 * once per file of its seed corpus, {@code src/test/resources/fuzz/specs} and {@code .../fuzz/formulas}, which the
 * build copies to {@code deltac/fuzz/SpecFuzzTestInputs/<method>/}. With {@code JAZZER_FUZZ=1} and one method
 * selected, Jazzer instruments JavaParser and deltac ({@code jazzer.instrument}, set in tests/pom.xml) and fuzzes
 * that method for up to {@code maxExecutions} inputs; see {@code scripts/fuzz-long.sh}.
 */
class SpecFuzzTest {
    private static final Bounded BOUNDED = new Bounded(Campaign.LIMIT);

    @FuzzTest(maxExecutions = 100_000, maxDuration = "60m")
    void fuzzSpec(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        unlessKnown(() -> BOUNDED.run("the spec reader", text, () -> FrontEnd.spec(text)));
    }

    @FuzzTest(maxExecutions = 100_000, maxDuration = "60m")
    void fuzzFormulas(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        unlessKnown(() -> BOUNDED.run("the formula checker", text, () -> FrontEnd.formulas(text)));
    }

    /** A finding of a {@link KnownIssue} is counted and printed once, not reported again as a crash. */
    private static void unlessKnown(Runnable input) {
        try {
            input.run();
        } catch (Finding f) {
            KnownIssue issue = KnownIssue.of(f).orElseThrow(() -> f);
            if (KNOWN.merge(issue, 1, Integer::sum) == 1) {
                System.err.println("known issue " + issue + " (" + issue.summary + "), first input:\n" + f.shownInput());
            }
        }
    }

    private static final Map<KnownIssue, Integer> KNOWN = new EnumMap<>(KnownIssue.class);

    @AfterAll
    static void stopWorker() {
        BOUNDED.close();
        KNOWN.forEach((issue, count) -> System.err.println("known issue " + issue + " ×" + count));
    }
}
