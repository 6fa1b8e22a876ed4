package deltac.runtime.generated;

import java.lang.invoke.MethodHandles;

/**
 * Defines generated classes in this JVM. A hidden class joins the package of the lookup that defines it, so
 * generated trainers are named {@code deltac/runtime/generated/...} when loaded in-process; they can be
 * unloaded once nothing refers to them.
 */
public final class GeneratedClasses {
    private GeneratedClasses() {}

    /** The package generated classes must be named in, to be defined through {@link #define}. */
    public static final String PACKAGE = "deltac/runtime/generated";

    /** Defines a hidden class from these bytes and returns it. */
    public static Class<?> define(byte[] classFile) throws IllegalAccessException {
        return MethodHandles.lookup().defineHiddenClass(classFile, true).lookupClass();
    }
}
