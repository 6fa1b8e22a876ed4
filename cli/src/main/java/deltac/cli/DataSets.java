package deltac.cli;

import deltac.runtime.data.Bundled;
import deltac.runtime.data.Csv;
import deltac.runtime.data.DataException;
import deltac.runtime.data.Dataset;
import deltac.runtime.data.Idx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The {@code --data} option: {@code mnist} (the bundled 8,000 training and 2,000 held-out digits), {@code iris}
 * (the bundled 150 flowers, 30 held out), a CSV file (label in the last column), or an IDX pair
 * {@code IMAGES:LABELS}. Each gives a training set and a held-out test set.
 */
final class DataSets {
    private DataSets() {}

    record Split(Dataset train, Dataset test) {}

    static final String HELP = "mnist (bundled, 8,000 train + 2,000 test), iris (bundled, 120 + 30), "
            + "FILE.csv (header row, label last; 20%% held out), or IMAGES.idx:LABELS.idx (IDX, gzip or not; 20%% held out)";

    static Split load(String data, long seed) {
        try {
            if (data.equals("mnist")) {
                return new Split(Bundled.mnistTrain(), Bundled.mnistTest());
            }
            if (data.equals("iris")) {
                return holdOut(Bundled.iris(), 30, seed);
            }
            if (data.contains(":") && !Files.exists(Path.of(data))) {
                String[] parts = data.split(":", 2);
                Dataset set = Idx.dataset(Path.of(parts[0]).getFileName().toString(), Path.of(parts[0]), Path.of(parts[1]));
                return holdOut(set, set.size() / 5, seed);
            }
            Path file = Path.of(data);
            if (!Files.isRegularFile(file)) {
                throw new UserError(data + ": no such file (--data takes " + HELP + ")");
            }
            Dataset set = Csv.read(file, null);
            return holdOut(set, set.size() / 5, seed);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A seeded random choice of {@code count} samples held out for testing; the rest train. */
    private static Split holdOut(Dataset all, int count, long seed) {
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
        return new Split(pick(all, order, count, n, "train"), pick(all, order, 0, count, "test"));
    }

    private static Dataset pick(Dataset all, int[] order, int from, int to, String part) {
        int f = all.featureCount();
        int w = all.isClassification() ? 0 : all.targetWidth();
        float[] x = new float[(to - from) * f];
        int[] labels = all.isClassification() ? new int[to - from] : null;
        float[] targets = all.isClassification() ? null : new float[(to - from) * w];
        for (int i = from; i < to; i++) {
            System.arraycopy(all.features(), order[i] * f, x, (i - from) * f, f);
            if (labels != null) {
                labels[i - from] = all.labels()[order[i]];
            } else {
                System.arraycopy(all.targets(), order[i] * w, targets, (i - from) * w, w);
            }
        }
        String name = all.name() + " (" + part + ")";
        return labels != null ? Dataset.classification(name, f, all.classNames(), x, labels)
                : Dataset.regression(name, f, x, targets, w);
    }

    /**
     * The data as the trainer reads it: its features must match the spec's input; its labels (one-hot) or
     * targets the spec's target, except that a target as wide as the input trains an autoencoder (y = x).
     */
    static Dataset fit(Dataset data, int inputRows, int targetRows, String inputName, String targetName) {
        if (data.featureCount() != inputRows) {
            throw new UserError("the spec's input " + inputName + " has " + inputRows + " rows but " + data.name()
                    + " has " + data.featureCount() + " features");
        }
        if (data.outputWidth() == targetRows) {
            return data;
        }
        if (targetRows == inputRows) {
            return Dataset.regression(data.name() + " (y = x)", data.featureCount(), data.features(),
                    data.features(), data.featureCount());
        }
        throw new UserError("the spec's target " + targetName + " has " + targetRows + " rows but " + data.name()
                + " has " + (data.isClassification() ? data.classes() + " classes" : data.outputWidth() + " target columns"));
    }
}
