package deltac.codegen.standalone;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Compiles a scoring class's source in memory with the JDK's compiler, for Java 17, and checks every class it gives
 * with ASM's {@link CheckClassAdapter}. The source is deltac's own, never a spec's text.
 */
final class ScorerCompiler {
    private ScorerCompiler() {}

    /** The class files by internal name (the scorer and, with SIMD, its nested {@code Simd}). */
    static Map<String, byte[]> compile(String internalName, String source, boolean simd) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("standalone classes are compiled with the JDK's compiler; this is a JRE");
        }
        Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        outputs.put(className.replace('.', '/'), bytes);
                        return bytes;
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("mem:///" + internalName + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = new ArrayList<>(List.of("-g:none", "-parameters", "-nowarn", "-Xlint:none"));
        if (simd) {
            // --release does not admit an incubator module; -source/-target 17 against this JDK's classes is what
            // runs: the class uses nothing newer than Java 17 (ASM checks the version below)
            options.addAll(List.of("-source", "17", "-target", "17", "--add-modules", "jdk.incubator.vector"));
        } else {
            options.addAll(List.of("--release", "17"));
        }
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(new PrintWriter(errors), files, null, options, null, List.of(unit)).call();
        if (!ok) {
            throw new IllegalStateException("the scoring class did not compile (a deltac bug):\n" + errors);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((name, bytes) -> {
            byte[] b = bytes.toByteArray();
            verify(name, b);
            classes.put(name, b);
        });
        return classes;
    }

    private static void verify(String name, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        if (major != 61) {
            throw new IllegalStateException(name + " has class-file version " + major + ", not 61 (Java 17)");
        }
        StringWriter problems = new StringWriter();
        if (name.endsWith("$Simd") && ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            // the data-flow check loads the types it merges, and this JVM has no Vector API: check the structure alone
            // (the JVM running deltac with the module, as the launcher does, checks it whole)
            try {
                reader.accept(new CheckClassAdapter(new ClassWriter(0), false), 0);
            } catch (RuntimeException e) {
                problems.write(e.toString());
            }
        } else {
            CheckClassAdapter.verify(reader, ScorerCompiler.class.getClassLoader(), false, new PrintWriter(problems));
        }
        if (!problems.toString().isEmpty()) {
            throw new IllegalStateException(name + " fails verification:\n" + problems);
        }
    }
}
