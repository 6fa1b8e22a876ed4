package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's table of examples: each small one reaches its figure with {@code deltac train SPEC --data D} and
 * nothing else (iris_mlp is in {@link AnySpecCommandTest}, the MNIST networks in the tests module's
 * TrainingAccuracyTest). A figure is reached when the printed value, rounded as the README writes it, is as good.
 */
class ExampleFiguresTest {

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource({
        "two_inputs,          ../examples/data/iris_two_inputs.safetensors, accuracy, 93.33",
        "logistic_regression, ../examples/data/setosa.csv,                 accuracy, 100",
        "xor,                 ../examples/data/xor.csv,                    loss,     0.0002",
        "regression,          ../examples/data/petal_width.csv,            RMSE,     0.201",
    })
    void reachesItsFigure(String example, String data, String measure, String figure) {
        CliRun run = CliRun.of("train", "../examples/" + example + ".java", "--data", data);
        assertEquals(0, run.exitCode(), run.err());
        Matcher test = Pattern.compile("test: .*\\b" + measure + " ([0-9.]+)%?").matcher(run.out());
        assertTrue(test.find(), run.out());
        double value = Double.parseDouble(test.group(1));
        int decimals = figure.contains(".") ? figure.length() - figure.indexOf('.') - 1 : 0;
        double rounded = Math.round(value * Math.pow(10, decimals)) / Math.pow(10, decimals);
        double wanted = Double.parseDouble(figure);
        assertTrue(measure.equals("accuracy") ? rounded >= wanted : rounded <= wanted, measure + " " + value
                + " where the README gives " + figure);
    }
}
