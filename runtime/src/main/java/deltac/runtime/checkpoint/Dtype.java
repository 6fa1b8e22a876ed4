package deltac.runtime.checkpoint;

/** The element types deltac reads and writes, with their safetensors names and sizes. */
enum Dtype {
    F32(4),
    F64(8);

    final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    /** The dtype called {@code name} in a header, or null when deltac does not support it. */
    static Dtype named(String name) {
        for (Dtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
