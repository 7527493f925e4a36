package dev.kpi.cli;

import dev.kpi.calc.Dimension;
import dev.kpi.calc.Report;
import dev.kpi.calc.funnel.FunnelCalculator;
import dev.kpi.calc.funnel.OrderMode;
import dev.kpi.input.InputSpec;
import dev.kpi.records.Deal;
import dev.kpi.records.Lead;
import dev.kpi.records.RecordType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.List;

@Command(name = "funnel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Stage funnel: reach, step conversion, drop-off, days between stages, deal size, lead value and "
                + "what a revenue target needs at every stage.",
                "",
                "Stages come from kpi.yaml (funnel.stages) or are built in: the lead lifecycle with --leads, else the "
                        + "HubSpot, Salesforce or Pipedrive pipeline the deal stages match. Counts are unique leads (with "
                        + "their deals) or deals; Closed Lost is an outcome, reported at the furthest stage reached."},
        footer = {"", "Examples:",
                "  kpi funnel --deals hubspot_deals.csv",
                "  kpi funnel --leads contacts.csv --deals deals.csv --by channel --target 1000000",
                "  kpi funnel --config kpi.yaml --order strict --window 90d --format json"})
public final class FunnelCommand extends ReportCommand {
    @Mixin InputOptions.LeadsFiles leads;
    @Mixin InputOptions.DealsFiles deals;
    @Mixin PeriodOptions period;
    @Mixin CrmGroupOptions group;

    /** Completion candidates for {@code --order}. */
    static final class Orders implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return List.of("sequential", "strict", "any").iterator(); }
    }

    @Option(names = "--order", paramLabel = "MODE", defaultValue = "sequential", completionCandidates = Orders.class,
            description = "sequential: a later stage implies the earlier ones (default); strict: every stage recorded, in"
                    + " order; any: every stage recorded, in any order.")
    String order;

    @Option(names = "--window", paramLabel = "DAYS", converter = DaysConverter.class,
            description = "Count a stage only when it was entered within this many days of the first stage, e.g. 90d.")
    Integer windowDays;

    @Option(names = "--target", paramLabel = "REVENUE",
            description = "Revenue target (reporting currency): adds the count every stage needs to reach it.")
    String target;

    public FunnelCommand(Env env) { super(env); }

    @Override
    protected Report compute() {
        OrderMode mode;
        try {
            mode = OrderMode.parse(order);
        } catch (IllegalArgumentException e) {
            throw KpiException.usage("--order: '" + order + "' is not sequential, strict or any");
        }
        BigDecimal revenue = target == null ? null : amount(target);
        List<Dimension> dims = group.dims();
        List<InputSpec> leadsIn = inputs(RecordType.LEADS, leads.files);
        List<InputSpec> dealsIn = inputs(RecordType.DEALS, deals.files);
        if (leadsIn.isEmpty() && dealsIn.isEmpty()) {
            throw KpiException.usage("kpi funnel needs --deals FILE and/or --leads FILE, or those inputs in kpi.yaml");
        }
        if (revenue != null && dealsIn.isEmpty()) {
            throw KpiException.usage("--target needs --deals: the average deal size comes from the won deals");
        }
        FunnelCalculator calc = new FunnelCalculator(new FunnelCalculator.Options(dims, period.window(), mode,
                FunnelSettings.funnel(config), windowDays, revenue));
        read(RecordType.LEADS, leadsIn, (Lead l) -> calc.add(l));
        read(RecordType.DEALS, dealsIn, (Deal d) -> calc.add(d));
        Report r = finish(calc::finish);
        for (String s : calc.skipped()) diagnostics.note("skipped " + s);
        return r;
    }

    /** 1000000, 1,000,000, 1_000_000, $1000000 or 1.5M / 250k. */
    static BigDecimal amount(String text) {
        String t = text.strip().replace(",", "").replace("_", "").replace("$", "").replace("€", "").replace("£", "");
        BigDecimal factor = BigDecimal.ONE;
        if (t.endsWith("k") || t.endsWith("K")) factor = BigDecimal.valueOf(1_000);
        if (t.endsWith("m") || t.endsWith("M")) factor = BigDecimal.valueOf(1_000_000);
        if (factor.compareTo(BigDecimal.ONE) > 0) t = t.substring(0, t.length() - 1);
        try {
            BigDecimal v = new BigDecimal(t.strip()).multiply(factor);
            if (v.signum() <= 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw KpiException.usage("--target: '" + text + "' is not a positive amount; use e.g. 1000000, 1,000,000 or 1M");
        }
    }
}
