package deltac.graph.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.graph.Op;
import deltac.runtime.kernels.KernelOp;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The runtime's kernels and the IR's ops are the same list, one for one, so every op has its kernel. */
class KernelOpMatchesOpTest {
    @Test
    void everyOpHasAKernelOfTheSameName() {
        assertEquals(Arrays.stream(Op.values()).map(Enum::name).toList(),
                Arrays.stream(KernelOp.values()).map(Enum::name).toList());
    }
}
