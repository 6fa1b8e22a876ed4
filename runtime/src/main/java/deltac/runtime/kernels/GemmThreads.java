package deltac.runtime.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a large product between the cores: the calling thread computes one block of c's rows (or columns) and
 * helper threads, started once and then kept, the others. No thread is started and nothing is allocated per
 * product. A helper that has finished spins briefly before it parks, since a training step runs its products
 * back to back and waking a parked thread takes tens of microseconds.
 *
 * <p>One caller at a time uses the helpers; a product called while they are busy (another thread training)
 * runs on its caller alone. Every entry of c is summed in the same order as on one thread, so the split does not
 * change results. {@code -Ddeltac.threads=N} sets how many threads a product may use (default: the processors
 * the JVM sees; 1 turns the helpers off).
 */
final class GemmThreads {
    private GemmThreads() {}

    /** Below this many multiply-adds (about 0.1 ms on one core), handing over half costs more than it saves. */
    static final long PARALLEL_MACS = 1 << 21;
    /** How long a helper waits for the next part before it parks. */
    private static final long SPIN_NANOS = 200_000;

    private static final Helper[] HELPERS = start(wanted() - 1);
    private static final ReentrantLock BUSY = new ReentrantLock();
    /** Products split so far, and parts a helper thread computed rather than its caller: what a test reads. */
    private static final AtomicLong SPLITS = new AtomicLong();
    private static final AtomicLong HELPER_PARTS = new AtomicLong();

    /** How many threads a large product uses. */
    static int threads() {
        return HELPERS.length + 1;
    }

    static long splits() {
        return SPLITS.get();
    }

    static long helperParts() {
        return HELPER_PARTS.get();
    }

    private static int wanted() {
        int processors = Runtime.getRuntime().availableProcessors();
        try {
            return Math.max(1, Math.min(64, Integer.getInteger("deltac.threads", processors)));
        } catch (SecurityException e) {
            return processors;
        }
    }

    private static Helper[] start(int count) {
        Helper[] helpers = new Helper[Math.max(0, count)];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Helper(h + 1);
            helpers[h].start();
        }
        return helpers;
    }

    /** Computes the product on several threads and returns true, or returns false: too small, or helpers busy. */
    static boolean multiply(GemmKernel kernel, float[] a, int rs, int cs, float[] b, int brs, int bcs, float[] c,
                            int m, int k, int n) {
        return split(kernel, a, b, c, null, null, null, rs, cs, brs, bcs, m, k, n);
    }

    static boolean multiply(GemmKernel kernel, double[] a, int rs, int cs, double[] b, int brs, int bcs, double[] c,
                            int m, int k, int n) {
        return split(kernel, null, null, null, a, b, c, rs, cs, brs, bcs, m, k, n);
    }

    /** One precision's operands are given, the other's are null. */
    private static boolean split(GemmKernel kernel, float[] fa, float[] fb, float[] fc, double[] da, double[] db,
                                 double[] dc, int rs, int cs, int brs, int bcs, int m, int k, int n) {
        if (HELPERS.length == 0 || (long) m * n * k < PARALLEL_MACS || !BUSY.tryLock()) {
            return false;
        }
        try {
            SPLITS.incrementAndGet();
            int step = step(m, n, HELPERS.length + 1);
            for (int h = 0; h < HELPERS.length; h++) {
                if (hasPart(h + 1, step, m, n)) {
                    HELPERS[h].submit(kernel, fa, fb, fc, da, db, dc, h + 1, step, rs, cs, brs, bcs, m, k, n);
                }
            }
            run(kernel, fa, fb, fc, da, db, dc, 0, step, rs, cs, brs, bcs, m, k, n);
            awaitAll();
        } finally {
            BUSY.unlock();
        }
        return true;
    }

    /**
     * Waits for each helper's part; a part its helper has not started yet (its core busy with other work, or the
     * helper parked) the caller takes back and computes itself, so a busy second core costs at most the time of
     * working alone, not a scheduler's time slice.
     */
    private static void awaitAll() {
        Throwable failure = null;
        for (Helper helper : HELPERS) {
            if (helper.state.compareAndSet(Helper.PENDING, Helper.RUNNING)) {
                helper.runPart(); // taken back: the helper will find nothing to do
            }
            for (int spins = 0; helper.state.get() == Helper.RUNNING; spins++) {
                if (spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            helper.state.set(Helper.IDLE);
            if (helper.failure != null && failure == null) {
                failure = helper.failure;
            }
            helper.failure = null;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * Which block each part computes: c's rows when it has at least as many rows as columns (in multiples of the
     * register block's 4 rows), else its columns (in multiples of 32). Part p covers [p step, (p + 1) step).
     */
    private static int step(int m, int n, int parts) {
        return m >= n ? roundUp(ceilDiv(m, parts), 4) : roundUp(ceilDiv(n, parts), 32);
    }

    private static boolean hasPart(int part, int step, int m, int n) {
        return part * step < (m >= n ? m : n);
    }

    private static void run(GemmKernel kernel, float[] fa, float[] fb, float[] fc, double[] da, double[] db,
                            double[] dc, int part, int step, int rs, int cs, int brs, int bcs, int m, int k, int n) {
        boolean byRows = m >= n;
        int from = part * step;
        int to = Math.min((part + 1) * step, byRows ? m : n);
        if (from >= to) {
            return;
        }
        if (byRows) {
            if (fa != null) {
                kernel.multiply(fa, from * rs, rs, cs, fb, 0, brs, bcs, fc, from * n, n, to - from, k, n);
            } else {
                kernel.multiply(da, from * rs, rs, cs, db, 0, brs, bcs, dc, from * n, n, to - from, k, n);
            }
        } else if (fa != null) {
            kernel.multiply(fa, 0, rs, cs, fb, from * bcs, brs, bcs, fc, from, n, m, k, to - from);
        } else {
            kernel.multiply(da, 0, rs, cs, db, from * bcs, brs, bcs, dc, from, n, m, k, to - from);
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /**
     * A helper thread and the part it was handed. The part's fields are written before {@link #state} becomes
     * PENDING and read only by whoever then moves it to RUNNING: the helper, or the caller taking it back.
     */
    private static final class Helper extends Thread {
        static final int IDLE = 0;
        static final int PENDING = 1;
        static final int RUNNING = 2;
        static final int DONE = 3;

        private GemmKernel kernel;
        private float[] fa, fb, fc;
        private double[] da, db, dc;
        private int part, step, rs, cs, brs, bcs, m, k, n;
        final AtomicInteger state = new AtomicInteger(IDLE);
        volatile Throwable failure;

        Helper(int index) {
            super("deltac-gemm-" + index);
            setDaemon(true);
        }

        void submit(GemmKernel kernel, float[] fa, float[] fb, float[] fc, double[] da, double[] db, double[] dc,
                    int part, int step, int rs, int cs, int brs, int bcs, int m, int k, int n) {
            this.kernel = kernel;
            this.fa = fa;
            this.fb = fb;
            this.fc = fc;
            this.da = da;
            this.db = db;
            this.dc = dc;
            this.part = part;
            this.step = step;
            this.rs = rs;
            this.cs = cs;
            this.brs = brs;
            this.bcs = bcs;
            this.m = m;
            this.k = k;
            this.n = n;
            state.set(PENDING);
            LockSupport.unpark(this);
        }

        /** Computes the part, by whichever thread moved it to RUNNING, and marks it DONE. */
        void runPart() {
            try {
                GemmThreads.run(kernel, fa, fb, fc, da, db, dc, part, step, rs, cs, brs, bcs, m, k, n);
            } catch (Throwable t) {
                failure = t;
            } finally {
                // let go of the caller's arrays: a dropped trainer's buffers must not stay reachable from here
                fa = fb = fc = null;
                da = db = dc = null;
                kernel = null;
                state.set(DONE);
            }
        }

        @Override
        public void run() {
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (state.get() != PENDING) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                if (state.compareAndSet(PENDING, RUNNING)) {
                    HELPER_PARTS.incrementAndGet();
                    runPart();
                }
            }
        }
    }
}
