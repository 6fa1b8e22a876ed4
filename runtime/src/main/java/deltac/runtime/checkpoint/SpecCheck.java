package deltac.runtime.checkpoint;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Compares a validated header with the shapes the spec declares, before any data is read. */
final class SpecCheck {

    private SpecCheck() {}

    /**
     * @param expected tensor name to shape: {@code []} is 1×1, {@code [k]} is k×1, {@code [r, c]} is r×c
     * @param strict whether a tensor the spec does not declare is an error
     */
    static void check(Header header, Map<String, int[]> expected, boolean strict, String file) throws CheckpointException {
        Map<String, Header.Entry> found = new java.util.HashMap<>();
        for (Header.Entry e : header.entries()) {
            found.put(e.name(), e);
        }
        for (Map.Entry<String, int[]> spec : expected.entrySet()) {
            int[] shape = spec.getValue();
            int rows = rows(spec.getKey(), shape);
            int cols = shape.length == 2 ? shape[1] : 1;
            String specShape = rows + "×" + cols;
            Header.Entry e = found.get(spec.getKey());
            if (e == null) {
                throw new CheckpointException(file + ": " + Header.label(spec.getKey()) + " (" + specShape
                        + " in the spec) is missing from the checkpoint");
            }
            if (e.rows() != rows || e.cols() != cols) {
                throw new CheckpointException(file + ": " + Header.label(spec.getKey()) + " is " + specShape
                        + " in the spec but " + e.rows() + "×" + e.cols() + " in the checkpoint");
            }
        }
        if (strict) {
            Set<String> declared = new HashSet<>(expected.keySet());
            for (Header.Entry e : header.entries()) {
                if (!declared.contains(e.name())) {
                    throw new CheckpointException(file + ": " + Header.label(e.name()) + " (" + e.rows() + "×" + e.cols()
                            + ") is in the checkpoint but not in the spec");
                }
            }
        }
    }

    private static int rows(String name, int[] shape) {
        if (shape == null || shape.length > 2) {
            throw new IllegalArgumentException(name + ": an expected shape has 0 to 2 sizes");
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(name + ": an expected shape has a negative size");
            }
        }
        return shape.length == 0 ? 1 : shape[0];
    }
}
