package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepRateTest {

    /** A clock the test moves by hand, counting its reads. */
    private static final class FakeClock {
        long now;
        int reads;

        long read() {
            reads++;
            return now;
        }
    }

    @Test
    void readsTheClockAboutOnceAMillisecondNotEveryStep() {
        FakeClock clock = new FakeClock();
        StepRate rate = new StepRate(clock::read, 0);
        clock.now = 10_000; // the first batch took 10 µs: 100 batches a millisecond
        assertEquals(100 / 10e-6, rate.after(1, 100, false), 1e-6);
        assertEquals(1, clock.reads);
        for (int batch = 2; batch <= 100; batch++) {
            clock.now += 10_000;
            assertEquals(1e7, rate.after(batch, 100 * batch, false), 1e-6, "the figure of batch 1, no read");
        }
        assertEquals(1, clock.reads);
        clock.now += 10_000;
        assertEquals(1e7, rate.after(101, 10_100, false), 1e-6);
        assertEquals(2, clock.reads, "batch 101 is a millisecond on: read");
    }

    @Test
    void slowStepsAreReadEveryStepAndTheLastBatchAlways() {
        FakeClock clock = new FakeClock();
        StepRate rate = new StepRate(clock::read, 0);
        for (int batch = 1; batch <= 5; batch++) {
            clock.now += 40_000_000; // 40 ms a batch
            rate.after(batch, batch, false);
        }
        assertEquals(5, clock.reads);
        FakeClock fast = new FakeClock();
        StepRate last = new StepRate(fast::read, 0);
        fast.now = 1_000;
        last.after(1, 1, false);
        fast.now = 2_000;
        assertEquals(1e6, last.after(2, 2, true), 1e-6, "the last batch's figure is read anew");
        assertEquals(2, fast.reads);
    }
}
