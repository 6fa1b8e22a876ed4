package deltac.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The short fuzz campaign of the default build: 4 seeded runs of 750 mutated inputs (3,000 in all) over the spec
 * reader, the derivation and the formula checker. Every input must give a graph or one positioned diagnostic, in
 * time, without an exception. The long campaign is the same code with more inputs ({@code scripts/fuzz-long.sh}).
 * Each seed's outcomes are exact, as the README's reliability table sums them: a change in what the front end
 * accepts shows here, and the README changes with it.
 */
class ShortCampaignTest {
    static final int INPUTS_PER_SEED = 750;

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({
        // seed, graphs, spec diagnostics, formula verdicts, formula diagnostics
        "1, 69, 479, 35, 167",
        "2, 76, 483, 28, 163",
        "3, 56, 503, 29, 162",
        "4, 78, 483, 28, 161",
    })
    void mutatedSpecsAndFormulas(long seed, int graphs, int specErrors, int verdicts, int formulaErrors) {
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
        Map<FrontEnd.Outcome, Integer> outcomes = result.outcomes();
        assertEquals(Map.of(FrontEnd.Outcome.GRAPH, graphs, FrontEnd.Outcome.SPEC_ERROR, specErrors,
                FrontEnd.Outcome.VERDICTS, verdicts, FrontEnd.Outcome.FORMULA_ERROR, formulaErrors), outcomes);
    }
}
