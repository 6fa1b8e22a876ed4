package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class AppTest {
    @Test
    void theAppTrainsTheGeneratedClass() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true));
        try {
            App.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString();
        System.out.print(out);
        double accuracy = Double.parseDouble(out.replaceAll("(?s).*accuracy ([0-9.]+)%.*", "$1"));
        assertTrue(accuracy >= 90, out);
    }
}
