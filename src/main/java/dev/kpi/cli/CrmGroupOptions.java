package dev.kpi.cli;

import dev.kpi.calc.Dimension;
import picocli.CommandLine.Option;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --by DIM[,DIM]} for the commands over CRM entities ({@code cvr}, {@code funnel}): their records
 * carry a source and an owner but no ad platform, so the dimensions differ from {@link GroupOptions}.
 */
public final class CrmGroupOptions {
    static final List<Dimension> ALLOWED = List.of(Dimension.CHANNEL, Dimension.CAMPAIGN, Dimension.SOURCE, Dimension.OWNER,
            Dimension.DAY, Dimension.WEEK, Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR);

    /** Completion candidates for {@code --by}. */
    static final class Dimensions implements Iterable<String> {
        @Override public Iterator<String> iterator() { return ALLOWED.stream().map(Dimension::key).iterator(); }
    }

    @Option(names = "--by", paramLabel = "DIM[,DIM]", completionCandidates = Dimensions.class,
            description = "Group by: channel, campaign, source, owner, day, week, month, quarter, year (comma-separated).")
    String by;

    public List<Dimension> dims() {
        try {
            return Dimension.parseList(by, ALLOWED);
        } catch (IllegalArgumentException e) {
            throw KpiException.usage("--by: unknown dimension '" + e.getMessage() + "'; choose from "
                    + ALLOWED.stream().map(Dimension::key).collect(Collectors.joining(", ")));
        }
    }
}
