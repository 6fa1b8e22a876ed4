/**
 * The {@code deltac} command, the top of the pipeline: picocli options, reading specs and data, printing
 * equations and results, progress bars and loss plots. Nothing below it knows it exists; the launcher
 * ({@code ./deltac}) runs this module's shaded jar.
 */
package deltac.cli;
