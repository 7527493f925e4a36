package dev.kpi.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of kpi talks to: its streams, environment variables, working directory and whether
 * stdout/stderr are terminals. {@code Main} builds the real one; tests build their own and run the
 * whole program in-process.
 */
public record Env(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> vars, Path cwd,
                  boolean stdoutIsTerminal, boolean stderrIsTerminal) {

    /** True when colour is allowed at all: not disabled by NO_COLOR (any value) or TERM=dumb. */
    public boolean colorAllowed() {
        return !vars.containsKey("NO_COLOR") && !"dumb".equals(vars.get("TERM"));
    }

    public int terminalWidth() {
        try {
            String c = vars.get("COLUMNS");
            return c == null ? 0 : Integer.parseInt(c.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
