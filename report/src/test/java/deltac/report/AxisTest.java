package deltac.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {
    @Test
    void linearTicksAreRound() {
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 2.5), Axis.linear(0, 2.3, true).ticks());
    }

    @Test
    void logTicksAreDecadesWithTwoAndFiveBetweenOnAShortRange() {
        Axis axis = Axis.log(0.04, 0.9);
        assertEquals(List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0), axis.ticks());
        assertEquals(0.5, axis.fraction(0.1), 1e-12);
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0), Axis.log(0.04, 2.3).ticks());
        assertEquals("1e-5", Axis.log(1e-5, 1).label(1e-5));
    }
}
