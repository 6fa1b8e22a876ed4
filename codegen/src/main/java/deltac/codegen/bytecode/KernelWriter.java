package deltac.codegen.bytecode;

import static org.objectweb.asm.Opcodes.*;

import deltac.codegen.bytecode.Loops.Bin;
import deltac.codegen.bytecode.Loops.Expr;
import deltac.codegen.bytecode.Loops.FieldRef;
import deltac.codegen.bytecode.Loops.For;
import deltac.codegen.bytecode.Loops.IntConst;
import deltac.codegen.bytecode.Loops.Let;
import deltac.codegen.bytecode.Loops.Load;
import deltac.codegen.bytecode.Loops.RealConst;
import deltac.codegen.bytecode.Loops.Select;
import deltac.codegen.bytecode.Loops.Stmt;
import deltac.codegen.bytecode.Loops.Store;
import deltac.codegen.bytecode.Loops.ToReal;
import deltac.codegen.bytecode.Loops.Type;
import deltac.codegen.bytecode.Loops.Un;
import deltac.codegen.bytecode.Loops.Var;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes a kernel's loop-level statements as bytecode. Where a kernel finds its arrays is its class's business: a
 * one-class trainer reads its own fields, a trainer spread over several classes passes them in (see {@link Fields}).
 */
final class KernelWriter {
    static final String SITE = "deltac/runtime/kernels/FallbackSite";

    /** Pushes a field's array (or fallback site) onto the stack. */
    interface Fields {
        void load(MethodVisitor mv, FieldRef field);
    }

    private final boolean f32;
    private final String array;
    private Fields fields;
    private int nSlot;

    KernelWriter(boolean f32) {
        this.f32 = f32;
        this.array = f32 ? "[F" : "[D";
    }

    /**
     * The statements, locals numbered from {@code firstFree}; {@code slots} holds what is already bound (n is in
     * {@code nSlot}).
     */
    void body(MethodVisitor mv, List<Stmt> body, Fields fields, int nSlot, Map<String, Integer> slots, int firstFree) {
        this.fields = fields;
        this.nSlot = nSlot;
        slots.put(Loops.N.name(), nSlot);
        int[] next = {firstFree};
        for (Stmt s : body) {
            stmt(mv, s, slots, next);
        }
    }

    private int slot(Var v, Map<String, Integer> slots, int[] next) {
        return slots.computeIfAbsent(v.name(), k -> {
            int s = next[0];
            next[0] += v.type() == Type.REAL && !f32 ? 2 : 1;
            return s;
        });
    }

    private void stmt(MethodVisitor mv, Stmt s, Map<String, Integer> slots, int[] next) {
        if (s instanceof Let let) {
            expr(mv, let.value(), slots);
            store(mv, let.var(), slot(let.var(), slots, next));
        } else if (s instanceof Loops.Set set) {
            expr(mv, set.value(), slots);
            store(mv, set.var(), slots.get(set.var().name()));
        } else if (s instanceof Store st) {
            expr(mv, st.array(), slots);
            expr(mv, st.index(), slots);
            expr(mv, st.value(), slots);
            mv.visitInsn(f32 ? FASTORE : DASTORE);
        } else if (s instanceof For f) {
            int v = slot(f.var(), slots, next);
            expr(mv, f.from(), slots);
            mv.visitVarInsn(ISTORE, v);
            Label test = new Label();
            Label end = new Label();
            mv.visitLabel(test);
            mv.visitVarInsn(ILOAD, v);
            expr(mv, f.to(), slots);
            mv.visitJumpInsn(IF_ICMPGE, end);
            for (Stmt b : f.body()) {
                stmt(mv, b, slots, next);
            }
            mv.visitIincInsn(v, 1);
            mv.visitJumpInsn(GOTO, test);
            mv.visitLabel(end);
        } else if (s instanceof Loops.Fallback fb) {
            expr(mv, fb.site(), slots);
            expr(mv, fb.out(), slots);
            expr(mv, fb.a(), slots);
            if (fb.b() == null) {
                mv.visitInsn(ACONST_NULL);
            } else {
                expr(mv, fb.b(), slots);
            }
            mv.visitVarInsn(ILOAD, nSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, SITE, "run", "(" + array + array + array + "I)V", false);
        } else if (s instanceof Loops.Product g) {
            expr(mv, g.a(), slots);
            mv.visitInsn(g.transA() ? ICONST_1 : ICONST_0);
            expr(mv, g.b(), slots);
            mv.visitInsn(g.transB() ? ICONST_1 : ICONST_0);
            expr(mv, g.c(), slots);
            push(mv, g.m());
            expr(mv, g.k(), slots);
            expr(mv, g.n(), slots);
            mv.visitMethodInsn(INVOKESTATIC, "deltac/runtime/kernels/Gemm", "multiply",
                    "(" + array + "Z" + array + "Z" + array + "III)V", false);
        } else if (s instanceof Loops.Activation act) {
            expr(mv, act.array(), slots);
            expr(mv, act.length(), slots);
            mv.visitMethodInsn(INVOKESTATIC, "deltac/runtime/kernels/Activations",
                    act.kind().name().toLowerCase(java.util.Locale.ROOT), "(" + array + "I)V", false);
        } else if (s instanceof Loops.Copy c) {
            expr(mv, c.from(), slots);
            push(mv, 0);
            expr(mv, c.to(), slots);
            push(mv, 0);
            expr(mv, c.length(), slots);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
        }
    }

    private void store(MethodVisitor mv, Var v, int slot) {
        mv.visitVarInsn(switch (v.type()) {
            case INT -> ISTORE;
            case REAL -> f32 ? FSTORE : DSTORE;
            default -> ASTORE;
        }, slot);
    }

    private void expr(MethodVisitor mv, Expr e, Map<String, Integer> slots) {
        if (e instanceof IntConst c) {
            push(mv, c.value());
        } else if (e instanceof RealConst c) {
            real(mv, c.value());
        } else if (e instanceof Var v) {
            mv.visitVarInsn(switch (v.type()) {
                case INT -> ILOAD;
                case REAL -> f32 ? FLOAD : DLOAD;
                default -> ALOAD;
            }, slots.get(v.name()));
        } else if (e instanceof FieldRef f) {
            fields.load(mv, f);
        } else if (e instanceof Load l) {
            expr(mv, l.array(), slots);
            expr(mv, l.index(), slots);
            mv.visitInsn(f32 ? FALOAD : DALOAD);
        } else if (e instanceof Bin b) {
            expr(mv, b.a(), slots);
            expr(mv, b.b(), slots);
            binary(mv, b);
        } else if (e instanceof Un u) {
            expr(mv, u.a(), slots);
            unary(mv, u.op());
        } else if (e instanceof Select s) {
            Label otherwise = new Label();
            Label done = new Label();
            expr(mv, s.a(), slots);
            expr(mv, s.b(), slots);
            // NaN compares false either way, so it takes the otherwise branch, as the interpreter's a > b does
            if (s.cmp() == Loops.Cmp.GT) {
                mv.visitInsn(f32 ? FCMPL : DCMPL);
                mv.visitJumpInsn(IFLE, otherwise);
            } else {
                mv.visitInsn(f32 ? FCMPG : DCMPG);
                mv.visitJumpInsn(IFGE, otherwise);
            }
            expr(mv, s.ifTrue(), slots);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(otherwise);
            expr(mv, s.ifFalse(), slots);
            mv.visitLabel(done);
        } else if (e instanceof ToReal t) {
            expr(mv, t.a(), slots);
            mv.visitInsn(f32 ? I2F : I2D);
        }
    }

    private void binary(MethodVisitor mv, Bin b) {
        if (b.type() == Type.INT) {
            mv.visitInsn(switch (b.op()) {
                case ADD -> IADD;
                case SUB -> ISUB;
                case MUL -> IMUL;
                case DIV -> IDIV;
                case MAX -> throw new IllegalStateException("int max");
            });
            return;
        }
        switch (b.op()) {
            case ADD -> mv.visitInsn(f32 ? FADD : DADD);
            case SUB -> mv.visitInsn(f32 ? FSUB : DSUB);
            case MUL -> mv.visitInsn(f32 ? FMUL : DMUL);
            case DIV -> mv.visitInsn(f32 ? FDIV : DDIV);
            case MAX -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "max", f32 ? "(FF)F" : "(DD)D", false);
        }
    }

    private void unary(MethodVisitor mv, Loops.UnOp op) {
        switch (op) {
            case NEG -> mv.visitInsn(f32 ? FNEG : DNEG);
            case ABS -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", f32 ? "(F)F" : "(D)D", false);
            default -> {
                String name = switch (op) {
                    case EXP -> "exp";
                    case LOG -> "log";
                    case TANH -> "tanh";
                    case SQRT -> "sqrt";
                    default -> "log1p";
                };
                if (f32) {
                    mv.visitInsn(F2D);
                }
                // float32 kernels take tanh from the runtime: Math.tanh is a slow native call on JDK 17
                String owner = f32 && op == Loops.UnOp.TANH ? "deltac/runtime/kernels/FastMath" : "java/lang/Math";
                mv.visitMethodInsn(INVOKESTATIC, owner, name, "(D)D", false);
                if (f32) {
                    mv.visitInsn(D2F);
                }
            }
        }
    }

    private void real(MethodVisitor mv, double v) {
        real(mv, v, f32);
    }

    static void real(MethodVisitor mv, double v, boolean f32) {
        if (f32) {
            float f = (float) v;
            if (f == 0 && Float.floatToRawIntBits(f) == 0) {
                mv.visitInsn(FCONST_0);
            } else if (f == 1) {
                mv.visitInsn(FCONST_1);
            } else {
                mv.visitLdcInsn(f);
            }
        } else if (v == 0 && Double.doubleToRawLongBits(v) == 0) {
            mv.visitInsn(DCONST_0);
        } else if (v == 1) {
            mv.visitInsn(DCONST_1);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    static void push(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }
}
