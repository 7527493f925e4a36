package dev.kpi.cli;

import dev.kpi.calc.Dimension;
import dev.kpi.calc.Report;
import dev.kpi.calc.conversion.CvrCalculator;
import dev.kpi.input.InputSpec;
import dev.kpi.records.Deal;
import dev.kpi.records.Email;
import dev.kpi.records.Lead;
import dev.kpi.records.RecordType;
import dev.kpi.records.Touchpoint;
import dev.kpi.records.Traffic;
import dev.kpi.render.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

@Command(name = "cvr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Conversion rates: lead to customer (cohort or period), qualified leads, lead velocity, win, match and "
                + "closing rates, response time, meetings, traffic to lead, landing pages, email.",
                "",
                "Every rate comes with its numerator, denominator and a 95 %% Wilson interval. KPIs whose inputs are "
                        + "missing are left out and named on stderr with the input they need."},
        footer = {"", "Examples:",
                "  kpi cvr --leads hubspot_contacts.csv --deals hubspot_deals.csv --by month",
                "  kpi cvr --config kpi.yaml --by channel --mode period --format json",
                "  kpi cvr --leads contacts.csv --traffic ga4_landing_pages.csv --email mailchimp.csv"})
public final class CvrCommand extends ReportCommand {
    @Mixin InputOptions.LeadsFiles leads;
    @Mixin InputOptions.DealsFiles deals;
    @Mixin InputOptions.TrafficFiles traffic;
    @Mixin InputOptions.EmailFiles email;
    @Mixin InputOptions.TouchpointsFiles touchpoints;
    @Mixin PeriodOptions period;
    @Mixin CrmGroupOptions group;

    /** Completion candidates for {@code --mode}. */
    static final class Modes implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return List.of("cohort", "period").iterator(); }
    }

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "cohort", completionCandidates = Modes.class,
            description = "cohort: leads created in a period that became customers within --window (default);"
                    + " period: customers won in a period / leads created in it (unlinked, can exceed 100 %%).")
    String mode;

    @Option(names = "--window", paramLabel = "DAYS", defaultValue = "365d", converter = DaysConverter.class,
            description = "Cohort conversion window from lead creation, e.g. 365d, 90d, 12w (default: ${DEFAULT-VALUE}).")
    int windowDays;

    @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.End.class,
            description = "Judge cohorts as of this date (default: the latest date in the data).")
    LocalDate asOf;

    @Option(names = "--response-target", paramLabel = "DURATION", defaultValue = "3m", converter = SecondsConverter.class,
            description = "Target for the first response to a lead, e.g. 90s, 3m, 1h (default: 3m).")
    long responseTarget;

    public CvrCommand(Env env) { super(env); }

    /** Tables and markdown show one table per KPI family; machine formats keep one wide row per group. */
    @Override
    protected Report forDisplay(Report report, Format format) {
        return (format == Format.TABLE || format == Format.MARKDOWN) && CvrLayout.wide(report)
                ? CvrLayout.forReading(report) : report;
    }

    @Override
    protected Report compute() {
        CvrCalculator.Mode m;
        switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "cohort": m = CvrCalculator.Mode.COHORT; break;
            case "period": m = CvrCalculator.Mode.PERIOD; break;
            default: throw KpiException.usage("--mode: '" + mode + "' is not cohort or period");
        }
        List<Dimension> dims = group.dims();
        List<InputSpec> leadsIn = inputs(RecordType.LEADS, leads.files);
        List<InputSpec> dealsIn = inputs(RecordType.DEALS, deals.files);
        List<InputSpec> trafficIn = inputs(RecordType.TRAFFIC, traffic.files);
        List<InputSpec> emailIn = inputs(RecordType.EMAIL, email.files);
        if (leadsIn.isEmpty() && dealsIn.isEmpty() && trafficIn.isEmpty() && emailIn.isEmpty()) {
            throw KpiException.usage("kpi cvr needs --leads FILE (contacts or leads export); add --deals, --traffic and"
                    + " --email for more KPIs, or name the inputs in kpi.yaml");
        }
        CvrCalculator calc = new CvrCalculator(new CvrCalculator.Options(dims, period.window(), m, windowDays, asOf,
                responseTarget, FunnelSettings.qualification(config), FunnelSettings.funnel(config),
                new LinkedHashSet<>(config.marketingChannels())));
        read(RecordType.LEADS, leadsIn, (Lead l) -> calc.add(l));
        read(RecordType.DEALS, dealsIn, (Deal d) -> calc.add(d));
        read(RecordType.TRAFFIC, trafficIn, (Traffic t) -> calc.add(t));
        read(RecordType.EMAIL, emailIn, (Email e) -> calc.add(e));
        read(RecordType.TOUCHPOINTS, inputs(RecordType.TOUCHPOINTS, touchpoints.files), (Touchpoint t) -> calc.add(t));
        Report r = calc.finish();
        for (String s : calc.skipped()) diagnostics.note("skipped " + s);
        return r;
    }
}
