package dev.kpi.cli;

import dev.kpi.calc.CacCalculator;
import dev.kpi.calc.Dimension;
import dev.kpi.calc.Report;
import dev.kpi.input.InputSpec;
import dev.kpi.records.Cost;
import dev.kpi.records.Deal;
import dev.kpi.records.Lead;
import dev.kpi.records.Projection;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.List;

@Command(name = "cac", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Customer acquisition cost: CAC, marketing CAC, CPL, cost per MQL/SQL, CPA, payback, LTV:CAC.",
                "",
                "New customers are accounts whose first won deal closed in the period. Grouped by channel, campaign "
                        + "or platform, rows are paid CAC (that group's spend / its new customers); the total is blended."},
        footer = {"", "Examples:",
                "  kpi cac --spend google_ads.csv meta_ads.csv --costs costs.csv --deals deals.csv",
                "  kpi cac --config kpi.yaml --by month --format json",
                "  kpi cac --by channel --fail-if 'cac > 500'"})
public final class CacCommand extends ReportCommand {
    @Mixin InputOptions.SpendFiles spend;
    @Mixin InputOptions.CostsFiles costs;
    @Mixin InputOptions.LeadsFiles leads;
    @Mixin InputOptions.DealsFiles deals;
    @Mixin PeriodOptions period;
    @Mixin GroupOptions group;
    @Mixin ParallelOptions parallel;

    @Option(names = "--arpa", paramLabel = "AMOUNT", description = "Average revenue per account per month, for CAC payback.")
    BigDecimal arpa;

    @Option(names = "--gross-margin", paramLabel = "FRACTION", converter = FractionConverter.class,
            description = "Gross margin as 0.8 or 80%%, for CAC payback.")
    BigDecimal grossMargin;

    @Option(names = "--ltv", paramLabel = "AMOUNT", description = "Customer lifetime value, for LTV:CAC.")
    BigDecimal ltv;

    @Option(names = "--spend-lag", paramLabel = "MONTHS", defaultValue = "0",
            description = "Match spend and costs with customers this many months later (default: ${DEFAULT-VALUE}).")
    int spendLag;

    public CacCommand(Env env) { super(env); }

    @Override
    protected Report compute() {
        if (spendLag < 0) throw KpiException.usage("--spend-lag must be 0 or more months");
        List<Dimension> dims = group.dims(List.of(Dimension.CHANNEL, Dimension.CAMPAIGN, Dimension.PLATFORM,
                Dimension.DAY, Dimension.WEEK, Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR));
        List<InputSpec> spendIn = inputs(RecordType.SPEND, spend.files);
        List<InputSpec> costsIn = inputs(RecordType.COSTS, costs.files);
        List<InputSpec> leadsIn = inputs(RecordType.LEADS, leads.files);
        List<InputSpec> dealsIn = inputs(RecordType.DEALS, deals.files);
        if (spendIn.isEmpty() && costsIn.isEmpty()) {
            throw KpiException.usage("kpi cac needs costs: give --spend FILE (ad exports) and/or --costs FILE, or name them in kpi.yaml");
        }
        if (dealsIn.isEmpty()) {
            throw KpiException.usage("kpi cac needs --deals FILE: won deals define new customers");
        }
        CacCalculator.Options options = new CacCalculator.Options(dims, period.window(), spendLag, arpa, grossMargin, ltv);
        CacCalculator calc = new CacCalculator(options);
        int threads = parallel.threads(env);
        Projection projection = calc.projection();
        read(RecordType.SPEND, spendIn, calc, () -> new CacCalculator(options), (CacCalculator c, Spend s) -> c.add(s),
                CacCalculator::merge, threads, projection);
        read(RecordType.COSTS, costsIn, calc, () -> new CacCalculator(options), (CacCalculator c, Cost x) -> c.add(x),
                CacCalculator::merge, threads, projection);
        read(RecordType.LEADS, leadsIn, calc, () -> new CacCalculator(options), (CacCalculator c, Lead l) -> c.add(l),
                CacCalculator::merge, threads, projection);
        read(RecordType.DEALS, dealsIn, calc, () -> new CacCalculator(options), (CacCalculator c, Deal d) -> c.add(d),
                CacCalculator::merge, threads, projection);
        return finish(calc::finish);
    }
}
