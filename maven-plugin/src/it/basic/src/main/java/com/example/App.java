package com.example;

import deltac.runtime.Trainer;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.Checkpoints;
import deltac.runtime.train.Fit;
import deltac.runtime.train.FitOptions;
import deltac.runtime.train.Sgd;
import java.util.Map;

public class App {
    public static void main(String[] args) throws Exception {
        Trainer net = new IrisMlpTrainer();                        // generated from src/main/deltac/com/example/iris_mlp.java
        Checkpoints.initialize(net, Map.of(), Map.of(), 42);       // glorot for matrices, zeros for columns
        FeedSet iris = FeedSet.bind(Bundled.iris(), net);          // x: the 4 measurements, y: the species one-hot
        Fit.run(net, iris, null, new Sgd(0.1), FitOptions.defaults().epochs(100).batchSize(8));
        System.out.printf("accuracy %.2f%%%n", 100 * Fit.evaluate(net, iris, 150).accuracy());
    }
}
