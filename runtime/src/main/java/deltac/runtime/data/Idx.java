package deltac.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads IDX files, the format of MNIST: a big-endian header (magic number, counts) followed by
 * unsigned bytes. Files may be gzipped; that is detected from the content, not the name.
 *
 * <p>Every problem is a {@link DataException} naming the file and the byte offset. The header is
 * checked before any large allocation: a header claiming billions of images costs no memory.
 * Stream variants read to the end of the data but leave closing the stream to the caller.
 */
public final class Idx {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private Idx() {}

    /** Reads an IDX images file (magic 0x00000803), gzipped or not. */
    public static IdxImages images(Path file) throws DataException {
        return fromFile(file, Idx::images);
    }

    /** Reads IDX images from a stream; {@code name} is the file name used in error messages. */
    public static IdxImages images(InputStream in, String name) throws DataException {
        IdxInput input = IdxInput.open(in, name);
        checkMagic(input, input.headerInt(IMAGES_HEADER, "images"), IMAGES_MAGIC, "images");
        int count = positive(input, 4, input.headerInt(IMAGES_HEADER, "images"), "images");
        int rows = positive(input, 8, input.headerInt(IMAGES_HEADER, "images"), "rows per image");
        int cols = positive(input, 12, input.headerInt(IMAGES_HEADER, "images"), "columns per image");
        BigInteger bytes = BigInteger.valueOf(count).multiply(BigInteger.valueOf((long) rows * cols));
        String claim = "header says " + count + " images of " + rows + "x" + cols + " (" + bytes + " bytes)";
        byte[] pixels = input.body(fitsArray(input, bytes, claim), claim);
        input.expectEnd(count + " images");
        return new IdxImages(count, rows, cols, pixels);
    }

    /** Reads an IDX labels file (magic 0x00000801), gzipped or not: one value 0..255 per sample. */
    public static int[] labels(Path file) throws DataException {
        return fromFile(file, Idx::labels);
    }

    /** Reads IDX labels from a stream; {@code name} is the file name used in error messages. */
    public static int[] labels(InputStream in, String name) throws DataException {
        IdxInput input = IdxInput.open(in, name);
        checkMagic(input, input.headerInt(LABELS_HEADER, "labels"), LABELS_MAGIC, "labels");
        int count = positive(input, 4, input.headerInt(LABELS_HEADER, "labels"), "labels");
        String claim = "header says " + count + " labels (" + count + " bytes)";
        byte[] raw = input.body(count, claim);
        input.expectEnd(count + " labels");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = raw[i] & 0xff;
        }
        return labels;
    }

    /**
     * A classification data set from an images file and a labels file: pixels scaled to [0, 1]
     * (value / 255), classes {@code "0"} .. {@code "n-1"} where n is the largest label + 1.
     */
    public static Dataset dataset(String name, Path imagesFile, Path labelsFile) throws DataException {
        IdxImages images = images(imagesFile);
        int[] labels = labels(labelsFile);
        return dataset(name, images, imagesFile.toString(), labels, labelsFile.toString());
    }

    /** As {@link #dataset(String, Path, Path)}, from streams with their file names for messages. */
    public static Dataset dataset(String name, InputStream imagesIn, String imagesName,
                                  InputStream labelsIn, String labelsName) throws DataException {
        return dataset(name, images(imagesIn, imagesName), imagesName, labels(labelsIn, labelsName), labelsName);
    }

    private static Dataset dataset(String name, IdxImages images, String imagesName,
                                   int[] labels, String labelsName) throws DataException {
        if (labels.length != images.count()) {
            throw new DataException(labelsName + ": offset 4: header says " + labels.length
                    + " labels but " + imagesName + " has " + images.count() + " images");
        }
        // A table instead of a division per pixel: MNIST has 7.8 million of them.
        float[] scale = new float[256];
        for (int v = 0; v < 256; v++) {
            scale[v] = v / 255f;
        }
        byte[] pixels = images.pixels();
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = scale[pixels[i] & 0xff];
        }
        int maxLabel = 0;
        for (int label : labels) {
            maxLabel = Math.max(maxLabel, label);
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c <= maxLabel; c++) {
            classNames.add(Integer.toString(c));
        }
        return Dataset.classification(name, images.pixelsPerImage(), classNames, features, labels);
    }

    private static void checkMagic(IdxInput input, int magic, int expected, String kind) throws DataException {
        if (magic != expected) {
            throw input.fail(0, String.format("magic number is 0x%08x, expected 0x%08x for IDX %s",
                    magic, expected, kind));
        }
    }

    private static int positive(IdxInput input, int at, int value, String what) throws DataException {
        if (value <= 0) {
            throw input.fail(at, "header says " + value + " " + what + "; it must be positive");
        }
        return value;
    }

    // Java arrays are int-indexed, so an IDX body of 2^31 bytes or more cannot be held at all.
    private static long fitsArray(IdxInput input, BigInteger bytes, String claim) throws DataException {
        if (bytes.compareTo(BigInteger.valueOf(Dataset.MAX_VALUES)) > 0) {
            throw input.fail(4, claim + ", more than one Java array can hold (" + Dataset.MAX_VALUES + ")");
        }
        return bytes.longValueExact();
    }

    private interface StreamReader<T> {
        T read(InputStream in, String name) throws DataException;
    }

    private static <T> T fromFile(Path file, StreamReader<T> reader) throws DataException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, name);
        } catch (IOException e) {
            throw new DataException(name + ": " + IoMessages.describe(e), e);
        }
    }
}
