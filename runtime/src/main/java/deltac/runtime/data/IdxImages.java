package deltac.runtime.data;

import java.util.Objects;

/**
 * The content of an IDX images file: {@code count} images of {@code rows × cols} unsigned bytes.
 *
 * @param count the number of images
 * @param rows the image height
 * @param cols the image width
 * @param pixels count × rows × cols grey levels, image by image, row-major; read as
 *     {@code pixels[i] & 0xff} (0..255)
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    /** Checks that the pixel array matches the dimensions. */
    public IdxImages {
        Objects.requireNonNull(pixels, "pixels");
        if (count <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(
                    "dimensions must be positive, got " + count + " images of " + rows + "x" + cols);
        }
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes for "
                    + count + " images of " + rows + "x" + cols);
        }
    }

    /** The number of pixels per image. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The grey level 0..255 of one pixel. */
    public int pixel(int image, int row, int col) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return pixels[(image * rows + row) * cols + col] & 0xff;
    }
}
