package deltac.codegen.bytecode;

import deltac.autodiff.Derivation;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.generated.GeneratedClasses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The bytecode engine's driver: lowers a derivation, emits the class, verifies it with ASM's
 * {@link CheckClassAdapter} (a failure is a {@link GenerationException} carrying the class's text dump, never a
 * {@code VerifyError} at the user), and loads it as a hidden class, or hands the bytes out to be written.
 */
public final class BytecodeCompiler {
    private BytecodeCompiler() {}

    /** The version written into each class's {@code @Generated}. */
    public static String version() {
        String v = BytecodeCompiler.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** A trainer class's name for a spec: {@code MnistMlp} → {@code MnistMlpTrainer}. */
    public static String simpleName(String specName, Precision precision) {
        return specName + "Trainer" + (precision == Precision.F64 ? "64" : "");
    }

    /**
     * The verified class files by internal name, the trainer's first (named {@code internalName}, e.g.
     * {@code deltac/generated/MnistMlpTrainer}): one class, or for a network too large for one class file the trainer
     * and its companions ({@code MnistMlpTrainer$Part0}, ...; see {@link SplitEmitter}).
     */
    public static Map<String, byte[]> classFiles(Derivation derivation, Precision precision, String internalName, boolean fallbackEverything) {
        Program program = deltac.graph.DeepStack.call(
                () -> Lowering.lower(derivation, precision, internalName, new Lowering.Options(fallbackEverything)));
        AsmEmitter emitter = oneClassMayHold(program) ? new AsmEmitter(program) : new SplitEmitter(program);
        Map<String, byte[]> classes;
        try {
            classes = emitter.emit(version());
        } catch (org.objectweb.asm.ClassTooLargeException e) {
            if (emitter instanceof SplitEmitter) {
                throw new GenerationException(e.getClassName() + " has more constant-pool entries than a class file holds, "
                        + "although the companions are filled by an estimate of half as many", e.toString());
            }
            emitter = new SplitEmitter(program); // the estimate below was short
            classes = emitter.emit(version());
        }
        for (Map.Entry<String, Integer> size : emitter.methodSizes().entrySet()) {
            if (size.getValue() > AsmEmitter.HUGE_METHOD_LIMIT) {
                throw new GenerationException(internalName + "." + size.getKey() + " has " + size.getValue()
                        + " bytes of code, above HotSpot's " + AsmEmitter.HUGE_METHOD_LIMIT + "-byte limit for JIT compilation",
                        dump(classes.get(internalName)));
            }
        }
        for (byte[] bytes : classes.values()) {
            verify(bytes);
        }
        return classes;
    }

    /**
     * Whether the trainer may fit one class file: a field costs about three constant-pool entries (its reference, name
     * and type, and name), so does a kernel, and an accessor one, against the 65,535 a class holds. ASM has the last
     * word: a class that overflows after all is spread over companions then.
     */
    private static boolean oneClassMayHold(Program program) {
        long entries = 3L * (program.buffers().size() + program.sites().size() + program.methods().size()) + 2L * program.params().size();
        return entries < 60_000;
    }

    /** The Java source the same kernels read as, for review. */
    public static String javaSource(Derivation derivation, Precision precision, String internalName) {
        return deltac.graph.DeepStack.call(
                () -> new JavaEmitter(Lowering.lower(derivation, precision, internalName, Lowering.Options.DEFAULT)).emit());
    }

    /**
     * A loaded trainer: one class defined as a hidden class (unloadable once unreachable), or a trainer and its
     * companions in a class loader of their own (unloadable with it), and instantiated.
     */
    public static Trainer trainer(Derivation derivation, Precision precision, boolean fallbackEverything) {
        String name = GeneratedClasses.PACKAGE + "/" + simpleName(derivation.graph().name(), precision);
        Map<String, byte[]> classes = classFiles(derivation, precision, name, fallbackEverything);
        try {
            Class<?> type = GeneratedClasses.define(name, classes);
            return (Trainer) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new GenerationException("the JVM refused the generated " + name + ": " + e, dump(classes.get(name)));
        }
    }

    /** ASM's verifier over the class; its complaints, if any, become a {@link GenerationException}. */
    static void verify(byte[] bytes) {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), BytecodeCompiler.class.getClassLoader(), false,
                new PrintWriter(problems));
        if (!problems.toString().isBlank()) {
            throw new GenerationException("the generated class does not verify: " + problems.toString().strip(), dump(bytes));
        }
    }

    /** The class as text (ASM's Textifier), for a failure report. */
    static String dump(byte[] bytes) {
        StringWriter text = new StringWriter();
        new ClassReader(bytes).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
        return text.toString();
    }
}
