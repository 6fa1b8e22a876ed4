package deltac.runtime.generated;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class deltac generated: from which spec, by which version. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Generated {
    /** The spec's file name. */
    String spec();

    /** The deltac version that generated the class. */
    String version();
}
