package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.autodiff.Autodiff;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The XOR net's kernels as Java source, read in review: {@code -Dgolden.update=true} rewrites it on purpose. */
class EmitJavaGoldenTest {
    private static final Path GOLDEN = Path.of("../examples/generated/XorTrainer.java");

    @Test
    void xorKernelsReadAsTheGoldenJava() throws Exception {
        String source = BytecodeCompiler.javaSource(
                Autodiff.derive(Spec.read(Files.readString(Path.of("../examples/xor.java")), "examples/xor.java").orThrow()),
                Precision.F32, "deltac/generated/XorTrainer").replace(BytecodeCompiler.version(), "VERSION");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, source);
            return;
        }
        assertEquals(Files.readString(GOLDEN), source);
    }
}
