package dev.kpi.calc.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase (order, invoice, won deal) of a customer: the input of {@link RfmSummary}.
 * {@code amountMicros} is the value in micros of the reporting currency (see {@link dev.kpi.records.Micros});
 * it may be negative (a refund booked as its own line) and is summed with the other purchases of the
 * same period.
 */
public record Purchase(String customerId, LocalDate date, long amountMicros) {
    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
    }
}
