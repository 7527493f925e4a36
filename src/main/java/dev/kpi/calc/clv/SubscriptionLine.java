package dev.kpi.calc.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Monthly recurring revenue of a customer in a month: the input of {@link MrrLedger}. {@code month} may be
 * any day of the month (it is bucketed by calendar month). {@code mrrTwelfths} is the MRR × 12 in micros
 * of the reporting currency: exact for plans billed monthly, quarterly, twice a year, yearly, weekly
 * (× 52) or daily (× 365), whose MRR is rarely a whole number of micros (1,000 a year is 83.333…). The
 * ledger adds twelfths, so sums stay exact and rounding happens once, at output. {@code mrrMicros} is the
 * same MRR rounded half-even to the micro. Several lines of one customer in one month (several
 * subscriptions) are added up. Annual plans are normalised to monthly lines with {@link AnnualPlan}.
 */
public record SubscriptionLine(String customerId, LocalDate month, long mrrMicros, long mrrTwelfths) {
    public SubscriptionLine {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(month, "month");
    }

    /** A line whose MRR is a whole number of micros (a monthly plan, a ledger row). */
    public SubscriptionLine(String customerId, LocalDate month, long mrrMicros) {
        this(customerId, month, mrrMicros, Math.multiplyExact(mrrMicros, 12L));
    }
}
