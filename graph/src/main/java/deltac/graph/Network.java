package deltac.graph;

/**
 * The fluent Java API: builds the same graphs as the spec parser.
 *
 * <pre>{@code
 * Network net = new Network("MnistMlp");
 * Expr x  = net.input("x", 784);
 * Expr y  = net.target("y", 10);
 * Expr W1 = net.param("W1", 128, 784, Init.glorot());
 * Expr b1 = net.param("b1", 128);
 * Expr W2 = net.param("W2", 10, 128, Init.glorot());
 * Expr b2 = net.param("b2", 10);
 * Expr z1 = net.let("z1", W1.times(x).plus(b1));
 * Expr a1 = net.let("a1", z1.sigmoid());
 * Expr z2 = net.let("z2", W2.times(a1).plus(b2));
 * net.training(Training.sgd(0.1).batch(32).epochs(10));   // optional, as a spec's Training field
 * Graph graph = net.loss(z2.softmax().crossEntropy(y));
 * }</pre>
 *
 * A shape error throws {@link IllegalArgumentException} naming both operands.
 */
public final class Network {
    final GraphBuilder builder;

    public Network(String name) {
        this(name, name + " (Java API)");
    }

    public Network(String name, String source) {
        this.builder = new GraphBuilder(name, source);
    }

    public Expr input(String name, int features) {
        return wrap(builder.input(name, features));
    }

    public Expr target(String name, int rows) {
        return wrap(builder.target(name, rows));
    }

    /** A column parameter {@code rows×1}, initialized with zeros. */
    public Expr param(String name, int rows) {
        return param(name, rows, 1, Init.zeros());
    }

    public Expr param(String name, int rows, int cols) {
        Shape shape = Shape.of(rows, cols);
        return wrap(builder.param(name, shape, Init.defaultFor(shape)));
    }

    public Expr param(String name, int rows, int cols, Init init) {
        return wrap(builder.param(name, Shape.of(rows, cols), init));
    }

    public Expr constant(double value) {
        return wrap(builder.constant(value));
    }

    /** Names a value, as a spec's local variable does: the name appears in printed graphs and equations. */
    public Expr let(String name, Expr value) {
        builder.name(name, value.node());
        return value;
    }

    /** How the graph trains, as a spec's {@code Training} field says; {@link Training#NONE} until set. */
    public Network training(Training training) {
        builder.training(training);
        return this;
    }

    /** The graph that minimizes this scalar. */
    public Graph loss(Expr loss) {
        if (!loss.node().shape().isScalar()) {
            throw new IllegalArgumentException("the loss must be a scalar (1×1) but " + loss.describe());
        }
        return builder.build(loss.node());
    }

    Expr wrap(Node node) {
        return new Expr(this, node);
    }

    String describe(Node node) {
        String printed = new ExprPrinter(n -> {
            if (n instanceof Input i) {
                return i.name();
            }
            if (n instanceof Param p) {
                return p.name();
            }
            for (var local : builder.localNames()) {
                if (builder.local(local) == n) {
                    return local;
                }
            }
            return null;
        }).print(node);
        return printed + " is " + node.shape();
    }
}
