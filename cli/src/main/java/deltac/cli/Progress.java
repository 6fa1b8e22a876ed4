package deltac.cli;

import deltac.runtime.train.ProgressSink;
import java.io.PrintStream;

/** How the command shows training progress: a live bar for a person at a console, else a line per epoch. */
final class Progress {
    private Progress() {}

    /** A live bar when a person watches (a console, and {@code CI} unset), else {@link ProgressSink#plain}. */
    static ProgressSink auto(PrintStream out) {
        return interactive(System.console() != null, System.getenv("CI")) ? new BarProgress(out) : ProgressSink.plain(out);
    }

    /** Whether to draw a bar: on a console, and not under continuous integration (which sets {@code CI}). */
    static boolean interactive(boolean console, String ciVariable) {
        return console && ciVariable == null;
    }
}
