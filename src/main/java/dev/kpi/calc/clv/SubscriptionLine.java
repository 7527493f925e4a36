package dev.kpi.calc.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Monthly recurring revenue of a customer in a month: the input of {@link MrrLedger}. {@code month} may be
 * any day of the month (it is bucketed by calendar month); {@code mrrMicros} is in micros of the reporting
 * currency. Several lines of one customer in one month (several subscriptions) are added up. Annual
 * plans are normalised to monthly lines with {@link AnnualPlan}.
 */
public record SubscriptionLine(String customerId, LocalDate month, long mrrMicros) {
    public SubscriptionLine {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(month, "month");
    }
}
