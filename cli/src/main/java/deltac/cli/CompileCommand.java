package deltac.cli;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.codegen.Signature;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.codegen.standalone.Standalone;
import deltac.graph.Graph;
import deltac.runtime.Precision;
import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.checkpoint.Safetensors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code deltac compile SPEC -o DIR}: the generated trainer class, to embed in an app. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Generate the spec's trainer class (e.g. MnistMlpTrainer, implementing deltac.runtime.Trainer) "
                + "and write it under DIR, or into a jar; --emit-java prints its kernels as Java source for review. "
                + "The class needs only java.base and the deltac runtime jar.")
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "where to write the .class (in its package's folders)")
    Path output;

    @Option(names = "--jar", paramLabel = "FILE", description = "also write a jar holding the class, its manifest naming the spec")
    Path jar;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "f32", description = "f32 (default) or f64")
    Precision precision;

    @Option(names = "--package", paramLabel = "NAME", defaultValue = "deltac.generated",
            description = "the class's package (default ${DEFAULT-VALUE})")
    String packageName;

    @Option(names = "--emit-java", description = "print the kernels as readable Java source")
    boolean emitJava;

    @Option(names = "--standalone", description = "a predict-only scoring class (e.g. IrisMlpScorer) that needs java.base "
            + "alone, with the --weights as a resource beside it")
    boolean standalone;

    @Option(names = "--weights", paramLabel = "FILE", description = "the trained weights (safetensors) a --standalone class carries")
    Path weights;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        if (output == null && jar == null && !emitJava) {
            throw new CommandLine.ParameterException(command.commandLine(), "give -o DIR, --jar FILE or --emit-java");
        }
        if (!packageName.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new CommandLine.ParameterException(command.commandLine(), "--package: not a Java package name: " + packageName);
        }
        if (standalone != (weights != null)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--standalone and --weights go together");
        }
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        try {
            Signature.of(graph);
        } catch (IllegalArgumentException e) {
            throw new UserError(spec + ": " + e.getMessage());
        }
        if (standalone) {
            return standalone(graph);
        }
        Derivation derivation = Autodiff.derive(graph);
        String simple = BytecodeCompiler.simpleName(graph.name(), precision);
        String internal = packageName.replace('.', '/') + "/" + simple;
        if (emitJava) {
            command.commandLine().getOut().print(BytecodeCompiler.javaSource(derivation, precision, internal));
            command.commandLine().getOut().flush();
        }
        // one class, or for a network too large for one class file the trainer and its companions
        Map<String, byte[]> classes = BytecodeCompiler.classFiles(derivation, precision, internal, false);
        try {
            if (output != null) {
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    Path file = output.resolve(c.getKey() + ".class");
                    Files.createDirectories(file.getParent());
                    writeAtomically(file, out -> out.write(c.getValue()));
                }
                command.commandLine().getErr().println("wrote " + output.resolve(internal + ".class")
                        + (classes.size() > 1 ? " and " + (classes.size() - 1) + " companion classes beside it" : ""));
            }
            if (jar != null) {
                Manifest manifest = new Manifest();
                Attributes main = manifest.getMainAttributes();
                main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
                main.putValue("Created-By", "deltac " + BytecodeCompiler.version());
                main.putValue("Deltac-Version", BytecodeCompiler.version());
                main.putValue("Deltac-Spec", spec.getFileName().toString());
                main.putValue("Deltac-Trainer", packageName + "." + simple);
                main.putValue("Deltac-Precision", precision.name().toLowerCase(java.util.Locale.ROOT));
                if (jar.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(jar.toAbsolutePath().getParent());
                }
                writeAtomically(jar, out -> {
                    try (JarOutputStream j = new JarOutputStream(out, manifest)) {
                        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                            j.putNextEntry(new JarEntry(c.getKey() + ".class"));
                            j.write(c.getValue());
                            j.closeEntry();
                        }
                    }
                });
                command.commandLine().getErr().println("wrote " + jar);
            }
        } catch (IOException e) {
            throw new UserError("cannot write: " + e.getMessage());
        }
        command.commandLine().getErr().flush();
        return 0;
    }

    /** The scoring class, its nested classes and its weights resource, into -o DIR and/or --jar FILE. */
    private int standalone(Graph graph) {
        String internal = packageName.replace('.', '/') + "/" + Standalone.simpleName(graph.name());
        if (emitJava) {
            command.commandLine().getOut().print(Standalone.source(graph, internal, true));
            command.commandLine().getOut().flush();
        }
        Standalone.Scorer scorer;
        try {
            Checkpoint trained = Safetensors.read(weights);
            scorer = Standalone.compile(graph, trained.tensors(), internal, true);
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(weights + ": " + e.getMessage());
        }
        Map<String, byte[]> entries = new TreeMap<>();
        scorer.classes().forEach((name, bytes) -> entries.put(name + ".class", bytes));
        entries.put(scorer.weightsPath(), scorer.weights());
        try {
            if (output != null) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    Path file = output.resolve(e.getKey());
                    Files.createDirectories(file.getParent());
                    writeAtomically(file, out -> out.write(e.getValue()));
                    command.commandLine().getErr().println("wrote " + file);
                }
            }
            if (jar != null) {
                Manifest manifest = new Manifest();
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                manifest.getMainAttributes().putValue("Created-By", "deltac " + BytecodeCompiler.version());
                manifest.getMainAttributes().putValue("Deltac-Scorer", internal.replace('/', '.'));
                if (jar.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(jar.toAbsolutePath().getParent());
                }
                writeAtomically(jar, out -> {
                    try (JarOutputStream j = new JarOutputStream(out, manifest)) {
                        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                            j.putNextEntry(new JarEntry(e.getKey()));
                            j.write(e.getValue());
                            j.closeEntry();
                        }
                    }
                });
                command.commandLine().getErr().println("wrote " + jar);
            }
        } catch (IOException e) {
            throw new UserError("cannot write: " + e.getMessage());
        }
        command.commandLine().getErr().flush();
        return 0;
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** To a temporary file beside the target, then renamed over it: a reader never sees half a file. */
    static void writeAtomically(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            readable(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** rw-r--r--, as a file written directly would be: a temporary file starts private. */
    private static void readable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults stand
        }
    }
}
