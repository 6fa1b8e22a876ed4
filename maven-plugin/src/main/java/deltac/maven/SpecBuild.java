package deltac.maven;

import deltac.autodiff.Autodiff;
import deltac.codegen.Signature;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.codegen.standalone.Standalone;
import deltac.graph.Graph;
import deltac.graph.spec.Diagnostic;
import deltac.graph.spec.Spec;
import deltac.graph.spec.SpecResult;
import deltac.runtime.Precision;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.checkpoint.Safetensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compiles a tree of specs into trainer classes, incrementally: a spec whose content, the plugin's version and the
 * configuration are unchanged since the last build is not compiled again; the classes of a spec that is gone are
 * deleted. Every spec is read before the build fails, so one build shows every problem. The output is byte for byte
 * the same for the same input.
 *
 * <pre>{@code
 * SpecBuild.Outcome o = SpecBuild.run(new SpecBuild.Options(Path.of("src/main/deltac"), Path.of("target/classes"),
 *         Path.of("target/deltac/compile.state"), List.of("**&#47;*.java"), List.of(), Precision.F32, false, "0.1.0"));
 * }</pre>
 */
public final class SpecBuild {
    private SpecBuild() {}

    /**
     * @param sources the specs' root: {@code com/example/iris.java} makes {@code com.example.IrisMlpTrainer}
     * @param output where the classes go, in their packages' folders
     * @param state the file remembering what was compiled from what
     * @param includes globs of specs to compile, relative to {@code sources}
     * @param excludes globs of specs to leave out
     * @param failOnWarning whether a warning (an unused parameter, an ignored method) fails the build
     * @param version the plugin's version: a new version compiles everything again
     * @param standalone whether a spec with trained weights beside it ({@code iris_mlp.safetensors} beside
     *     {@code iris_mlp.java}) also becomes a standalone scoring class ({@code IrisMlpScorer}, java.base only)
     */
    public record Options(Path sources, Path output, Path state, List<String> includes, List<String> excludes,
                          Precision precision, boolean failOnWarning, String version, boolean standalone) {
        public Options(Path sources, Path output, Path state, List<String> includes, List<String> excludes,
                       Precision precision, boolean failOnWarning, String version) {
            this(sources, output, state, includes, excludes, precision, failOnWarning, version, false);
        }
    }

    /**
     * What a build did. {@code errors} and {@code warnings} are lines an IDE console links:
     * {@code /path/Spec.java:[12,17] message}.
     */
    public record Outcome(List<Path> compiled, List<Path> upToDate, List<Path> deleted, List<String> errors,
                          List<String> warnings, List<Path> classes) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    public static Outcome run(Options options) throws IOException {
        State previous = State.read(options.state());
        State next = new State();
        List<Path> compiled = new ArrayList<>();
        List<Path> upToDate = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Path> classes = new ArrayList<>();
        for (Path spec : specs(options)) {
            String rel = relative(options.sources(), spec);
            byte[] content = Files.readAllBytes(spec);
            Path weights = weightsOf(spec, options);
            String hash = hash(content, weights == null ? new byte[0] : Files.readAllBytes(weights), options);
            State.Entry before = previous.entries.get(rel);
            if (before != null && before.hash().equals(hash) && before.outputs().stream()
                    .allMatch(o -> Files.isRegularFile(options.output().resolve(o)))) {
                next.entries.put(rel, before);
                upToDate.add(spec);
                before.outputs().forEach(o -> classes.add(options.output().resolve(o)));
                continue;
            }
            List<String> outputs = compile(spec, rel, content, weights, options, errors, warnings);
            if (outputs != null) {
                next.entries.put(rel, new State.Entry(hash, outputs));
                compiled.add(spec);
                outputs.forEach(o -> classes.add(options.output().resolve(o)));
            } else if (before != null) {
                next.entries.put(rel, new State.Entry("failed", before.outputs())); // compiled again next time
            }
        }
        for (Map.Entry<String, State.Entry> old : previous.entries.entrySet()) {
            if (!next.entries.containsKey(old.getKey())) {
                for (String o : old.getValue().outputs()) {
                    Path file = options.output().resolve(o);
                    if (Files.deleteIfExists(file)) {
                        deleted.add(file);
                    }
                }
            }
        }
        next.write(options.state());
        return new Outcome(compiled, upToDate, deleted, errors, warnings, classes);
    }

    /** The spec's class, written; null when it has errors (or warnings that fail the build). */
    private static List<String> compile(Path spec, String rel, byte[] content, Path weights, Options options,
                                        List<String> errors, List<String> warnings) throws IOException {
        SpecResult result = Spec.read(new String(content, StandardCharsets.UTF_8), rel);
        boolean failed = false;
        for (Diagnostic d : result.diagnostics()) {
            String line = spec.toAbsolutePath() + ":[" + d.line() + "," + d.column() + "] "
                    + (d.isError() ? "" : "warning: ") + d.message();
            if (d.isError() || options.failOnWarning()) {
                errors.add(line);
                failed = true;
            } else {
                warnings.add(line);
            }
        }
        if (failed || result.graph().isEmpty()) {
            return null;
        }
        Graph graph = result.graph().get();
        try {
            Signature.of(graph);
        } catch (IllegalArgumentException e) {
            errors.add(spec.toAbsolutePath() + ":[1,1] " + e.getMessage());
            return null;
        }
        Path folder = Path.of(rel).getParent();
        String pkg = folder == null ? "" : folder.toString().replace('\\', '/');
        if (!pkg.isEmpty() && !pkg.matches("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*")) {
            errors.add(spec.toAbsolutePath() + ":[1,1] the folder " + pkg + " is not a Java package");
            return null;
        }
        String internal = (pkg.isEmpty() ? "" : pkg + "/") + BytecodeCompiler.simpleName(graph.name(), options.precision());
        List<String> outputs = new ArrayList<>();
        // one class, or for a network too large for one class file the trainer and its companions
        for (Map.Entry<String, byte[]> c : BytecodeCompiler.classFiles(Autodiff.derive(graph), options.precision(), internal, false).entrySet()) {
            write(options.output().resolve(c.getKey() + ".class"), c.getValue());
            outputs.add(c.getKey() + ".class");
        }
        if (weights != null) {
            String scorer = (pkg.isEmpty() ? "" : pkg + "/") + Standalone.simpleName(graph.name());
            try {
                Standalone.Scorer s = Standalone.compile(graph, Safetensors.read(weights).tensors(), scorer, true);
                for (Map.Entry<String, byte[]> c : s.classes().entrySet()) {
                    write(options.output().resolve(c.getKey() + ".class"), c.getValue());
                    outputs.add(c.getKey() + ".class");
                }
                write(options.output().resolve(s.weightsPath()), s.weights());
                outputs.add(s.weightsPath());
            } catch (CheckpointException | IllegalArgumentException e) {
                errors.add(weights.toAbsolutePath() + ":[1,1] " + e.getMessage());
                return null;
            }
        }
        return outputs;
    }

    /** The trained weights beside a spec, when standalone classes are asked for and they are there. */
    private static Path weightsOf(Path spec, Options options) {
        if (!options.standalone()) {
            return null;
        }
        String name = spec.getFileName().toString();
        Path weights = spec.resolveSibling(name.substring(0, name.length() - ".java".length()) + ".safetensors");
        return Files.isRegularFile(weights) ? weights : null;
    }

    private static List<Path> specs(Options options) throws IOException {
        if (!Files.isDirectory(options.sources())) {
            return List.of();
        }
        List<PathMatcher> includes = matchers(options.includes().isEmpty() ? List.of("**/*.java") : options.includes());
        List<PathMatcher> excludes = matchers(options.excludes());
        try (Stream<Path> files = Files.walk(options.sources())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path rel = Path.of(relative(options.sources(), p));
                        return matches(includes, rel) && !matches(excludes, rel);
                    })
                    .sorted()
                    .toList();
        }
    }

    /** Each glob, and for {@code **}{@code /x} also {@code x} at the root (a Java glob's {@code **}/ needs a folder). */
    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> all = new ArrayList<>();
        for (String g : globs) {
            all.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            if (g.startsWith("**/")) {
                all.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
            }
        }
        return all;
    }

    private static boolean matches(List<PathMatcher> matchers, Path rel) {
        return matchers.stream().anyMatch(m -> m.matches(rel));
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String hash(byte[] content, byte[] weights, Options options) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content);
            sha.update(weights);
            sha.update(("\0" + options.version() + "\0" + options.precision() + "\0" + options.failOnWarning()
                    + "\0" + options.standalone()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** To a temporary file beside the target, then renamed over it. */
    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What was compiled from what: a line per spec, {@code path<TAB>hash<TAB>output,output}, sorted. */
    private static final class State {
        record Entry(String hash, List<String> outputs) {}

        final Map<String, Entry> entries = new TreeMap<>();

        static State read(Path file) throws IOException {
            State s = new State();
            if (!Files.isRegularFile(file)) {
                return s;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 3) {
                    s.entries.put(f[0], new Entry(f[1], f[2].isEmpty() ? List.of() : List.of(f[2].split(","))));
                }
            }
            return s;
        }

        void write(Path file) throws IOException {
            StringBuilder sb = new StringBuilder();
            entries.forEach((spec, e) -> sb.append(spec).append('\t').append(e.hash()).append('\t')
                    .append(String.join(",", e.outputs())).append('\n'));
            SpecBuild.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    static String describe(Outcome o) {
        return String.format(Locale.ROOT, "%d spec%s compiled, %d up to date, %d stale class%s deleted",
                o.compiled().size(), o.compiled().size() == 1 ? "" : "s", o.upToDate().size(), o.deleted().size(),
                o.deleted().size() == 1 ? "" : "es");
    }
}
