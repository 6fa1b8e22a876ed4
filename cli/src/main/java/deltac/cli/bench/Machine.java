package deltac.cli.bench;

import deltac.runtime.kernels.Gemm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The line every figure comes with: the CPU, its vector extensions, the JVM and the vector width the products run
 * on, and the float32 peak that width allows.
 */
public final class Machine {
    private Machine() {}

    /** E.g. {@code AMD EPYC, 2 cores, avx2 (no avx512f); Java 17, products on 8 float lanes; peak 157 GFLOP/s at 2.45 GHz}. */
    public static String describe() {
        List<String> cpu = cpuinfo();
        String model = field(cpu, "model name", System.getProperty("os.arch"));
        String flags = " " + field(cpu, "flags", "") + " ";
        String isa = flags.contains(" avx512f ") ? "avx512f" : flags.contains(" avx2 ") ? "avx2 (no avx512f)" : "no avx2";
        int cores = Runtime.getRuntime().availableProcessors();
        double ghz = parse(field(cpu, "cpu MHz", "0")) / 1000;
        int lanes = Gemm.floatLanes();
        String peak = ghz > 0 ? String.format(Locale.ROOT, "; peak %.0f GFLOP/s at %.2f GHz", peak(cores, lanes, ghz), ghz) : "";
        return String.format(Locale.ROOT, "%s, %d cores, %s; Java %d, products on %s%s", model, cores, isa,
                Runtime.version().feature(), lanes > 1 ? lanes + " float lanes (the Vector API)" : "scalar loops", peak);
    }

    /**
     * Float32 multiply-adds the cores can start per second, counted as two flops each: two FMA units per core, as
     * on Zen 3 to 5 and Intel cores since Haswell, each a vector of {@code lanes} floats a cycle.
     */
    public static double peak(int cores, int lanes, double ghz) {
        return cores * 2.0 * lanes * 2 * ghz;
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // not Linux: the line says less
        }
    }

    private static String field(List<String> cpuinfo, String name, String otherwise) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return otherwise;
    }

    private static double parse(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
