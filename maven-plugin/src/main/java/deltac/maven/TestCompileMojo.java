package deltac.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Compiles the specs under {@code src/test/deltac} into trainer classes in {@code target/test-classes}. */
@Mojo(name = "test-compile", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public final class TestCompileMojo extends AbstractSpecMojo {
    /** Where the test specs are. */
    @Parameter(defaultValue = "${project.basedir}/src/test/deltac", property = "deltac.testSourceDirectory")
    File sourceDirectory;

    /** Where their classes go. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", property = "deltac.testOutputDirectory")
    File outputDirectory;

    /** Skip the test specs (also when {@code maven.test.skip} is set). */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean testSkip;

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
        return "test-compile";
    }

    @Override
    public void execute() throws org.apache.maven.plugin.MojoExecutionException, org.apache.maven.plugin.MojoFailureException {
        if (testSkip) {
            getLog().info("deltac: test specs skipped (maven.test.skip)");
            return;
        }
        super.execute();
    }
}
