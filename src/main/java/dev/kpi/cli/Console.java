package dev.kpi.cli;

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

    Console(Env env, boolean quiet, boolean noColor) {
        this.err = env.err();
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
