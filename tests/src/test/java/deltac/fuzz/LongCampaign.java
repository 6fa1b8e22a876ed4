package deltac.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The long campaign, as a program: runs {@link Campaign} and writes its report, with every finding's input, to a
 * folder. {@link LongCampaignTest} runs it under the {@code fuzz-long} profile; {@code main} runs it outside Maven:
 * {@code java -cp <test classpath> deltac.fuzz.LongCampaign [inputs [seed [folder]]]}.
 */
final class LongCampaign {
    private LongCampaign() {}

    static Campaign.Result run(int inputs, long seed, Path out) throws IOException {
        Campaign.Result result = Campaign.run(seed, inputs, 50, 10_000);
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder("long fuzz campaign: " + result.summary() + "\n");
        int k = 0;
        for (Finding f : result.findings()) {
            Path input = out.resolve("finding-" + (++k) + ".java");
            Files.writeString(input, f.input(), StandardCharsets.UTF_8);
            report.append("finding ").append(k).append(": ").append(f.getMessage()).append(" (input: ").append(input)
                    .append(")\n");
        }
        for (var entry : result.known().entrySet()) {
            Path input = out.resolve("known-" + entry.getKey().name().toLowerCase(Locale.ROOT) + ".java");
            Files.writeString(input, entry.getValue().get(0).input(), StandardCharsets.UTF_8);
            report.append("known issue ").append(entry.getKey()).append(" ×").append(entry.getValue().size())
                    .append(": ").append(entry.getValue().get(0).getMessage()).append(" (first input: ").append(input)
                    .append(")\n");
        }
        report.append("slowest input:\n").append(Finding.show(result.slowestInput(), 400)).append('\n');
        report.append(result.findings().isEmpty() ? "outcome: passed, no new findings\n"
                : "outcome: FAILED, " + result.findings().size() + " new findings\n");
        Files.writeString(out.resolve("long-campaign.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        return result;
    }

    public static void main(String[] args) throws IOException {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261127L;
        Path out = Path.of(args.length > 2 ? args[2] : "target/fuzz");
        Campaign.Result result = run(inputs, seed, out);
        System.exit(result.findings().isEmpty() ? 0 : 1);
    }
}
