package dev.kpi.input;

import dev.kpi.config.KpiConfig;
import dev.kpi.records.BillingInterval;
import dev.kpi.records.RecordType;
import dev.kpi.records.Subscription;
import dev.kpi.records.Transaction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The billing presets recognise their fixtures (invented data in the shapes of real exports) and map them. */
class BillingExportsTest {
    private static final Path DIR = Path.of("src/test/resources/clv");

    private static <T> List<T> read(String file, RecordType type, String preset) {
        RecordReader reader = new RecordReader(KpiConfig.empty(), new Diagnostics());
        List<T> out = new ArrayList<>();
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(DIR.resolve(file)), null), type)) {
            assertEquals(preset, o.preset.name(), file);
            o.stream(r -> {
                @SuppressWarnings("unchecked") T t = (T) r;
                out.add(t);
            });
        }
        return out;
    }

    @Test void stripePaymentsTakeRefundsOff() {
        List<Transaction> t = read("stripe_payments.csv", RecordType.TRANSACTIONS, "stripe-payments");
        assertEquals(9, t.size());
        Transaction first = t.get(0);
        assertEquals("cus_Ra1", first.customerId());
        assertEquals(LocalDate.of(2025, 1, 5), first.date());
        assertEquals(120_000_000L, first.amount());
        assertEquals("USD", first.currency());
        assertEquals("Paid", first.status());
        assertEquals(150_000_000L, t.get(4).amount()); // 200.00 − 50.00 refunded
        assertEquals(0L, t.get(5).amount());           // fully refunded
        assertEquals("Refunded", t.get(5).status());
    }

    @Test void invoicesFallBackToTheInvoiceDateWhenUnpaid() {
        List<Transaction> s = read("stripe_invoices.csv", RecordType.TRANSACTIONS, "stripe-invoices");
        assertEquals(7, s.size());
        assertEquals(LocalDate.of(2025, 1, 4), s.get(0).date());  // Paid At (UTC)
        assertEquals(LocalDate.of(2025, 1, 3), s.get(1).date());  // open: Date (UTC)
        assertEquals(0L, s.get(1).amount());                      // Amount Paid 0.00
        List<Transaction> c = read("chargebee_invoices.csv", RecordType.TRANSACTIONS, "chargebee-invoices");
        assertEquals(6, c.size());
        assertEquals("EUR", c.get(0).currency());
        assertEquals(LocalDate.of(2025, 1, 16), c.get(1).date()); // invoices.paid_at before invoices.date
        assertEquals(LocalDate.of(2025, 2, 5), c.get(2).date());
        read("transactions.csv", RecordType.TRANSACTIONS, "kpi-transactions");
    }

    @Test void stripeSubscriptions() {
        List<Subscription> s = read("stripe_subscriptions.csv", RecordType.SUBSCRIPTIONS, "stripe-subscriptions");
        assertEquals(10, s.size());
        Subscription alder = s.get(0);
        assertFalse(alder.isLedgerLine());
        assertEquals(LocalDate.of(2025, 1, 10), alder.start());
        assertNull(alder.end()); // active: "Canceled At" is the request, not an end
        assertEquals(LocalDate.of(2025, 6, 10), alder.observed()); // Current Period Start
        assertEquals(BillingInterval.YEARLY, s.get(1).interval());
        assertEquals(LocalDate.of(2025, 3, 5), s.get(2).end());    // Ended At
        assertEquals(80_000_000L, s.get(3).amount());              // 2 × 40.00
        assertEquals(LocalDate.of(2025, 2, 3), s.get(7).trialEnd());
        assertEquals("incomplete_expired", s.get(8).status());
    }

    @Test void chargebeeSubscriptions() {
        List<Subscription> s = read("chargebee_subscriptions.csv", RecordType.SUBSCRIPTIONS, "chargebee-subscriptions");
        assertEquals(9, s.size());
        assertEquals(LocalDate.of(2025, 7, 10), s.get(0).end());   // non_renewing: cancelled_at is the scheduled end
        assertEquals(LocalDate.of(2025, 6, 10), s.get(0).observed()); // a future end is not "observed"
        assertEquals(LocalDate.of(2025, 3, 5), s.get(2).end());    // cancelled
        assertEquals(50_000_000L, s.get(2).amount());              // the plan price, not subscriptions.mrr (0.00)
        assertEquals("EUR", s.get(0).currency());
    }

    @Test void genericLedger() {
        List<Subscription> s = read("subscriptions_ledger.csv", RecordType.SUBSCRIPTIONS, "kpi-subscriptions");
        assertEquals(24, s.size());
        assertTrue(s.get(0).isLedgerLine());
        assertEquals(LocalDate.of(2025, 1, 1), s.get(0).month());
        assertEquals(BillingInterval.YEARLY, s.get(6).interval()); // annual = yes
        assertEquals(BillingInterval.MONTHLY, s.get(0).interval());
    }
}
