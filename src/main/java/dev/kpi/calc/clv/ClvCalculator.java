package dev.kpi.calc.clv;

import dev.kpi.calc.Report;
import dev.kpi.records.Deal;
import dev.kpi.records.Outcome;
import dev.kpi.records.Subscription;
import dev.kpi.records.Transaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Customer value ({@code kpi clv}): streams purchases (transactions, or won deals per account) and
 * subscriptions, then builds one of three reports at {@link #finish}:
 * <ul>
 *   <li><b>models</b> ({@code bgnbd}, {@code pareto}, {@code gamma-gamma}): the RFM summary of the
 *       purchases up to {@code to}, the fitted models and one row per customer (see {@link ModelReport});
 *       {@code sbg} adds a retention fit and its projection;</li>
 *   <li><b>sbg only</b>: the shifted-beta-geometric retention fit and its projection, one row per period
 *       (see {@link RetentionReport});</li>
 *   <li><b>no model</b>: MRR per month and its movements from subscriptions, or revenue per month from
 *       purchases, with the simple CLV formulas (see {@link MonthlyReport}).</li>
 * </ul>
 * Amounts are put in the reporting currency as they are read ({@link ReportingAmounts}). Memory: per
 * customer an RFM accumulator (models), per customer and month one ledger entry (monthly report,
 * cohorts, sBG from subscriptions), per subscription row one small span.
 */
public final class ClvCalculator {

    /** The probabilistic models of {@code --model}. */
    public enum Model {
        BGNBD("bgnbd"), PARETO("pareto"), GAMMA_GAMMA("gamma-gamma"), SBG("sbg");

        private final String key;

        Model(String key) { this.key = key; }

        public String key() { return key; }

        /** A transaction model (fitted on the RFM summary of purchases). */
        public boolean usesPurchases() { return this != SBG; }

        /** {@code bgnbd|bg-nbd|bg/nbd, pareto|pareto-nbd, gamma-gamma|gg, sbg|shifted-beta-geometric}. */
        public static Model parse(String s) {
            switch (s.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "bgnbd": case "bg-nbd": case "bg/nbd": return BGNBD;
                case "pareto": case "pareto-nbd": case "paretonbd": case "pareto/nbd": return PARETO;
                case "gamma-gamma": case "gammagamma": case "gg": return GAMMA_GAMMA;
                case "sbg": case "shifted-beta-geometric": return SBG;
                default: throw new IllegalArgumentException("unknown model '" + s + "': use bgnbd, pareto, gamma-gamma or sbg");
            }
        }
    }

    /**
     * Settings from the command line.
     *
     * @param from          first day of the window (monthly report); must be null with transaction models
     * @param to            last day of the window: the calibration end of the transaction models, the as-of
     *                      date of subscriptions
     * @param holdoutTo     last day of the holdout window after {@code to} (transaction models), or null
     * @param horizon       prediction horizon in {@code unit} (transaction models) or in periods (sBG)
     * @param discount      discount rate per month (transaction CLV) and per period (sBG)
     * @param top           rows of the most valuable customers when not {@code perCustomer}
     * @param retention     customers still active at the start of periods 0..n, one series per cohort (sBG);
     *                      empty to take monthly cohorts from the subscriptions
     * @param fitPeriods    periods of each retention series to fit (null = all)
     * @param grossMargin   fraction, or null (CLV is then revenue CLV and says so)
     * @param churn         monthly customer churn to use instead of the measured one, or null
     * @param valuePerPeriod value of one period's payment for sBG money values, or null (ARPA when
     *                       subscriptions are given)
     */
    public record Options(LocalDate from, LocalDate to, LocalDate holdoutTo, List<Model> models, ClvTimeUnit unit,
                          double horizon, double discount, int clvMonths, boolean perCustomer, int top,
                          List<double[]> retention, Integer fitPeriods, boolean cohorts, BigDecimal grossMargin,
                          BigDecimal churn, BigDecimal valuePerPeriod) {
        public Options {
            Objects.requireNonNull(unit, "unit");
            models = List.copyOf(models);
            retention = retention == null ? List.of() : List.copyOf(retention);
        }

        public boolean has(Model m) { return models.contains(m); }

        public boolean transactionModels() {
            for (Model m : models) if (m.usesPurchases()) return true;
            return false;
        }
    }

    /** A CAC to compare CLV with: the value and where it came from. */
    public record Cac(BigDecimal value, String source) {}

    private final Options options;
    private final ReportingAmounts amounts;
    private final RfmSummary rfm;
    private final MrrLedger purchases;
    private final Map<Integer, Long> ordersPerMonth;
    private final SubscriptionSchedule subscriptions;
    private long transactionsRead;
    private long purchasesRead;
    private long dealsWon;
    /**
     * Ids of the won deals and transactions read, so the same record in two files counts once. Within one
     * calculator; the CLI reads every input into one, so {@link #merge} does not compare them.
     */
    private final java.util.Set<String> seenIds = new java.util.HashSet<>();
    private long duplicates;
    private long wonWithoutClose;
    private long wonWithoutAmount;
    private final Map<String, Long> notPaid = new TreeMap<>();
    private final Map<String, Long> unknownStatus = new TreeMap<>();
    private boolean sawSubscriptions;

    public ClvCalculator(Options options, ReportingAmounts amounts) {
        this.options = Objects.requireNonNull(options, "options");
        this.amounts = Objects.requireNonNull(amounts, "amounts");
        this.rfm = options.transactionModels()
                ? new RfmSummary(new RfmSummary.Options(options.to(), options.holdoutTo(), options.unit(), RfmSummary.Grouping.DAY))
                : null;
        this.purchases = options.transactionModels() && !options.cohorts() ? null : new MrrLedger();
        this.ordersPerMonth = purchases == null ? null : new HashMap<>();
        this.subscriptions = new SubscriptionSchedule(amounts);
    }

    public Options options() { return options; }

    /** A transaction: counted as a purchase when its status is paid (or unknown, which is reported). */
    public void add(Transaction t) {
        transactionsRead++;
        if (t.id() != null && !seenIds.add("t:" + t.id())) {
            duplicates++;
            return;
        }
        PaymentStatus st = PaymentStatus.of(t.status());
        if (st == PaymentStatus.NOT_PAID) {
            notPaid.merge(t.status().strip().toLowerCase(Locale.ROOT), 1L, Long::sum);
            return;
        }
        if (st == PaymentStatus.UNKNOWN) unknownStatus.merge(t.status().strip(), 1L, Long::sum);
        purchase(t.customerId(), t.date(), amounts.convert(t.currency(), t.amount()));
    }

    /** A deal: a won deal with a close date is a purchase of its account (else contact, else the deal). */
    public void add(Deal d) {
        if (d.outcome() != Outcome.WON) return;
        if (d.id() != null && !seenIds.add("d:" + d.id())) {
            duplicates++;
            return;
        }
        dealsWon++;
        if (d.closed() == null) {
            wonWithoutClose++;
            return;
        }
        if (!d.hasAmount()) wonWithoutAmount++;
        purchase(d.customerKey(), d.closed().toLocalDate(), d.hasAmount() ? amounts.convert(d.currency(), d.amount()) : 0);
    }

    private void purchase(String customer, LocalDate date, long micros) {
        purchasesRead++;
        if (rfm != null) rfm.add(new Purchase(customer, date, micros));
        if (purchases != null) {
            purchases.add(new SubscriptionLine(customer, date, micros));
            ordersPerMonth.merge(date.getYear() * 12 + date.getMonthValue() - 1, 1L, Long::sum);
        }
    }

    public void add(Subscription s) {
        sawSubscriptions = true;
        subscriptions.add(s);
    }

    /** Adds everything {@code other} has seen (same options); {@code other} is left unchanged. */
    public void merge(ClvCalculator other) {
        if (!options.equals(other.options)) throw new IllegalArgumentException("cannot merge calculators with different options");
        if (rfm != null) rfm.merge(other.rfm);
        if (purchases != null) {
            purchases.merge(other.purchases);
            other.ordersPerMonth.forEach((k, v) -> ordersPerMonth.merge(k, v, Long::sum));
        }
        subscriptions.merge(other.subscriptions);
        transactionsRead += other.transactionsRead;
        purchasesRead += other.purchasesRead;
        dealsWon += other.dealsWon;
        wonWithoutClose += other.wonWithoutClose;
        duplicates += other.duplicates;
        wonWithoutAmount += other.wonWithoutAmount;
        other.notPaid.forEach((k, v) -> notPaid.merge(k, v, Long::sum));
        other.unknownStatus.forEach((k, v) -> unknownStatus.merge(k, v, Long::sum));
        sawSubscriptions |= other.sawSubscriptions;
    }

    /** Purchases counted so far (paid transactions and won deals with a close date). */
    public long purchases() { return purchasesRead; }

    /**
     * The report. {@code cac} (may be null) is compared with CLV in the monthly report.
     *
     * @throws ModelFitException when a model cannot be fitted on the data (with advice)
     */
    public Report finish(Cac cac) {
        Report r;
        if (options.transactionModels()) {
            if (purchasesRead == 0) throw new ModelFitException(noPurchases());
            r = ModelReport.build(options, rfm.finish(), amounts.currency());
            if (options.has(Model.SBG)) RetentionReport.addTo(r, options, retentionSource(), false);
            if (options.cohorts()) MonthlyReport.addCohorts(r, purchases, purchaseWindow(), false);
        } else if (options.has(Model.SBG)) {
            r = new Report("clv").currency(amounts.currency());
            RetentionReport.addTo(r, options, retentionSource(), true);
            r.period(options.from(), options.to());
        } else if (sawSubscriptions) {
            LocalDate asOf = asOf();
            MrrLedger ledger = subscriptions.finish(asOf);
            YearMonth[] w = subscriptionWindow(asOf);
            r = MonthlyReport.subscriptions(options, ledger, w[0], w[1], asOf, cac, amounts.currency());
            noteSubscriptions(r, asOf);
        } else {
            if (purchasesRead == 0) throw new ModelFitException(noPurchases());
            YearMonth[] w = purchaseWindow();
            r = MonthlyReport.purchases(options, purchases, ordersPerMonth, w[0], w[1], cac, amounts.currency());
        }
        notePurchases(r);
        r.warnAboutNullRatios();
        return r;
    }

    private String noPurchases() {
        if (transactionsRead > 0) {
            return "none of the " + transactionsRead + " transactions is paid (statuses " + String.join(", ", notPaid.keySet())
                    + "): there are no purchases to analyse";
        }
        if (dealsWon > 0) return "no won deal has a close date: there are no purchases to analyse";
        return "there are no purchases to analyse: give --transactions FILE (or --deals FILE with won deals)";
    }

    /** Where the sBG series come from: --retention, else the subscriptions' monthly cohorts. */
    private RetentionReport.Source retentionSource() {
        if (!options.retention().isEmpty()) return RetentionReport.Source.given(options.retention(), options.valuePerPeriod());
        if (!sawSubscriptions) {
            throw new ModelFitException("sbg needs a retention series: give --retention 100,63.1,46.8,… (or a cohort"
                    + " file), or --subscriptions FILE to take monthly cohorts from");
        }
        LocalDate asOf = asOf();
        MrrLedger ledger = subscriptions.finish(asOf);
        YearMonth[] w = subscriptionWindow(asOf);
        return RetentionReport.Source.subscriptions(ledger, w[0], w[1], options.valuePerPeriod());
    }

    private LocalDate asOf() {
        LocalDate asOf = options.to() != null ? options.to() : subscriptions.latestDate();
        if (asOf == null) throw new ModelFitException("the subscriptions have no dates to place them in months");
        return asOf;
    }

    private YearMonth[] subscriptionWindow(LocalDate asOf) {
        YearMonth to = YearMonth.from(asOf);
        YearMonth from = options.from() != null ? YearMonth.from(options.from()) : subscriptions.firstMonth();
        if (from == null) throw new ModelFitException("no subscription has a paying month up to " + asOf);
        if (from.isAfter(to)) {
            throw new ModelFitException("the first paying month (" + from + ") is after " + asOf + ": no month to report");
        }
        return new YearMonth[] {from, to};
    }

    private YearMonth[] purchaseWindow() {
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (int k : ordersPerMonth.keySet()) {
            lo = Math.min(lo, k);
            hi = Math.max(hi, k);
        }
        YearMonth from = options.from() != null ? YearMonth.from(options.from()) : YearMonth.of(Math.floorDiv(lo, 12), Math.floorMod(lo, 12) + 1);
        YearMonth to = options.to() != null ? YearMonth.from(options.to()) : YearMonth.of(Math.floorDiv(hi, 12), Math.floorMod(hi, 12) + 1);
        if (from.isAfter(to)) throw new ModelFitException("no month between --from and --to");
        return new YearMonth[] {from, to};
    }

    private void noteSubscriptions(Report r, LocalDate asOf) {
        if (options.to() == null) {
            r.notes().add("Subscriptions are measured up to " + asOf + ", the latest date in the export; set --to to choose.");
        }
        subscriptions.leftOut().forEach((why, n) -> r.warn(n + " subscription" + (n == 1 ? " was" : "s were")
                + " left out: " + why));
    }

    private void notePurchases(Report r) {
        if (!notPaid.isEmpty()) {
            List<String> parts = new ArrayList<>();
            notPaid.forEach((k, v) -> parts.add(v + " " + k));
            r.notes().add("Transactions that are not purchases were left out: " + String.join(", ", parts) + ".");
        }
        if (!unknownStatus.isEmpty()) {
            List<String> parts = new ArrayList<>();
            unknownStatus.forEach((k, v) -> parts.add(v + " '" + k + "'"));
            r.warn("transaction statuses kpi does not know were counted as paid: " + String.join(", ", parts));
        }
        if (duplicates > 0) {
            r.warn(duplicates + " record" + (duplicates == 1 ? " repeats an id" : "s repeat ids") + " already read (the same"
                    + " deal or payment in two files?); counted once");
        }
        if (wonWithoutClose > 0) {
            r.warn(wonWithoutClose + " won deal" + (wonWithoutClose == 1 ? " has" : "s have")
                    + " no close date and cannot be placed in time; left out");
        }
        if (wonWithoutAmount > 0) {
            r.warn(wonWithoutAmount + " won deal" + (wonWithoutAmount == 1 ? " has" : "s have")
                    + " no amount: counted as purchases of value 0");
        }
    }
}
