package dev.kpi.calc.clv;

import dev.kpi.records.Micros;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hand-built ledger, 2024, dollars:
 * <pre>
 *        Jan  Feb  Mar      Apr  May  Jun  Jul  Aug
 *   A    100  100  150      120   -    -    80   80     expansion, contraction, churn, reactivation
 *   B     -   100  100      100  100  100  100  100     annual plan 1,200 from 2024-02-15 → 100 a month
 *   C     50   50  50 + 25   75   75   -    -    -      second subscription in March, churns in June
 *   D     50   50  50       50   50   50   50   50      annual plan 600 from 2024-01-01 → 50 a month
 * </pre>
 * Month by month (start → end; movements):
 * <pre>
 *   Jan   0 → 200  new 200 (A, C, D)           customers 0 → 3, new 3
 *   Feb 200 → 300  new 100 (B)                 3 → 4, new 1; churn 0 / 3 = 0
 *   Mar 300 → 375  expansion 50 (A) + 25 (C)   4 → 4; net MRR churn (0 + 0 − 75) / 300 = −0.25
 *   Apr 375 → 345  contraction 30 (A)          4 → 4; net MRR churn 30 / 375 = 0.08, gross 0
 *   May 345 → 225  churned 120 (A)             4 → 3; churn 1/4 = 0.25; gross = net = 120/345 = 0.347826…
 *   Jun 225 → 150  churned 75 (C)              3 → 2; churn 1/3; gross 75/225 = 0.333333…
 *   Jul 150 → 230  reactivation 80 (A)         2 → 3, reactivated 1; churn 0/2 = 0; net MRR churn 0
 *   Aug 230 → 230  —                           3 → 3
 * </pre>
 */
class MrrLedgerTest {
    private static long usd(String s) { return Micros.of(new BigDecimal(s)); }

    /** A ledger amount (MRR × 12 in micros, see SubscriptionLine) as micros, rounded half-even. */
    private static long micros(long twelfths) {
        return BigDecimal.valueOf(twelfths).divide(BigDecimal.valueOf(12), 0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    private static SubscriptionLine line(String c, String date, String mrr) {
        return new SubscriptionLine(c, LocalDate.parse(date), usd(mrr));
    }

    static List<SubscriptionLine> ledger() {
        List<SubscriptionLine> l = new ArrayList<>();
        l.add(line("A", "2024-01-01", "100"));
        l.add(line("A", "2024-02-01", "100"));
        l.add(line("A", "2024-03-31", "150")); // any day of the month
        l.add(line("A", "2024-04-01", "120"));
        l.add(line("A", "2024-07-01", "80"));
        l.add(line("A", "2024-08-01", "80"));
        l.addAll(AnnualPlan.lines("B", LocalDate.of(2024, 2, 15), usd("1200")));
        l.add(line("C", "2024-01-01", "50"));
        l.add(line("C", "2024-02-01", "50"));
        l.add(line("C", "2024-03-01", "50"));
        l.add(line("C", "2024-03-01", "25"));
        l.add(line("C", "2024-04-01", "75"));
        l.add(line("C", "2024-05-01", "75"));
        l.addAll(AnnualPlan.lines("D", LocalDate.of(2024, 1, 1), usd("600")));
        return l;
    }

    private static void assertMonth(MrrMonth m, String start, String nw, String exp, String con, String churn,
                                     String react, String end, int cStart, int cNew, int cReact, int cChurn, int cEnd) {
        String at = m.month().toString();
        assertEquals(usd(start), micros(m.startMrr()), at + " start");
        assertEquals(usd(nw), micros(m.newMrr()), at + " new");
        assertEquals(usd(exp), micros(m.expansionMrr()), at + " expansion");
        assertEquals(usd(con), micros(m.contractionMrr()), at + " contraction");
        assertEquals(usd(churn), micros(m.churnedMrr()), at + " churned");
        assertEquals(usd(react), micros(m.reactivationMrr()), at + " reactivation");
        assertEquals(usd(end), micros(m.mrr()), at + " mrr");
        assertEquals(m.mrr() - m.startMrr(), m.netNewMrr(), at + " identity"); // in ledger units (MRR × 12)
        assertEquals(cStart, m.customersAtStart(), at + " customers at start");
        assertEquals(cNew, m.newCustomers(), at + " new customers");
        assertEquals(cReact, m.reactivatedCustomers(), at + " reactivated");
        assertEquals(cChurn, m.churnedCustomers(), at + " churned customers");
        assertEquals(cEnd, m.customersAtEnd(), at + " customers at end");
    }

    @Test void everyMovementByHand() {
        MrrLedger ledger = new MrrLedger();
        ledger.addAll(ledger());
        MrrSummary s = ledger.finish(YearMonth.of(2024, 1), YearMonth.of(2024, 8));
        List<MrrMonth> m = s.months();
        assertEquals(8, m.size());
        assertMonth(m.get(0), "0", "200", "0", "0", "0", "0", "200", 0, 3, 0, 0, 3);
        assertMonth(m.get(1), "200", "100", "0", "0", "0", "0", "300", 3, 1, 0, 0, 4);
        assertMonth(m.get(2), "300", "0", "75", "0", "0", "0", "375", 4, 0, 0, 0, 4);
        assertMonth(m.get(3), "375", "0", "0", "30", "0", "0", "345", 4, 0, 0, 0, 4);
        assertMonth(m.get(4), "345", "0", "0", "0", "120", "0", "225", 4, 0, 0, 1, 3);
        assertMonth(m.get(5), "225", "0", "0", "0", "75", "0", "150", 3, 0, 0, 1, 2);
        assertMonth(m.get(6), "150", "0", "0", "0", "0", "80", "230", 2, 0, 1, 0, 3);
        assertMonth(m.get(7), "230", "0", "0", "0", "0", "0", "230", 3, 0, 0, 0, 3);

        // monthly ratios
        assertTrue(m.get(0).customerChurnRate().isNull());
        assertTrue(m.get(0).grossMrrChurn().isNull());
        assertEquals(new BigDecimal("66.67"), m.get(0).arpa().value());       // 200 / 3
        assertEquals(new BigDecimal("-0.250000"), m.get(2).netMrrChurn().value()); // −75 / 300
        assertEquals(new BigDecimal("0.000000"), m.get(3).grossMrrChurn().value());
        assertEquals(new BigDecimal("0.080000"), m.get(3).netMrrChurn().value());  // 30 / 375
        assertEquals(new BigDecimal("0.250000"), m.get(4).customerChurnRate().value()); // 1 / 4
        assertEquals(new BigDecimal("0.347826"), m.get(4).grossMrrChurn().value()); // 120 / 345 = 0.3478260…
        assertEquals(new BigDecimal("0.333333"), m.get(5).customerChurnRate().value()); // 1 / 3
        assertEquals(new BigDecimal("0.000000"), m.get(6).netMrrChurn().value()); // reactivation is not in net churn
        assertEquals(new BigDecimal("76.67"), m.get(6).arpa().value());       // 230 / 3

        // window totals: 0 + 300 + 75 + 80 − 30 − 195 = 230
        assertEquals(0, s.startMrr());
        assertEquals(usd("230"), micros(s.endMrr()));
        assertEquals(usd("300"), micros(s.newMrr()));
        assertEquals(usd("75"), micros(s.expansionMrr()));
        assertEquals(usd("30"), micros(s.contractionMrr()));
        assertEquals(usd("195"), micros(s.churnedMrr()));
        assertEquals(usd("80"), micros(s.reactivationMrr()));
        assertEquals(4, s.newCustomers());
        assertEquals(1, s.reactivatedCustomers());
        assertEquals(2, s.churnedCustomers());
        // Σ customers at start = 0+3+4+4+4+3+2+3 = 23; churn 2 / 23 = 0.0869565…; lifespan 23 / 2 = 11.5 months
        assertEquals(new BigDecimal("0.086957"), s.monthlyCustomerChurnRate().value());
        assertEquals(new BigDecimal("11.5000"), s.averageLifespanMonths().value());
        // Σ start MRR = 0+200+300+375+345+225+150+230 = 1825; gross 195 / 1825 = 0.1068493…;
        // net (195 + 30 − 75) / 1825 = 150 / 1825 = 0.0821917…
        assertEquals(new BigDecimal("0.106849"), s.monthlyGrossMrrChurn().value());
        assertEquals(new BigDecimal("0.082192"), s.monthlyNetMrrChurn().value());
        // revenue 200+300+375+345+225+150+230+230 = 2055; Σ accounts at end = 3+4+4+4+3+2+3+3 = 26
        assertEquals(usd("2055"), micros(s.revenueMicros()));
        assertEquals(new BigDecimal("79.04"), s.arpa().value());  // 2055 / 26 = 79.0384…
        assertEquals(4, s.payingCustomers());
        assertEquals(new BigDecimal("513.75"), s.arpc().value()); // 2055 / 4
        // nobody active in Dec 2023: the starting-base churn is null; A and C joined and churned within
        assertEquals(0, s.customersAtStart());
        assertTrue(s.customerChurnRate().isNull());
        assertEquals(2, s.joinedAndChurned());
    }

    @Test void laterWindowUsesEarlierHistory() {
        MrrLedger ledger = new MrrLedger();
        ledger.addAll(ledger());
        MrrSummary s = ledger.finish(YearMonth.of(2024, 3), YearMonth.of(2024, 8));
        // at start = active in Feb: A, B, C, D; A (May) and C (June) are lost → 2 / 4
        assertEquals(4, s.customersAtStart());
        assertEquals(usd("300"), micros(s.startMrr()));
        assertEquals(2, s.startingCustomersLost());
        assertEquals(0, s.joinedAndChurned());
        assertEquals(new BigDecimal("0.500000"), s.customerChurnRate().value());
        // A's July return is a reactivation: A was active before the window
        assertEquals(usd("80"), micros(s.reactivationMrr()));
        assertEquals(0, s.newCustomers());
    }

    @Test void defaultWindowRunsFromFirstToLastMonthAndCountsContraction() {
        MrrLedger ledger = new MrrLedger();
        ledger.addAll(ledger());
        MrrSummary s = ledger.finish();
        // B's annual plan runs to January 2025, D's to December 2024
        assertEquals(YearMonth.of(2024, 1), s.from());
        assertEquals(YearMonth.of(2025, 1), s.to());
        assertEquals(13, s.months().size());
        // Sep: A has no line → churns 80; Jan 2025: D ends → churns 50, B (100) remains
        MrrMonth sep = s.months().get(8);
        assertEquals(usd("80"), micros(sep.churnedMrr()));
        MrrMonth jan25 = s.months().get(12);
        assertEquals(usd("50"), micros(jan25.churnedMrr()));
        assertEquals(usd("100"), micros(jan25.mrr()));
        assertNull(new MrrLedger().finish());
    }

    @Test void cohortsByFirstMonth() {
        MrrLedger ledger = new MrrLedger();
        ledger.addAll(ledger());
        List<MrrCohort> cohorts = ledger.cohorts(YearMonth.of(2024, 1), YearMonth.of(2024, 8));
        assertEquals(2, cohorts.size());
        // January cohort: A, C, D with 200. Active / MRR by month (from the table above):
        //   Jan 3/200, Feb 3/200, Mar 3/275, Apr 3/245, May 2/125 (C, D), Jun 1/50 (D), Jul 2/130 (A back), Aug 2/130
        MrrCohort jan = cohorts.get(0);
        assertEquals(YearMonth.of(2024, 1), jan.start());
        assertEquals(3, jan.customers());
        int[] active = {3, 3, 3, 3, 2, 1, 2, 2};
        String[] mrr = {"200", "200", "275", "245", "125", "50", "130", "130"};
        assertEquals(8, jan.months().size());
        for (int k = 0; k < 8; k++) {
            assertEquals(active[k], jan.months().get(k).activeCustomers(), "offset " + k);
            assertEquals(usd(mrr[k]), micros(jan.months().get(k).mrr()), "offset " + k);
        }
        assertEquals(new BigDecimal("0.666667"), jan.months().get(4).customerRetention().value()); // 2 / 3
        // surviving (never churned): A leaves in May and comes back, so from May on only C and D, then D
        assertArrayEquals(new double[] {3, 3, 3, 3, 2, 1, 1, 1}, jan.survivalSeries());
        assertEquals(new BigDecimal("1.375000"), jan.months().get(2).revenueRetention().value());  // 275 / 200
        assertEquals(new BigDecimal("0.250000"), jan.months().get(5).revenueRetention().value());  // 50 / 200
        // February cohort: B alone, 100 from Feb to Aug (7 months)
        MrrCohort feb = cohorts.get(1);
        assertEquals(1, feb.customers());
        assertEquals(7, feb.months().size());
        assertEquals(YearMonth.of(2024, 8), feb.months().get(6).month());
        assertEquals(new BigDecimal("1.000000"), feb.months().get(6).customerRetention().value());
    }

    @Test void mergeEqualsOneLedger() {
        List<SubscriptionLine> all = ledger();
        MrrLedger one = new MrrLedger();
        one.addAll(all);
        MrrLedger a = new MrrLedger();
        MrrLedger b = new MrrLedger();
        for (int i = 0; i < all.size(); i++) (i % 2 == 0 ? a : b).add(all.get(i));
        a.merge(b);
        YearMonth from = YearMonth.of(2024, 1), to = YearMonth.of(2024, 12);
        assertEquals(one.finish(from, to), a.finish(from, to));
    }

    @Test void annualPlanRoundsHalfEvenToTheMicro() {
        // 1,000.00 / 12 = 83.333333|33… → 83.333333; 12 months make 999.999996 (4 micros short)
        assertEquals(83_333_333L, AnnualPlan.monthlyMrr(usd("1000")));
        // 0.000030 / 12 = 2.5 micros → 2 (half-even); 0.000042 / 12 = 3.5 → 4
        assertEquals(2L, AnnualPlan.monthlyMrr(30));
        assertEquals(4L, AnnualPlan.monthlyMrr(42));
        List<SubscriptionLine> l = AnnualPlan.lines("X", LocalDate.of(2024, 11, 20), usd("1000"));
        assertEquals(12, l.size());
        assertEquals(LocalDate.of(2024, 11, 1), l.get(0).month());
        assertEquals(LocalDate.of(2025, 10, 1), l.get(11).month());
        assertEquals(usd("1000") - 4, l.stream().mapToLong(SubscriptionLine::mrrMicros).sum());
    }
}
