package dev.kpi.cli;

import dev.kpi.input.ChunkReader;
import dev.kpi.input.Diagnostics;

import java.io.PrintWriter;
import java.util.List;

/**
 * The one place that writes to stderr: notes (what was detected or skipped), warnings, bad-value
 * reports and errors, each line prefixed with {@code kpi:}. {@code --quiet} drops notes and warnings;
 * bad data and errors always print.
 */
final class Console {
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean color;
    private final boolean stderrIsTerminal;

    Console(Env env, boolean quiet, boolean noColor) {
        this.err = env.err();
        this.stderrIsTerminal = env.stderrIsTerminal();
        this.quiet = quiet;
        this.color = !noColor && env.stderrIsTerminal() && env.colorAllowed();
    }

    void note(String message) {
        if (!quiet) line(paint("2", "note:") + " " + message);
    }

    void warn(String message) {
        if (!quiet) line(paint("33", "warning:") + " " + message);
    }

    void error(String message) {
        line(paint("31;1", "error:") + " " + message);
    }

    void plain(String message) { line(message); }

    private void line(String text) {
        err.println("kpi: " + text);
        err.flush();
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    /**
     * Progress of reading one file, on stderr: shown only when stderr is a terminal, not with --quiet,
     * and only once reading has taken two seconds; the line is cleared when the file is done.
     */
    ChunkReader.Progress progress(String name) { return progress(name, System::nanoTime); }

    ChunkReader.Progress progress(String name, java.util.function.LongSupplier clock) {
        if (quiet || !stderrIsTerminal) return ChunkReader.Progress.NONE;
        long start = clock.getAsLong();
        long[] last = {0};
        return (done, total) -> {
            long now = clock.getAsLong();
            boolean finished = done >= total;
            if (now - start < 2_000_000_000L) return;
            if (finished) {
                if (last[0] != 0) {
                    err.print("\r\u001b[2K");
                    err.flush();
                }
                return;
            }
            if (now - last[0] < 250_000_000L) return;
            last[0] = now;
            double secs = (now - start) / 1e9;
            if (total == Long.MAX_VALUE) { // standard input: no size to compare with
                err.printf("\rkpi: reading %s: %,d MB (%.0f MB/s)\u001b[K", name, done >> 20, done / 1048576.0 / secs);
            } else {
                err.printf("\rkpi: reading %s: %,d of %,d MB (%.0f MB/s)\u001b[K", name, done >> 20, total >> 20,
                        done / 1048576.0 / secs);
            }
            err.flush();
        };
    }

    /** Notes, warnings and bad values collected while reading. */
    void report(Diagnostics d) {
        for (String n : d.notes()) note(n);
        for (String w : d.warnings()) warn(w);
        long bad = d.badCount();
        if (bad == 0) return;
        List<Diagnostics.BadValue> shown = d.badValues();
        line(paint("33", "bad data:") + " " + bad + " value" + (bad == 1 ? "" : "s") + " could not be read ("
                + d.skippedRows() + " row" + (d.skippedRows() == 1 ? "" : "s") + " skipped):");
        for (Diagnostics.BadValue b : shown) err.println("  " + b.describe());
        if (bad > shown.size()) err.println("  … and " + (bad - shown.size()) + " more");
        err.flush();
    }
}
