package deltac.runtime.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * What {@link Safetensors#read(java.nio.file.Path)} returns: the tensors of a file, in the order
 * of their data in the file, and the header's {@code __metadata__} string map (empty when the
 * file has none). Both are unmodifiable.
 */
public final class Checkpoint {

    private final Map<String, Tensor> byName;
    private final Map<String, String> metadata;

    Checkpoint(List<Tensor> tensors, Map<String, String> metadata) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            map.put(t.name(), t);
        }
        this.byName = Collections.unmodifiableMap(map);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The tensors in file order. */
    public List<Tensor> tensors() {
        return List.copyOf(byName.values());
    }

    /** The tensor names in file order. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Whether the checkpoint holds a tensor called {@code name}. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws NoSuchElementException when there is none; read with expected shapes to turn a
     *     missing tensor into a {@link CheckpointException} up front
     */
    public Tensor get(String name) {
        Tensor t = byName.get(name);
        if (t == null) {
            throw new NoSuchElementException("no tensor " + name + " in the checkpoint");
        }
        return t;
    }

    /** The header's {@code __metadata__} entries, in header order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "Checkpoint" + byName.values() + (metadata.isEmpty() ? "" : " " + metadata);
    }
}
