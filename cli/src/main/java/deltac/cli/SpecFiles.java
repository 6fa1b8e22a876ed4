package deltac.cli;

import deltac.graph.Graph;
import deltac.graph.spec.Diagnostic;
import deltac.graph.spec.Spec;
import deltac.graph.spec.SpecResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a spec for a subcommand: warnings go to stderr, the first error becomes a {@link UserError}. */
final class SpecFiles {
    private SpecFiles() {}

    static Graph read(Path file, PrintWriter err) {
        SpecResult result;
        try {
            if (Files.isDirectory(file)) {
                throw new UserError(file + ": is a directory, not a spec");
            }
            result = Spec.read(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        for (Diagnostic warning : result.warnings()) {
            err.println(warning);
        }
        err.flush();
        return result.graph().orElseThrow(() -> new UserError(result.errors().get(0).toString()));
    }
}
