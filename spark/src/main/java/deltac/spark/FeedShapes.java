package deltac.spark;

import deltac.runtime.Feed;
import deltac.runtime.Trainer;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** A trainer's feeds as they travel to tasks: names and rows, and the check of a sample against them. */
record FeedShapes(String model, String[] names, int[] rows, int inputCount) implements Serializable {

    static FeedShapes of(Trainer trainer) {
        List<Feed> feeds = trainer.feeds();
        return new FeedShapes(trainer.name(), feeds.stream().map(Feed::name).toArray(String[]::new),
                feeds.stream().mapToInt(Feed::rows).toArray(), trainer.inputs().size());
    }

    /** @throws TrainingDataException naming the feed and the sample when the sample does not fit */
    void check(float[][] sample, long at) {
        if (sample == null || sample.length != names.length) {
            throw new TrainingDataException(model + " reads " + names.length + " arrays per sample " + Arrays.toString(names)
                    + " but sample " + at + " has " + (sample == null ? "none" : sample.length));
        }
        for (int k = 0; k < names.length; k++) {
            int got = sample[k] == null ? 0 : sample[k].length;
            if (got != rows[k]) {
                throw new TrainingDataException(model + "'s " + role(k) + " " + names[k] + " has " + rows[k]
                        + " rows but sample " + at + " has " + got + " values for it");
            }
        }
    }

    private String role(int k) {
        return k < inputCount ? "input" : "target";
    }
}
