package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void constantKeepsTheBaseRate() {
        assertEquals(0.1, Schedule.constant().rate(0.1, 0));
        assertEquals(0.1, Schedule.constant().rate(0.1, 1_000_000));
    }

    @Test
    void stepMultipliesByGammaEveryNSteps() {
        Schedule s = Schedule.step(10, 0.5);
        assertEquals(1.0, s.rate(1, 0));
        assertEquals(1.0, s.rate(1, 9));
        assertEquals(0.5, s.rate(1, 10));
        assertEquals(0.25, s.rate(1, 29));
        assertEquals(0.125, s.rate(1, 30));
    }

    @Test
    void cosineAnnealsToTheMinimumAndStaysThere() {
        Schedule s = Schedule.cosine(100, 0.01);
        assertEquals(1.0, s.rate(1, 0), 1e-15);
        assertEquals(0.505, s.rate(1, 50), 1e-12);    // halfway: (1 + 0.01) / 2
        assertEquals(0.01 + 0.99 * (1 + Math.cos(Math.PI / 4)) / 2, s.rate(1, 25), 1e-15);
        assertEquals(0.01, s.rate(1, 100), 1e-15);
        assertEquals(0.01, s.rate(1, 1_000), 1e-15);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(10, -1));
        assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(10, Double.NaN));
    }
}
