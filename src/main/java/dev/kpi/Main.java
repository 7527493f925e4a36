package dev.kpi;

import dev.kpi.calc.PeriodException;
import dev.kpi.cli.Env;
import dev.kpi.cli.ExitCode;
import dev.kpi.cli.KpiException;
import dev.kpi.cli.RootCommand;
import dev.kpi.config.ConfigException;
import dev.kpi.input.InputException;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point. {@link #run} is the whole program: it writes through the streams of an {@link Env} and
 * returns the exit code, so tests run kpi in-process. Only {@link #main} calls {@code System.exit}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        boolean tty = System.console() != null;
        Env env = new Env(out, err, new FileInputStream(FileDescriptor.in), System.getenv(), Path.of("").toAbsolutePath(),
                tty, tty);
        int code = run(args, env);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(String[] args, Env env) {
        return run(args, env, false);
    }

    /** {@link #run}; {@code fullModel} builds every subcommand's model even when one is named (for tests). */
    static int run(String[] args, Env env, boolean fullModel) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = commandLine(env, fullModel || args.length == 0 ? null : args[0]);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, env, debug));
        cl.setParameterExceptionHandler((ex, a) -> {
            env.err().println("kpi: error: " + ex.getMessage());
            CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
            env.err().println("Run '" + spec.qualifiedName() + " --help' for usage.");
            env.err().flush();
            return ExitCode.USAGE.code();
        });
        try {
            int code = cl.execute(args);
            env.out().flush();
            return code;
        } catch (RuntimeException e) {
            return handle(e, env, debug);
        }
    }

    /** The picocli model with commands that receive {@code env} through their constructors. */
    public static CommandLine commandLine(Env env) {
        return commandLine(env, null);
    }

    /**
     * The picocli model for a command line whose first argument is {@code first}. When that names a
     * subcommand, the root gets only that one: parsing, help and errors of a subcommand do not depend on
     * its siblings, and building the models of all of them is a noticeable part of the start-up time.
     * Anything else ({@code --help}, {@code --version}, a typo to suggest a name for, no argument) gets
     * the full model.
     */
    public static CommandLine commandLine(Env env, String first) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    Constructor<K> c = cls.getDeclaredConstructor(Env.class);
                    return c.newInstance(env);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        CommandLine cl = new CommandLine(new RootCommand(), factory);
        Class<?> only = first == null ? null : RootCommand.SUBCOMMANDS.get(first);
        if (only != null) {
            cl.addSubcommand(first, only);
        } else {
            for (java.util.Map.Entry<String, Class<?>> e : RootCommand.SUBCOMMANDS.entrySet()) {
                cl.addSubcommand(e.getKey(), e.getValue());
            }
        }
        // One source for the exit codes in every command's --help: the ExitCode enum.
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) codes.put(Integer.toString(c.code()), c.meaning());
        java.util.List<CommandLine> all = new java.util.ArrayList<>();
        all.add(cl);
        all.addAll(cl.getSubcommands().values());
        for (CommandLine c : all) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes)
                    .width(Math.max(80, Math.min(120, env.terminalWidth())));
        }
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    static int handle(Exception ex, Env env, boolean debug) {
        ExitCode code;
        String message = ex.getMessage();
        if (ex instanceof KpiException) {
            code = ((KpiException) ex).exitCode();
        } else if (ex instanceof ConfigException) {
            code = ExitCode.CONFIG;
        } else if (ex instanceof InputException || ex instanceof PeriodException) {
            code = ExitCode.DATA;
        } else if (ex instanceof ArithmeticException && String.valueOf(message).contains("overflow")) {
            code = ExitCode.DATA;
            message = "a sum is too large to hold exactly (over 9.2 trillion): check for a damaged amount column";
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error: " + ex + " (this is a bug; rerun with --debug and report the output)";
        }
        env.err().println("kpi: error: " + message);
        if (debug || code == ExitCode.INTERNAL && debug) ex.printStackTrace(env.err());
        env.err().flush();
        return code.code();
    }
}
