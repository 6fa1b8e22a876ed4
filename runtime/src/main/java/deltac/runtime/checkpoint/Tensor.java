package deltac.runtime.checkpoint;

/**
 * A named matrix in a checkpoint: {@code rows × cols} values, row-major, held as exactly one of
 * {@code f32} (dtype F32) or {@code f64} (dtype F64); the other component is null.
 *
 * <p>Shapes map to matrices the way deltac declares parameters: a safetensors vector {@code [k]}
 * reads as a {@code k × 1} column, a matrix {@code [r, c]} as {@code r × c} and a scalar
 * {@code []} as {@code 1 × 1}. Writing always records the shape as {@code [rows, cols]}.
 *
 * <p>The arrays are shared, not copied: a tensor is a view of the caller's (or the reader's)
 * array, so a trainer can save its parameter arrays without copying them. As for any record,
 * {@code equals} compares the arrays by identity, not by content.
 *
 * @param name the tensor's name in the header, as in the spec (e.g. {@code W1})
 * @param rows number of rows, at least 0
 * @param cols number of columns, at least 0
 * @param f32 the values when the dtype is F32, else null
 * @param f64 the values when the dtype is F64, else null
 */
public record Tensor(String name, int rows, int cols, float[] f32, double[] f64) {

    /** The key safetensors reserves for the metadata map; no tensor may use it. */
    static final String METADATA_KEY = "__metadata__";

    /** @throws IllegalArgumentException unless exactly one array is given and it holds rows × cols values */
    public Tensor {
        if (name == null || name.equals(METADATA_KEY)) {
            throw new IllegalArgumentException("a tensor needs a name other than " + METADATA_KEY + ", got " + name);
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(name + ": shape " + rows + "×" + cols + " is negative");
        }
        if ((f32 == null) == (f64 == null)) {
            throw new IllegalArgumentException(name + ": give exactly one of the F32 and F64 arrays");
        }
        long size = (long) rows * cols;
        int length = f32 != null ? f32.length : f64.length;
        if (length != size) {
            throw new IllegalArgumentException(name + ": " + rows + "×" + cols + " needs " + size + " values, got " + length);
        }
    }

    /** An F32 tensor over {@code values} (row-major, not copied). */
    public static Tensor of(String name, int rows, int cols, float[] values) {
        return new Tensor(name, rows, cols, values, null);
    }

    /** An F64 tensor over {@code values} (row-major, not copied). */
    public static Tensor of(String name, int rows, int cols, double[] values) {
        return new Tensor(name, rows, cols, null, values);
    }

    /** {@code "F32"} or {@code "F64"}, the dtype this tensor is stored with. */
    public String dtype() {
        return dtypeOf().name();
    }

    /** The number of values, {@code rows × cols}. */
    public int size() {
        return f32 != null ? f32.length : f64.length;
    }

    /** The values as floats: the F32 array itself, or a rounded copy of the F64 one. */
    public float[] asF32() {
        if (f32 != null) {
            return f32;
        }
        float[] out = new float[f64.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f64[i];
        }
        return out;
    }

    /** The values as doubles: the F64 array itself, or an exact copy of the F32 one. */
    public double[] asF64() {
        if (f64 != null) {
            return f64;
        }
        double[] out = new double[f32.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f32[i];
        }
        return out;
    }

    Dtype dtypeOf() {
        return f32 != null ? Dtype.F32 : Dtype.F64;
    }

    /** Name, shape and dtype only: printing millions of values helps nobody. */
    @Override
    public String toString() {
        return "Tensor[" + name + " " + rows + "×" + cols + " " + dtype() + "]";
    }
}
