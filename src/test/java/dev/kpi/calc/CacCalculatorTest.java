package dev.kpi.calc;

import dev.kpi.records.Cost;
import dev.kpi.records.Deal;
import dev.kpi.records.Fx;
import dev.kpi.records.Lead;
import dev.kpi.records.Micros;
import dev.kpi.records.Outcome;
import dev.kpi.records.Spend;
import dev.kpi.records.Team;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A small company, every number derived by hand (and re-checked with Python's decimal module).
 *
 * <pre>
 * Spend (window 2025-01-01 … 2025-03-31):
 *   2025-01-10 Google Ads  Paid Search "Brand"    1,000.00 USD, 10 conversions
 *   2025-02-05 Meta Ads    Paid Social "Webinar"    500.50 EUR  → × 1.10 = 550.55 USD
 *   2025-03 (month row) Microsoft Ads Paid Search "MS Brand" 300.00 USD
 *   2024-12-20 Google Ads  Paid Search "Brand"      999.00 USD  (outside the window)
 * Costs: 2025-01 marketing salaries 2,000.00; 2025-02 sales 3,000.00
 * Deals:
 *   D1 account A won 2025-01-20 Paid Search            → A is new in January
 *   D2 account A won 2025-02-15 Paid Social            → second win of A: not new
 *   D3 account B won 2025-02-28, no channel, contact L3 → B new in February, channel from lead L3: Paid Social
 *   D4 account C lost 2025-03-10                        → not a customer
 *   D5 account D won 2024-12-15, D6 account D won 2025-03-05 → D's first win is before the window: not new
 *   D7 account E won, no close date                     → cannot be placed: warning, not counted
 * Leads: L1 created 2025-01-05 (Paid Search) MQL 2025-01-08;
 *        L2 created 2024-12-20 MQL 2025-01-15 (created before, qualified inside);
 *        L3 created 2025-02-01 (Paid Social, "Webinar") SQL 2025-02-10, no MQL date: the SQL implies the MQL,
 *        on 2025-02-10.
 *
 * Totals: ad spend 1000 + 550.55 + 300 = 1,850.55; marketing = 1,850.55 + 2,000 = 3,850.55;
 *         sales 3,000; total 6,850.55; new customers 2 (A, B).
 *   CAC = 6,850.55 / 2 = 3,425.275 → 3,425.28 (half-even: 7 is odd, round up)
 *   marketing CAC = 3,850.55 / 2 = 1,925.275 → 1,925.28; share = 3,850.55 / 6,850.55 = 0.562079
 *   leads in window 2 (L1, L3): CPL = 3,850.55 / 2 → 1,925.28; MQLs 3 (L1, L2, L3 implied):
 *   3,850.55 / 3 = 1,283.5166… → 1,283.52; SQLs 1 (L3): 3,850.55
 *   CPA = 1,000.00 / 10 = 100.00 (only the Google row reports conversions)
 * </pre>
 */
class CacCalculatorTest {
    static final Window Q1 = new Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    static final Fx FX = new Fx("USD", Map.of("EUR", new BigDecimal("1.10")));

    static long m(String v) { return Micros.of(new BigDecimal(v)); }

    static Spend spend(LocalDate d, LocalDate end, String platform, String channel, String campaign, String cur, String cost,
                       String conversions) {
        int present = Spend.COST | (conversions == null ? 0 : Spend.CONVERSIONS);
        return new Spend(d, end, platform, channel, campaign, null, cur, m(cost), 0, 0,
                conversions == null ? 0 : m(conversions), 0, 0, present);
    }

    static Deal deal(String id, String account, Outcome o, String closed, String channel, String contact) {
        return new Deal(id, account, contact == null ? List.of() : List.of(contact), null,
                closed == null ? null : LocalDate.parse(closed).atTime(12, 0), o.name(), o, 0, false, null, channel,
                channel, null, null, null, null, Map.of());
    }

    static Lead lead(String id, String created, String channel, String campaign, String mql, String sql) {
        return new Lead(id, LocalDate.parse(created).atTime(9, 0), channel, channel, campaign, null,
                mql == null ? null : LocalDate.parse(mql).atStartOfDay(), sql == null ? null : LocalDate.parse(sql).atStartOfDay(),
                null, null, null, null, null, null, null, null);
    }

    /** Feeds the company's records to {@code sink} in file order. */
    static void company(Consumer<Object> sink) {
        sink.accept(spend(LocalDate.of(2025, 1, 10), null, "Google Ads", "Paid Search", "Brand", "USD", "1000.00", "10"));
        sink.accept(spend(LocalDate.of(2025, 2, 5), null, "Meta Ads", "Paid Social", "Webinar", "EUR", "500.50", null));
        sink.accept(spend(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "Microsoft Ads", "Paid Search", "MS Brand", "USD", "300.00", null));
        sink.accept(spend(LocalDate.of(2024, 12, 20), null, "Google Ads", "Paid Search", "Brand", "USD", "999.00", "5"));
        sink.accept(new Cost(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), Team.MARKETING, "salaries", null, null, m("2000.00")));
        sink.accept(new Cost(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), Team.SALES, "salaries", null, null, m("3000.00")));
        sink.accept(lead("L1", "2025-01-05", "Paid Search", "Brand", "2025-01-08", null));
        sink.accept(lead("L2", "2024-12-20", "Organic Search", null, "2025-01-15", null));
        sink.accept(lead("L3", "2025-02-01", "Paid Social", "Webinar", null, "2025-02-10"));
        sink.accept(deal("D1", "A", Outcome.WON, "2025-01-20", "Paid Search", "L1"));
        sink.accept(deal("D2", "A", Outcome.WON, "2025-02-15", "Paid Social", null));
        sink.accept(deal("D3", "B", Outcome.WON, "2025-02-28", null, "L3"));
        sink.accept(deal("D4", "C", Outcome.LOST, "2025-03-10", "Paid Search", null));
        sink.accept(deal("D5", "D", Outcome.WON, "2024-12-15", "Referrals", null));
        sink.accept(deal("D6", "D", Outcome.WON, "2025-03-05", "Referrals", null));
        sink.accept(deal("D7", "E", Outcome.WON, null, "Paid Search", null));
    }

    static void feed(CacCalculator c, Object r) {
        if (r instanceof Spend) c.add((Spend) r);
        else if (r instanceof Cost) c.add((Cost) r);
        else if (r instanceof Lead) c.add((Lead) r);
        else c.add((Deal) r);
    }

    static Report run(List<Dimension> dims) {
        CacCalculator c = new CacCalculator(new CacCalculator.Options(dims, Q1, 0, null, null, null));
        company(r -> feed(c, r));
        return c.finish(FX);
    }

    static BigDecimal value(Row r, String key) {
        Object v = r.get(key);
        return v instanceof Ratio ? ((Ratio) v).value() : (BigDecimal) v;
    }

    @Test void blendedTotals() {
        Report r = run(List.of());
        Row t = r.total();
        assertEquals(2L, t.get("newCustomers"));
        assertEquals(new BigDecimal("1850.55"), t.get("adSpend"));
        assertEquals(new BigDecimal("3850.55"), t.get("marketingCost"));
        assertEquals(new BigDecimal("3000.00"), t.get("salesCost"));
        assertEquals(new BigDecimal("6850.55"), t.get("totalCost"));
        assertEquals(new BigDecimal("3425.28"), value(t, "cac"));
        Ratio cac = (Ratio) t.get("cac");
        assertEquals(0, new BigDecimal("6850.55").compareTo(cac.numerator()));
        assertEquals(0, BigDecimal.valueOf(2).compareTo(cac.denominator()));
        assertEquals(new BigDecimal("1925.28"), value(t, "marketingCac"));
        assertEquals(new BigDecimal("0.562079"), value(t, "marketingShareOfCac"));
        assertEquals(2L, t.get("leads"));
        assertEquals(new BigDecimal("1925.28"), value(t, "cpl"));
        assertEquals(3L, t.get("mqls"));
        assertEquals(new BigDecimal("1283.52"), value(t, "costPerMql"));
        assertEquals(1L, t.get("sqls"));
        assertEquals(new BigDecimal("3850.55"), value(t, "costPerSql"));
        assertEquals(new BigDecimal("100.00"), value(t, "cpa"));
        assertEquals("blended", t.get("cacType"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("1 won deal has no close date")), r.warnings().toString());
    }

    @Test void byMonthIsBlendedPerMonth() {
        Report r = run(List.of(Dimension.MONTH));
        assertEquals(3, r.rows().size());
        Row jan = r.rows().get(0);
        Row feb = r.rows().get(1);
        Row mar = r.rows().get(2);
        assertEquals("2025-01", jan.get("month"));
        // January: 1,000 spend + 2,000 marketing salaries; customer A
        assertEquals(new BigDecimal("3000.00"), value(jan, "cac"));
        // February: 550.55 spend + 3,000 sales; customer B
        assertEquals(new BigDecimal("3550.55"), value(feb, "cac"));
        assertEquals(new BigDecimal("0.155060"), value(feb, "marketingShareOfCac")); // 550.55 / 3550.55 = 0.1550604…
        // March: 300 of spend and no new customer (D's first win was in December)
        assertNull(value(mar, "cac"));
        assertEquals(0L, mar.get("newCustomers"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("cac is null: no new customers (month=2025-03)")),
                r.warnings().toString());
    }

    @Test void byChannelIsPaidCacWithLeadFallback() {
        Report r = run(List.of(Dimension.CHANNEL));
        Row search = find(r, "channel", "Paid Search");
        Row social = find(r, "channel", "Paid Social");
        assertEquals("paid", search.get("cacType"));
        // Paid Search: 1,000 + 300 spend, customer A → 1,300.00
        assertEquals(new BigDecimal("1300.00"), value(search, "cac"));
        // Paid Social: 550.55 spend, customer B through its contact L3's channel
        assertEquals(1L, social.get("newCustomers"));
        assertEquals(new BigDecimal("550.55"), value(social, "cac"));
        // The costs sheet has no channel: in the total only, and said so
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("marketing 2000.00, sales 3000.00")), r.notes().toString());
        assertEquals(new BigDecimal("3425.28"), value(r.total(), "cac"));
    }

    @Test void platformComesFromTheCampaignOfTheCustomer() {
        Report r = run(List.of(Dimension.PLATFORM));
        // Neither won deal has a campaign: A's comes from its contact L1 ("Brand", a Google Ads campaign),
        // B's from L3 ("Webinar", on Meta Ads). Microsoft's 300 found no customer.
        assertEquals(1L, find(r, "platform", "Google Ads").get("newCustomers"));
        assertEquals(new BigDecimal("1000.00"), value(find(r, "platform", "Google Ads"), "cac"));
        assertEquals(1L, find(r, "platform", "Meta Ads").get("newCustomers"));
        assertEquals(0L, find(r, "platform", "Microsoft Ads").get("newCustomers"));
        // L2 has no campaign: its MQL lands in (none)
        assertEquals(1L, find(r, "platform", Dimension.NONE).get("mqls"));
    }

    @Test void splittingTheInputAndMergingGivesTheSameReport() {
        List<Object> all = new ArrayList<>();
        company(all::add);
        for (List<Dimension> dims : List.of(List.<Dimension>of(), List.of(Dimension.MONTH), List.of(Dimension.CHANNEL, Dimension.QUARTER))) {
            CacCalculator whole = new CacCalculator(new CacCalculator.Options(dims, Q1, 0, null, null, null));
            CacCalculator a = new CacCalculator(new CacCalculator.Options(dims, Q1, 0, null, null, null));
            CacCalculator b = new CacCalculator(new CacCalculator.Options(dims, Q1, 0, null, null, null));
            for (int i = 0; i < all.size(); i++) {
                feed(whole, all.get(i));
                feed(i % 3 == 1 ? a : b, all.get(i)); // interleaved split, so merge order matters for "first"
            }
            b.merge(a);
            assertEquals(whole.finish(FX).rows().toString(), b.finish(FX).rows().toString());
        }
    }

    @Test void spendLagMovesSpendLater() {
        // lag 1: December's 999.00 lands in January, March's 300 leaves the window
        CacCalculator c = new CacCalculator(new CacCalculator.Options(List.of(), Q1, 1, null, null, null));
        company(r -> feed(c, r));
        // ad spend = 999 + 1000 + 550.55 = 2,549.55
        assertEquals(new BigDecimal("2549.55"), c.finish(FX).total().get("adSpend"));
    }

    @Test void paybackAndLtvToCac() {
        // CAC 3,425.28 / (ARPA 500 × 0.8 = 400) = 8.5632 months; LTV 12,000 / 3,425.28 = 3.50336… → 3.5034 ×
        CacCalculator c = new CacCalculator(new CacCalculator.Options(List.of(), Q1, 0, new BigDecimal("500"),
                new BigDecimal("0.8"), new BigDecimal("12000")));
        company(r -> feed(c, r));
        Row t = c.finish(FX).total();
        assertEquals(new BigDecimal("8.5632"), value(t, "paybackMonths"));
        assertEquals(new BigDecimal("3.5034"), value(t, "ltvToCac"));
    }

    @Test void aggregateRowCannotBeSplitByWindowOrMonth() {
        CacCalculator c = new CacCalculator(new CacCalculator.Options(List.of(), new Window(LocalDate.of(2025, 3, 15), null), 0, null, null, null));
        PeriodException e = assertThrows(PeriodException.class, () -> company(r -> feed(c, r)));
        assertTrue(e.getMessage().contains("2025-03-01 to 2025-03-31"), e.getMessage());
    }

    @Test void missingFxRateIsAnError() {
        CacCalculator c = new CacCalculator(new CacCalculator.Options(List.of(), Q1, 0, null, null, null));
        company(r -> feed(c, r));
        MissingRateException e = assertThrows(MissingRateException.class, () -> c.finish(new Fx("USD", Map.of())));
        assertEquals(java.util.Set.of("EUR"), e.currencies());
    }

    static Lead stages(String id, String created, String channel, String mql, String sql, String opportunity, String customer) {
        return new Lead(id, created == null ? null : LocalDate.parse(created).atTime(9, 0), channel, channel, null, null,
                day(mql), day(sql), day(opportunity), day(customer), null, null, null, null, null, null);
    }

    static java.time.LocalDateTime day(String d) { return d == null ? null : LocalDate.parse(d).atStartOfDay(); }

    static CacCalculator calc(List<Dimension> dims) {
        return new CacCalculator(new CacCalculator.Options(dims, Q1, 0, null, null, null));
    }

    /**
     * Lead rows that repeat an id (the same contact in two exports, or a repeated line), fed with 1,000.00 of
     * Google spend in January:
     * <pre>
     *   X1 2025-01-05 Paid Search  MQL 2025-01-20            (export 1)
     *   X1 2025-01-05 Paid Search  MQL 2025-01-20            (the same line again)
     *   X1 2025-01-05 Paid Search  SQL 2025-02-03, no MQL    (export 2 knows the SQL)
     *   X2 2025-02-01 Paid Social                            (export 1)
     *   X2 2025-01-25 Referrals                              (export 2: created earlier, so its channel wins)
     *   X3 2025-03-01 Paid Search  /  X3 2025-03-01 Email Marketing  (same creation: the tie goes to the
     *                                                          channel that sorts first, "Email Marketing")
     *   (no id) 2025-02-10 Organic Search MQL 2025-02-12, twice: without an id a row cannot be recognised, both count
     * </pre>
     * Distinct leads: X1, X2, X3 + 2 rows without id = 5 leads (9 rows; 7 rows carry an id, 3 distinct → 4 repeats).
     * MQLs: X1 at min(2025-01-20, SQL 2025-02-03) = 2025-01-20, and the two id-less rows = 3. SQLs: X1 on 2025-02-03 = 1.
     * CPL = 1,000 / 5 = 200.00; cost per MQL = 1,000 / 3 = 333.333… → 333.33; cost per SQL = 1,000.00.
     * Without the dedupe the 9 rows would have been 9 leads.
     */
    static void duplicates(Consumer<Object> sink) {
        sink.accept(spend(LocalDate.of(2025, 1, 10), null, "Google Ads", "Paid Search", "Brand", "USD", "1000.00", null));
        sink.accept(lead("X1", "2025-01-05", "Paid Search", "Brand", "2025-01-20", null));
        sink.accept(lead("X2", "2025-02-01", "Paid Social", null, null, null));
        sink.accept(lead("X1", "2025-01-05", "Paid Search", "Brand", "2025-01-20", null));
        sink.accept(lead(null, "2025-02-10", "Organic Search", null, "2025-02-12", null));
        sink.accept(lead("X3", "2025-03-01", "Paid Search", null, null, null));
        sink.accept(lead("X1", "2025-01-05", "Paid Search", "Brand", null, "2025-02-03"));
        sink.accept(lead("X2", "2025-01-25", "Referrals", null, null, null));
        sink.accept(lead(null, "2025-02-10", "Organic Search", null, "2025-02-12", null));
        sink.accept(lead("X3", "2025-03-01", "Email Marketing", null, null, null));
    }

    @Test void repeatedLeadIdsCountOnce() {
        CacCalculator c = calc(List.of());
        duplicates(r -> feed(c, r));
        Report r = c.finish(FX);
        Row t = r.total();
        assertEquals(5L, t.get("leads"));
        assertEquals(3L, t.get("mqls"));
        assertEquals(1L, t.get("sqls"));
        assertEquals(new BigDecimal("200.00"), value(t, "cpl"));
        assertEquals(new BigDecimal("333.33"), value(t, "costPerMql"));
        assertEquals(new BigDecimal("1000.00"), value(t, "costPerSql"));
        List<String> dup = r.warnings().stream().filter(w -> w.contains("repeat an id")).toList();
        assertEquals(1, dup.size(), r.warnings().toString());
        assertTrue(dup.get(0).startsWith("4 lead rows repeat an id seen before"), dup.get(0));
    }

    @Test void aRepeatedLeadTakesTheChannelOfItsEarliestRow() {
        CacCalculator c = calc(List.of(Dimension.CHANNEL, Dimension.MONTH));
        duplicates(r -> feed(c, r));
        Report r = c.finish(FX);
        // X2 is a Referrals lead of January (its 2025-01-25 row), not a Paid Social lead of February
        assertEquals(1L, findRow(r, "Referrals", "2025-01").get("leads"));
        assertTrue(r.rows().stream().noneMatch(x -> "Paid Social".equals(x.get("channel"))), r.rows().toString());
        // X1: one lead and one MQL in January, its SQL in February, all Paid Search
        Row janSearch = findRow(r, "Paid Search", "2025-01");
        assertEquals(1L, janSearch.get("leads"));
        assertEquals(1L, janSearch.get("mqls"));
        assertEquals(1L, findRow(r, "Paid Search", "2025-02").get("sqls"));
        // X3's tie goes to "Email Marketing" whichever row came first; no Paid Search lead in March
        assertEquals(1L, findRow(r, "Email Marketing", "2025-03").get("leads"));
        assertTrue(r.rows().stream().noneMatch(x -> "Paid Search".equals(x.get("channel")) && "2025-03".equals(x.get("month"))),
                r.rows().toString());
        // the two id-less rows: 2 leads and 2 MQLs of Organic Search in February
        assertEquals(2L, findRow(r, "Organic Search", "2025-02").get("leads"));
        assertEquals(2L, findRow(r, "Organic Search", "2025-02").get("mqls"));
    }

    @Test void leadsWithoutAnIdAreNotDeduplicated() {
        CacCalculator c = calc(List.of());
        for (int i = 0; i < 3; i++) c.add(lead(null, "2025-02-10", "Organic Search", null, null, null));
        Report r = c.finish(FX);
        assertEquals(3L, r.total().get("leads"));
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("repeat an id")), r.warnings().toString());
    }

    /** Splits the company plus the repeated leads every which way, duplicates on both sides: merge = one pass. */
    @Test void mergingSplitInputWithRepeatedLeadsGivesTheSameReport() {
        List<Object> all = new ArrayList<>();
        company(all::add);
        duplicates(all::add);
        for (List<Dimension> dims : List.of(List.<Dimension>of(), List.of(Dimension.CHANNEL, Dimension.MONTH),
                List.of(Dimension.PLATFORM), List.of(Dimension.CAMPAIGN, Dimension.QUARTER))) {
            CacCalculator whole = calc(dims);
            all.forEach(x -> feed(whole, x));
            Report expected = whole.finish(FX);
            for (int mod : new int[] {2, 3}) {
                for (boolean reversed : new boolean[] {false, true}) {
                    CacCalculator a = calc(dims);
                    CacCalculator b = calc(dims);
                    for (int i = 0; i < all.size(); i++) feed(i % mod == 1 ? a : b, all.get(i));
                    CacCalculator into = reversed ? b : a;
                    into.merge(reversed ? a : b);
                    Report got = into.finish(FX);
                    String what = dims + " split by i % " + mod + (reversed ? ", merged into the other half" : "");
                    assertEquals(expected.rows().toString(), got.rows().toString(), what);
                    assertEquals(expected.total().toString(), got.total().toString(), what);
                    assertEquals(expected.warnings(), got.warnings(), what);
                }
            }
            // the X1 rows sit in both halves of the i % 2 split (indexes of the duplicates() rows differ in parity)
            assertTrue(expected.warnings().stream().anyMatch(w -> w.startsWith("4 lead rows repeat")), expected.warnings().toString());
        }
    }

    @Test void finishHasNoSideEffects() {
        CacCalculator c = calc(List.of(Dimension.CHANNEL));
        duplicates(r -> feed(c, r));
        assertEquals(c.finish(FX).total().toString(), c.finish(FX).total().toString());
    }

    /**
     * A later stage implies the earlier ones, each counted in the month of the date used (window Q1):
     * <pre>
     *   I1 created 2025-01-10, SQL 2025-02-05 only            → MQL and SQL in February
     *   I2 created 2025-01-12, opportunity 2025-03-03 only    → MQL and SQL in March
     *   I3 created 2024-12-01, MQL 2024-12-20, SQL 2025-01-15 → MQL before the window (not counted), SQL in January
     *   I4 created 2025-01-20, customer 2025-03-20 only       → MQL and SQL in March (as kpi cvr's defaults)
     *   I5 created 2025-02-01, MQL 2025-03-10, SQL 2025-02-20 → out of order: it was an MQL by its SQL date,
     *                                                           MQL and SQL in February
     *   I6 created 2025-01-02, MQL 2025-01-03                 → MQL in January, no SQL
     * January: leads I1, I2, I4, I6 = 4, MQLs I6 = 1, SQLs I3 = 1
     * February: leads I5 = 1, MQLs I1, I5 = 2, SQLs I1, I5 = 2
     * March: leads 0, MQLs I2, I4 = 2, SQLs I2, I4 = 2. Total: 5 leads, 5 MQLs, 5 SQLs.
     * </pre>
     */
    @Test void laterStagesImplyMqlAndSql() {
        CacCalculator c = calc(List.of(Dimension.MONTH));
        c.add(stages("I1", "2025-01-10", "Paid Search", null, "2025-02-05", null, null));
        c.add(stages("I2", "2025-01-12", "Paid Search", null, null, "2025-03-03", null));
        c.add(stages("I3", "2024-12-01", "Paid Search", "2024-12-20", "2025-01-15", null, null));
        c.add(stages("I4", "2025-01-20", "Paid Search", null, null, null, "2025-03-20"));
        c.add(stages("I5", "2025-02-01", "Paid Search", "2025-03-10", "2025-02-20", null, null));
        c.add(stages("I6", "2025-01-02", "Paid Search", "2025-01-03", null, null, null));
        Report r = c.finish(FX);
        long[][] expected = {{4, 1, 1}, {1, 2, 2}, {0, 2, 2}};
        String[] months = {"2025-01", "2025-02", "2025-03"};
        assertEquals(3, r.rows().size(), r.rows().toString());
        for (int i = 0; i < 3; i++) {
            Row m = find(r, "month", months[i]);
            assertEquals(expected[i][0], m.get("leads"), months[i]);
            assertEquals(expected[i][1], m.get("mqls"), months[i]);
            assertEquals(expected[i][2], m.get("sqls"), months[i]);
        }
        assertEquals(5L, r.total().get("leads"));
        assertEquals(5L, r.total().get("mqls"));
        assertEquals(5L, r.total().get("sqls"));
    }

    @Test void anSqlDateAloneBringsTheMqlColumns() {
        CacCalculator c = calc(List.of());
        c.add(stages("S1", "2025-01-10", "Paid Search", null, "2025-02-05", null, null));
        Report r = c.finish(FX);
        assertNotNull(r.column("mqls"));
        assertEquals(1L, r.total().get("mqls"));
        assertEquals(1L, r.total().get("sqls"));
    }

    /**
     * Conversions summed over platforms (spend in January, window Q1):
     * <pre>
     *   Google Ads     Paid Search  10 conversions
     *   Microsoft Ads  Paid Search   2 conversions
     *   Meta Ads       Paid Social   5 conversions
     *   LinkedIn Ads   Paid Social   (no conversions column)
     * </pre>
     * By channel: Paid Search adds Google's and Microsoft's claims → a warning naming that row; Paid Social
     * has conversions from Meta only → none. The total adds Google, Meta and Microsoft → the total's warning.
     * By platform every row has one platform: only the total warns.
     */
    @Test void conversionsOfSeveralPlatformsInOneRowWarn() {
        Consumer<CacCalculator> spend = c -> {
            c.add(spend(LocalDate.of(2025, 1, 10), null, "Google Ads", "Paid Search", "G", "USD", "100.00", "10"));
            c.add(spend(LocalDate.of(2025, 1, 11), null, "Microsoft Ads", "Paid Search", "M", "USD", "20.00", "2"));
            c.add(spend(LocalDate.of(2025, 1, 12), null, "Meta Ads", "Paid Social", "F", "USD", "50.00", "5"));
            c.add(spend(LocalDate.of(2025, 1, 13), null, "LinkedIn Ads", "Paid Social", "L", "USD", "70.00", null));
        };
        CacCalculator byChannel = calc(List.of(Dimension.CHANNEL));
        spend.accept(byChannel);
        List<String> w = byChannel.finish(FX).warnings();
        assertTrue(w.contains("conversions add up what Google Ads, Microsoft Ads each claim (channel=Paid Search); platforms"
                + " attribute independently, so one customer can be counted by several"), w.toString());
        assertTrue(w.contains("the total's conversions add up what Google Ads, Meta Ads, Microsoft Ads each claim; platforms"
                + " attribute independently, so one customer can be counted by several"), w.toString());
        assertTrue(w.stream().noneMatch(x -> x.contains("each claim") && x.contains("Paid Social")), w.toString());

        CacCalculator byPlatform = calc(List.of(Dimension.PLATFORM));
        spend.accept(byPlatform);
        List<String> p = byPlatform.finish(FX).warnings();
        assertEquals(1, p.stream().filter(x -> x.contains("each claim")).count(), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("the total's conversions")), p.toString());
    }

    /**
     * 100.00 of marketing cost, three new customers in January: CAC = 33.333… (shown 33.33). With ARPA 1.00
     * (no gross margin) payback = 33.333… / 1 → 33.3333 months; from the rounded CAC it would have been
     * 33.3300. LTV 1,000: LTV:CAC = 1,000 / 33.333… = 30.0000; from 33.33 it would have been 30.0030003 → 30.0030.
     */
    @Test void paybackAndLtvToCacUseTheExactCac() {
        CacCalculator c = new CacCalculator(new CacCalculator.Options(List.of(), Q1, 0, new BigDecimal("1.00"), null,
                new BigDecimal("1000")));
        c.add(new Cost(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), Team.MARKETING, "agency", null, null, m("100.00")));
        for (String account : List.of("A", "B", "C")) c.add(deal("D" + account, account, Outcome.WON, "2025-01-15", null, null));
        Row t = c.finish(FX).total();
        assertEquals(new BigDecimal("33.33"), value(t, "cac"));
        assertEquals(new BigDecimal("33.3333"), value(t, "paybackMonths"));
        assertEquals(new BigDecimal("30.0000"), value(t, "ltvToCac"));
        // the ratio carries the exact CAC (34 significant digits), so it can be recomputed
        assertEquals(0, new BigDecimal("33.33333333333333333333333333333333").compareTo(((Ratio) t.get("paybackMonths")).numerator()));
        assertEquals(0, new BigDecimal("33.33333333333333333333333333333333").compareTo(((Ratio) t.get("ltvToCac")).denominator()));
    }

    static Row findRow(Report r, String channel, String month) {
        for (Row row : r.rows()) if (channel.equals(row.get("channel")) && month.equals(row.get("month"))) return row;
        fail("no row " + channel + "/" + month + " in " + r.rows());
        return null;
    }

    static Row find(Report r, String key, String value) {
        for (Row row : r.rows()) if (value.equals(row.get(key))) return row;
        fail("no row " + key + "=" + value + " in " + r.rows());
        return null;
    }
}
