package dev.kpi.calc.clv;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a payment or invoice status means money came in. Only paid rows are purchases: a failed
 * charge, a draft, open or void invoice, or a fully refunded payment is not. A status outside both
 * lists is counted as paid and reported, so an unfamiliar export is never silently emptied.
 */
public enum PaymentStatus {
    PAID, NOT_PAID, UNKNOWN;

    private static final Set<String> PAID_WORDS = Set.of("paid", "succeeded", "success", "successful", "complete",
            "completed", "captured", "settled", "partially refunded", "partially_refunded", "partial refund", "won",
            "closed won", "active");
    private static final Set<String> NOT_PAID_WORDS = Set.of("failed", "failure", "declined", "canceled", "cancelled",
            "void", "voided", "draft", "open", "pending", "uncollectible", "refunded", "fully refunded", "not_paid",
            "not paid", "payment_due", "payment due", "posted", "unpaid", "expired", "requires_payment_method",
            "requires_action", "incomplete", "chargeback", "disputed lost", "lost", "deleted");

    /** PAID for a null or blank status (an export without a status column lists only purchases). */
    public static PaymentStatus of(String status) {
        if (status == null || status.isBlank()) return PAID;
        String s = status.strip().toLowerCase(Locale.ROOT);
        if (PAID_WORDS.contains(s)) return PAID;
        if (NOT_PAID_WORDS.contains(s)) return NOT_PAID;
        return UNKNOWN;
    }
}
