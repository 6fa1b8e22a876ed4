package deltac.codegen.bytecode;

import static org.objectweb.asm.Opcodes.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.commons.CodeSizeEvaluator;

/**
 * The companion classes of a trainer spread over several class files ({@link SplitEmitter}): package-private final
 * classes of static methods, named {@code MainClass$Part0}, {@code $Part1}, .... Each is filled up to a budget of
 * constant-pool entries and methods far under a class file's 65,535, and the next is begun when a method would pass
 * it, so no depth makes one too large. The costs are the callers' estimates; ASM still refuses a class that overflows.
 */
final class Companions {
    /** Constant-pool entries a companion may take by the estimates: half a class file's, for what they do not count. */
    static final int ENTRIES = 30_000;
    static final int METHODS = 8_000;

    /** A static method of a companion. */
    record Callee(String owner, String name) {}

    private final String mainName;
    private final Consumer<ClassWriter> mark;
    private final Map<String, Integer> methodSizes;
    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private ClassWriter current;
    private String owner;
    private int entries;
    private int methods;

    /**
     * @param mark        writes the source file and {@code @Generated} onto a new class
     * @param methodSizes where each method's code size goes, as {@code Owner.name}
     */
    Companions(String mainName, Consumer<ClassWriter> mark, Map<String, Integer> methodSizes) {
        this.mainName = mainName;
        this.mark = mark;
        this.methodSizes = methodSizes;
    }

    /** A new static method, in the current companion or, when {@code cost} entries would overfill it, the next. */
    MethodVisitor open(String name, String desc, int cost) {
        if (current == null || entries + cost > ENTRIES || methods + 1 > METHODS) {
            close();
            owner = mainName + "$Part" + classes.size();
            current = AsmEmitter.classWriter();
            current.visit(V17, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, owner, null, "java/lang/Object", null);
            mark.accept(current);
            entries = 200; // the class, its mark, and the runtime's methods its kernels call
            methods = 0;
        }
        entries += cost;
        methods++;
        String qualified = owner.substring(owner.lastIndexOf('/') + 1) + "." + name;
        MethodVisitor mv = new CodeSizeEvaluator(current.visitMethod(ACC_STATIC, name, desc, null, null)) {
            @Override
            public void visitEnd() {
                methodSizes.put(qualified, getMaxSize());
                super.visitEnd();
            }
        };
        mv.visitCode();
        return mv;
    }

    /** The class the last opened method is in. */
    String owner() {
        return owner;
    }

    /** The companions' class files, by internal name, in order. */
    Map<String, byte[]> finish() {
        close();
        return classes;
    }

    private void close() {
        if (current != null) {
            current.visitEnd();
            classes.put(owner, current.toByteArray());
            current = null;
        }
    }
}
