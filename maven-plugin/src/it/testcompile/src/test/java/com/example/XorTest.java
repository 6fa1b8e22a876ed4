package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Batch;
import deltac.runtime.Precision;
import deltac.runtime.train.Checkpoints;
import deltac.runtime.train.Sgd;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XorTest {
    @Test
    void theTestSpecsTrainerLearnsXor() {
        XorTrainer64 xor = new XorTrainer64();  // f64, generated from src/test/deltac/com/example/xor.java
        assertTrue(xor.precision() == Precision.F64);
        Checkpoints.initialize(xor, Map.of(), Map.of(), 3);
        Batch all = Batch.of(4).put("x", new double[] {0, 0, 1, 1, 0, 1, 0, 1}).put("y", new double[] {0, 1, 1, 0});
        Sgd sgd = new Sgd(2.0);
        double loss = 1;
        for (int step = 0; step < 5000; step++) {
            loss = xor.step(all, sgd);
        }
        assertTrue(loss < 0.01, "loss " + loss);
    }
}
