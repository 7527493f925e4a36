package dev.kpi.calc.clv;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * MRR of one month and how it moved from the previous month (money in micros). A customer is active in
 * a month when their MRR there is &gt; 0. Movements, per customer, from the previous month (prev) to
 * this one (cur):
 * <ul>
 *   <li>new: prev = 0, cur &gt; 0 and never active before — MRR cur;</li>
 *   <li>reactivation: prev = 0, cur &gt; 0, active in some earlier month — MRR cur;</li>
 *   <li>expansion: 0 &lt; prev &lt; cur — cur − prev; contraction: prev &gt; cur &gt; 0 — prev − cur;</li>
 *   <li>churned: prev &gt; 0, cur = 0 (no subscription left) — MRR prev.</li>
 * </ul>
 * So mrr = startMrr + new + expansion + reactivation − contraction − churned.
 */
public record MrrMonth(YearMonth month, long startMrr, long newMrr, long expansionMrr, long contractionMrr,
                       long churnedMrr, long reactivationMrr, long mrr, int customersAtStart, int newCustomers,
                       int reactivatedCustomers, int churnedCustomers, int customersAtEnd) {

    /** new + expansion + reactivation − contraction − churned = mrr − startMrr. */
    public long netNewMrr() {
        return newMrr + expansionMrr + reactivationMrr - contractionMrr - churnedMrr;
    }

    /** ARPA = MRR / active accounts at the end of the month; null when there is none. */
    public Ratio arpa() {
        return Ratio.of(money(mrr), BigDecimal.valueOf(customersAtEnd), Kind.MONEY, "no active customer in " + month);
    }

    /** Customer churn rate = customers lost / customers active at the start (in the previous month). */
    public Ratio customerChurnRate() {
        return Ratio.of(churnedCustomers, customersAtStart, Kind.PERCENT, "no customer at the start of " + month);
    }

    /** Gross MRR churn = churned MRR / MRR at the start of the month (the catalogue's definition). */
    public Ratio grossMrrChurn() {
        return Ratio.of(money(churnedMrr), money(startMrr), Kind.PERCENT, "no MRR at the start of " + month);
    }

    /**
     * Net MRR churn = (churned + contraction − expansion) / MRR at the start of the month; negative when
     * the starting customers grew. New and reactivated MRR are left out: it comes from customers who
     * were not in the starting MRR.
     */
    public Ratio netMrrChurn() {
        return Ratio.of(money(churnedMrr + contractionMrr - expansionMrr), money(startMrr), Kind.PERCENT,
                "no MRR at the start of " + month);
    }

    /**
     * A ledger amount (MRR × 12, in micros) as money, rounded half-even to the micro once, here: the sum
     * of three yearly 1,000 plans is exactly 250.000000 a month, not 249.999999.
     */
    static BigDecimal money(long twelfths) {
        return BigDecimal.valueOf(twelfths).divide(TWELVE_MILLION, 6, java.math.RoundingMode.HALF_EVEN);
    }

    private static final BigDecimal TWELVE_MILLION = BigDecimal.valueOf(12_000_000L);
}
