package deltac.runtime;

import java.util.ArrayList;
import java.util.List;

/** Checks of the arrays a model is handed, shared by every implementation of {@link Model} and {@link Trainer}. */
public final class Feeds {
    private Feeds() {}

    /** Inputs then targets: the order of the arrays a training step takes. */
    public static List<Feed> concat(List<Feed> inputs, List<Feed> targets) {
        List<Feed> all = new ArrayList<>(inputs);
        all.addAll(targets);
        return List.copyOf(all);
    }

    /** Throws unless {@code arrays} holds one array of at least {@code rows × n} values per feed. */
    public static void check(String model, List<Feed> feeds, int n, Object[] arrays) {
        if (n < 1) {
            throw new IllegalArgumentException("a batch holds at least one sample, got n = " + n);
        }
        if (arrays.length != feeds.size()) {
            throw new IllegalArgumentException(model + " takes " + feeds.size() + " arrays (" + names(feeds)
                    + "), got " + arrays.length);
        }
        for (int k = 0; k < arrays.length; k++) {
            Feed f = feeds.get(k);
            long needed = (long) f.rows() * n;
            int length = length(arrays[k]);
            if (length < needed) {
                throw new IllegalArgumentException(f.name() + " holds " + length + " values; a batch of " + n
                        + " needs " + needed + " (" + f.rows() + "×" + n + ")");
            }
        }
    }

    /** The feeds as a list for messages: {@code x (784×n), y (10×n)}. */
    public static String names(List<Feed> feeds) {
        return feeds.isEmpty() ? "none" : String.join(", ", feeds.stream().map(Feed::toString).toList());
    }

    private static int length(Object array) {
        if (array instanceof float[] f) {
            return f.length;
        }
        if (array instanceof double[] d) {
            return d.length;
        }
        return -1;
    }
}
