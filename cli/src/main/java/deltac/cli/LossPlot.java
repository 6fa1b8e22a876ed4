package deltac.cli;

import deltac.runtime.train.EpochStats;
import deltac.runtime.train.History;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss curves as a PNG (XChart): training and validation loss per epoch, and below them the accuracies when any
 * were measured.
 *
 * <pre>{@code
 * LossPlot.write(Fit.run(trainer, train, validation, adam, options), Path.of("out/loss.png"));
 * }</pre>
 *
 * <p>Runs headless: it sets {@code java.awt.headless=true} unless the property is already set, so it works on
 * servers without a display.
 */
public final class LossPlot {

    /** Width of the image in pixels. */
    public static final int WIDTH = 800;
    /** Height of one chart in pixels; the image is one or two charts tall. */
    public static final int CHART_HEIGHT = 400;

    static {
        // Must happen before AWT initializes; an explicit setting by the app wins.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private LossPlot() {}

    /**
     * Writes the chart to {@code png} atomically: a temporary file in the same directory, renamed over the target,
     * so a reader never sees a partial image.
     *
     * @throws IllegalArgumentException when the history has no epochs
     * @throws IOException when the file cannot be written
     */
    public static void write(History history, Path png) throws IOException {
        if (history.epochs().isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        List<XYChart> charts = new ArrayList<>();
        XYChart loss = chart("Loss per epoch", "loss");
        add(loss, "training", history, EpochStats::trainLoss);
        add(loss, "validation", history, EpochStats::validationLoss);
        charts.add(loss);
        XYChart accuracy = chart("Accuracy per epoch", "accuracy (%)");
        boolean train = add(accuracy, "training", history, s -> 100 * s.trainAccuracy());
        boolean validation = add(accuracy, "validation", history, s -> 100 * s.validationAccuracy());
        if (train || validation) {
            charts.add(accuracy);
        }
        Path target = png.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
            }
            readable(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(CHART_HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setDecimalPattern("#,##0.####");
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    /** Adds the epochs where {@code value} is not NaN as a series; false when there are none. */
    private static boolean add(XYChart chart, String name, History history, ToDoubleFunction<EpochStats> value) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (EpochStats s : history.epochs()) {
            double y = value.applyAsDouble(s);
            if (Double.isFinite(y)) {
                xs.add((double) s.epoch());
                ys.add(y);
            }
        }
        if (xs.isEmpty()) {
            return false;
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        return true;
    }

    // A temporary file is created owner-only; a plot is meant to be shared like any other output.
    private static void readable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: its defaults apply.
        }
    }
}
