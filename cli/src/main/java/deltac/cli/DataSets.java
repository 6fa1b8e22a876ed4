package deltac.cli;

import deltac.runtime.OutputKind;
import deltac.runtime.Trainer;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.Csv;
import deltac.runtime.data.DataException;
import deltac.runtime.data.Dataset;
import deltac.runtime.data.FeedSet;
import deltac.runtime.data.Idx;
import deltac.runtime.data.SafetensorsData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code --data} option: {@code mnist} (the bundled 8,000 training and 2,000 held-out digits), {@code iris}
 * (the bundled 150 flowers, 30 held out), a safetensors file with a tensor per input and target named as in the
 * spec, a CSV file (a header row; the label in the last column or the one {@code --label} names), or an IDX pair
 * {@code IMAGES:LABELS}. Each gives a training set and a held-out test set, bound to the trainer's feeds.
 */
final class DataSets {
    private DataSets() {}

    record Split(FeedSet train, FeedSet test) {}

    static final String HELP = "mnist (bundled, 8,000 train + 2,000 test), iris (bundled, 120 + 30), "
            + "FILE.safetensors (a tensor per input and target, named as in the spec, [samples, rows] or [rows, samples]), "
            + "FILE.csv (header row; the label last, or the --label columns, several for a regression), "
            + "or IMAGES.idx:LABELS.idx (IDX, gzip or not); files have 20%% held out";

    static Split load(String data, List<String> labels, long seed, Trainer trainer) {
        try {
            if (data.equals("mnist")) {
                return new Split(FeedSet.bind(Bundled.mnistTrain(), trainer), FeedSet.bind(Bundled.mnistTest(), trainer));
            }
            if (data.equals("iris")) {
                return holdOut(FeedSet.bind(Bundled.iris(), trainer), 30, seed);
            }
            if (data.contains(":") && !Files.exists(Path.of(data))) {
                String[] parts = data.split(":", 2);
                Dataset set = Idx.dataset(Path.of(parts[0]).getFileName().toString(), Path.of(parts[0]), Path.of(parts[1]));
                return holdOut(FeedSet.bind(set, trainer), set.size() / 5, seed);
            }
            Path file = Path.of(data);
            if (!Files.isRegularFile(file)) {
                throw new UserError(data + ": no such file (--data takes " + HELP.replace("%%", "%") + ")");
            }
            FeedSet all;
            if (data.endsWith(".safetensors")) {
                all = SafetensorsData.read(file, trainer.feeds(), trainer.name());
            } else {
                all = FeedSet.bind(csv(file, labels, trainer), trainer);
            }
            return holdOut(all, all.size() / 5, seed);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * A CSV file as the trainer reads it: labels for a classifier (one column, the last unless named), regression
     * targets for a real-valued prediction (the named columns, several allowed, or the last).
     */
    private static Dataset csv(Path file, List<String> labels, Trainer trainer) throws DataException {
        boolean regression = trainer.outputKind() == OutputKind.VALUES && !trainer.targets().isEmpty();
        if (labels.size() > 1 && !regression) {
            throw new UserError("--label names " + labels.size() + " columns, but " + trainer.name()
                    + " is a classifier: its target reads one label column");
        }
        if (labels.size() > 1) {
            return Csv.readRegression(file, labels);
        }
        return Csv.read(file, labels.isEmpty() ? null : labels.get(0), regression);
    }

    /** A seeded random choice of {@code count} samples held out for testing; the rest train. */
    private static Split holdOut(FeedSet all, int count, long seed) {
        int n = all.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] test = java.util.Arrays.copyOfRange(order, 0, count);
        int[] train = java.util.Arrays.copyOfRange(order, count, n);
        return new Split(all.pick(train, all.name() + " (train)"), all.pick(test, all.name() + " (test)"));
    }
}
