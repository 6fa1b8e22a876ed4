package deltac.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the specs under {@code src/main/deltac} into verified trainer classes in {@code target/classes}, before
 * the app's Java code is compiled: {@code src/main/deltac/com/example/iris_mlp.java} (class {@code IrisMlp}) becomes
 * {@code com.example.IrisMlpTrainer}.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class CompileMojo extends AbstractSpecMojo {
    /** Where the specs are. */
    @Parameter(defaultValue = "${project.basedir}/src/main/deltac", property = "deltac.sourceDirectory")
    File sourceDirectory;

    /** Where the classes go. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", property = "deltac.outputDirectory")
    File outputDirectory;

    @Override
    File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    String goal() {
        return "compile";
    }
}
