package dev.kpi.cli;

import dev.kpi.calc.Report;
import dev.kpi.render.Format;
import dev.kpi.render.RenderOptions;
import dev.kpi.render.Renderers;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a rendered report to stdout, or to {@code --output FILE} atomically: into a temporary file in
 * the same folder, then renamed over the target, so a reader (or a crash) never sees half a report.
 */
final class ReportWriter {
    private ReportWriter() {}

    static void write(Report report, Format format, String output, Env env, boolean color) {
        RenderOptions options = new RenderOptions(color, env.terminalWidth());
        if (output == null || "-".equals(output)) {
            try {
                Renderers.forFormat(format).render(report, env.out(), options);
                env.out().flush();
            } catch (IOException e) {
                throw new KpiException(ExitCode.INTERNAL, "cannot write to stdout: " + e.getMessage());
            }
            return;
        }
        Path target = env.cwd().resolve(output).toAbsolutePath().normalize();
        writeAtomically(target, w -> Renderers.forFormat(format).render(report, w, new RenderOptions(false, 0)));
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    static void writeAtomically(Path target, Body body) {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw KpiException.usage("--output " + target + ": folder " + dir + " does not exist");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw KpiException.usage("cannot write " + target + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    /** Renders to a string (for tests and for commands that print small texts). */
    static String render(Report report, Format format) throws IOException {
        StringWriter w = new StringWriter();
        Renderers.forFormat(format).render(report, w, RenderOptions.plain());
        return w.toString();
    }
}
