package dev.kpi.calc.clv;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;
import dev.kpi.records.Micros;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of {@code kpi clv} without a model: one row per month of the window, a total over it, the
 * customer-value figures under {@code clv} with the formulas that made them under {@code formulas}, and
 * with {@code --cohorts} the retention table.
 *
 * <p>From subscriptions, each month: MRR at its start and end, the movements (new, expansion,
 * reactivation, contraction, churned; see {@link MrrMonth}), customers, ARPA, customer churn rate,
 * gross and net MRR churn. The total row: MRR and customers at the start and end of the window, the
 * movements summed, and monthly rates over the window as ratios of sums.
 *
 * <p>From purchases, each month: revenue, orders, paying customers, new customers (first purchase ever
 * seen), returning customers, average order value and ARPC.
 *
 * <p>The {@code clv} figures: ARPA (subscriptions), ARPC of the window, average customer value per month
 * (ARPC spread over the window's months), monthly customer churn (Σ churned / Σ customers at the start
 * of each month, or {@code --churn}), lifespan = 1 / churn, the three CLV formulas of {@link ClvFormula}
 * (without a gross margin they are revenue CLV and say so), and with a CAC: LTV:CAC (on the
 * subscription CLV, else value × lifespan) and CAC payback months (on ARPA, else the monthly value).
 */
final class MonthlyReport {
    private MonthlyReport() {}

    static Report subscriptions(ClvCalculator.Options o, MrrLedger ledger, YearMonth from, YearMonth to, LocalDate asOf,
                                ClvCalculator.Cac cac, String currency) {
        MrrSummary s = ledger.finish(from, to);
        LocalDate end = asOf;
        // from/to say what was asked (null when not given), as in every command; the months covered are extra
        Report r = new Report("clv").period(o.from(), o.to()).groupBy(List.of("month")).currency(currency);
        r.extra().put("coveredFrom", from.atDay(1));
        r.extra().put("coveredTo", end);
        r.column("month", "Month", Kind.TEXT)
                .column("startMrr", "MRR at start", Kind.MONEY)
                .column("newMrr", "New", Kind.MONEY)
                .column("expansionMrr", "Expansion", Kind.MONEY)
                .column("reactivationMrr", "Reactivation", Kind.MONEY)
                .column("contractionMrr", "Contraction", Kind.MONEY)
                .column("churnedMrr", "Churned", Kind.MONEY)
                .column("netNewMrr", "Net new", Kind.MONEY)
                .column("mrr", "MRR", Kind.MONEY)
                .column("customersAtStart", "Cust. at start", Kind.COUNT)
                .column("newCustomers", "New cust.", Kind.COUNT)
                .column("reactivatedCustomers", "Reactivated", Kind.COUNT)
                .column("churnedCustomers", "Churned cust.", Kind.COUNT)
                .column("customers", "Customers", Kind.COUNT)
                .column("arpa", "ARPA", Kind.MONEY)
                .column("customerChurnRate", "Cust. churn", Kind.PERCENT)
                .column("grossMrrChurn", "Gross MRR churn", Kind.PERCENT)
                .column("netMrrChurn", "Net MRR churn", Kind.PERCENT);
        for (MrrMonth m : s.months()) {
            r.rows().add(new Row().put("month", m.month().toString())
                    .put("startMrr", money(m.startMrr())).put("newMrr", money(m.newMrr()))
                    .put("expansionMrr", money(m.expansionMrr())).put("reactivationMrr", money(m.reactivationMrr()))
                    .put("contractionMrr", money(m.contractionMrr())).put("churnedMrr", money(m.churnedMrr()))
                    .put("netNewMrr", money(m.netNewMrr())).put("mrr", money(m.mrr()))
                    .put("customersAtStart", (long) m.customersAtStart()).put("newCustomers", (long) m.newCustomers())
                    .put("reactivatedCustomers", (long) m.reactivatedCustomers())
                    .put("churnedCustomers", (long) m.churnedCustomers()).put("customers", (long) m.customersAtEnd())
                    .put("arpa", m.arpa()).put("customerChurnRate", m.customerChurnRate())
                    .put("grossMrrChurn", m.grossMrrChurn()).put("netMrrChurn", m.netMrrChurn()));
        }
        long net = s.newMrr() + s.expansionMrr() + s.reactivationMrr() - s.contractionMrr() - s.churnedMrr();
        r.total(new Row().put("startMrr", money(s.startMrr())).put("newMrr", money(s.newMrr()))
                .put("expansionMrr", money(s.expansionMrr())).put("reactivationMrr", money(s.reactivationMrr()))
                .put("contractionMrr", money(s.contractionMrr())).put("churnedMrr", money(s.churnedMrr()))
                .put("netNewMrr", money(net)).put("mrr", money(s.endMrr()))
                .put("customersAtStart", (long) s.customersAtStart()).put("newCustomers", (long) s.newCustomers())
                .put("reactivatedCustomers", (long) s.reactivatedCustomers())
                .put("churnedCustomers", (long) s.churnedCustomers()).put("customers", (long) s.customersAtEnd())
                .put("arpa", s.arpa()).put("customerChurnRate", s.monthlyCustomerChurnRate())
                .put("grossMrrChurn", s.monthlyGrossMrrChurn()).put("netMrrChurn", s.monthlyNetMrrChurn()));

        int months = s.months().size();
        Ratio churn = o.churn() != null ? Ratio.of(o.churn(), BigDecimal.ONE, Kind.PERCENT, "unreachable") : s.monthlyCustomerChurnRate();
        Ratio lifespan = o.churn() != null ? Ratio.of(BigDecimal.ONE, o.churn(), Kind.MONTHS, "a churn of 0 means an unbounded lifespan")
                : s.averageLifespanMonths();
        Ratio monthlyValue = Ratio.of(MrrMonth.money(s.revenueMicros()), BigDecimal.valueOf((long) s.payingCustomers() * months),
                Kind.MONEY, "no paying customer in the window");
        Row clv = new Row().put("months", (long) months)
                .put("arpa", s.arpa())
                .put("arpc", s.arpc())
                .put("averageMonthlyValue", monthlyValue)
                .put("customerChurnRate", churn)
                .put("lifespanMonths", lifespan)
                .put("customersAtStart", (long) s.customersAtStart())
                .put("startingCustomersLost", (long) s.startingCustomersLost())
                .put("joinedAndChurned", (long) s.joinedAndChurned());
        List<ClvFormula> formulas = List.of(
                ClvFormula.subscription(s.arpa(), o.grossMargin(), churn),
                ClvFormula.profitTimesYears(s.arpa(), o.grossMargin(), lifespan, cac == null ? null : cac.value()),
                ClvFormula.valueTimesLifespan(monthlyValue, o.grossMargin(), lifespan));
        finishClv(r, clv, formulas, formulas.get(0).value().isNull() ? formulas.get(2) : formulas.get(0), s.arpa(), "ARPA", o, cac);
        if (o.cohorts()) addCohorts(r, ledger, new YearMonth[] {from, to}, true);
        r.notes().add("Total: MRR and customers at the start and end of the window, movements summed, rates monthly"
                + " over the window (sums of numerators over sums of denominators).");
        return r;
    }

    static Report purchases(ClvCalculator.Options o, MrrLedger ledger, Map<Integer, Long> orders, YearMonth from,
                            YearMonth to, ClvCalculator.Cac cac, String currency) {
        MrrSummary s = ledger.finish(from, to);
        LocalDate end = o.to() != null ? o.to() : to.atEndOfMonth();
        LocalDate start = o.from() != null ? o.from() : from.atDay(1);
        Report r = new Report("clv").period(o.from(), o.to()).groupBy(List.of("month")).currency(currency);
        r.extra().put("coveredFrom", start);
        r.extra().put("coveredTo", end);
        r.column("month", "Month", Kind.TEXT)
                .column("revenue", "Revenue", Kind.MONEY)
                .column("orders", "Orders", Kind.COUNT)
                .column("customers", "Customers", Kind.COUNT)
                .column("newCustomers", "New", Kind.COUNT)
                .column("returningCustomers", "Returning", Kind.COUNT)
                .column("averageOrderValue", "Avg order", Kind.MONEY)
                .column("arpc", "ARPC", Kind.MONEY);
        long totalOrders = 0;
        for (MrrMonth m : s.months()) {
            int k = m.month().getYear() * 12 + m.month().getMonthValue() - 1;
            long n = orders.getOrDefault(k, 0L);
            totalOrders += n;
            BigDecimal revenue = MrrMonth.money(m.mrr());
            r.rows().add(new Row().put("month", m.month().toString()).put("revenue", Report.money(revenue))
                    .put("orders", n).put("customers", (long) m.customersAtEnd())
                    .put("newCustomers", (long) m.newCustomers())
                    .put("returningCustomers", (long) (m.customersAtEnd() - m.newCustomers()))
                    .put("averageOrderValue", Ratio.of(revenue, BigDecimal.valueOf(n), Kind.MONEY, "no orders in " + m.month()))
                    .put("arpc", Ratio.of(revenue, BigDecimal.valueOf(m.customersAtEnd()), Kind.MONEY, "no customer bought in " + m.month())));
        }
        BigDecimal revenue = MrrMonth.money(s.revenueMicros());
        r.total(new Row().put("revenue", Report.money(revenue)).put("orders", totalOrders)
                .put("customers", (long) s.payingCustomers()).put("newCustomers", (long) s.newCustomers())
                .put("returningCustomers", (long) (s.payingCustomers() - s.newCustomers()))
                .put("averageOrderValue", Ratio.of(revenue, BigDecimal.valueOf(totalOrders), Kind.MONEY, "no orders in the window"))
                .put("arpc", s.arpc()));

        int months = s.months().size();
        Ratio monthlyValue = Ratio.of(revenue, BigDecimal.valueOf((long) s.payingCustomers() * months), Kind.MONEY,
                "no paying customer in the window");
        Ratio churn = o.churn() == null ? null : Ratio.of(o.churn(), BigDecimal.ONE, Kind.PERCENT, "unreachable");
        Ratio lifespan = o.churn() == null
                ? new Ratio(null, null, null, null, null, null,
                "purchases do not say when a customer has left: give --churn, use --subscriptions, or fit --model bgnbd")
                : Ratio.of(BigDecimal.ONE, o.churn(), Kind.MONTHS, "a churn of 0 means an unbounded lifespan");
        Row clv = new Row().put("months", (long) months)
                .put("arpc", s.arpc())
                .put("averageMonthlyValue", monthlyValue)
                .put("purchasesPerCustomer", Ratio.of(totalOrders, s.payingCustomers(), Kind.NUMBER, "no paying customer"))
                .put("customerChurnRate", churn)
                .put("lifespanMonths", lifespan);
        // ARPA × margin / churn needs subscriptions: from purchases the two other formulas apply
        List<ClvFormula> formulas = List.of(
                ClvFormula.profitTimesYears(monthlyValue, o.grossMargin(), lifespan, cac == null ? null : cac.value()),
                ClvFormula.valueTimesLifespan(monthlyValue, o.grossMargin(), lifespan));
        finishClv(r, clv, formulas, formulas.get(1), monthlyValue, "average customer value per month", o, cac);
        if (o.cohorts()) addCohorts(r, ledger, new YearMonth[] {from, to}, false);
        r.notes().add("Customers are those who bought in the month; new = first purchase seen in the data;"
                + " the total counts each customer once.");
        return r;
    }

    /** Adds the CLV figures (extra "clv", "formulas"), the table section and warnings for null values. */
    private static void finishClv(Report r, Row clv, List<ClvFormula> formulas, ClvFormula forLtv, Ratio monthlyValue,
                                  String monthlyValueName, ClvCalculator.Options o, ClvCalculator.Cac cac) {
        if (o.grossMargin() != null) clv.put("grossMargin", o.grossMargin());
        Map<String, String> texts = new LinkedHashMap<>();
        for (ClvFormula f : formulas) {
            clv.put(f.key(), f.value());
            texts.put(f.key(), f.formula());
        }
        if (cac != null) {
            ClvFormula ltv = ClvFormula.ltvToCacFrom(forLtv.value(), cac.value());
            ClvFormula payback = ClvFormula.cacPaybackMonths(cac.value(), monthlyValue, o.grossMargin(), monthlyValueName);
            clv.put("cac", Report.money(cac.value())).put("cacSource", cac.source())
                    .put(ltv.key(), ltv.value()).put(payback.key(), payback.value());
            texts.put(ltv.key(), forLtv.key() + " / CAC");
            texts.put(payback.key(), payback.formula());
            formulas = new ArrayList<>(formulas);
            formulas.add(ltv);
            formulas.add(payback);
        }
        clv.put("basis", o.grossMargin() == null ? "revenue" : "gross margin");
        r.extra().put("clv", clv);
        r.extra().put("formulas", texts);

        List<Column> cols = new ArrayList<>();
        Row row = new Row();
        String[][] shown = {{"arpa", "ARPA", "MONEY"}, {"averageMonthlyValue", "Value/month", "MONEY"},
                {"customerChurnRate", "Churn/month", "PERCENT"}, {"lifespanMonths", "Lifespan (months)", "MONTHS"},
                {"clvSubscription", "CLV: ARPA/churn", "MONEY"}, {"clvProfitTimesYears", "CLV: profit×years", "MONEY"},
                {"clvValueTimesLifespan", "CLV: value×lifespan", "MONEY"}, {"cac", "CAC", "MONEY"},
                {"ltvToCac", "LTV:CAC", "MULTIPLE"}, {"paybackMonths", "Payback (months)", "MONTHS"}};
        for (String[] c : shown) {
            if (!clv.has(c[0])) continue;
            cols.add(new Column(c[0], c[1], Kind.valueOf(c[2])));
            row.put(c[0], clv.get(c[0]));
        }
        r.sections().add(new Section(o.grossMargin() == null ? "Customer lifetime value (revenue CLV: no --gross-margin)"
                : "Customer lifetime value (gross margin " + o.grossMargin().stripTrailingZeros().toPlainString() + ")",
                "clv", cols, List.of(row)));
        for (ClvFormula f : formulas) {
            r.notes().add(label(f.key()) + " = " + f.formula());
            if (f.value().isNull() && f.value().nullReason() != null) r.warn(f.key() + " is null: " + f.value().nullReason());
        }
        if (o.grossMargin() == null) {
            r.notes().add("No --gross-margin: every CLV here is revenue CLV (what customers pay, not what they earn you).");
        }
        if (cac != null) r.notes().add("CAC " + Report.money(cac.value()).toPlainString() + ": " + cac.source() + ".");
    }

    private static String label(String key) {
        switch (key) {
            case "clvSubscription": return "CLV (subscription)";
            case "clvProfitTimesYears": return "CLV (profit × years)";
            case "clvValueTimesLifespan": return "CLV (value × lifespan)";
            case "ltvToCac": return "LTV:CAC";
            case "paybackMonths": return "CAC payback (months)";
            default: return key;
        }
    }

    /** The cohort table: one row per cohort (month of first MRR or purchase) and month since its start. */
    static void addCohorts(Report r, MrrLedger ledger, YearMonth[] window, boolean subscriptions) {
        String amount = subscriptions ? "mrr" : "revenue";
        List<Column> cols = List.of(new Column("cohort", "Cohort", Kind.TEXT),
                new Column("monthsSinceStart", "Month", Kind.COUNT),
                new Column("month", "Calendar month", Kind.TEXT),
                new Column("cohortCustomers", "Cohort size", Kind.COUNT),
                new Column("activeCustomers", subscriptions ? "Active" : "Buying", Kind.COUNT),
                new Column("customerRetention", "Customer retention", Kind.PERCENT),
                new Column(amount, subscriptions ? "MRR" : "Revenue", Kind.MONEY),
                new Column("revenueRetention", "Revenue retention", Kind.PERCENT));
        List<Row> rows = new ArrayList<>();
        for (MrrCohort c : ledger.cohorts(window[0], window[1])) {
            for (MrrCohort.Month m : c.months()) {
                rows.add(new Row().put("cohort", c.start().toString()).put("monthsSinceStart", (long) m.offset())
                        .put("month", m.month().toString()).put("cohortCustomers", (long) m.cohortCustomers())
                        .put("activeCustomers", (long) m.activeCustomers()).put("customerRetention", m.customerRetention())
                        .put(amount, money(m.mrr())).put("revenueRetention", m.revenueRetention()));
            }
        }
        r.sections().add(new Section(subscriptions ? "Cohorts by month of first MRR" : "Cohorts by month of first purchase",
                "cohorts", cols, rows));
        r.notes().add("Cohorts: customer retention = customers " + (subscriptions ? "paying" : "buying")
                + " in the month / cohort size (a customer who returns counts again); revenue retention = the cohort's "
                + (subscriptions ? "MRR" : "revenue") + " in the month / in its first month.");
    }

    /** A ledger amount (MRR × 12, in micros) as money. */
    static BigDecimal money(long twelfths) {
        return Report.money(MrrMonth.money(twelfths));
    }
}
