package deltac.runtime.generated;

import java.lang.invoke.MethodHandles;
import java.util.Map;

/**
 * Defines generated classes in this JVM. A trainer of one class is defined as a hidden class: it joins the package of
 * the lookup that defines it, so generated trainers are named {@code deltac/runtime/generated/...} when loaded
 * in-process, and it can be unloaded once nothing refers to it. A trainer spread over several classes calls its
 * companions by name, which hidden classes cannot be called by, so it is defined with them in a class loader of its
 * own ({@link GeneratedClassLoader}), unloaded with the loader.
 */
public final class GeneratedClasses {
    private GeneratedClasses() {}

    /** The package generated classes must be named in, to be defined through {@link #define}. */
    public static final String PACKAGE = "deltac/runtime/generated";

    /**
     * Defines a trainer's classes and returns the trainer's.
     *
     * @param main    the trainer's internal name, e.g. {@code deltac/runtime/generated/MnistMlpTrainer}
     * @param classes every class file of the trainer by internal name, the trainer's among them
     */
    public static Class<?> define(String main, Map<String, byte[]> classes) throws IllegalAccessException, ClassNotFoundException {
        if (classes.size() == 1) {
            return MethodHandles.lookup().defineHiddenClass(classes.get(main), true).lookupClass();
        }
        return Class.forName(main.replace('/', '.'), true, new GeneratedClassLoader(classes, GeneratedClasses.class.getClassLoader()));
    }
}
