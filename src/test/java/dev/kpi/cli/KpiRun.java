package dev.kpi.cli;

import dev.kpi.Main;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the whole program in-process with captured streams: exit code, stdout and stderr every time. */
public final class KpiRun {
    public final int exit;
    public final String out;
    public final String err;

    private KpiRun(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    public static KpiRun run(String... args) { return in(Path.of("").toAbsolutePath(), new byte[0], Map.of(), args); }

    public static KpiRun in(Path cwd, byte[] stdin, Map<String, String> vars, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(vars);
        Env e = new Env(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(stdin), env, cwd, false, false);
        int code = Main.run(args, e);
        return new KpiRun(code, out.toString(), err.toString());
    }

    @Override public String toString() { return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err; }
}
