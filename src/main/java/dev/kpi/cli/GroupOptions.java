package dev.kpi.cli;

import dev.kpi.calc.Dimension;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.stream.Collectors;

/** {@code --by DIM[,DIM]}: group rows by one or more dimensions. */
public final class GroupOptions {
    @Option(names = "--by", paramLabel = "DIM[,DIM]", completionCandidates = Candidates.Dimensions.class,
            description = "Group by: channel, campaign, platform, day, week, month, quarter, year (comma-separated).")
    String by;

    public List<Dimension> dims(List<Dimension> allowed) {
        try {
            return Dimension.parseList(by, allowed);
        } catch (IllegalArgumentException e) {
            throw KpiException.usage("--by: unknown dimension '" + e.getMessage() + "'; choose from "
                    + allowed.stream().map(Dimension::key).collect(Collectors.joining(", ")));
        }
    }
}
