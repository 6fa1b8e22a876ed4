package deltac.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replays inputs a campaign kept (tests/target/fuzz/finding-*.java), each as a spec and as formulas, and says what
 * happened, how long it took and, for a crash or a hang, the deltac methods on the stack:
 * {@code java -cp <test classpath> deltac.fuzz.Replay FILE... [--limit SECONDS]}.
 */
final class Replay {
    private Replay() {}

    public static void main(String[] args) throws IOException {
        int seconds = 60;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--limit")) {
                seconds = Integer.parseInt(args[i + 1]);
            }
        }
        try (Bounded bounded = new Bounded(Duration.ofSeconds(seconds))) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--limit")) {
                    i++;
                    continue;
                }
                String text = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
                for (boolean asFormulas : new boolean[] {false, true}) {
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        outcome = bounded.run(asFormulas ? "the formula checker" : "the spec reader", text,
                                () -> asFormulas ? FrontEnd.formulas(text) : FrontEnd.spec(text)).toString();
                    } catch (Finding f) {
                        outcome = f.getMessage() + KnownIssue.of(f).map(k -> " [known: " + k + "]").orElse(" [NEW]")
                                + "\n    " + deltacFrames(f);
                    }
                    System.out.printf("%s as %s (%,d chars): %.0f ms: %s%n", args[i], asFormulas ? "formulas" : "spec",
                            text.length(), (System.nanoTime() - t0) / 1e6, outcome);
                }
            }
        }
        System.exit(0);
    }

    /** The distinct deltac methods on a finding's stack, innermost first, with how often each appears. */
    static String deltacFrames(Finding f) {
        Throwable cause = f.getCause();
        StackTraceElement[] where = cause != null ? cause.getStackTrace() : f.where();
        Map<String, Integer> frames = new LinkedHashMap<>();
        Arrays.stream(where).filter(e -> e.getClassName().startsWith("deltac.") && !e.getClassName().startsWith("deltac.fuzz"))
                .forEach(e -> frames.merge(e.getClassName().replace("deltac.", "") + "." + e.getMethodName() + ":"
                        + e.getLineNumber(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        frames.entrySet().stream().limit(12).forEach(e -> s.append(e.getKey())
                .append(e.getValue() > 1 ? " ×" + e.getValue() : "").append(" < "));
        return s.toString();
    }
}
