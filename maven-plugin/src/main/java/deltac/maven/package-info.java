/**
 * The Maven plugin: {@code deltac:compile} and {@code deltac:test-compile} turn an app's specs (under
 * {@code src/main/deltac} and {@code src/test/deltac}, package folders mirroring the classes' packages) into verified
 * trainer classes in {@code target/classes}, so that the app's Java code compiles against them. The work is in
 * {@link deltac.maven.SpecBuild}, which knows nothing of Maven; the mojos only configure it and report.
 */
package deltac.maven;
