package deltac.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's build without Maven: packages from folders, incremental, deterministic, every problem at once. */
class SpecBuildTest {
    @TempDir
    Path dir;

    private SpecBuild.Options options(Path out, String version, List<String> excludes) {
        return new SpecBuild.Options(dir.resolve("src"), out, out.resolve("state"), List.of(), excludes, Precision.F32,
                false, version);
    }

    private void spec(String rel, String from) throws Exception {
        Path file = dir.resolve("src").resolve(rel);
        Files.createDirectories(file.getParent());
        Files.copy(Path.of("../examples", from), file);
    }

    @Test
    void compilesOnceThenOnlyWhatChanged() throws Exception {
        spec("com/example/xor.java", "xor.java");
        spec("iris.java", "iris_mlp.java");
        Path out = dir.resolve("out");
        SpecBuild.Outcome first = SpecBuild.run(options(out, "1", List.of()));
        assertEquals(2, first.compiled().size());
        assertTrue(Files.isRegularFile(out.resolve("com/example/XorTrainer.class")));
        assertTrue(Files.isRegularFile(out.resolve("IrisMlpTrainer.class")));
        byte[] bytes = Files.readAllBytes(out.resolve("com/example/XorTrainer.class"));

        SpecBuild.Outcome second = SpecBuild.run(options(out, "1", List.of()));
        assertEquals(0, second.compiled().size());
        assertEquals(2, second.upToDate().size());

        SpecBuild.Outcome newVersion = SpecBuild.run(options(out, "2", List.of()));
        assertEquals(2, newVersion.compiled().size(), "a new plugin version compiles everything again");
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("com/example/XorTrainer.class")), "byte for byte");

        Files.delete(dir.resolve("src/iris.java"));
        SpecBuild.Outcome removed = SpecBuild.run(options(out, "2", List.of()));
        assertEquals(List.of(out.resolve("IrisMlpTrainer.class")), removed.deleted());
        assertFalse(Files.exists(out.resolve("IrisMlpTrainer.class")));
    }

    @Test
    void theSameSpecsGiveTheSameBytesInAnotherFolder() throws Exception {
        spec("a/b/xor.java", "xor.java");
        SpecBuild.run(options(dir.resolve("one"), "1", List.of()));
        SpecBuild.run(options(dir.resolve("two"), "1", List.of()));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/a/b/XorTrainer.class")),
                Files.readAllBytes(dir.resolve("two/a/b/XorTrainer.class")));
    }

    @Test
    void everySpecsProblemIsReportedWithItsPosition() throws Exception {
        Files.createDirectories(dir.resolve("src/p"));
        Files.writeString(dir.resolve("src/p/bad.java"), "class Bad {\n  Matrix x = input(4);\n  Matrix W = param(3, 5);\n"
                + "  Matrix loss() { return sum(W * x); }\n}\n");
        Files.writeString(dir.resolve("src/p/worse.java"), "class Worse {\n  Matrix x = input(4);\n  Matrix loss() { return sum(sigmod(x)); }\n}\n");
        spec("p/xor.java", "xor.java");
        SpecBuild.Outcome o = SpecBuild.run(options(dir.resolve("out"), "1", List.of()));
        assertTrue(o.failed());
        assertEquals(2, o.errors().size(), o.errors().toString());
        assertEquals(dir.resolve("src/p/bad.java").toAbsolutePath() + ":[4,30] shape mismatch in product: W is 3×5 but x is "
                + "4×n (the left's columns must equal the right's rows)", o.errors().get(0));
        assertTrue(o.errors().get(1).startsWith(dir.resolve("src/p/worse.java").toAbsolutePath() + ":[3,30] unknown function sigmod"),
                o.errors().get(1));
        assertEquals(1, o.compiled().size(), "the good spec still compiled");
    }

    @Test
    void excludesLeaveSpecsOut() throws Exception {
        spec("keep/xor.java", "xor.java");
        spec("skip/iris.java", "iris_mlp.java");
        SpecBuild.Outcome o = SpecBuild.run(options(dir.resolve("out"), "1", List.of("skip/**")));
        assertEquals(List.of(dir.resolve("src/keep/xor.java")), o.compiled());
    }

    @Test
    void trainedWeightsBesideASpecMakeAStandaloneScorer() throws Exception {
        spec("com/example/iris_mlp.java", "iris_mlp.java");
        deltac.runtime.Trainer t = deltac.codegen.Compiler.compile(deltac.graph.spec.Spec.parse(
                dir.resolve("src/com/example/iris_mlp.java")), Precision.F32);
        deltac.runtime.checkpoint.Safetensors.write(dir.resolve("src/com/example/iris_mlp.safetensors"), t.parameters(),
                java.util.Map.of());
        Path out = dir.resolve("out");
        SpecBuild.Options standalone = new SpecBuild.Options(dir.resolve("src"), out, out.resolve("state"), List.of(),
                List.of(), Precision.F32, false, "1", true);
        SpecBuild.Outcome o = SpecBuild.run(standalone);
        assertEquals(List.of(), o.errors());
        assertTrue(Files.isRegularFile(out.resolve("com/example/IrisMlpTrainer.class")));
        assertTrue(Files.isRegularFile(out.resolve("com/example/IrisMlpScorer.class")));
        assertTrue(Files.isRegularFile(out.resolve("com/example/IrisMlpScorer.weights")));
        Files.writeString(dir.resolve("src/com/example/iris_mlp.safetensors"), "not weights");
        SpecBuild.Outcome changed = SpecBuild.run(standalone);
        assertEquals(1, changed.errors().size(), "new weights compile again, and bad ones are reported");
        assertTrue(changed.errors().get(0).startsWith(dir.resolve("src/com/example/iris_mlp.safetensors").toAbsolutePath()
                + ":[1,1] "), changed.errors().get(0));
    }
}
