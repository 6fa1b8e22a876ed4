package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.train.EpochStats;
import deltac.runtime.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossPlotTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static History history(boolean accuracy) {
        List<EpochStats> epochs = new ArrayList<>();
        for (int e = 1; e <= 12; e++) {
            double acc = accuracy ? 1 - 0.5 / e : Double.NaN;
            epochs.add(new EpochStats(e, 2.0 / e, Double.NaN, 2.2 / e + 0.01 * e, acc, 50_000, 1.0));
        }
        return new History(epochs, false, 8);
    }

    private BufferedImage writeAndRead(History h, String name) throws IOException {
        Path png = dir.resolve(name);
        LossPlot.write(h, png);
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        assertTrue(bytes.length > 5_000 && bytes.length < 2_000_000, bytes.length + " bytes");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.filter(p -> p.getFileName().toString().contains(name)).toList(),
                    "no temporary file is left");
        }
        return ImageIO.read(png.toFile());
    }

    @Test
    void lossAndAccuracyAreTwoChartsStacked() throws IOException {
        BufferedImage image = writeAndRead(history(true), "loss.png");
        assertEquals(LossPlot.WIDTH, image.getWidth());
        assertEquals(2 * LossPlot.CHART_HEIGHT, image.getHeight());
    }

    @Test
    void withoutAccuracyOnlyTheLossChart() throws IOException {
        BufferedImage image = writeAndRead(history(false), "regression.png");
        assertEquals(LossPlot.WIDTH, image.getWidth());
        assertEquals(LossPlot.CHART_HEIGHT, image.getHeight());
    }

    @Test
    void replacesAnExistingFileAndHandlesOneEpoch() throws IOException {
        Path png = dir.resolve("one.png");
        Files.writeString(png, "old");
        EpochStats only = new EpochStats(1, 0.7, Double.NaN, Double.NaN, Double.NaN, 1_000, 0.5);
        LossPlot.write(new History(List.of(only), false, 1), png);
        assertEquals(LossPlot.WIDTH, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void anEmptyHistoryIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> LossPlot.write(new History(List.of(), false, 0), dir.resolve("x.png")));
    }
}
