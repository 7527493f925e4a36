package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PaymentStatusTest {
    @Test void paidUnpaidAndUnknown() {
        for (String s : new String[] {null, "", "Paid", "succeeded", " paid ", "Partially refunded", "Complete"}) {
            assertEquals(PaymentStatus.PAID, PaymentStatus.of(s), String.valueOf(s));
        }
        // Stripe charges and invoices, Chargebee invoices
        for (String s : new String[] {"Failed", "Refunded", "open", "void", "draft", "uncollectible", "payment_due",
                "not_paid", "voided", "pending"}) {
            assertEquals(PaymentStatus.NOT_PAID, PaymentStatus.of(s), s);
        }
        assertEquals(PaymentStatus.UNKNOWN, PaymentStatus.of("on hold"));
    }
}
