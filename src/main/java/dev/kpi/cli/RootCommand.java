package dev.kpi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kpi}: the top-level command; it only dispatches to subcommands. */
@Command(name = "kpi", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {CacCommand.class, AdsCommand.class, CvrCommand.class, FunnelCommand.class, AttributionCommand.class,
                ClvCommand.class, InspectCommand.class, InitCommand.class},
        description = {"B2B marketing KPIs from CRM and ad-platform CSV exports.",
                "Reports go to stdout; notes, warnings and errors to stderr."},
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Run 'kpi COMMAND --help' for a command's options. Docs: README.md."})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: cac, ads, cvr, funnel, attribution, clv, inspect or init");
    }
}
