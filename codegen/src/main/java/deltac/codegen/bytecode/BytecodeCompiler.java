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

    /** The verified class file, named {@code internalName} (e.g. {@code deltac/generated/MnistMlpTrainer}). */
    public static byte[] classFile(Derivation derivation, Precision precision, String internalName, boolean fallbackEverything) {
        Program program = deltac.graph.DeepStack.call(
                () -> Lowering.lower(derivation, precision, internalName, new Lowering.Options(fallbackEverything)));
        AsmEmitter emitter = new AsmEmitter(program);
        byte[] bytes = emitter.emit(version());
        for (Map.Entry<String, Integer> size : emitter.methodSizes().entrySet()) {
            if (size.getValue() > AsmEmitter.HUGE_METHOD_LIMIT) {
                throw new GenerationException(internalName + "." + size.getKey() + " has " + size.getValue()
                        + " bytes of code, above HotSpot's " + AsmEmitter.HUGE_METHOD_LIMIT + "-byte limit for JIT compilation",
                        dump(bytes));
            }
        }
        verify(bytes);
        return bytes;
    }

    /** The Java source the same kernels read as, for review. */
    public static String javaSource(Derivation derivation, Precision precision, String internalName) {
        return deltac.graph.DeepStack.call(
                () -> new JavaEmitter(Lowering.lower(derivation, precision, internalName, Lowering.Options.DEFAULT)).emit());
    }

    /** A loaded trainer: the class defined as a hidden class (unloadable once unreachable) and instantiated. */
    public static Trainer trainer(Derivation derivation, Precision precision, boolean fallbackEverything) {
        String name = GeneratedClasses.PACKAGE + "/" + simpleName(derivation.graph().name(), precision);
        byte[] bytes = classFile(derivation, precision, name, fallbackEverything);
        try {
            Class<?> type = GeneratedClasses.define(bytes);
            return (Trainer) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new GenerationException("the JVM refused the generated " + name + ": " + e, dump(bytes));
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
