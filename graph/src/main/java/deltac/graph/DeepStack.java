package deltac.graph;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a pass over a graph on a thread with a large stack. Printers, rewriters and checkers recurse once per
 * level of an expression, and the spec reader accepts expressions 20,000 operators deep: on a default 1 MB stack
 * that overflows; here it does not. The work must not depend on the calling thread.
 */
public final class DeepStack {
    private DeepStack() {}

    /** The stack of the thread the work runs on: reserved address space, committed only as it is used. */
    public static final long STACK_BYTES = 1L << 30;

    public static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deltac-deep-stack", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
