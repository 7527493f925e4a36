package dev.kpi.cli;

import dev.kpi.calc.CacCalculator;
import dev.kpi.calc.MissingRateException;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.clv.ClvCalculator;
import dev.kpi.calc.clv.ClvTimeUnit;
import dev.kpi.calc.clv.ModelFitException;
import dev.kpi.calc.clv.ReportingAmounts;
import dev.kpi.input.InputSpec;
import dev.kpi.records.Cost;
import dev.kpi.records.Deal;
import dev.kpi.records.Fx;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
import dev.kpi.records.Subscription;
import dev.kpi.records.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Command(name = "clv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Customer value: MRR and its movements, ARPA, churn, CLV three ways, cohorts, and probabilistic CLV"
                + " (BG/NBD, Pareto/NBD, gamma-gamma from purchases; shifted-beta-geometric retention).",
                "Without --model: one row per month (MRR from --subscriptions, else revenue from --transactions or won"
                + " --deals). With --model: fitted parameters under 'models' and one row per customer (sbg: per period)."},
        footer = {"", "Examples:",
                "  kpi clv --subscriptions stripe_subscriptions.csv --gross-margin 80%% --cac 4200",
                "  kpi clv --subscriptions mrr.csv --cohorts --from 2025-01-01 --to 2025-12-31",
                "  kpi clv --transactions orders.csv --model bgnbd,gamma-gamma --to 2025-06-30 --top 20",
                "  kpi clv --model sbg --retention 100,63.1,46.8,38.2,32.6,28.9,26.2,24.1"})
public final class ClvCommand extends ReportCommand {
    @Mixin InputOptions.TransactionsFiles transactions;
    @Mixin InputOptions.SubscriptionsFiles subscriptions;
    @Mixin InputOptions.DealsFiles deals;
    @Mixin InputOptions.SpendFiles spend;
    @Mixin InputOptions.CostsFiles costs;
    @Mixin PeriodOptions period;

    @Option(names = "--model", split = ",", paramLabel = "MODEL", completionCandidates = Models.class,
            description = "Probabilistic models, comma-separated: bgnbd, pareto, gamma-gamma (from purchases), sbg (retention).")
    List<String> models = new ArrayList<>();

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "month", completionCandidates = Units.class,
            description = "Unit of recency, T and --horizon for bgnbd/pareto: day, week or month (default: ${DEFAULT-VALUE}).")
    String timeUnit;

    @Option(names = "--horizon", paramLabel = "N",
            description = "Prediction horizon in --time-unit (default: one year); for sbg, periods to project (default: 12).")
    Double horizon;

    @Option(names = "--discount", paramLabel = "RATE", defaultValue = "0.01", converter = FractionConverter.class,
            description = "Discount rate per month for CLV (per period for sbg), 0.01 or 1%% (default: ${DEFAULT-VALUE}).")
    BigDecimal discount;

    @Option(names = "--clv-months", paramLabel = "N", defaultValue = "12",
            description = "Months of purchases the probabilistic CLV adds up, each 365.25/12 days (default: ${DEFAULT-VALUE}).")
    int clvMonths;

    @Option(names = "--per-customer", description = "With a purchase model: one row per customer (JSON holds every customer only then).")
    boolean perCustomer;

    @Option(names = "--top", paramLabel = "N",
            description = "With a purchase model: the N most valuable customers (default: 10).")
    Integer top;

    @Option(names = "--holdout-to", paramLabel = "DATE", converter = DateConverter.End.class,
            description = "Purchases after --to up to DATE form a holdout window: actual versus predicted purchases.")
    java.time.LocalDate holdoutTo;

    @Option(names = "--retention", paramLabel = "VALUES|FILE",
            description = "For sbg: customers active at the start of periods 0,1,2,… (100,63.1,46.8,…), or a file with one cohort per line.")
    String retention;

    @Option(names = "--fit-periods", paramLabel = "N",
            description = "For sbg: fit only the first N periods of each series (the rest shows how the projection holds up).")
    Integer fitPeriods;

    @Option(names = "--cohorts", description = "Add the cohort retention table (customers and revenue) by month of first MRR or purchase.")
    boolean cohorts;

    @Option(names = "--gross-margin", paramLabel = "FRACTION", converter = FractionConverter.class,
            description = "Gross margin, 0.8 or 80%%: CLV becomes profit CLV (without it kpi says it is revenue CLV).")
    BigDecimal grossMargin;

    @Option(names = "--churn", paramLabel = "RATE", converter = FractionConverter.class,
            description = "Monthly customer churn to use in the CLV formulas instead of the measured one (needed for purchases).")
    BigDecimal churn;

    @Option(names = "--arpa", paramLabel = "AMOUNT",
            description = "For sbg: the value of one period's payment (default: the subscriptions' ARPA).")
    BigDecimal arpa;

    @Option(names = "--cac", paramLabel = "AMOUNT",
            description = "Customer acquisition cost for LTV:CAC and payback (or give --spend/--costs with --deals to compute it).")
    BigDecimal cac;

    public ClvCommand(Env env) { super(env); }

    /** Completion candidates of --model. */
    static final class Models implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return List.of("bgnbd", "pareto", "gamma-gamma", "sbg").iterator(); }
    }

    /** Completion candidates of --time-unit. */
    static final class Units implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return List.of("day", "week", "month").iterator(); }
    }

    @Override
    protected Report compute() {
        List<ClvCalculator.Model> chosen = new ArrayList<>();
        for (String m : models) {
            if (m.isBlank()) continue;
            try {
                ClvCalculator.Model x = ClvCalculator.Model.parse(m);
                if (!chosen.contains(x)) chosen.add(x);
            } catch (IllegalArgumentException e) {
                throw KpiException.usage("--model: " + e.getMessage());
            }
        }
        ClvTimeUnit unit;
        try {
            unit = ClvTimeUnit.parse(timeUnit);
        } catch (IllegalArgumentException e) {
            throw KpiException.usage("--time-unit: " + e.getMessage());
        }
        boolean purchaseModels = chosen.stream().anyMatch(ClvCalculator.Model::usesPurchases);
        boolean sbg = chosen.contains(ClvCalculator.Model.SBG);
        var window = period.window();
        if (horizon != null && !(horizon > 0 && horizon <= 100_000)) throw KpiException.usage("--horizon must be above 0");
        if (clvMonths < 0 || clvMonths > 1200) throw KpiException.usage("--clv-months must be between 0 and 1200");
        if (top != null && top < 1) throw KpiException.usage("--top must be 1 or more");
        if (fitPeriods != null && fitPeriods < 2) throw KpiException.usage("--fit-periods must be 2 or more (two parameters need two periods)");
        if (purchaseModels && window.from() != null) {
            throw KpiException.usage("--from does not apply to --model " + String.join(",", models) + ": the calibration period"
                    + " starts at each customer's first purchase and ends at --to");
        }
        if (holdoutTo != null) {
            if (!purchaseModels) throw KpiException.usage("--holdout-to needs a purchase model (--model bgnbd or pareto)");
            if (window.to() == null) throw KpiException.usage("--holdout-to needs --to, the end of the calibration period");
            if (!holdoutTo.isAfter(window.to())) throw KpiException.usage("--holdout-to " + holdoutTo + " must be after --to " + window.to());
        }
        if (retention != null && !sbg) throw KpiException.usage("--retention is for --model sbg");
        if (fitPeriods != null && !sbg) throw KpiException.usage("--fit-periods is for --model sbg");
        if ((perCustomer || top != null) && !purchaseModels) {
            throw KpiException.usage("--per-customer and --top list customers of a purchase model: add --model bgnbd,gamma-gamma");
        }
        if (cac != null && cac.signum() < 0) throw KpiException.usage("--cac must be 0 or more");

        List<InputSpec> txIn = inputs(RecordType.TRANSACTIONS, transactions.files);
        List<InputSpec> subIn = inputs(RecordType.SUBSCRIPTIONS, subscriptions.files);
        boolean monthly = !purchaseModels && !sbg;
        // what the config names yields to what the command line names: a file on the command line picks the view
        if (monthly && !txIn.isEmpty() && !subIn.isEmpty()) {
            if (!transactions.files.isEmpty() && subscriptions.files.isEmpty()) subIn = List.of();
            else if (transactions.files.isEmpty() && !subscriptions.files.isEmpty()) txIn = List.of();
        }
        if (purchaseModels && !sbg) subIn = List.of(); // subscriptions feed only sbg once a model is chosen
        List<InputSpec> dealsIn = inputs(RecordType.DEALS, deals.files);
        List<InputSpec> spendIn = inputs(RecordType.SPEND, spend.files);
        List<InputSpec> costsIn = inputs(RecordType.COSTS, costs.files);
        boolean costsOnCommandLine = !spend.files.isEmpty() || !costs.files.isEmpty();
        if (costsOnCommandLine && cac != null) {
            throw KpiException.usage("give either --cac or --spend/--costs (with --deals) to compute it, not both");
        }
        if (costsOnCommandLine && dealsIn.isEmpty()) throw KpiException.usage("computing CAC needs --deals: won deals define new customers");
        // costs named in the config are used when the config also names deals and no --cac is given
        boolean computeCac = monthly && cac == null && (!spendIn.isEmpty() || !costsIn.isEmpty()) && !dealsIn.isEmpty();
        boolean dealsArePurchases = txIn.isEmpty() && !dealsIn.isEmpty() && (purchaseModels || subIn.isEmpty());
        if (purchaseModels && txIn.isEmpty() && dealsIn.isEmpty()) {
            throw KpiException.usage("--model " + String.join(",", models) + " needs purchases: give --transactions FILE (or --deals FILE)");
        }
        if (monthly && !txIn.isEmpty() && !subIn.isEmpty()) {
            throw KpiException.usage("without --model, give --subscriptions (MRR) or --transactions (revenue), not both;"
                    + " together they feed --model bgnbd,gamma-gamma,sbg");
        }
        if (txIn.isEmpty() && subIn.isEmpty() && dealsIn.isEmpty() && !(sbg && retention != null)) {
            throw KpiException.usage("kpi clv needs data: --subscriptions FILE, --transactions FILE or --deals FILE"
                    + " (or --model sbg --retention 100,63.1,…)");
        }
        if (sbg && retention == null && subIn.isEmpty()) {
            throw KpiException.usage("--model sbg needs --retention 100,63.1,46.8,… (or a cohort file) or --subscriptions FILE");
        }

        double h = horizon != null ? horizon : !purchaseModels ? 12 : unit == ClvTimeUnit.DAY ? 365 : unit == ClvTimeUnit.WEEK ? 52 : 12;
        List<double[]> series = retention == null ? List.of() : RetentionSeries.parse(retention, env.cwd());
        ClvCalculator.Options options = new ClvCalculator.Options(window.from(), window.to(), holdoutTo, chosen, unit, h,
                discount.doubleValue(), clvMonths, perCustomer, top == null ? 10 : top, series, fitPeriods, cohorts, grossMargin, churn, arpa);
        ReportingAmounts amounts = new ReportingAmounts(new Fx(config.currency(), config.fx()));
        ClvCalculator calc = new ClvCalculator(options, amounts);
        CacCalculator cacCalc = computeCac ? new CacCalculator(new CacCalculator.Options(List.of(), window, 0, null, null, null)) : null;
        try {
            read(RecordType.TRANSACTIONS, txIn, (Transaction t) -> calc.add(t));
            read(RecordType.SUBSCRIPTIONS, subIn, (Subscription s) -> calc.add(s));
            if (dealsArePurchases || cacCalc != null) {
                read(RecordType.DEALS, dealsIn, (Deal d) -> {
                    if (dealsArePurchases) calc.add(d);
                    if (cacCalc != null) cacCalc.add(d);
                });
            }
            if (cacCalc != null) {
                read(RecordType.SPEND, spendIn, (Spend s) -> cacCalc.add(s));
                read(RecordType.COSTS, costsIn, (Cost c) -> cacCalc.add(c));
            }
        } catch (ReportingAmounts.CurrencyMix e) {
            throw currencyMix(e.currencies());
        } catch (MissingRateException e) {
            throw missingRate(e);
        }
        ClvCalculator.Cac cacValue = cac != null ? new ClvCalculator.Cac(cac, "given with --cac") : null;
        if (cacCalc != null) cacValue = computedCac(cacCalc, amounts, window);
        try {
            Report r = calc.finish(cacValue);
            if (r.currency() == null && cacCalc != null && cacValue != null) r.currency(fx().currency());
            return r;
        } catch (ModelFitException e) {
            throw new KpiException(ExitCode.DATA, e.getMessage());
        }
    }

    /** CAC as {@code kpi cac} computes it (blended, over --from/--to), in the same reporting currency. */
    private ClvCalculator.Cac computedCac(CacCalculator cacCalc, ReportingAmounts amounts, dev.kpi.calc.Window window) {
        Fx fx = fx();
        if (amounts.currency() != null) {
            if (fx.currency() != null && !fx.currency().equals(amounts.currency())) {
                Set<String> both = new java.util.TreeSet<>(List.of(fx.currency(), amounts.currency()));
                throw currencyMix(both);
            }
            fx = fx.withCurrency(amounts.currency());
        }
        Fx use = fx;
        Report cacReport = finish(x -> cacCalc.finish(use));
        Row total = cacReport.total();
        Ratio c = (Ratio) total.get("cac");
        String over = window.from() == null && window.to() == null ? "all dates" : (window.from() == null ? "…" : window.from().toString())
                + " to " + (window.to() == null ? "…" : window.to().toString());
        if (c == null || c.isNull()) {
            console.warn("CAC cannot be computed (" + (c == null ? "no cost" : c.nullReason()) + "): no LTV:CAC or payback");
            return null;
        }
        return new ClvCalculator.Cac(c.value(), "computed as kpi cac does, over " + over + ": total cost "
                + c.numerator().toPlainString() + " / " + c.denominator().toPlainString() + " new customers");
    }

    private KpiException currencyMix(Set<String> currencies) {
        String first = currencies.iterator().next();
        return new KpiException(ExitCode.CONFIG, "amounts are in " + String.join(", ", currencies)
                + " and no reporting currency is set: add to kpi.yaml, e.g. currency: " + first
                + " and fx: { <other>: <rate> } (1 <other> = <rate> " + first + ")");
    }

    private KpiException missingRate(MissingRateException e) {
        String cur = e.currencies().iterator().next();
        return new KpiException(ExitCode.CONFIG, e.getMessage() + ": add the rate to kpi.yaml, e.g. fx: { " + cur
                + ": 1.08 } meaning 1 " + cur + " = 1.08 " + e.reporting());
    }
}
