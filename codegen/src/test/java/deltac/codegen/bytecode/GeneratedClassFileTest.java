package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.CodeSizeEvaluator;
import org.objectweb.asm.commons.Remapper;

/**
 * What every generated class is: Java 17's class-file version, verified, its methods small enough for the JIT,
 * referring to nothing but java.base and the deltac runtime, its source file and {@code @Generated} mark set.
 */
class GeneratedClassFileTest {
    static Stream<Arguments> cases() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("by_hand")).sorted().toList()
                    .stream().flatMap(p -> Stream.of(Precision.values()).flatMap(pr -> Stream.of(
                            Arguments.of(p.getFileName().toString(), pr, false), Arguments.of(p.getFileName().toString(), pr, true))));
        }
    }

    @ParameterizedTest(name = "{0} {1} fallback={2}")
    @MethodSource("cases")
    void theClassIsWhatAnAppCanEmbed(String spec, Precision precision, boolean fallback) throws Exception {
        Derivation d = Autodiff.derive(Spec.parse(Path.of("../examples", spec)));
        String name = "deltac/generated/" + BytecodeCompiler.simpleName(d.graph().name(), precision);
        Map<String, byte[]> classes = BytecodeCompiler.classFiles(d, precision, name, fallback);
        assertEquals(Set.of(name), classes.keySet(), "one class");
        assertEmbeddable(name, classes.get(name), spec, classes.keySet());
    }

    /**
     * One class of a trainer (of {@code own}, its classes): verified, Java 17's version, its methods under the JIT's
     * limit, referring to nothing but java.base, the runtime and its own classes, its source file and mark set.
     */
    static void assertEmbeddable(String name, byte[] bytes, String spec, Set<String> own) {
        BytecodeCompiler.verify(bytes); // ASM's CheckClassAdapter: no complaint

        ClassReader reader = new ClassReader(bytes);
        assertEquals(61, bytes[7], "class-file major version (Java 17)");
        Set<String> types = new TreeSet<>();
        Map<String, Integer> sizes = new HashMap<>();
        String[] source = new String[1];
        boolean[] generated = new boolean[1];
        ClassVisitor sizesAndMarks = new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String file, String debug) {
                source[0] = file;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                generated[0] |= descriptor.equals("Ldeltac/runtime/generated/Generated;") && visible;
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String m, String desc, String sig, String[] ex) {
                return new CodeSizeEvaluator(null) {
                    @Override
                    public void visitEnd() {
                        sizes.put(m + desc, getMaxSize());
                    }
                };
            }
        };
        reader.accept(new ClassRemapper(sizesAndMarks, new Remapper() {
            @Override
            public String map(String internalName) {
                types.add(internalName);
                return internalName;
            }
        }), 0);
        Set<String> javaBase = ModuleLayer.boot().findModule("java.base").orElseThrow().getPackages();
        for (String type : types) {
            String pkg = type.contains("/") ? type.substring(0, type.lastIndexOf('/')).replace('/', '.') : "";
            assertTrue(own.contains(type) || pkg.startsWith("deltac.runtime") || javaBase.contains(pkg),
                    name + " refers to " + type + ", outside java.base and the deltac runtime");
        }
        assertTrue(types.stream().anyMatch(t -> t.startsWith("deltac/runtime/")));
        sizes.forEach((m, size) -> assertTrue(size <= AsmEmitter.HUGE_METHOD_LIMIT, m + " has " + size + " bytes of code"));
        assertEquals(spec, source[0], "SourceFile names the spec");
        assertTrue(generated[0], "marked @Generated");
    }
}
