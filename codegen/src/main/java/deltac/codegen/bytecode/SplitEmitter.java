package deltac.codegen.bytecode;

import static org.objectweb.asm.Opcodes.*;

import deltac.codegen.bytecode.Companions.Callee;
import deltac.codegen.bytecode.Program.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * A trainer too large for one class file (past about 1,200 16-wide layers, its fields and kernels need more than the
 * 65,535 constant-pool entries a class holds), emitted as a main class and {@link Companions}. The main class keeps
 * the trainer's API (its constructor, {@code run}, the typed accessors) and holds every buffer in one array of arrays
 * and every fallback site in one array, so its size does not grow with the network's. The kernels are static methods
 * of the companions taking both arrays and n; each loads the arrays it uses into locals on entry, so its loops read
 * locals as a one-class trainer's read fields. Whatever grows with the network (kernels, buffer allocation, the
 * parameters' tensors, the sites) is in the companions, and {@code run} reaches it through trees of static calls at
 * most {@link #PER_METHOD} wide. Only networks that need it are emitted so: the others keep the one class.
 */
final class SplitEmitter extends AsmEmitter {
    /** Calls the main class makes to a tree's top: the rest are in the companions. */
    private static final int TOP = 16;
    /** Typed accessors the main class keeps ({@code W1()}, {@code dW1()}, ...); past them, {@code parameter(name)}. */
    static final int ACCESSORS = 16_384;

    private final String buffers;
    private final String sitesType;
    private final String kernel;
    private final Map<String, Integer> bufferIndex = new HashMap<>();
    private final Map<String, Integer> siteIndex = new HashMap<>();
    private final Map<String, Callee> kernels = new HashMap<>();
    private Companions companions;
    private int trees;

    SplitEmitter(Program program) {
        super(program);
        this.buffers = "[" + array;
        this.sitesType = "[L" + SITE + ";";
        this.kernel = "(" + buffers + sitesType + "I)V";
        for (Buffer b : program.buffers()) {
            bufferIndex.put(b.field(), bufferIndex.size());
        }
        for (Program.Site s : program.sites()) {
            siteIndex.put(s.field(), siteIndex.size());
        }
    }

    /** The main class, then its companions. */
    @Override
    Map<String, byte[]> emit(String version) {
        companions = new Companions(program.className(), cw -> mark(cw, version), methodSizes());
        for (Loops.Method m : program.methods()) {
            staticKernel(m);
        }
        Map<String, byte[]> classes = super.emit(version);
        classes.putAll(companions.finish());
        return classes;
    }

    @Override
    void fields(ClassWriter cw) {
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "buffers", buffers, null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "sites", sitesType, null, null).visitEnd();
        cw.visitField(ACC_PRIVATE, "batch", "I", null, null).visitEnd();
    }

    @Override
    void kernels(ClassWriter cw) {
        // in the companions
    }

    @Override
    void loadBuffer(MethodVisitor mv, String field) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, program.className(), "buffers", buffers);
        push(mv, bufferIndex.get(field));
        mv.visitInsn(AALOAD);
    }

    @Override
    void storeFeed(MethodVisitor mv, String field, int k) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, program.className(), "buffers", buffers);
        push(mv, bufferIndex.get(field));
        mv.visitVarInsn(ALOAD, 2);
        push(mv, k);
        mv.visitInsn(AALOAD);
        mv.visitInsn(AASTORE);
    }

    @Override
    void callAll(MethodVisitor mv, List<String> names) {
        for (Callee c : tree("calls", kernel, names.stream().map(kernels::get).toList())) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, program.className(), "buffers", buffers);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, program.className(), "sites", sitesType);
            mv.visitVarInsn(ILOAD, N);
            mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), kernel, false);
        }
    }

    @Override
    void accessors(ClassWriter cw) {
        if (2 * program.params().size() + program.feedFields().size() <= ACCESSORS) {
            super.accessors(cw);
        } else if (program.outputField() != null) {
            samplePredict(cw);
        }
    }

    /**
     * The arrays and the tensors made by the companions before super() (locals: 1 the buffers, 2 the sites, 3 and 4
     * the parameters' and gradients' tensors), the sites after it.
     */
    @Override
    void constructor(ClassWriter cw) {
        String tensors = "[L" + TENSOR + ";";
        String tensorsDesc = "(" + buffers + tensors + tensors + ")V";
        List<Program.ParamFields> params = program.params();
        List<Integer> indices = java.util.stream.IntStream.range(0, params.size()).boxed().toList();
        List<Callee> makers = tree("tensors", tensorsDesc, statements("tensors", tensorsDesc, indices, 8, (mv, k) -> {
            Program.ParamFields p = params.get(k);
            for (int which = 1; which <= 2; which++) {
                push(mv, p.rows() * p.cols());
                newArray(mv);
                mv.visitVarInsn(ASTORE, 3);
                mv.visitVarInsn(ALOAD, 0);
                push(mv, bufferIndex.get(which == 1 ? p.field() : p.gradientField()));
                mv.visitVarInsn(ALOAD, 3);
                mv.visitInsn(AASTORE);
                mv.visitVarInsn(ALOAD, which);
                push(mv, k);
                mv.visitLdcInsn(p.name());
                push(mv, p.rows());
                push(mv, p.cols());
                mv.visitVarInsn(ALOAD, 3);
                mv.visitMethodInsn(INVOKESTATIC, TENSOR, "of", "(Ljava/lang/String;II" + array + ")L" + TENSOR + ";", false);
                mv.visitInsn(AASTORE);
            }
        }));
        String sitesDesc = "(" + sitesType + ")V";
        List<Callee> siteMakers = tree("sites", sitesDesc, statements("sites", sitesDesc, program.sites(), 12, (mv, s) -> {
            mv.visitVarInsn(ALOAD, 0);
            push(mv, siteIndex.get(s.field()));
            pushNewSite(mv, s);
            mv.visitInsn(AASTORE);
        }));
        MethodVisitor mv = method(cw, ACC_PUBLIC, "<init>", "()V");
        mv.visitCode();
        push(mv, program.buffers().size());
        mv.visitTypeInsn(ANEWARRAY, array);
        mv.visitVarInsn(ASTORE, 1);
        push(mv, program.sites().size());
        mv.visitTypeInsn(ANEWARRAY, SITE);
        mv.visitVarInsn(ASTORE, 2);
        for (int local = 3; local <= 4; local++) {
            push(mv, params.size());
            mv.visitTypeInsn(ANEWARRAY, TENSOR);
            mv.visitVarInsn(ASTORE, local);
        }
        for (Callee c : makers) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 3);
            mv.visitVarInsn(ALOAD, 4);
            mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), tensorsDesc, false);
        }
        mv.visitVarInsn(ALOAD, 0);
        superArguments(mv);
        mv.visitVarInsn(ALOAD, 3);
        mv.visitVarInsn(ALOAD, 4);
        mv.visitMethodInsn(INVOKESPECIAL, base, "<init>", SUPER, false);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitFieldInsn(PUTFIELD, program.className(), "buffers", buffers);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(PUTFIELD, program.className(), "sites", sitesType);
        for (Callee c : siteMakers) {
            mv.visitVarInsn(ALOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), sitesDesc, false);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ICONST_M1);
        mv.visitFieldInsn(PUTFIELD, program.className(), "batch", "I");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** ensure(n): the companions allocate the batch's buffers into the array (their n in local 1, as here). */
    @Override
    void ensure(ClassWriter cw) {
        String desc = "(" + buffers + "I)V";
        List<Callee> allocators = tree("ensure", desc, statements("ensure", desc, allocated(), 4, (mv, b) -> {
            mv.visitVarInsn(ALOAD, 0);
            push(mv, bufferIndex.get(b.field()));
            pushNewBuffer(mv, b);
            mv.visitInsn(AASTORE);
        }));
        MethodVisitor mv = method(cw, ACC_PRIVATE, "ensure", "(I)V");
        mv.visitCode();
        for (Callee c : allocators) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, program.className(), "buffers", buffers);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), desc, false);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitFieldInsn(PUTFIELD, program.className(), "batch", "I");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A kernel as {@code static void name(buffers, sites, n)}, its arrays loaded into locals 3, 4, ... on entry. */
    private void staticKernel(Loops.Method m) {
        KernelFootprint footprint = KernelFootprint.of(m.body());
        MethodVisitor mv = companions.open(m.name(), kernel, 4 + footprint.constants() + footprint.fields().size());
        Map<Loops.FieldRef, Integer> locals = new HashMap<>();
        for (Loops.FieldRef f : footprint.fields()) {
            boolean site = f.type() == Loops.Type.SITE;
            mv.visitVarInsn(ALOAD, site ? 1 : 0);
            push(mv, site ? siteIndex.get(f.name()) : bufferIndex.get(f.name()));
            mv.visitInsn(AALOAD);
            int local = 3 + locals.size();
            mv.visitVarInsn(ASTORE, local);
            locals.put(f, local);
        }
        kernelWriter.body(mv, m.body(), (v, f) -> v.visitVarInsn(ALOAD, locals.get(f)), 2, new HashMap<>(), 3 + locals.size());
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        kernels.put(m.name(), new Callee(companions.owner(), m.name()));
    }

    /** The items' statements in companion methods of {@link #PER_METHOD} each, {@code cost} entries an item. */
    private <T> List<Callee> statements(String prefix, String desc, List<T> items, int cost, BiConsumer<MethodVisitor, T> statement) {
        List<Callee> methods = new ArrayList<>();
        for (int from = 0; from < items.size(); from += PER_METHOD) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + PER_METHOD));
            String name = prefix + "$" + trees++;
            MethodVisitor mv = companions.open(name, desc, 2 + cost * chunk.size());
            chunk.forEach(item -> statement.accept(mv, item));
            mv.visitInsn(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            methods.add(new Callee(companions.owner(), name));
        }
        return methods;
    }

    /**
     * Companion methods that call the callees in order, {@link #PER_METHOD} to a method and level upon level, until
     * at most {@link #TOP} remain: those, for the main class to call. Every callee takes {@code desc}'s arguments, which
     * each level passes on.
     */
    private List<Callee> tree(String prefix, String desc, List<Callee> callees) {
        Type[] arguments = Type.getArgumentTypes(desc);
        while (callees.size() > TOP) {
            List<Callee> level = new ArrayList<>();
            for (int from = 0; from < callees.size(); from += PER_METHOD) {
                List<Callee> chunk = callees.subList(from, Math.min(callees.size(), from + PER_METHOD));
                String name = prefix + "$" + trees++;
                // a call: its method, name and type, and the callee's class and its name when another class's
                MethodVisitor mv = companions.open(name, desc, 2 + 5 * chunk.size());
                for (Callee c : chunk) {
                    int slot = 0;
                    for (Type t : arguments) {
                        mv.visitVarInsn(t.getOpcode(ILOAD), slot);
                        slot += t.getSize();
                    }
                    mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), desc, false);
                }
                mv.visitInsn(RETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
                level.add(new Callee(companions.owner(), name));
            }
            callees = level;
        }
        return callees;
    }
}
