package dev.kpi.calc.clv;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * MRR over a window of months [from, to] (money in micros). Monthly rates over the window are ratios of
 * sums over its months (never averages of monthly rates). "At start" means active in the month before
 * {@code from}.
 *
 * @param startMrr               MRR of the month before {@code from}
 * @param customersAtStart       customers active in the month before {@code from}
 * @param startingCustomersLost  of those, customers who churned at least once in the window
 * @param joinedAndChurned       customers not active at the start who became active and churned within the
 *                               window (reported apart from the churn rate's denominator, as the catalogue says)
 * @param payingCustomers        distinct customers with MRR in some month of the window
 * @param revenueMicros          sum of the monthly MRR over the window
 */
public record MrrSummary(YearMonth from, YearMonth to, List<MrrMonth> months, long startMrr, long endMrr,
                         long newMrr, long expansionMrr, long contractionMrr, long churnedMrr, long reactivationMrr,
                         int customersAtStart, int customersAtEnd, int newCustomers, int reactivatedCustomers,
                         int churnedCustomers, int startingCustomersLost, int joinedAndChurned, int payingCustomers,
                         long revenueMicros) {

    public MrrSummary {
        months = List.copyOf(months);
    }

    private long sumStartMrr() {
        long s = 0;
        for (MrrMonth m : months) s += m.startMrr();
        return s;
    }

    private long sumCustomersAtStart() {
        long s = 0;
        for (MrrMonth m : months) s += m.customersAtStart();
        return s;
    }

    /** Monthly customer churn rate = Σ churned customers / Σ customers at the start of each month. */
    public Ratio monthlyCustomerChurnRate() {
        return Ratio.of(churnedCustomers, sumCustomersAtStart(), Kind.PERCENT, "no customer at the start of any month");
    }

    /** Average customer lifespan in months = 1 / monthly churn = Σ customers at start / Σ churned; null without churn. */
    public Ratio averageLifespanMonths() {
        return Ratio.of(sumCustomersAtStart(), churnedCustomers, Kind.MONTHS, "no customer churned in the window");
    }

    /** Churn of the starting base: starting customers lost in the window / customers at the start. */
    public Ratio customerChurnRate() {
        return Ratio.of(startingCustomersLost, customersAtStart, Kind.PERCENT, "no customer at the start of " + from);
    }

    /** Monthly gross MRR churn = Σ churned MRR / Σ MRR at the start of each month. */
    public Ratio monthlyGrossMrrChurn() {
        return Ratio.of(MrrMonth.money(churnedMrr), MrrMonth.money(sumStartMrr()), Kind.PERCENT,
                "no MRR at the start of any month");
    }

    /** Monthly net MRR churn = Σ (churned + contraction − expansion) / Σ MRR at the start of each month. */
    public Ratio monthlyNetMrrChurn() {
        return Ratio.of(MrrMonth.money(churnedMrr + contractionMrr - expansionMrr), MrrMonth.money(sumStartMrr()),
                Kind.PERCENT, "no MRR at the start of any month");
    }

    /** ARPA (monthly) = Σ MRR / Σ active accounts at the end of each month. */
    public Ratio arpa() {
        long accounts = 0;
        for (MrrMonth m : months) accounts += m.customersAtEnd();
        return Ratio.of(MrrMonth.money(revenueMicros), BigDecimal.valueOf(accounts), Kind.MONEY, "no active customer in the window");
    }

    /** ARPC = revenue over the window / distinct paying customers in it. */
    public Ratio arpc() {
        return Ratio.of(MrrMonth.money(revenueMicros), BigDecimal.valueOf(payingCustomers), Kind.MONEY,
                "no paying customer in the window");
    }
}
