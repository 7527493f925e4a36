package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RfmSummaryTest {
    private static final LocalDate CAL_END = LocalDate.of(1997, 9, 30);

    private static Purchase p(String c, String date, String amount) {
        return new Purchase(c, LocalDate.parse(date), dev.kpi.records.Micros.of(new BigDecimal(amount)));
    }

    /**
     * The summary file shipped with lifetimes (Fader & Hardie's own CDNOW calibration summary, x, t_x, T
     * in weeks with two decimals, zbar in dollars) is reproduced for every one of the 2,357 customers by:
     * same-day purchases combined (amounts summed), t_x and T = day differences / 7, T measured to the
     * calibration end date 1997-09-30 (not its end of day: 272 days / 7 = 38.86 for 1997-01-01), zbar =
     * mean of the repeat days' sums.
     */
    @Test void reproducesTheCdnowCalibrationSummaryExactly() {
        RfmSummary s = new RfmSummary(RfmSummary.Options.of(CAL_END, ClvTimeUnit.WEEK));
        CdnowData.purchases().forEach(s::add);
        RfmTable table = s.finish();
        Map<String, CustomerRfm> byId = new HashMap<>();
        table.customers().forEach(c -> byId.put(c.customerId(), c));
        List<CdnowData.SummaryRow> expected = CdnowData.summary();
        assertEquals(2357, expected.size());
        assertEquals(2357, table.customers().size());
        int matched = 0;
        for (CdnowData.SummaryRow e : expected) {
            CustomerRfm c = byId.get(e.id());
            assertNotNull(c, e.id());
            boolean ok = c.frequency() == e.x()
                    && Math.abs(c.recency() - e.tx()) <= 0.005 + 1e-9
                    && Math.abs(c.t() - e.t()) <= 0.005 + 1e-9
                    && Math.abs(c.monetaryValue().doubleValue() - e.zbar()) <= 0.005 + 1e-9;
            if (ok) matched++;
        }
        assertEquals(2357, matched, "customers whose x, t_x, T and zbar match the published summary");
        // 946 repeat buyers, as in Fader, Hardie & Lee (2005) "RFM and CLV"
        assertEquals(946, table.customers().stream().filter(c -> c.frequency() > 0).count());
        assertEquals(6919, table.purchasesUsed() + table.purchasesIgnored());
        assertEquals(0, table.customersOnlyInHoldout());
        // customer 1: 1997-01-01, 01-18, 08-02 in calibration: x = 2, t_x = 213 / 7, T = 272 / 7,
        // zbar = (29.73 + 14.96) / 2 = 22.345
        CustomerRfm one = byId.get("1");
        assertEquals(2, one.frequency());
        assertEquals(213 / 7.0, one.recency(), 1e-12);
        assertEquals(272 / 7.0, one.t(), 1e-12);
        assertEquals(new BigDecimal("22.345000"), one.monetaryValue());
    }

    /** Counting every purchase row instead of purchase days would not match: the combining rule matters. */
    @Test void sameDayPurchasesAreWhatMakesTheDifference() {
        Map<String, Integer> rows = new HashMap<>();
        for (Purchase p : CdnowData.purchases()) {
            if (!p.date().isAfter(CAL_END)) rows.merge(p.customerId(), 1, Integer::sum);
        }
        int differ = 0;
        for (CdnowData.SummaryRow e : CdnowData.summary()) if (rows.get(e.id()) - 1 != e.x()) differ++;
        assertTrue(differ > 50, "customers with same-day repeat rows in the calibration period: " + differ);
    }

    private static List<Purchase> handLedger() {
        List<Purchase> l = new ArrayList<>();
        l.add(p("a", "2024-01-17", "30.00"));
        l.add(p("a", "2024-01-03", "10.00"));
        l.add(p("a", "2024-02-11", "3.00"));
        l.add(p("c", "2024-01-31", "9.99"));
        l.add(p("a", "2024-01-05", "20.00"));
        l.add(p("b", "2024-02-01", "50.00"));
        l.add(p("a", "2024-03-10", "99.00"));
        l.add(p("a", "2024-01-03", "5.00"));
        l.add(p("a", "2024-02-10", "7.00"));
        return l;
    }

    private static final RfmSummary.Options HOLDOUT_DAY = new RfmSummary.Options(
            LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), ClvTimeUnit.WEEK, RfmSummary.Grouping.DAY);

    @Test void dayGroupingWithHoldoutByHand() {
        RfmSummary s = new RfmSummary(HOLDOUT_DAY);
        handLedger().forEach(s::add);
        RfmTable t = s.finish();
        // a: purchase days 01-03 (10 + 5 = 15), 01-05 (20), 01-17 (30) → x = 2, recency = 14 d / 7 = 2,
        //    T = 28 d / 7 = 4, monetary = (20 + 30) / 2 = 25; holdout days 02-10, 02-11 → 2, mean (7 + 3) / 2 = 5
        // c: one purchase on the calibration end → x = 0, recency = T = 0, monetary 0, no holdout purchase
        // b: first buys in the holdout window → left out; 03-10 is after the observation end → ignored
        assertEquals(List.of("a", "c"), t.customers().stream().map(CustomerRfm::customerId).toList());
        CustomerRfm a = t.customers().get(0);
        assertEquals(2, a.frequency());
        assertEquals(2.0, a.recency(), 1e-12);
        assertEquals(4.0, a.t(), 1e-12);
        assertEquals(new BigDecimal("25.000000"), a.monetaryValue());
        assertEquals(50_000_000L, a.repeatValueMicros());
        assertEquals(LocalDate.of(2024, 1, 3), a.firstPurchase());
        assertEquals(LocalDate.of(2024, 1, 17), a.lastPurchase());
        assertEquals(2, a.holdoutFrequency());
        assertEquals(new BigDecimal("5.000000"), a.holdoutMonetaryValue());
        CustomerRfm c = t.customers().get(1);
        assertEquals(0, c.frequency());
        assertEquals(0.0, c.recency());
        assertEquals(0.0, c.t());
        assertEquals(0, c.monetaryValue().signum());
        assertEquals(0, c.holdoutFrequency());
        assertEquals(29 / 7.0, t.durationHoldout(), 1e-12); // 01-31 → 02-29 is 29 days
        assertEquals(8, t.purchasesUsed());
        assertEquals(1, t.purchasesIgnored());
        assertEquals(1, t.customersOnlyInHoldout());
    }

    @Test void weekPeriodGroupingByHand() {
        RfmSummary s = new RfmSummary(new RfmSummary.Options(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29),
                ClvTimeUnit.WEEK, RfmSummary.Grouping.PERIOD));
        handLedger().forEach(s::add);
        RfmTable t = s.finish();
        // ISO weeks (2024-01-01 is a Monday): 01-03 and 01-05 share the week of 01-01 (35), 01-17 is in the
        // week of 01-15 (30) → x = 1, recency = 2 weeks; 01-31 is in the week of 01-29 → T = 4 weeks;
        // monetary = 30. Holdout: 02-10 (Sat) and 02-11 (Sun) are one week → 1 period of 10;
        // duration = week of 02-26 − week of 01-29 = 4.
        CustomerRfm a = t.customers().get(0);
        assertEquals(1, a.frequency());
        assertEquals(2.0, a.recency());
        assertEquals(4.0, a.t());
        assertEquals(new BigDecimal("30.000000"), a.monetaryValue());
        assertEquals(1, a.holdoutFrequency());
        assertEquals(new BigDecimal("10.000000"), a.holdoutMonetaryValue());
        assertEquals(4.0, t.durationHoldout());
    }

    @Test void monthUnitIs365Point25Over12Days() {
        RfmSummary s = new RfmSummary(RfmSummary.Options.of(LocalDate.of(2024, 12, 31), ClvTimeUnit.MONTH));
        s.add(p("a", "2024-01-01", "1"));
        s.add(p("a", "2024-07-01", "1"));
        CustomerRfm a = s.finish().customers().get(0);
        // 182 days and 365 days over 30.4375 days
        assertEquals(182 / 30.4375, a.recency(), 1e-12);
        assertEquals(365 / 30.4375, a.t(), 1e-12);
    }

    @Test void withoutCalibrationEndTheLatestPurchaseIsTheEnd() {
        RfmSummary s = new RfmSummary(new RfmSummary.Options(null, null, ClvTimeUnit.DAY, RfmSummary.Grouping.DAY));
        handLedger().forEach(s::add);
        RfmTable t = s.finish();
        assertEquals(LocalDate.of(2024, 3, 10), t.calibrationEnd());
        // a: days 01-03, 01-05, 01-17, 02-10, 02-11, 03-10 → x = 5, recency = T = 67 days
        CustomerRfm a = t.customers().get(0);
        assertEquals(5, a.frequency());
        assertEquals(67.0, a.recency());
        assertEquals(67.0, a.t());
        assertEquals(3, t.customers().size());
        assertNull(a.holdoutFrequency());
    }

    @Test void mergeOfShuffledPartsEqualsOnePass() {
        List<Purchase> all = CdnowData.purchases();
        RfmSummary.Options o = new RfmSummary.Options(CAL_END, LocalDate.of(1998, 6, 30), ClvTimeUnit.WEEK,
                RfmSummary.Grouping.DAY);
        RfmSummary one = new RfmSummary(o);
        all.forEach(one::add);
        List<Purchase> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(42));
        RfmSummary[] parts = {new RfmSummary(o), new RfmSummary(o), new RfmSummary(o)};
        for (int i = 0; i < shuffled.size(); i++) parts[i % 3].add(shuffled.get(i));
        parts[1].merge(parts[2]);
        parts[0].merge(parts[1]);
        Map<String, CustomerRfm> merged = new HashMap<>();
        parts[0].finish().customers().forEach(c -> merged.put(c.customerId(), c));
        RfmTable expected = one.finish();
        assertEquals(expected.customers().size(), merged.size());
        Set<String> seen = new HashSet<>();
        for (CustomerRfm c : expected.customers()) {
            assertEquals(c, merged.get(c.customerId()));
            seen.add(c.customerId());
        }
        assertEquals(2357, seen.size());
        assertEquals(expected.purchasesUsed(), parts[0].finish().purchasesUsed());
        assertThrows(IllegalArgumentException.class,
                () -> one.merge(new RfmSummary(RfmSummary.Options.of(CAL_END, ClvTimeUnit.DAY))));
    }

    @Test void holdoutNeedsAnEarlierCalibrationEnd() {
        assertThrows(IllegalArgumentException.class, () -> new RfmSummary.Options(null, LocalDate.of(2024, 1, 1),
                ClvTimeUnit.DAY, RfmSummary.Grouping.DAY));
        assertThrows(IllegalArgumentException.class, () -> new RfmSummary.Options(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 1), ClvTimeUnit.DAY, RfmSummary.Grouping.DAY));
    }
}
