package deltac.runtime;

/**
 * One of a spec's data leaves, {@code input(rows)} or {@code target(rows)}, as a model takes it: a batch of n
 * samples is a {@code rows × n} array, row-major, a column per sample.
 *
 * @param name the spec's name for it, e.g. {@code x}
 * @param rows values per sample
 */
public record Feed(String name, int rows) {
    public Feed {
        if (rows < 1) {
            throw new IllegalArgumentException("a feed has at least one row, got " + rows + " for " + name);
        }
    }

    @Override
    public String toString() {
        return name + " (" + rows + "×n)";
    }
}
