package deltac.report;

import java.nio.file.Path;

/** Writes every example's report under target/reports, for a person (and the browser tests) to open. */
final class WriteExamples {
    private WriteExamples() {}

    static final Path OUT = Path.of("target/reports");

    static Path write(String spec) throws Exception {
        Path file = OUT.resolve(spec.replace(".java", ".html"));
        java.nio.file.Files.createDirectories(OUT);
        java.nio.file.Files.writeString(file, Examples.html(spec));
        return file;
    }

    public static void main(String[] args) throws Exception {
        for (String spec : Examples.specs()) {
            System.out.println(write(spec) + " " + java.nio.file.Files.size(OUT.resolve(spec.replace(".java", ".html"))));
        }
    }
}
