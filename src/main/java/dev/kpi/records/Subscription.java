package dev.kpi.records;

import java.time.LocalDate;

/**
 * A subscription line from a billing export, in one of two shapes:
 * <ul>
 *   <li>a <b>ledger line</b> ({@code month} set): the customer's recurring amount in that calendar month
 *       (a "month, customer, MRR" sheet, one row per customer and month);</li>
 *   <li>a <b>span</b> ({@code month} null, {@code start} set): one subscription from {@code start} until
 *       {@code end} (exclusive; null while it runs), as Stripe and Chargebee export them, one row per
 *       subscription. {@code trialEnd}, when after {@code start}, is when paying begins.</li>
 * </ul>
 * {@code amount} is in micros of {@code currency} (null = the reporting currency), charged every
 * {@code interval} (quantity already applied); the calculator turns it into MRR (a yearly amount ÷ 12).
 * {@code status} is the export's status as written, or null. {@code observed} is the latest date the row
 * shows as already past (its start, current period start or end; the last day of a ledger line's month), from which the
 * export's date is estimated.
 */
public record Subscription(
        String id,
        String customerId,
        LocalDate month,
        LocalDate start,
        LocalDate end,
        LocalDate trialEnd,
        long amount,
        BillingInterval interval,
        String currency,
        String plan,
        String status,
        LocalDate observed) {

    public boolean isLedgerLine() { return month != null; }
}
