package deltac.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short fuzz campaign of the default build: 4 seeded runs of 750 mutated inputs (3,000 in all) over the spec
 * reader, the derivation and the formula checker. Every input must give a graph or one positioned diagnostic, in
 * time, without an exception. The long campaign is the same code with more inputs ({@code scripts/fuzz-long.sh}).
 */
class ShortCampaignTest {
    static final int INPUTS_PER_SEED = 750;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void mutatedSpecsAndFormulas(long seed) {
        Campaign.Result result = Campaign.run(seed, INPUTS_PER_SEED, 5);
        System.out.println("short fuzz campaign: " + result.summary());
        result.known().forEach((issue, findings) -> System.out.println("known issue " + issue + ", first input:\n"
                + findings.get(0).shownInput()));
        if (!result.findings().isEmpty()) {
            fail(result.findings().stream()
                    .map(f -> f.getMessage() + "\n--- input ---\n" + f.shownInput() + "\n---")
                    .collect(Collectors.joining("\n\n", result.findings().size() + " findings:\n", "")),
                    result.findings().get(0));
        }
        assertEquals(INPUTS_PER_SEED, result.inputs());
        // the mutations must reach past the parser, not only break the syntax
        Map<FrontEnd.Outcome, Integer> outcomes = result.outcomes();
        assertTrue(result.count(FrontEnd.Outcome.GRAPH) > INPUTS_PER_SEED / 20, "graphs: " + outcomes);
        assertTrue(result.count(FrontEnd.Outcome.VERDICTS) > INPUTS_PER_SEED / 40, "verdicts: " + outcomes);
    }
}
