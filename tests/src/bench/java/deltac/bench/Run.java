package deltac.bench;

import java.nio.file.Path;

/**
 * One contestant on one workload, as bench/run.sh calls it:
 * {@code java -cp ... deltac.bench.Run --workload W2 --contestant deltac --data bench/out/data [--runs 5]
 * [--warmup 2] [--seconds 1]}. Prints {@code RESULT {json}} (see {@link Measure}); exit 1 on a failure.
 */
public final class Run {
    private Run() {}

    public static void main(String[] args) throws Exception {
        String workload = null;
        String contestant = null;
        Path dir = Path.of("bench/out/data");
        int runs = 5;
        double warmup = 2;
        double seconds = 1;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--workload" -> workload = args[++i];
                case "--contestant" -> contestant = args[++i];
                case "--data" -> dir = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + (v == null ? "" : ""));
            }
        }
        if (workload == null || contestant == null) {
            System.err.println("usage: Run --workload W1|W2|W3 --contestant deltac|deltac-loop|deltac-ejml|hand-ejml|hand-loops|dl4j"
                    + " [--data DIR] [--runs N] [--warmup S] [--seconds S]");
            System.exit(2);
        }
        Workload w = Workload.of(workload);
        BenchData data = BenchData.read(w, dir);
        Contestant c = Contestant.of(contestant);
        c.prepare(data);
        Measure.Result r = c instanceof DeltacContestant d && contestant.equals("deltac-loop")
                ? Measure.runLoop(contestant, d, data, runs, warmup, seconds)
                : Measure.run(contestant, c, data, runs, warmup, seconds);
        System.out.println("RESULT " + r.json());
    }
}
