package deltac.maven;

import deltac.runtime.Precision;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/** What {@code deltac:compile} and {@code deltac:test-compile} share: the parameters and the build. */
abstract class AbstractSpecMojo extends AbstractMojo {
    /** Specs to compile, globs relative to the source directory. */
    @Parameter
    List<String> includes = new ArrayList<>();

    /** Specs to leave out, globs relative to the source directory. */
    @Parameter
    List<String> excludes = new ArrayList<>();

    /** {@code f32} (the default) or {@code f64}: the precision the classes compute in. */
    @Parameter(property = "deltac.precision", defaultValue = "f32")
    String precision;

    /** Skip the goal. */
    @Parameter(property = "deltac.skip", defaultValue = "false")
    boolean skip;

    /** Fail the build on a warning too (a parameter the loss never reaches, an ignored method). */
    @Parameter(property = "deltac.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /**
     * Also make a standalone scoring class (java.base only) of each spec whose trained weights lie beside it:
     * {@code iris_mlp.safetensors} beside {@code iris_mlp.java} gives {@code IrisMlpScorer} and its weights resource.
     */
    @Parameter(property = "deltac.standalone", defaultValue = "false")
    boolean standalone;

    /** Also write the generated classes into a jar, attached to the project with this classifier. */
    @Parameter(property = "deltac.attachClassifier")
    String attachClassifier;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Component
    MavenProjectHelper projectHelper;

    abstract File sourceDirectory();

    abstract File outputDirectory();

    /** The goal's name, for its state file and messages. */
    abstract String goal();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("deltac: skipped");
            return;
        }
        Precision p;
        try {
            p = Precision.valueOf(precision.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("precision must be f32 or f64, got " + precision);
        }
        Path state = Path.of(project.getBuild().getDirectory(), "deltac", goal() + ".state");
        SpecBuild.Outcome outcome;
        try {
            outcome = SpecBuild.run(new SpecBuild.Options(sourceDirectory().toPath(), outputDirectory().toPath(), state,
                    includes, excludes, p, failOnWarning, pluginVersion == null ? "dev" : pluginVersion, standalone));
        } catch (IOException e) {
            throw new MojoExecutionException("deltac: " + e.getMessage(), e);
        }
        outcome.warnings().forEach(getLog()::warn);
        outcome.errors().forEach(getLog()::error);
        if (outcome.failed()) {
            throw new MojoFailureException("deltac: " + outcome.errors().size() + " problem"
                    + (outcome.errors().size() == 1 ? "" : "s") + " in the specs under " + sourceDirectory()
                    + " (listed above)");
        }
        getLog().info("deltac: " + SpecBuild.describe(outcome) + " (" + sourceDirectory() + ")");
        if (attachClassifier != null && !attachClassifier.isBlank()) {
            attach(outcome.classes());
        }
    }

    /** A jar of the generated classes, byte for byte the same for the same classes (fixed times, sorted entries). */
    private void attach(List<Path> classes) throws MojoExecutionException {
        Path jar = Path.of(project.getBuild().getDirectory(),
                project.getBuild().getFinalName() + "-" + attachClassifier + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "deltac-maven-plugin " + pluginVersion);
        FileTime epoch = FileTime.fromMillis(315532800000L); // 1980-01-01, the zip format's first day
        try (var bytes = new java.io.ByteArrayOutputStream()) {
            try (JarOutputStream out = new JarOutputStream(bytes)) {
                JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
                m.setLastModifiedTime(epoch);
                out.putNextEntry(m);
                manifest.write(out);
                out.closeEntry();
                Path root = outputDirectory().toPath();
                for (Path c : classes.stream().sorted().toList()) {
                    JarEntry e = new JarEntry(root.relativize(c).toString().replace('\\', '/'));
                    e.setLastModifiedTime(epoch);
                    out.putNextEntry(e);
                    out.write(Files.readAllBytes(c));
                    out.closeEntry();
                }
            }
            SpecBuild.write(jar, bytes.toByteArray());
        } catch (IOException e) {
            throw new MojoExecutionException("deltac: cannot write " + jar + ": " + e.getMessage(), e);
        }
        projectHelper.attachArtifact(project, "jar", attachClassifier, jar.toFile());
        getLog().info("deltac: attached " + jar.getFileName());
    }
}
