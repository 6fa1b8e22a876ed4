package deltac.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The long fuzz campaign: {@code fuzz.inputs} mutated inputs (120,000 by default) from seed {@code fuzz.seed}. Not in
 * the default build: {@code mvn -pl tests -P fuzz-long verify}, or {@code scripts/fuzz-long.sh}, which prints the
 * report this writes to {@code tests/target/fuzz/long-campaign.txt}, next to every finding's input.
 */
@Tag("fuzz-long")
class LongCampaignTest {

    @Test
    void aHundredThousandMutatedInputs() throws IOException {
        int inputs = Integer.getInteger("fuzz.inputs", 120_000);
        long seed = Long.getLong("fuzz.seed", 20261127L);
        Path out = Path.of("target", "fuzz");
        Campaign.Result result = LongCampaign.run(inputs, seed, out);
        if (!result.findings().isEmpty()) {
            fail(result.findings().size() + " new findings; see " + out.resolve("long-campaign.txt"),
                    result.findings().get(0));
        }
    }
}
