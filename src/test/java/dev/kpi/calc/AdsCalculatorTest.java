package dev.kpi.calc;

import dev.kpi.records.Fx;
import dev.kpi.records.Micros;
import dev.kpi.records.Spend;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * <pre>
 * A  Google Ads 2025-01-01  impr 1,000  clicks  50  cost 100.00  conv 5    value 500.00
 * A  Google Ads 2025-01-02  impr 3,000  clicks 150  cost 300.00  conv 5.5  value 250.00
 * B  Meta Ads   2025-01-02  impr 10,000 clicks 100  cost 200.00  conv 4    (no value column)
 * C  LinkedIn   2025-01 (month row) impr 0 clicks 0 cost 50.00 (no conversions)
 *
 * A: CTR 200/4,000 = 0.05; CPC 400/200 = 2.00; CPM 400,000/4,000 = 100.00; CPA 400/10.5 = 38.0952 → 38.10;
 *    ROAS 750/400 = 1.875; conv. rate 10.5/200 = 0.0525
 * B: CTR 100/10,000 = 0.01; CPC 2.00; CPM 20.00; CPA 200/4 = 50.00; ROAS null (not reported); rate 0.04
 * C: no clicks or impressions → CPC, CPM null with a warning; CTR 0/0 null without one
 * Total: impr 14,000, clicks 300, cost 650.00, conv 14.5;
 *    CTR 300/14,000 = 0.0214286 → 0.021429; CPC 650/300 = 2.1667 → 2.17; CPM 650,000/14,000 = 46.4286 → 46.43;
 *    CPA over rows with conversions = 600/14.5 = 41.3793 → 41.38; ROAS over rows with value = 750/400 = 1.8750;
 *    conv. rate 14.5/300 = 0.048333
 * </pre>
 */
class AdsCalculatorTest {
    static long m(String v) { return Micros.of(new BigDecimal(v)); }

    static Spend row(String campaign, String platform, LocalDate d, LocalDate end, long impr, long clicks, String cost,
                     String conv, String value) {
        int p = Spend.COST | Spend.IMPRESSIONS | Spend.CLICKS;
        if (conv != null) p |= Spend.CONVERSIONS;
        if (value != null) p |= Spend.CONVERSION_VALUE;
        return new Spend(d, end, platform, "Paid", campaign, null, "USD", m(cost), impr, clicks,
                conv == null ? 0 : m(conv), value == null ? 0 : m(value), 0, p);
    }

    static AdsCalculator calc(List<Dimension> dims) {
        AdsCalculator c = new AdsCalculator(dims, Window.ALL);
        c.add(row("A", "Google Ads", LocalDate.of(2025, 1, 1), null, 1000, 50, "100.00", "5", "500.00"));
        c.add(row("A", "Google Ads", LocalDate.of(2025, 1, 2), null, 3000, 150, "300.00", "5.5", "250.00"));
        c.add(row("B", "Meta Ads", LocalDate.of(2025, 1, 2), null, 10000, 100, "200.00", "4", null));
        c.add(row("C", "LinkedIn Ads", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), 0, 0, "50.00", null, null));
        return c;
    }

    static BigDecimal v(Row r, String k) {
        Object o = r.get(k);
        return o instanceof Ratio ? ((Ratio) o).value() : (BigDecimal) o;
    }

    @Test void perCampaign() {
        Report r = calc(List.of(Dimension.CAMPAIGN)).finish(new Fx("USD", Map.of()));
        Row a = r.rows().get(0);
        assertEquals("A", a.get("campaign"));
        assertEquals(4000L, a.get("impressions"));
        assertEquals(new BigDecimal("400.00"), a.get("cost"));
        assertEquals(new BigDecimal("10.5"), a.get("conversions"));
        assertEquals(new BigDecimal("750.00"), a.get("conversionValue"));
        assertEquals(new BigDecimal("0.050000"), v(a, "ctr"));
        assertEquals(new BigDecimal("2.00"), v(a, "cpc"));
        assertEquals(new BigDecimal("100.00"), v(a, "cpm"));
        assertEquals(new BigDecimal("38.10"), v(a, "cpa"));
        assertEquals(new BigDecimal("1.8750"), v(a, "roas"));
        assertEquals(new BigDecimal("0.052500"), v(a, "conversionRate"));
        Row b = r.rows().get(1);
        assertNull(b.get("conversionValue"));
        assertNull(v(b, "roas"));
        assertEquals(new BigDecimal("50.00"), v(b, "cpa"));
        Row c = r.rows().get(2);
        assertNull(v(c, "cpc"));
        assertNull(v(c, "ctr"));
        assertTrue(r.warnings().contains("cpc is null: no clicks (campaign=C)"), r.warnings().toString());
        assertFalse(r.warnings().stream().anyMatch(w -> w.startsWith("ctr is null")), r.warnings().toString());
    }

    @Test void totalsUseMatchedDenominatorsAndWarn() {
        Report r = calc(List.of(Dimension.PLATFORM)).finish(new Fx("USD", Map.of()));
        Row t = r.total();
        assertEquals(14000L, t.get("impressions"));
        assertEquals(300L, t.get("clicks"));
        assertEquals(new BigDecimal("650.00"), t.get("cost"));
        assertEquals(new BigDecimal("14.5"), t.get("conversions"));
        assertEquals(new BigDecimal("0.021429"), v(t, "ctr"));
        assertEquals(new BigDecimal("2.17"), v(t, "cpc"));
        assertEquals(new BigDecimal("46.43"), v(t, "cpm"));
        assertEquals(new BigDecimal("41.38"), v(t, "cpa"));
        assertEquals(0, new BigDecimal("600").compareTo(((Ratio) t.get("cpa")).numerator()));
        assertEquals(new BigDecimal("1.8750"), v(t, "roas"));
        assertEquals(new BigDecimal("0.048333"), v(t, "conversionRate"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("Google Ads, Meta Ads each claim")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("ROAS uses only the cost of rows")), r.warnings().toString());
    }

    @Test void monthRowCannotBeSplitByDay() {
        AdsCalculator c = new AdsCalculator(List.of(Dimension.DAY), Window.ALL);
        assertThrows(PeriodException.class, () -> c.add(row("C", "LinkedIn Ads", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 31), 0, 0, "50.00", null, null)));
        AdsCalculator m = new AdsCalculator(List.of(Dimension.MONTH), Window.ALL);
        m.add(row("C", "LinkedIn Ads", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), 0, 0, "50.00", null, null));
        assertEquals("2025-01", m.finish(new Fx("USD", Map.of())).rows().get(0).get("month"));
    }

    @Test void mergeEqualsSinglepass() {
        AdsCalculator whole = calc(List.of(Dimension.PLATFORM, Dimension.MONTH));
        AdsCalculator a = new AdsCalculator(List.of(Dimension.PLATFORM, Dimension.MONTH), Window.ALL);
        AdsCalculator b = new AdsCalculator(List.of(Dimension.PLATFORM, Dimension.MONTH), Window.ALL);
        a.add(row("A", "Google Ads", LocalDate.of(2025, 1, 1), null, 1000, 50, "100.00", "5", "500.00"));
        b.add(row("A", "Google Ads", LocalDate.of(2025, 1, 2), null, 3000, 150, "300.00", "5.5", "250.00"));
        a.add(row("B", "Meta Ads", LocalDate.of(2025, 1, 2), null, 10000, 100, "200.00", "4", null));
        b.add(row("C", "LinkedIn Ads", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), 0, 0, "50.00", null, null));
        a.merge(b);
        Fx fx = new Fx("USD", Map.of());
        Report x = whole.finish(fx);
        Report y = a.finish(fx);
        assertEquals(x.rows().toString(), y.rows().toString());
        assertEquals(x.total().toString(), y.total().toString());
    }

    static final String WHY = "; platforms attribute independently, so one customer can be counted by several";

    /**
     * In the fixture every row has channel "Paid": its conversions add Google's (A: 5 + 5.5) and Meta's (B: 4);
     * LinkedIn's row C reports none, so it is not named. By campaign each row has one platform: no row warning.
     */
    @Test void aRowSummingSeveralPlatformsWarns() {
        Report byChannel = calc(List.of(Dimension.CHANNEL)).finish(new Fx("USD", Map.of()));
        assertTrue(byChannel.warnings().contains("conversions add up what Google Ads, Meta Ads each claim (channel=Paid)" + WHY),
                byChannel.warnings().toString());
        assertTrue(byChannel.warnings().contains("the total's conversions add up what Google Ads, Meta Ads each claim" + WHY),
                byChannel.warnings().toString());
        Report byCampaign = calc(List.of(Dimension.CAMPAIGN)).finish(new Fx("USD", Map.of()));
        assertEquals(1, byCampaign.warnings().stream().filter(w -> w.contains("each claim")).count(), byCampaign.warnings().toString());
    }

    /** Seven days, each with Google and Meta conversions: one warning names five days and counts the other two. */
    @Test void manyRowsWithTheSamePlatformsShareOneWarning() {
        AdsCalculator c = new AdsCalculator(List.of(Dimension.DAY), Window.ALL);
        for (int d = 1; d <= 7; d++) {
            c.add(row("A", "Google Ads", LocalDate.of(2025, 1, d), null, 100, 10, "10.00", "1", null));
            c.add(row("B", "Meta Ads", LocalDate.of(2025, 1, d), null, 100, 10, "10.00", "1", null));
        }
        c.add(row("A", "Google Ads", LocalDate.of(2025, 1, 8), null, 100, 10, "10.00", "1", null)); // one platform: not named
        List<String> w = c.finish(new Fx("USD", Map.of())).warnings();
        assertTrue(w.contains("conversions add up what Google Ads, Meta Ads each claim (day=2025-01-01, day=2025-01-02,"
                + " day=2025-01-03, day=2025-01-04, day=2025-01-05 and 2 more)" + WHY), w.toString());
        assertTrue(w.stream().noneMatch(x -> x.contains("2025-01-08")), w.toString());
    }

    /**
     * The one-entry group cache must not change any number: the same rows sorted (every row hits the previous
     * row's group) and shuffled (almost every row misses) give the same report, for each kind of key. Rows
     * with a null and a blank channel both belong to (none).
     */
    @Test void rowOrderDoesNotChangeTheReport() {
        List<Spend> rows = new ArrayList<>();
        String[] platforms = {"Google Ads", "Meta Ads", null};
        String[] channels = {"Paid Search", "Paid Social", null, " "};
        for (int i = 0; i < 400; i++) {
            String campaign = "C" + (i % 7);
            rows.add(new Spend(LocalDate.of(2025, 1 + i % 3, 1 + i % 28), null, platforms[i % 3], channels[i % 4], campaign,
                    null, "USD", m("1.25") * (1 + i % 5), 100 + i, i % 11, m("0.5") * (i % 4), 0, 0,
                    Spend.COST | Spend.IMPRESSIONS | Spend.CLICKS | Spend.CONVERSIONS));
        }
        List<Spend> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> (a.campaign() + a.date()).compareTo(b.campaign() + b.date()));
        List<Spend> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(7));
        Fx fx = new Fx("USD", Map.of());
        for (List<Dimension> dims : List.of(List.of(Dimension.CHANNEL), List.of(Dimension.CAMPAIGN, Dimension.MONTH),
                List.of(Dimension.PLATFORM, Dimension.WEEK), List.of(Dimension.DAY), List.<Dimension>of())) {
            AdsCalculator x = new AdsCalculator(dims, Window.ALL);
            AdsCalculator y = new AdsCalculator(dims, Window.ALL);
            sorted.forEach(x::add);
            shuffled.forEach(y::add);
            Report a = x.finish(fx);
            Report b = y.finish(fx);
            assertEquals(a.rows().toString(), b.rows().toString(), dims.toString());
            assertEquals(a.total().toString(), b.total().toString(), dims.toString());
            assertEquals(a.warnings(), b.warnings(), dims.toString());
        }
        AdsCalculator byChannel = new AdsCalculator(List.of(Dimension.CHANNEL), Window.ALL);
        sorted.forEach(byChannel::add);
        // 4 channels: Paid Search, Paid Social and (none) for both null and blank
        assertEquals(3, byChannel.finish(fx).rows().size());
    }

    /**
     * The group cache reuses the previous row's group only when the new row lies wholly in the previous
     * row's buckets: a month-long row after a day row of the same campaign still fails by week (2025-01-06
     * is a Monday; Jan 6–31 spans four weeks) and is still accepted by month.
     */
    @Test void aPeriodRowAfterADayRowIsStillChecked() {
        Spend day = row("A", "Google Ads", LocalDate.of(2025, 1, 6), null, 10, 1, "1.00", null, null);
        Spend month = row("A", "Google Ads", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 31), 10, 1, "1.00", null, null);
        AdsCalculator byWeek = new AdsCalculator(List.of(Dimension.CAMPAIGN, Dimension.WEEK), Window.ALL);
        byWeek.add(day);
        assertThrows(PeriodException.class, () -> byWeek.add(month));
        AdsCalculator byMonth = new AdsCalculator(List.of(Dimension.CAMPAIGN, Dimension.MONTH), Window.ALL);
        byMonth.add(day);
        byMonth.add(month);
        byMonth.add(row("A", "Google Ads", LocalDate.of(2025, 2, 1), null, 10, 1, "1.00", null, null));
        Report r = byMonth.finish(new Fx("USD", Map.of()));
        assertEquals(2, r.rows().size());
        assertEquals(20L, r.rows().get(0).get("impressions")); // January: the day row and the month row
        assertEquals("2025-02", r.rows().get(1).get("month"));
    }

    /** Describing a row costs a string; it is built only when an error message needs it. */
    @Test void rowDescriptionsAreBuiltOnlyForErrors() {
        AtomicInteger built = new AtomicInteger();
        Function<String, String> describe = s -> {
            built.incrementAndGet();
            return s;
        };
        Window q1 = new Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
        assertTrue(q1.includes(LocalDate.of(2025, 2, 1), null, "row", describe));
        assertFalse(q1.includes(LocalDate.of(2025, 4, 1), null, "row", describe));
        assertEquals("2025-02", Buckets.timeKey(Dimension.MONTH, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), "row", describe));
        assertEquals(0, built.get());
        PeriodException e = assertThrows(PeriodException.class,
                () -> q1.includes(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30), "the row of campaign 'X'", describe));
        assertTrue(e.getMessage().startsWith("the row of campaign 'X' covers 2025-03-01 to 2025-04-30"), e.getMessage());
        e = assertThrows(PeriodException.class,
                () -> Buckets.timeKey(Dimension.MONTH, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30), "row Y", describe));
        assertTrue(e.getMessage().startsWith("row Y covers"), e.getMessage());
        assertEquals(2, built.get());
        // and the calculators still name the row when they fail
        AdsCalculator c = new AdsCalculator(List.of(Dimension.DAY), Window.ALL);
        e = assertThrows(PeriodException.class, () -> c.add(row("C", "LinkedIn Ads", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 31), 0, 0, "50.00", null, null)));
        assertTrue(e.getMessage().startsWith("a spend row of campaign 'C' (LinkedIn Ads) covers"), e.getMessage());
    }
}
