package deltac.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input at a time on a worker thread with the JVM's default stack (as the CLI's main thread has),
 * and gives up on it after a time limit: a hang becomes a {@link Finding}, not a stuck build. A worker that hung
 * is stopped (or, where Java no longer can, abandoned: it is a daemon) and the next input gets a fresh one. Not
 * thread-safe.
 */
final class Bounded implements AutoCloseable {
    private final Duration limit;
    private ExecutorService worker;
    private volatile Thread thread;

    Bounded(Duration limit) {
        this.limit = limit;
        this.worker = newWorker();
    }

    /** The task's result; a {@link Finding} when it threw anything but a Finding, overflowed, or took too long. */
    <T> T run(String what, String input, Callable<T> task) {
        Future<T> future = worker.submit(task);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Thread hung = thread;
            StackTraceElement[] where = hung == null ? new StackTraceElement[0] : hung.getStackTrace();
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            stop(hung);
            throw new Finding(what + ": no answer within " + limit.toSeconds() + " s (a hang)", input, null, where);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Finding f) {
                throw f;
            }
            throw new Finding(what + " threw " + cause, input, cause);
        }
    }

    /**
     * Stops a hung worker, which would otherwise go on using a core while the campaign goes on: the front end does
     * not look at interrupts. Thread.stop still works on Java 17 to 19 and is only for this harness's own thread.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread hung) {
        if (hung == null) {
            return;
        }
        try {
            hung.stop();
        } catch (UnsupportedOperationException e) {
            // Java 20 and later: the thread runs on, a daemon, until it is done
        }
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "deltac-fuzz-worker");
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
