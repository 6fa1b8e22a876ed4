package deltac.runtime;

import java.util.Locale;

/**
 * Refuses work whose memory would not fit in the heap, before anything is allocated: a network whose parameters
 * need 12 GB gets one clear sentence instead of an {@link OutOfMemoryError} halfway through building its trainer.
 *
 * <pre>{@code
 * Memory.checkFits(4 * 4L * parameterCount, "W1 and the other parameters");
 * // IllegalStateException (a Memory.TooLarge): W1 and the other parameters need 12.0 GB but the heap has 4.0 GB
 * // (raise it with -Xmx, e.g. -Xmx13g)
 * }</pre>
 *
 * Sizes are printed in the units of {@code -Xmx} (1 GB = 2<sup>30</sup> bytes).
 */
public final class Memory {
    private Memory() {}

    /** What does not fit: the bytes needed and the heap there is, and a one-line message for the user. */
    public static final class TooLarge extends IllegalStateException {
        private final long bytes;
        private final long heap;

        TooLarge(String message, long bytes, long heap) {
            super(message);
            this.bytes = bytes;
            this.heap = heap;
        }

        /** The bytes asked for. */
        public long bytes() {
            return bytes;
        }

        /** The largest heap this JVM may have ({@link Runtime#maxMemory()}). */
        public long heap() {
            return heap;
        }
    }

    /**
     * Throws a {@link TooLarge} when {@code bytes} exceed the largest heap this JVM may have; does nothing otherwise,
     * and nothing when the heap has no limit.
     *
     * @param bytes what the work will allocate (a saturated {@link Long#MAX_VALUE} for "more than can be counted")
     * @param what  the plural subject of the message, e.g. {@code "W1 and the other parameters"}
     */
    public static void checkFits(long bytes, String what) {
        checkFits(bytes, what, Runtime.getRuntime().maxMemory());
    }

    /** {@link #checkFits(long, String)} against a given heap size, for tests. */
    static void checkFits(long bytes, String what, long heap) {
        if (heap == Long.MAX_VALUE || bytes <= heap) {
            return;
        }
        long suggestion = bytes / GB + 2; // gigabytes, with room for everything else
        throw new TooLarge(what + " need " + size(bytes) + " but the heap has " + size(heap) + " (raise it with -Xmx"
                + (suggestion < 1L << 30 ? ", e.g. -Xmx" + suggestion + "g)" : ")"), bytes, heap);
    }

    /** Element counts times element size, saturating at {@link Long#MAX_VALUE} instead of overflowing. */
    public static long bytes(long elements, int bytesPerElement) {
        if (elements < 0 || bytesPerElement < 0) {
            throw new IllegalArgumentException("negative size: " + elements + " × " + bytesPerElement);
        }
        return elements != 0 && bytesPerElement > Long.MAX_VALUE / elements ? Long.MAX_VALUE : elements * bytesPerElement;
    }

    private static final long KB = 1L << 10;
    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;
    private static final long TB = 1L << 40;

    /** 12.0 GB, 512.0 MB, 3.2 TB: one decimal, in the units of -Xmx. */
    static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EB";
        }
        if (bytes >= TB) {
            return String.format(Locale.ROOT, "%.1f TB", (double) bytes / TB);
        }
        if (bytes >= GB) {
            return String.format(Locale.ROOT, "%.1f GB", (double) bytes / GB);
        }
        if (bytes >= MB) {
            return String.format(Locale.ROOT, "%.1f MB", (double) bytes / MB);
        }
        return bytes >= KB ? String.format(Locale.ROOT, "%.1f KB", (double) bytes / KB) : bytes + " bytes";
    }
}
