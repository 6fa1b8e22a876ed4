package deltac.graph;

/** A value in a {@link Network}: every method applies one op and returns the result. */
public final class Expr {
    private final Network network;
    private final Node node;

    Expr(Network network, Node node) {
        this.network = network;
        this.node = node;
    }

    public Node node() {
        return node;
    }

    public Shape shape() {
        return node.shape();
    }

    String describe() {
        return network.describe(node);
    }

    private Expr apply(Op op, double attr, Expr... args) {
        Node[] nodes = new Node[args.length];
        String[] described = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i].network != network) {
                throw new IllegalArgumentException("cannot mix values from two networks");
            }
            nodes[i] = args[i].node;
            described[i] = args[i].describe();
        }
        try {
            return network.wrap(network.builder.apply(op, attr, nodes));
        } catch (ShapeException e) {
            throw new IllegalArgumentException(e.format(described), e);
        }
    }

    private Expr apply(Op op, Expr... args) {
        return apply(op, 0, args);
    }

    /** The matrix product, or scaling when either side is a scalar. */
    public Expr times(Expr other) {
        if (shape().isScalar()) {
            return apply(Op.SCALE, this, other);
        }
        if (other.shape().isScalar()) {
            return apply(Op.SCALE, other, this);
        }
        return apply(Op.MATMUL, this, other);
    }

    public Expr times(double scalar) {
        return network.constant(scalar).times(this);
    }

    public Expr plus(Expr other) {
        return apply(Op.ADD, this, other);
    }

    public Expr plus(double scalar) {
        return plus(network.constant(scalar));
    }

    public Expr minus(Expr other) {
        return apply(Op.SUB, this, other);
    }

    /** {@code scalar - this}, as in {@code 1 - a}. */
    public Expr subtractedFrom(double scalar) {
        return network.constant(scalar).minus(this);
    }

    public Expr div(Expr other) {
        return apply(Op.DIVIDE, this, other);
    }

    public Expr div(double scalar) {
        return div(network.constant(scalar));
    }

    public Expr neg() {
        return apply(Op.NEG, this);
    }

    /** The transpose ({@code a.T} in a spec). */
    public Expr T() {
        return apply(Op.TRANSPOSE, this);
    }

    public Expr hadamard(Expr other) {
        return apply(Op.HADAMARD, this, other);
    }

    public Expr sigmoid() {
        return apply(Op.SIGMOID, this);
    }

    public Expr tanh() {
        return apply(Op.TANH, this);
    }

    public Expr relu() {
        return apply(Op.RELU, this);
    }

    public Expr leakyRelu(double alpha) {
        return apply(Op.LEAKY_RELU, alpha, this);
    }

    public Expr exp() {
        return apply(Op.EXP, this);
    }

    public Expr log() {
        return apply(Op.LOG, this);
    }

    public Expr square() {
        return apply(Op.SQUARE, this);
    }

    public Expr sqrt() {
        return apply(Op.SQRT, this);
    }

    public Expr abs() {
        return apply(Op.ABS, this);
    }

    public Expr softmax() {
        return apply(Op.SOFTMAX, this);
    }

    public Expr logSoftmax() {
        return apply(Op.LOG_SOFTMAX, this);
    }

    public Expr sum() {
        return apply(Op.SUM, this);
    }

    public Expr sumRows() {
        return apply(Op.SUM_ROWS, this);
    }

    public Expr sumCols() {
        return apply(Op.SUM_COLS, this);
    }

    public Expr mean() {
        return apply(Op.MEAN, this);
    }

    public Expr mse(Expr target) {
        return apply(Op.MSE, this, target);
    }

    public Expr crossEntropy(Expr target) {
        return apply(Op.CROSS_ENTROPY, this, target);
    }

    public Expr binaryCrossEntropy(Expr target) {
        return apply(Op.BINARY_CROSS_ENTROPY, this, target);
    }

    public Expr sigmoidPrime() {
        return apply(Op.SIGMOID_PRIME, this);
    }

    public Expr tanhPrime() {
        return apply(Op.TANH_PRIME, this);
    }

    public Expr reluPrime() {
        return apply(Op.RELU_PRIME, this);
    }

    public Expr leakyReluPrime(double alpha) {
        return apply(Op.LEAKY_RELU_PRIME, alpha, this);
    }

    public Expr sign() {
        return apply(Op.SIGN, this);
    }

    @Override
    public String toString() {
        return describe();
    }
}
