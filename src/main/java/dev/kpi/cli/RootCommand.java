package dev.kpi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kpi}: the top-level command; it only dispatches to subcommands. They are listed in
 * {@link #SUBCOMMANDS}, not in the annotation, so that {@code Main} can give the root only the subcommand
 * being run: building the picocli model of all of them is a noticeable part of the start-up time.
 */
@Command(name = "kpi", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"B2B marketing KPIs from CRM and ad-platform CSV exports.",
                "Reports go to stdout; notes, warnings and errors to stderr."},
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Run 'kpi COMMAND --help' for a command's options. Docs: README.md."})
public final class RootCommand implements Runnable {
    /** The subcommands by name, in the order {@code kpi --help} lists them. */
    public static final Map<String, Class<?>> SUBCOMMANDS = ordered(
            "cac", CacCommand.class,
            "ads", AdsCommand.class,
            "cvr", CvrCommand.class,
            "funnel", FunnelCommand.class,
            "attribution", AttributionCommand.class,
            "clv", ClvCommand.class,
            "inspect", InspectCommand.class,
            "init", InitCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: cac, ads, cvr, funnel, attribution, clv, inspect or init");
    }

    private static Map<String, Class<?>> ordered(Object... nameThenClass) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
