package dev.kpi.calc.clv;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The RFM summary of one customer over the calibration period, as lifetimes'
 * {@code summary_data_from_transaction_data} defines it (see {@link RfmSummary} for the rules).
 *
 * @param frequency            repeat purchase periods: distinct purchase periods minus the first one
 * @param recency              time from the first to the last purchase period, in the table's time unit
 * @param t                    time from the first purchase period to the end of the calibration period
 * @param monetaryValue        mean value of the repeat purchase periods (the first period excluded),
 *                             exact to the micro (half-even); 0 when {@code frequency} is 0
 * @param repeatValueMicros    exact sum of the repeat purchase periods, in micros
 * @param holdoutFrequency     purchase periods in the holdout window, or null without a holdout window
 * @param holdoutMonetaryValue mean value of the holdout purchase periods (0 when none), or null
 */
public record CustomerRfm(String customerId, int frequency, double recency, double t, BigDecimal monetaryValue,
                          LocalDate firstPurchase, LocalDate lastPurchase, long repeatValueMicros,
                          Integer holdoutFrequency, BigDecimal holdoutMonetaryValue) {

    /** The mean repeat value as a double, for the models (computed from the exact sum). */
    public double monetaryValueAsDouble() {
        return frequency == 0 ? 0.0 : (repeatValueMicros / 1e6) / frequency;
    }
}
