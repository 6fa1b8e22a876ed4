package deltac.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed corpus, from the test resources: {@code fuzz/specs/} (the examples and a few malformed specs) and
 * {@code fuzz/formulas/} (hand-derived formulas, each named after the spec it belongs to: {@code xor.by_hand.java}).
 */
final class Seeds {
    private Seeds() {}

    /** File name → text, in name order. */
    static Map<String, String> specs() {
        return read("fuzz/specs");
    }

    /** File name → text, in name order. */
    static Map<String, String> formulas() {
        return read("fuzz/formulas");
    }

    private static Map<String, String> read(String folder) {
        URL url = Seeds.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no test resource " + folder);
        }
        Map<String, String> seeds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.sorted().toList()) {
                seeds.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return seeds;
    }
}
