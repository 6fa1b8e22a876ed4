package deltac.codegen.bytecode;

import static org.objectweb.asm.Opcodes.*;

import deltac.codegen.bytecode.Loops.Type;
import deltac.codegen.bytecode.Program.Buffer;
import deltac.codegen.bytecode.Program.Kind;
import deltac.graph.Input;
import deltac.runtime.Precision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.commons.CodeSizeEvaluator;

/**
 * Emits a {@link Program} as a class file (version 61, Java 17) extending the runtime's generated-trainer base:
 * one private method per kernel, a {@code run} that calls them in order, the parameter and gradient arrays as
 * final fields, typed accessors named after the parameters. A network too large for one class file is
 * {@link SplitEmitter}'s, which overrides where the buffers live and how kernels are called.
 */
class AsmEmitter {
    /** HotSpot does not JIT-compile a method above this many bytes of code (HugeMethodLimit). */
    static final int HUGE_METHOD_LIMIT = 8000;
    /**
     * Statements a helper method takes when a list is split (parameters bound, buffers allocated, kernels called):
     * each statement is under 60 bytes, so a helper stays under 4,000, whatever the network's depth.
     */
    static final int PER_METHOD = 64;

    static final String TENSOR = "deltac/runtime/checkpoint/Tensor";
    static final String SITE = KernelWriter.SITE;
    /** run's locals: the batch size and the prediction's array. */
    static final int N = 3;
    static final int OUT = 4;
    private static final Set<String> RESERVED = Set.of("name", "precision", "inputs", "targets", "feeds", "outputRows", "outputKind", "comparedWith",
            "parameters", "gradients", "parameter", "gradient", "predict", "loss", "step", "computeGradients", "run",
            "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "equals", "ensure");

    final Program program;
    final boolean f32;
    final String array;
    final String base;
    final KernelWriter kernelWriter;
    private final Map<String, Integer> methodSizes = new HashMap<>();
    /** The class being written, for the helper methods long lists are split into. */
    private ClassWriter writer;
    private int callLists;

    AsmEmitter(Program program) {
        this.program = program;
        this.f32 = program.precision() == Precision.F32;
        this.array = f32 ? "[F" : "[D";
        this.kernelWriter = new KernelWriter(f32);
        this.base = f32 ? "deltac/runtime/generated/GeneratedTrainer32" : "deltac/runtime/generated/GeneratedTrainer64";
    }

    /** The largest method's code size, in bytes, of the last emission. */
    Map<String, Integer> methodSizes() {
        return methodSizes;
    }

    /** The class files, by internal name: here the trainer's one class. */
    Map<String, byte[]> emit(String version) {
        ClassWriter cw = classWriter();
        writer = cw;
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, program.className(), null, base, null);
        mark(cw, version);
        fields(cw);
        constructor(cw);
        ensure(cw);
        run(cw);
        kernels(cw);
        accessors(cw);
        cw.visitEnd();
        Map<String, byte[]> classes = new java.util.LinkedHashMap<>();
        classes.put(program.className(), cw.toByteArray());
        return classes;
    }

    static ClassWriter classWriter() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // frames never merge two different reference types here
            }
        };
    }

    /** The source file and the {@code @Generated} annotation. */
    void mark(ClassWriter cw, String version) {
        cw.visitSource(fileName(program.sourceFile()), null);
        AnnotationVisitor generated = cw.visitAnnotation("Ldeltac/runtime/generated/Generated;", true);
        generated.visit("spec", program.sourceFile());
        generated.visit("version", version);
        generated.visitEnd();
    }

    void fields(ClassWriter cw) {
        // a large network's fields are bound by helper methods, which a final field does not allow
        int fin = split() ? 0 : ACC_FINAL;
        for (Buffer b : program.buffers()) {
            boolean fixed = b.kind() == Kind.PARAM || b.kind() == Kind.GRADIENT;
            cw.visitField(ACC_PRIVATE | (fixed ? fin : 0), b.field(), array, null, null).visitEnd();
        }
        for (Program.Site s : program.sites()) {
            cw.visitField(ACC_PRIVATE | fin, s.field(), "L" + SITE + ";", null, null).visitEnd();
        }
        cw.visitField(ACC_PRIVATE, "batch", "I", null, null).visitEnd();
    }

    void kernels(ClassWriter cw) {
        for (Loops.Method m : program.methods()) {
            kernel(cw, m);
        }
    }

    /** Pushes the array of a buffer. */
    void loadBuffer(MethodVisitor mv, String field) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, program.className(), field, array);
    }

    /** Makes feeds[k], run's argument, the array of a feed's buffer. */
    void storeFeed(MethodVisitor mv, String field, int k) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 2);
        push(mv, k);
        mv.visitInsn(AALOAD);
        mv.visitFieldInsn(PUTFIELD, program.className(), field, array);
    }

    /** Calls the kernels in order, n in run's local {@link #N}. */
    void callAll(MethodVisitor mv, List<String> kernels) {
        for (String k : inHelpers(kernels)) {
            call(mv, k);
        }
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }

    MethodVisitor method(ClassWriter cw, int access, String name, String desc) {
        MethodVisitor mv = cw.visitMethod(access, name, desc, null, null);
        return new CodeSizeEvaluator(mv) {
            @Override
            public void visitEnd() {
                methodSizes.put(name, getMaxSize());
                super.visitEnd();
            }
        };
    }

    void newArray(MethodVisitor mv) {
        mv.visitIntInsn(NEWARRAY, f32 ? T_FLOAT : T_DOUBLE);
    }

    /** Whether the constructor's work is split into helper methods: more parameters or sites than one method takes. */
    private boolean split() {
        return program.params().size() > PER_METHOD || program.sites().size() > PER_METHOD;
    }

    /** Emits the statements in helper methods of {@link #PER_METHOD} each; returns their names. */
    <T> List<String> helpers(ClassWriter cw, String prefix, int access, String desc, List<T> items,
                                     java.util.function.BiConsumer<MethodVisitor, T> statement) {
        List<String> names = new java.util.ArrayList<>();
        for (int from = 0; from < items.size(); from += PER_METHOD) {
            String name = prefix + "$" + names.size();
            names.add(name);
            MethodVisitor mv = method(cw, access, name, desc);
            mv.visitCode();
            for (T item : items.subList(from, Math.min(items.size(), from + PER_METHOD))) {
                statement.accept(mv, item);
            }
            mv.visitInsn(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        return names;
    }

    /**
     * A large network's constructor: the parameter and gradient tensors made by static helpers before super(), the
     * fields bound and the fallback sites made by instance helpers after it.
     */
    private void splitConstructor(ClassWriter cw) {
        List<Program.ParamFields> params = program.params();
        String tensors = "[L" + TENSOR + ";";
        List<Integer> indices = java.util.stream.IntStream.range(0, params.size()).boxed().toList();
        List<String> makers = helpers(cw, "tensors", ACC_PRIVATE | ACC_STATIC, "(" + tensors + tensors + ")V", indices,
                (mv, k) -> {
                    Program.ParamFields p = params.get(k);
                    for (int which = 1; which <= 2; which++) {
                        mv.visitVarInsn(ALOAD, which - 1);
                        push(mv, k);
                        mv.visitLdcInsn(p.name());
                        push(mv, p.rows());
                        push(mv, p.cols());
                        push(mv, p.rows() * p.cols());
                        newArray(mv);
                        mv.visitMethodInsn(INVOKESTATIC, TENSOR, "of", "(Ljava/lang/String;II" + array + ")L" + TENSOR + ";", false);
                        mv.visitInsn(AASTORE);
                    }
                });
        List<String> binders = helpers(cw, "bind", ACC_PRIVATE, "()V", indices, (mv, k) -> {
            Program.ParamFields p = params.get(k);
            for (String list : new String[] {"parameters", "gradients"}) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitMethodInsn(INVOKEVIRTUAL, program.className(), list, "()Ljava/util/List;", false);
                push(mv, k);
                mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true);
                mv.visitTypeInsn(CHECKCAST, TENSOR);
                mv.visitMethodInsn(INVOKEVIRTUAL, TENSOR, f32 ? "f32" : "f64", "()" + array, false);
                mv.visitFieldInsn(PUTFIELD, program.className(), list.equals("parameters") ? p.field() : p.gradientField(), array);
            }
        });
        List<String> siteMakers = helpers(cw, "sites", ACC_PRIVATE, "()V", program.sites(), this::newSite);
        MethodVisitor mv = method(cw, ACC_PUBLIC, "<init>", "()V");
        mv.visitCode();
        for (int local = 1; local <= 2; local++) {
            push(mv, params.size());
            mv.visitTypeInsn(ANEWARRAY, TENSOR);
            mv.visitVarInsn(ASTORE, local);
        }
        for (String maker : makers) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, program.className(), maker, "(" + tensors + tensors + ")V", false);
        }
        mv.visitVarInsn(ALOAD, 0);
        superArguments(mv);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitMethodInsn(INVOKESPECIAL, base, "<init>", SUPER, false);
        for (String helper : concat(binders, siteMakers)) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKESPECIAL, program.className(), helper, "()V", false);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ICONST_M1);
        mv.visitFieldInsn(PUTFIELD, program.className(), "batch", "I");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** this.site = new FallbackSite(op, attr, out, args). */
    private void newSite(MethodVisitor mv, Program.Site s) {
        mv.visitVarInsn(ALOAD, 0);
        pushNewSite(mv, s);
        mv.visitFieldInsn(PUTFIELD, program.className(), s.field(), "L" + SITE + ";");
    }

    /** Pushes a new FallbackSite(op, attr, out, args). */
    void pushNewSite(MethodVisitor mv, Program.Site s) {
        mv.visitTypeInsn(NEW, SITE);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(s.op());
        mv.visitLdcInsn(s.attr());
        intArray(mv, s.out());
        push(mv, s.args().length);
        mv.visitTypeInsn(ANEWARRAY, "[I");
        for (int k = 0; k < s.args().length; k++) {
            mv.visitInsn(DUP);
            push(mv, k);
            intArray(mv, s.args()[k]);
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKESPECIAL, SITE, "<init>", "(Ljava/lang/String;D[I[[I)V", false);
    }

    void constructor(ClassWriter cw) {
        if (split()) {
            splitConstructor(cw);
            return;
        }
        MethodVisitor mv = method(cw, ACC_PUBLIC, "<init>", "()V");
        mv.visitCode();
        List<Program.ParamFields> params = program.params();
        int local = 1;
        // the arrays first, stored before super() (allowed for this class's own fields) and kept in locals
        int[] paramLocals = new int[params.size()];
        int[] gradLocals = new int[params.size()];
        for (int k = 0; k < params.size(); k++) {
            Program.ParamFields p = params.get(k);
            paramLocals[k] = local++;
            gradLocals[k] = local++;
            for (int which = 0; which < 2; which++) {
                push(mv, p.rows() * p.cols());
                newArray(mv);
                mv.visitVarInsn(ASTORE, which == 0 ? paramLocals[k] : gradLocals[k]);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ALOAD, which == 0 ? paramLocals[k] : gradLocals[k]);
                mv.visitFieldInsn(PUTFIELD, program.className(), which == 0 ? p.field() : p.gradientField(), array);
            }
        }
        mv.visitVarInsn(ALOAD, 0);
        superArguments(mv);
        for (int which = 0; which < 2; which++) {
            push(mv, params.size());
            mv.visitTypeInsn(ANEWARRAY, TENSOR);
            for (int k = 0; k < params.size(); k++) {
                Program.ParamFields p = params.get(k);
                mv.visitInsn(DUP);
                push(mv, k);
                mv.visitLdcInsn(p.name());
                push(mv, p.rows());
                push(mv, p.cols());
                mv.visitVarInsn(ALOAD, which == 0 ? paramLocals[k] : gradLocals[k]);
                mv.visitMethodInsn(INVOKESTATIC, TENSOR, "of", "(Ljava/lang/String;II" + array + ")L" + TENSOR + ";", false);
                mv.visitInsn(AASTORE);
            }
        }
        mv.visitMethodInsn(INVOKESPECIAL, base, "<init>", SUPER, false);
        for (Program.Site s : program.sites()) {
            newSite(mv, s);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ICONST_M1);
        mv.visitFieldInsn(PUTFIELD, program.className(), "batch", "I");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The base constructor's descriptor: name, feeds, their rows, inputs, output rows, kind, compared feed, tensors. */
    static final String SUPER = "(Ljava/lang/String;[Ljava/lang/String;[IIILjava/lang/String;Ljava/lang/String;[L"
            + TENSOR + ";[L" + TENSOR + ";)V";

    /** Pushes the base constructor's arguments up to the tensors: the spec's name and its signature. */
    void superArguments(MethodVisitor mv) {
        mv.visitLdcInsn(program.spec());
        List<Input> feeds = program.signature().feeds();
        push(mv, feeds.size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int k = 0; k < feeds.size(); k++) {
            mv.visitInsn(DUP);
            push(mv, k);
            mv.visitLdcInsn(feeds.get(k).name());
            mv.visitInsn(AASTORE);
        }
        intArray(mv, feeds.stream().mapToInt(f -> f.shape().rows()).toArray());
        push(mv, program.signature().inputs().size());
        push(mv, program.signature().outputRows());
        mv.visitLdcInsn(program.signature().kind().name());
        if (program.signature().comparedWith() == null) {
            mv.visitInsn(ACONST_NULL);
        } else {
            mv.visitLdcInsn(program.signature().comparedWith().name());
        }
    }

    void intArray(MethodVisitor mv, int[] values) {
        push(mv, values.length);
        mv.visitIntInsn(NEWARRAY, T_INT);
        for (int k = 0; k < values.length; k++) {
            mv.visitInsn(DUP);
            push(mv, k);
            push(mv, values[k]);
            mv.visitInsn(IASTORE);
        }
    }

    /** The buffers {@code ensure} allocates: the temporaries and the constants, whose size may depend on n. */
    List<Buffer> allocated() {
        return program.buffers().stream().filter(b -> b.kind() == Kind.TEMP || b.kind() == Kind.CONSTANT).toList();
    }

    /** Allocates the batch's buffers when the batch size changes; fills the constant ones. */
    void ensure(ClassWriter cw) {
        List<Buffer> allocated = allocated();
        List<String> helpers = allocated.size() <= 4 * PER_METHOD ? List.of()
                : helpers(cw, "ensure", ACC_PRIVATE, "(I)V", allocated, this::allocate);
        MethodVisitor mv = method(cw, ACC_PRIVATE, "ensure", "(I)V");
        mv.visitCode();
        if (helpers.isEmpty()) {
            allocated.forEach(b -> allocate(mv, b));
        }
        for (String helper : helpers) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitMethodInsn(INVOKESPECIAL, program.className(), helper, "(I)V", false);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitFieldInsn(PUTFIELD, program.className(), "batch", "I");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** this.b = a new array of b's size at the batch size in local 1, filled when b is a constant. */
    private void allocate(MethodVisitor mv, Buffer b) {
        mv.visitVarInsn(ALOAD, 0);
        pushNewBuffer(mv, b);
        mv.visitFieldInsn(PUTFIELD, program.className(), b.field(), array);
    }

    /** Pushes a new array of b's size at the batch size in local 1, filled when b is a constant. */
    void pushNewBuffer(MethodVisitor mv, Buffer b) {
        size(mv, b.rows(), b.cols());
        newArray(mv);
        if (b.kind() == Kind.CONSTANT && b.fill() != 0) {
            mv.visitInsn(DUP);
            real(mv, b.fill());
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "(" + array + (f32 ? "F" : "D") + ")V", false);
        }
    }

    private void size(MethodVisitor mv, int rows, int cols) {
        dimension(mv, rows);
        dimension(mv, cols);
        mv.visitInsn(IMUL);
    }

    private void dimension(MethodVisitor mv, int d) {
        if (d < 0) {
            mv.visitVarInsn(ILOAD, 1);
        } else {
            push(mv, d);
        }
    }

    /** run(mode, feeds, n, out): the kernels of the mode, in order. */
    private void run(ClassWriter cw) {
        String desc = "(I[" + array + "I" + array + ")D";
        MethodVisitor mv = method(cw, ACC_PROTECTED | ACC_FINAL, "run", desc);
        mv.visitCode();
        Label ready = new Label();
        mv.visitVarInsn(ILOAD, N);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, program.className(), "batch", "I");
        mv.visitJumpInsn(IF_ICMPEQ, ready);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, N);
        mv.visitMethodInsn(INVOKESPECIAL, program.className(), "ensure", "(I)V", false);
        mv.visitLabel(ready);
        List<String> feedFields = program.feedFields();
        for (int k = 0; k < feedFields.size(); k++) {
            storeFeed(mv, feedFields.get(k), k);
        }
        Label notGradients = new Label();
        Label notLoss = new Label();
        Label notBoth = new Label();
        mv.visitVarInsn(ILOAD, 1);
        mv.visitJumpInsn(IFNE, notGradients);
        calls(mv, program.gradients());
        returnLoss(mv);
        mv.visitLabel(notGradients);
        mv.visitVarInsn(ILOAD, 1);
        push(mv, 1);
        mv.visitJumpInsn(IF_ICMPNE, notLoss);
        calls(mv, program.loss());
        returnLoss(mv);
        mv.visitLabel(notLoss);
        mv.visitVarInsn(ILOAD, 1);
        push(mv, 3);
        mv.visitJumpInsn(IF_ICMPNE, notBoth);
        calls(mv, program.lossAndPrediction());
        if (program.outputField() != null) {
            copyOutput(mv);
        }
        returnLoss(mv);
        mv.visitLabel(notBoth);
        calls(mv, program.predict());
        if (program.outputField() != null) {
            copyOutput(mv);
        }
        mv.visitLdcInsn(Double.NaN);
        mv.visitInsn(DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void copyOutput(MethodVisitor mv) {
        loadBuffer(mv, program.outputField());
        push(mv, 0);
        mv.visitVarInsn(ALOAD, OUT);
        push(mv, 0);
        push(mv, program.signature().outputRows());
        mv.visitVarInsn(ILOAD, N);
        mv.visitInsn(IMUL);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
    }

    /** The kernels, or at n = 1 their {@link BatchOfOne} twins. */
    private void calls(MethodVisitor mv, List<String> kernels) {
        Label general = new Label();
        Label done = new Label();
        mv.visitVarInsn(ILOAD, N);
        push(mv, 1);
        mv.visitJumpInsn(IF_ICMPNE, general);
        callAll(mv, kernels.stream().map(k -> k + BatchOfOne.SUFFIX).toList());
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(general);
        callAll(mv, kernels);
        mv.visitLabel(done);
    }

    /** The kernels themselves, or for a long list helpers that call them in order (each takes n, as a kernel does). */
    private List<String> inHelpers(List<String> kernels) {
        if (kernels.size() <= 4 * PER_METHOD) {
            return kernels;
        }
        return helpers(writer, "calls" + callLists++, ACC_PRIVATE, "(I)V", kernels, (mv, k) -> {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitMethodInsn(INVOKESPECIAL, program.className(), k, "(I)V", false);
        });
    }

    private void call(MethodVisitor mv, String kernel) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, N);
        mv.visitMethodInsn(INVOKESPECIAL, program.className(), kernel, "(I)V", false);
    }

    private void returnLoss(MethodVisitor mv) {
        loadBuffer(mv, program.lossField());
        push(mv, 0);
        mv.visitInsn(f32 ? FALOAD : DALOAD);
        if (f32) {
            mv.visitInsn(F2D);
        }
        mv.visitInsn(DRETURN);
    }

    /** {@code W1()} returns the live W1 buffer, {@code dW1()} its gradient; {@code predict(x, out)} one sample. */
    void accessors(ClassWriter cw) {
        Set<String> named = new java.util.HashSet<>(RESERVED);
        for (Program.ParamFields p : program.params()) {
            accessor(cw, p.name(), p.field(), named);
            accessor(cw, "d" + p.name(), p.gradientField(), named);
        }
        List<Input> feeds = program.signature().feeds();
        for (int k = 0; k < feeds.size(); k++) {
            accessor(cw, feeds.get(k).name(), program.feedFields().get(k), named);
        }
        if (program.outputField() != null) {
            samplePredict(cw);
        }
    }

    /** {@code W1()}: the live buffer of a parameter, its gradient, or the last batch's array of a feed. */
    private void accessor(ClassWriter cw, String name, String field, Set<String> named) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || !named.add(name)) {
            return;
        }
        MethodVisitor mv = method(cw, ACC_PUBLIC, name, "()" + array);
        mv.visitCode();
        loadBuffer(mv, field);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code predict(x1, x2, out)}: one sample, each input a parameter named as in the spec. */
    void samplePredict(ClassWriter cw) {
        List<Input> inputs = program.signature().inputs();
        MethodVisitor mv = method(cw, ACC_PUBLIC, "predict", "(" + array.repeat(inputs.size() + 1) + ")V");
        inputs.forEach(i -> mv.visitParameter(i.name(), 0));
        mv.visitParameter("out", 0);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        push(mv, inputs.size());
        mv.visitTypeInsn(ANEWARRAY, array);
        for (int k = 0; k < inputs.size(); k++) {
            mv.visitInsn(DUP);
            push(mv, k);
            mv.visitVarInsn(ALOAD, k + 1);
            mv.visitInsn(AASTORE);
        }
        push(mv, 1);
        mv.visitVarInsn(ALOAD, inputs.size() + 1);
        mv.visitMethodInsn(INVOKEVIRTUAL, program.className(), "predict", "([" + array + "I" + array + ")V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A kernel as a private method {@code name(int n)}, reading the trainer's own fields. */
    private void kernel(ClassWriter cw, Loops.Method m) {
        MethodVisitor mv = method(cw, ACC_PRIVATE, m.name(), "(I)V");
        mv.visitCode();
        kernelWriter.body(mv, m.body(), (v, f) -> {
            v.visitVarInsn(ALOAD, 0);
            v.visitFieldInsn(GETFIELD, program.className(), f.name(), f.type() == Type.SITE ? "L" + SITE + ";" : array);
        }, 1, new HashMap<>(), 2);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    void real(MethodVisitor mv, double v) {
        KernelWriter.real(mv, v, f32);
    }

    static void push(MethodVisitor mv, int v) {
        KernelWriter.push(mv, v);
    }
}
