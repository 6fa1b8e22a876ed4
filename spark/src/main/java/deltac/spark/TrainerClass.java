package deltac.spark;

import deltac.autodiff.Autodiff;
import deltac.codegen.Compiler;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.graph.Graph;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.generated.GeneratedClasses;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A spec's generated float32 trainer class as bytes (with its companion classes, for a network too large for one
 * class file): compiled once on the driver, shipped in a broadcast, and defined once per JVM, as a hidden class or in a
 * class loader of its own (the bytes are deltac's own verified output, never code taken from a spec).
 */
public final class TrainerClass implements Serializable {
    private static final long serialVersionUID = 2L; // 2: the classes by name, not one class's bytes

    /** The classes defined in this JVM, by the digest of their bytes: one definition per executor, not per task. */
    private static final Map<String, Class<?>> DEFINED = new ConcurrentHashMap<>();
    /** Trainers between tasks, so a task reuses one's buffers instead of allocating its own. */
    private static final Map<String, Queue<Trainer>> IDLE = new ConcurrentHashMap<>();

    private final String specName;
    /** The trainer's internal name; {@link #classes} holds it and its companions' by internal name. */
    private final String main;
    private final LinkedHashMap<String, byte[]> classes;
    private final String digest;

    private TrainerClass(String specName, String main, Map<String, byte[]> classes) {
        this.specName = specName;
        this.main = main;
        this.classes = new LinkedHashMap<>(classes);
        this.digest = sha256(this.classes);
    }

    /** Derives, lowers, emits and verifies the spec's float32 trainer, without loading it. */
    public static TrainerClass compile(Graph graph) {
        String name = GeneratedClasses.PACKAGE + "/" + BytecodeCompiler.simpleName(graph.name(), Precision.F32);
        return new TrainerClass(graph.name(), name, BytecodeCompiler.classFiles(Autodiff.derive(graph), Precision.F32, name, false));
    }

    /** A new trainer of this class; its parameters are zero until set. */
    public Trainer newTrainer() {
        Class<?> type = DEFINED.computeIfAbsent(digest, d -> define());
        try {
            return (Trainer) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate the generated trainer of " + specName + ": " + e, e);
        }
    }

    /** A trainer of this class for one task's use, idle or new; hand it back with {@link #release}. */
    Trainer borrow() {
        Trainer idle = IDLE.computeIfAbsent(digest, d -> new ConcurrentLinkedQueue<>()).poll();
        return idle != null ? idle : newTrainer();
    }

    void release(Trainer trainer) {
        IDLE.get(digest).offer(trainer);
    }

    /** A new trainer with the spec's initializers drawn from {@code seed}, as {@code deltac train} starts. */
    public Trainer initializedTrainer(Graph graph, long seed) {
        Trainer trainer = newTrainer();
        Compiler.initialize(trainer, graph, seed);
        return trainer;
    }

    private Class<?> define() {
        try {
            return GeneratedClasses.define(main, classes);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("this JVM refused the generated trainer of " + specName + ": " + e, e);
        }
    }

    private static String sha256(Map<String, byte[]> classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
