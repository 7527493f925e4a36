package dev.kpi.cli;

import dev.kpi.calc.Window;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** {@code --from}/{@code --to}: the reporting window, both days inclusive. */
public final class PeriodOptions {
    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
            description = "First day of the period, inclusive: YYYY-MM-DD, or YYYY-MM for its first day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.End.class,
            description = "Last day of the period, inclusive: YYYY-MM-DD, or YYYY-MM for its last day.")
    LocalDate to;

    public Window window() {
        if (from != null && to != null && to.isBefore(from)) {
            throw KpiException.usage("--to " + to + " is before --from " + from);
        }
        return new Window(from, to);
    }
}
