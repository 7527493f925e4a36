package dev.kpi.cli;

import picocli.CommandLine.Option;

/** Options every command has: config, strictness, verbosity, colour and debugging. */
public final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (YAML or JSON). Default: $KPI_CONFIG, else ./kpi.yaml when present.")
    String config;

    @Option(names = "--strict", description = "Fail (exit 3) when any row or value cannot be read, instead of skipping it.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and bad-data reports on stderr (no notes or warnings).")
    boolean quiet;

    @Option(names = "--no-color", description = "No colour in tables (also: NO_COLOR set in the environment).")
    boolean noColor;

    @Option(names = "--debug", description = "Show stack traces for errors.")
    boolean debug;
}
