package dev.kpi.cli;

import dev.kpi.calc.AdsCalculator;
import dev.kpi.calc.Dimension;
import dev.kpi.calc.Report;
import dev.kpi.input.InputSpec;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "ads", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Ad metrics: impressions, clicks, cost, conversions, CTR, CPC, CPM, CPA, ROAS, conversion rate.",
                "",
                "Ratios are recomputed from summed parts, over the rows that report both parts."},
        footer = {"", "Examples:",
                "  kpi ads --spend google_ads.csv linkedin_ads.csv --by platform",
                "  kpi ads --spend google_ads.csv --by campaign --format csv --output ads.csv"})
public final class AdsCommand extends ReportCommand {
    @Mixin InputOptions.SpendFiles spend;
    @Mixin PeriodOptions period;
    @Mixin GroupOptions group;
    @Mixin ParallelOptions parallel;

    public AdsCommand(Env env) { super(env); }

    @Override
    protected Report compute() {
        List<Dimension> dims = group.dims(List.of(Dimension.PLATFORM, Dimension.CAMPAIGN, Dimension.CHANNEL,
                Dimension.DAY, Dimension.WEEK, Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR));
        List<InputSpec> in = inputs(RecordType.SPEND, spend.files);
        if (in.isEmpty()) throw KpiException.usage("kpi ads needs --spend FILE (ad-platform exports), or spend inputs in kpi.yaml");
        AdsCalculator calc = new AdsCalculator(dims, period.window());
        read(RecordType.SPEND, in, calc, () -> new AdsCalculator(dims, period.window()), (AdsCalculator c, Spend s) -> c.add(s),
                AdsCalculator::merge, parallel.threads(env), calc.projection());
        return finish(calc::finish);
    }
}
