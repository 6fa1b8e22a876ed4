package deltac.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;

/**
 * The README's sizes of what an app embeds: the bundled MNIST and Iris about 1.6 MB, EJML's three jars about
 * 1.2 MB, and the runtime's jar about 1.8 MB (checked where the build has packaged it, as {@code mvn verify} has
 * before this module's tests).
 */
class EmbeddingSizeTest {
    private static final double MB = 1e6;

    @Test
    void theBundledDataAndEjmlAreTheSizesTheReadmeGives() throws Exception {
        long data = 0;
        for (String name : new String[] {"iris.csv", "mnist10k-images-idx3-ubyte.gz", "mnist10k-labels-idx1-ubyte.gz"}) {
            try (var in = Trainer.class.getResourceAsStream("/deltac/data/" + name)) {
                assertTrue(in != null, name + " is bundled");
                data += in.readAllBytes().length;
            }
        }
        assertTrue(Math.abs(data / MB - 1.6) < 0.05, "the bundled data: " + data + " bytes");
        long ejml = 0;
        for (Class<?> type : new Class<?>[] {DMatrixRMaj.class, CommonOps_DDRM.class, CommonOps_FDRM.class}) {
            ejml += Files.size(location(type));
        }
        assertTrue(Math.abs(ejml / MB - 1.2) < 0.05, "ejml-core, -ddense and -fdense: " + ejml + " bytes");
    }

    @Test
    void theRuntimeJarIsAbout1Point8Mb() throws Exception {
        Path target = Path.of("../runtime/target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches("deltac-runtime-.*\\.jar")).findFirst().orElse(null);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(jar != null, "the runtime is not packaged yet (mvn test, not verify)");
        assertTrue(Math.abs(Files.size(jar) / MB - 1.8) < 0.1, jar + ": " + Files.size(jar) + " bytes");
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
