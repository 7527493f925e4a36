package dev.kpi;

import dev.kpi.cli.Env;
import dev.kpi.cli.RootCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Main#run} gives the root only the subcommand named by the first argument. Every answer must be
 * the same as with the full model: help, version, parse errors and suggestions, and a real report.
 */
class MainModelTest {
    record Result(int exit, String out, String err) {}

    static Result run(boolean fullModel, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Env env = new Env(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Map.of(),
                Path.of("").toAbsolutePath(), false, false);
        int code = Main.run(args, env, fullModel);
        return new Result(code, out.toString(), err.toString());
    }

    static Env quietEnv() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new Env(sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("."), false, false);
    }

    @Test void subcommandNamesMatchTheirAnnotations() {
        for (Map.Entry<String, Class<?>> e : RootCommand.SUBCOMMANDS.entrySet()) {
            assertEquals(e.getKey(), e.getValue().getAnnotation(CommandLine.Command.class).name());
        }
    }

    @Test void namedSubcommandGetsAModelOfItsOwn() {
        CommandLine full = Main.commandLine(quietEnv());
        assertEquals(new ArrayList<>(RootCommand.SUBCOMMANDS.keySet()), new ArrayList<>(full.getSubcommands().keySet()));
        for (String name : RootCommand.SUBCOMMANDS.keySet()) {
            CommandLine one = Main.commandLine(quietEnv(), name);
            assertEquals(List.of(name), new ArrayList<>(one.getSubcommands().keySet()));
            assertEquals(full.getSubcommands().get(name).getUsageMessage(), one.getSubcommands().get(name).getUsageMessage(), name);
        }
        for (String first : new String[] {"--help", "--version", "cak", "-q", ""}) {
            assertEquals(RootCommand.SUBCOMMANDS.size(), Main.commandLine(quietEnv(), first).getSubcommands().size(), first);
        }
    }

    @Test void answersAreTheSameAsWithTheFullModel() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {});
        cases.add(new String[] {"--help"});
        cases.add(new String[] {"--version"});
        cases.add(new String[] {"cak"});
        for (String name : RootCommand.SUBCOMMANDS.keySet()) {
            cases.add(new String[] {name, "--help"});
            cases.add(new String[] {name, "--version"});
            cases.add(new String[] {name, "--no-such-option"});
            cases.add(new String[] {name, "--formt", "csv"});
            cases.add(new String[] {name, "ads", "cvr"});
            cases.add(new String[] {name, "--format"});
        }
        cases.add(new String[] {"cac", "--config", "samples/kpi.yaml", "--from", "2025-07-01", "--to", "2025-09-30"});
        cases.add(new String[] {"cac", "--config", "samples/kpi.yaml", "--by", "channel", "--format", "json", "-q"});
        cases.add(new String[] {"ads", "--config", "samples/kpi.yaml", "--format", "bogus"});
        cases.add(new String[] {"inspect", "samples/linkedin_ads.csv", "--rows", "2"});
        for (String[] args : cases) {
            Result lazy = run(false, args);
            Result full = run(true, args);
            String what = String.join(" ", args);
            assertEquals(full.exit(), lazy.exit(), what);
            assertEquals(full.out(), lazy.out(), what);
            assertEquals(full.err(), lazy.err(), what);
        }
    }
}
