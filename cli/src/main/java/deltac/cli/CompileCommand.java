package deltac.cli;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.codegen.Signature;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.graph.Graph;
import deltac.runtime.Precision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        try {
            Signature.of(graph);
        } catch (IllegalArgumentException e) {
            throw new UserError(spec + ": " + e.getMessage());
        }
        Derivation derivation = Autodiff.derive(graph);
        String simple = BytecodeCompiler.simpleName(graph.name(), precision);
        String internal = packageName.replace('.', '/') + "/" + simple;
        if (emitJava) {
            command.commandLine().getOut().print(BytecodeCompiler.javaSource(derivation, precision, internal));
            command.commandLine().getOut().flush();
        }
        byte[] bytes = BytecodeCompiler.classFile(derivation, precision, internal, false);
        try {
            if (output != null) {
                Path file = output.resolve(internal + ".class");
                Files.createDirectories(file.getParent());
                writeAtomically(file, out -> out.write(bytes));
                command.commandLine().getErr().println("wrote " + file);
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
                        j.putNextEntry(new JarEntry(internal + ".class"));
                        j.write(bytes);
                        j.closeEntry();
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
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
