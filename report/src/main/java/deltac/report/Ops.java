package deltac.report;

import deltac.graph.Op;

/** How the graph picture names an op: a glyph inside its box, a word when hovered. */
final class Ops {
    private Ops() {}

    static String glyph(Op op) {
        return switch (op) {
            case ADD -> "+";
            case SUB -> "−";
            case MATMUL, SCALE -> "·";
            case MATMUL_TN -> "ᵀ·";
            case MATMUL_NT -> "·ᵀ";
            case DIVIDE -> "/";
            case NEG -> "−x";
            case TRANSPOSE -> "ᵀ";
            case HADAMARD -> "⊙";
            case SIGMOID -> "σ";
            case TANH -> "tanh";
            case RELU -> "relu";
            case LEAKY_RELU -> "leakyRelu";
            case EXP -> "exp";
            case LOG -> "log";
            case SQUARE -> "x²";
            case SQRT -> "√";
            case ABS -> "|x|";
            case SOFTMAX -> "softmax";
            case LOG_SOFTMAX -> "log softmax";
            case SUM -> "Σ";
            case SUM_ROWS -> "Σ rows";
            case SUM_COLS -> "Σ cols";
            case MEAN -> "mean";
            case MSE -> "mse";
            case CROSS_ENTROPY -> "CE";
            case BINARY_CROSS_ENTROPY -> "BCE";
            case SIGMOID_PRIME -> "σ′";
            case TANH_PRIME -> "tanh′";
            case RELU_PRIME -> "relu′";
            case LEAKY_RELU_PRIME -> "leakyRelu′";
            case SIGN -> "sign";
            case COLS -> "n";
        };
    }

    static String word(Op op) {
        return switch (op) {
            case ADD -> "sum";
            case SUB -> "difference";
            case MATMUL, MATMUL_TN, MATMUL_NT -> "matrix product";
            case SCALE -> "scaling";
            case DIVIDE -> "quotient";
            case NEG -> "negation";
            case TRANSPOSE -> "transpose";
            case HADAMARD -> "element-wise product";
            case CROSS_ENTROPY -> "cross-entropy";
            case BINARY_CROSS_ENTROPY -> "binary cross-entropy";
            case MSE -> "mean squared error";
            case SUM_ROWS -> "row sums";
            case SUM_COLS -> "column sums";
            default -> op.token();
        };
    }
}
