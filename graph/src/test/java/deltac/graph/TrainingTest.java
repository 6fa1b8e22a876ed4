package deltac.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Training.Setting;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The training settings as a value: the builder, the typed getters, the rules, and printing as a spec writes it. */
class TrainingTest {

    @Test
    void theBuilderListsTheSettingsInTheOrderGiven() {
        Training t = Training.sgd(0.1).batch(8).epochs(100);
        assertEquals(List.of(new Setting("optimizer", "sgd", 0, 0), new Setting("lr", "0.1", 0, 0),
                new Setting("batch", "8", 0, 0), new Setting("epochs", "100", 0, 0)), t.settings());
        assertEquals("sgd(0.1).batch(8).epochs(100)", t.toString());
        assertFalse(t.isEmpty());
    }

    @Test
    void everySettingHasATypedGetter() {
        Training t = Training.momentum(0.05, 0.9).batch(32).epochs(20).schedule("cosine").weightDecay(1e-4).seed(7)
                .patience(3).validation(0.1);
        assertEquals(Optional.of("momentum"), t.optimizer());
        assertEquals(OptionalDouble.of(0.05), t.lr());
        assertEquals(OptionalDouble.of(0.9), t.momentum());
        assertEquals(OptionalInt.of(32), t.batch());
        assertEquals(OptionalInt.of(20), t.epochs());
        assertEquals(OptionalLong.of(7), t.seed());
        assertEquals(OptionalDouble.of(0.1), t.validation());
        assertEquals(OptionalInt.of(3), t.patience());
        assertEquals(OptionalDouble.of(1e-4), t.weightDecay());
        assertEquals(Optional.of("cosine"), t.schedule());
        assertEquals("1e-4", t.get("weightDecay").orElseThrow().value());
        assertEquals("momentum(0.05, 0.9).batch(32).epochs(20).seed(7).validation(0.1).patience(3).weightDecay(1e-4)"
                + ".schedule(cosine())", t.toString());
    }

    @Test
    void noneHasNothing() {
        assertTrue(Training.NONE.isEmpty());
        assertEquals(List.of(), Training.NONE.settings());
        assertEquals(Optional.empty(), Training.NONE.get("lr"));
        assertEquals(OptionalInt.empty(), Training.NONE.batch());
        assertEquals("", Training.NONE.toString());
        assertEquals(OptionalDouble.empty(), Training.momentum(0.05).momentum(), "μ left to the trainer");
        assertThrows(IllegalArgumentException.class, () -> Training.NONE.batch(8), "no optimizer yet");
    }

    @Test
    void aWitherReplacesTheSettingInItsPlace() {
        Training t = Training.adam(1e-3).batch(8).epochs(5).batch(16);
        assertEquals("adam(0.001).batch(16).epochs(5)", t.toString());
        assertEquals(List.of("optimizer", "lr", "batch", "epochs"), t.settings().stream().map(Setting::name).toList());
    }

    @Test
    void sameAsIgnoresOrderAndPositions() {
        Training code = Training.sgd(0.1).batch(8).epochs(100);
        Training read = Training.of(List.of(new Setting("optimizer", "sgd", 3, 25), new Setting("lr", "0.1", 3, 29),
                new Setting("epochs", "100", 3, 35), new Setting("batch", "8", 3, 47)));
        assertTrue(code.sameAs(read));
        assertTrue(read.sameAs(code));
        assertFalse(code.equals(read), "equals keeps the positions and order");
        assertFalse(code.sameAs(code.epochs(99)));
        assertFalse(code.sameAs(Training.NONE));
        assertTrue(Training.NONE.sameAs(Training.of(List.of())));
    }

    @Test
    void theRulesHoldInCode() {
        assertRejects("the learning rate must be greater than 0 and less than 1e6, got 0", () -> Training.sgd(0));
        assertRejects("the learning rate must be greater than 0 and less than 1e6, got NaN", () -> Training.adam(Double.NaN));
        assertRejects("the learning rate must be greater than 0 and less than 1e6, got 1000000", () -> Training.sgd(1e6));
        assertRejects("the momentum must be at least 0 and less than 1, got 1", () -> Training.momentum(0.1, 1));
        assertRejects("batch must be an integer from 1 to 1000000, got 0", () -> Training.sgd(0.1).batch(0));
        assertRejects("epochs must be an integer from 1 to 1000000, got 1000001", () -> Training.sgd(0.1).epochs(1_000_001));
        assertRejects("patience must be an integer from 0 to 1000000, got -1", () -> Training.sgd(0.1).patience(-1));
        assertRejects("validation must be at least 0 and less than 1 (the fraction held out), got 1",
                () -> Training.sgd(0.1).validation(1));
        assertRejects("weightDecay must be finite and at least 0, got Infinity",
                () -> Training.sgd(0.1).weightDecay(Double.POSITIVE_INFINITY));
        assertRejects("seed must be an integer from -2^53 to 2^53, got 9.007199254740994e15",
                () -> Training.sgd(0.1).seed((1L << 53) + 2));
        assertRejects("the schedule is one of [constant, step, cosine], got linear", () -> Training.sgd(0.1).schedule("linear"));
        Training.sgd(0.1).seed(-(1L << 53)).patience(0).validation(0).weightDecay(0).momentum();
    }

    @Test
    void settingsFromASpecAreCheckedToo() {
        Setting sgd = new Setting("optimizer", "sgd", 1, 1);
        Setting lr = new Setting("lr", "0.1", 1, 5);
        assertThrows(IllegalArgumentException.class, () -> new Setting("batchSize", "8", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Training.of(List.of(lr, sgd)), "optimizer first");
        assertThrows(IllegalArgumentException.class, () -> Training.of(List.of(sgd)), "a learning rate");
        assertThrows(IllegalArgumentException.class, () -> Training.of(List.of(sgd, lr, new Setting("lr", "0.2", 1, 9))));
        assertThrows(IllegalArgumentException.class, () -> Training.of(List.of(sgd, lr, new Setting("batch", "8.0", 1, 9))),
                "canonical text only");
        assertThrows(IllegalArgumentException.class, () -> Training.of(List.of(sgd, lr, new Setting("momentum", "0.9", 1, 9))),
                "sgd has no momentum");
        assertThrows(IllegalArgumentException.class, () -> Training.of(List.of(new Setting("optimizer", "lbfgs", 1, 1), lr)));
    }

    @Test
    void canonicalNumbers() {
        assertEquals("8", Training.canonical("batch", 8.0));
        assertEquals("0.1", Training.canonical("lr", 0.1));
        assertEquals("1e-4", Training.canonical("weightDecay", 1e-4));
        assertEquals("1", Training.canonical("lr", 1.0));
        assertEquals("9007199254740992", Training.canonical("seed", 9007199254740992.0));
    }

    /** A one-layer network with these settings. */
    private static Graph net(Training training) {
        Network net = new Network("Net");
        Expr x = net.input("x", 4);
        Expr y = net.target("y", 3);
        Expr w = net.param("W", 3, 4);
        if (training != null) {
            net.training(training);
        }
        return net.loss(w.times(x).mse(y));
    }

    @Test
    void aGraphCarriesItsTraining() {
        Training sgd = Training.sgd(0.1).batch(8);
        Graph g = net(sgd);
        assertEquals(sgd, g.training());
        assertEquals(Training.NONE, net(null).training(), "none unless set");
        assertEquals(sgd, g.withBatch(1).training(), "binding n keeps it");
        assertEquals(sgd, GraphBuilder.extending(g).build(g.loss()).training(), "a derivation's builder keeps it");
        Graph six = new Graph(g.name(), g.sourceFile(), g.inputs(), g.params(), g.locals(), g.loss());
        assertEquals(Training.NONE, six.training(), "the six-argument constructor");
        assertEquals(sgd, six.withTraining(sgd).training());
        assertTrue(GraphPrinter.text(g).endsWith("  training  sgd(0.1).batch(8)\n"), GraphPrinter.text(g));
        assertFalse(GraphPrinter.text(six).contains("training"));
    }

    @Test
    void sameAsComparesTheTraining() {
        assertTrue(net(Training.sgd(0.1).batch(8)).sameAs(net(Training.sgd(0.1).batch(8))));
        assertFalse(net(Training.sgd(0.1).batch(8)).sameAs(net(Training.sgd(0.1).batch(16))));
        assertFalse(net(Training.sgd(0.1)).sameAs(net(null)));
        assertFalse(net(null).sameAs(net(Training.adam(0.1))));
        assertTrue(net(null).sameAs(net(null)));
    }

    private static void assertRejects(String message, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(message, e.getMessage());
    }
}
