package deltac.runtime.checkpoint;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link KillDuringSaveTest}: saves a large checkpoint to the same path
 * over and over, filling it with 1, 2, 3, ... until it is killed.
 *
 * <p>Arguments: the checkpoint path and the number of floats in its big tensor.
 */
public final class SaveLoop {

    private SaveLoop() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        float[] big = new float[size];
        for (int fill = 1; ; fill++) {
            Arrays.fill(big, fill);
            Safetensors.write(file, List.of(Tensor.of("big", size / 1000, 1000, big),
                    Tensor.of("fill", 1, 1, new double[] {fill})), Map.of("fill", Integer.toString(fill)));
        }
    }
}
