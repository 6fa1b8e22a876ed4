package deltac.runtime.generated;

import java.util.HashMap;
import java.util.Map;

/**
 * The loader of one trainer spread over several classes: it defines them from their bytes when first asked, and
 * leaves everything else (the runtime, java.base) to its parent.
 */
final class GeneratedClassLoader extends ClassLoader {
    /** The class files by binary name ({@code a.b.C$Part0}). */
    private final Map<String, byte[]> classes = new HashMap<>();

    GeneratedClassLoader(Map<String, byte[]> byInternalName, ClassLoader parent) {
        super("deltac-generated", parent);
        byInternalName.forEach((name, bytes) -> classes.put(name.replace('/', '.'), bytes));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
