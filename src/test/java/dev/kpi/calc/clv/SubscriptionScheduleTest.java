package dev.kpi.calc.clv;

import dev.kpi.records.BillingInterval;
import dev.kpi.records.Fx;
import dev.kpi.records.Micros;
import dev.kpi.records.Subscription;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SubscriptionScheduleTest {
    private static long usd(String s) { return Micros.of(new BigDecimal(s)); }

    /** A ledger amount (MRR × 12 in micros, see SubscriptionLine) as micros, rounded half-even. */
    private static long micros(long twelfths) {
        return BigDecimal.valueOf(twelfths).divide(BigDecimal.valueOf(12), 0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    private static Subscription span(String customer, String start, String end, String amount, BillingInterval interval,
                                     String trialEnd, String status) {
        return new Subscription(null, customer, null, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                trialEnd == null ? null : LocalDate.parse(trialEnd), usd(amount), interval, null, null, status,
                LocalDate.parse(start));
    }

    private static Subscription ledgerLine(String customer, String month, String amount, BillingInterval interval) {
        LocalDate m = LocalDate.parse(month + "-01");
        return new Subscription(null, customer, m, null, null, null, usd(amount), interval, null, null, null,
                m.withDayOfMonth(m.lengthOfMonth()));
    }

    private static SubscriptionSchedule schedule() {
        return new SubscriptionSchedule(new ReportingAmounts(new Fx("USD", Map.of())));
    }

    private static long mrrIn(MrrLedger ledger, String month, String customer) {
        for (MrrLedger.ActiveCustomer c : ledger.activeIn(YearMonth.parse(month))) {
            if (c.customerId().equals(customer)) return micros(c.mrr());
        }
        return 0;
    }

    @Test void monthlyMrrOfEachInterval() {
        // 1,000.00 a year / 12 = 83.3333333… → 83.333333 (half-even to the micro, as AnnualPlan)
        assertEquals(83_333_333L, SubscriptionSchedule.monthlyMrr(usd("1000"), BillingInterval.YEARLY));
        assertEquals(AnnualPlan.monthlyMrr(usd("1000")), SubscriptionSchedule.monthlyMrr(usd("1000"), BillingInterval.YEARLY));
        // 2,000.00 every 2 years / 24 = 83.333333
        assertEquals(83_333_333L, SubscriptionSchedule.monthlyMrr(usd("2000"), new BillingInterval(BillingInterval.Unit.YEAR, 2)));
        // 300.00 a quarter / 3 = 100
        assertEquals(usd("100"), SubscriptionSchedule.monthlyMrr(usd("300"), BillingInterval.parse("quarterly")));
        // 10.00 a week × 52 / 12 = 43.333333…→ 43.333333
        assertEquals(43_333_333L, SubscriptionSchedule.monthlyMrr(usd("10"), BillingInterval.parse("weekly")));
        // 1.00 a day × 365 / 12 = 30.416666… → 30.416667
        assertEquals(30_416_667L, SubscriptionSchedule.monthlyMrr(usd("1"), BillingInterval.parse("daily")));
        // 0.000006 a year / 12 = 0.0000005 → half-even to 0.000000 (ties to even: 0)
        assertEquals(0L, SubscriptionSchedule.monthlyMrr(6, BillingInterval.YEARLY));
        assertEquals(2L, SubscriptionSchedule.monthlyMrr(30, BillingInterval.YEARLY)); // 2.5 → 2
        assertEquals(usd("49"), SubscriptionSchedule.monthlyMrr(usd("49"), BillingInterval.MONTHLY));
    }

    @Test void aSpanCountsInTheMonthsOnWhoseLastDayItIsActive() {
        SubscriptionSchedule s = schedule();
        // starts 20 Jan (active on 31 Jan), ends 15 Apr (not active on 30 Apr): Jan, Feb, Mar
        s.add(span("a", "2025-01-20", "2025-04-15", "10", BillingInterval.MONTHLY, null, "canceled"));
        // starts and ends within February: never active on a month's last day, never counts
        s.add(span("b", "2025-02-03", "2025-02-25", "10", BillingInterval.MONTHLY, null, "canceled"));
        // ends on 31 Mar itself: not active on 31 Mar (the end is exclusive), so Jan and Feb only
        s.add(span("c", "2025-01-01", "2025-03-31", "10", BillingInterval.MONTHLY, null, "canceled"));
        // a yearly plan with a trial to 10 Feb: pays from February, 120 / 12 = 10 a month, still running
        s.add(span("d", "2025-01-25", null, "120", BillingInterval.YEARLY, "2025-02-10", "active"));
        // trialing with no trial end date: left out; never paid: left out
        s.add(span("e", "2025-01-05", null, "10", BillingInterval.MONTHLY, null, "trialing"));
        s.add(span("f", "2025-01-05", "2025-01-06", "10", BillingInterval.MONTHLY, null, "incomplete_expired"));
        // canceled, but when? no end date: left out rather than counted as running
        s.add(span("h", "2025-01-05", null, "10", BillingInterval.MONTHLY, null, "Canceled"));
        // starts after the as-of date within its month (as-of 2025-04-10): not yet counted
        s.add(span("g", "2025-04-20", null, "10", BillingInterval.MONTHLY, null, "active"));
        MrrLedger l = s.finish(LocalDate.of(2025, 4, 10));
        assertEquals(usd("10"), mrrIn(l, "2025-01", "a"));
        assertEquals(usd("10"), mrrIn(l, "2025-03", "a"));
        // on the as-of date, 10 April, it has not ended yet; on 30 April it has
        assertEquals(usd("10"), mrrIn(l, "2025-04", "a"));
        assertEquals(0, mrrIn(s.finish(LocalDate.of(2025, 4, 30)), "2025-04", "a"));
        for (String m : List.of("2025-01", "2025-02", "2025-03")) assertEquals(0, mrrIn(l, m, "b"), m);
        assertEquals(usd("10"), mrrIn(l, "2025-02", "c"));
        assertEquals(0, mrrIn(l, "2025-03", "c"));
        assertEquals(0, mrrIn(l, "2025-01", "d"));
        assertEquals(usd("10"), mrrIn(l, "2025-02", "d"));
        assertEquals(usd("10"), mrrIn(l, "2025-04", "d")); // running: counts up to the as-of month
        assertEquals(0, mrrIn(l, "2025-04", "g"));
        assertEquals(Map.of("status incomplete_expired (never paid)", 1, "trialing without a trial end date", 1,
                "status Canceled without an end date", 1), s.leftOut());
        assertEquals(0, mrrIn(l, "2025-02", "h"));
        // as-of date defaults to the latest observed date (here the starts: 2025-04-20), so g counts in April
        assertEquals(LocalDate.of(2025, 4, 20), s.latestDate());
        assertEquals(usd("10"), mrrIn(s.finish(null), "2025-04", "g"));
        assertEquals(YearMonth.of(2025, 1), s.firstMonth());
    }

    @Test void ledgerLinesAreMonthlyAmountsAndMergeAddsUp() {
        SubscriptionSchedule one = schedule();
        SubscriptionSchedule two = schedule();
        one.add(ledgerLine("a", "2025-01", "1200", BillingInterval.YEARLY)); // 100 in January only
        two.add(ledgerLine("a", "2025-01", "50", BillingInterval.MONTHLY));  // a second line the same month: summed
        two.add(span("b", "2025-01-10", null, "30", BillingInterval.MONTHLY, null, "active"));
        one.merge(two);
        MrrLedger l = one.finish(LocalDate.of(2025, 2, 28));
        assertEquals(usd("150"), mrrIn(l, "2025-01", "a"));
        assertEquals(0, mrrIn(l, "2025-02", "a"));
        assertEquals(usd("30"), mrrIn(l, "2025-02", "b"));
        assertEquals(3, one.records());
    }

    @Test void amountsAreConvertedToTheReportingCurrency() {
        SubscriptionSchedule s = new SubscriptionSchedule(new ReportingAmounts(new Fx("USD", Map.of("EUR", new BigDecimal("1.08")))));
        s.add(new Subscription(null, "a", LocalDate.of(2025, 1, 1), null, null, null, usd("100"), BillingInterval.MONTHLY,
                "EUR", null, null, LocalDate.of(2025, 1, 31)));
        // 100 EUR × 1.08 = 108 USD
        assertEquals(usd("108"), mrrIn(s.finish(null), "2025-01", "a"));
    }
}
