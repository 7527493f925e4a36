package dev.kpi.calc.conversion;

import dev.kpi.calc.Dimension;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;
import dev.kpi.calc.Window;
import dev.kpi.records.Deal;
import dev.kpi.records.Email;
import dev.kpi.records.Lead;
import dev.kpi.records.Micros;
import dev.kpi.records.Outcome;
import dev.kpi.records.Traffic;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Conversion KPIs on a small CRM, every number derived by hand. Leads (window 365 days):
 * <pre>
 * L1 2025-01-10 Paid Search    account A1; no customer date, but A1's deal W1 was won 2025-03-01 → converted (50 days)
 * L2 2025-01-20 Organic Search customer date 2025-02-15 → converted
 * L3 2025-01-25 no source      MQL 2025-01-28; never a customer
 * L4 2025-02-05 Paid Search    account A2, whose deal W2 was won 2025-01-15, before L4 existed → not a conversion
 * L5 2025-02-10 Paid Search    customer date 2026-03-01: 384 days later, outside the window
 * L6 2025-04-02 Organic Search customer date 2025-04-20 → converted
 * </pre>
 * No lead was created in March. Deals: W1 (A1, won 2025-03-01), W2 (A2, won 2025-01-15), W3 (A3, no lead, channel
 * Referrals, won 2025-03-10), X1 (A1, lost 2025-03-20). The latest date in the data is L5's 2026-03-01, the default as-of.
 */
class CvrCalculatorTest {
    static LocalDateTime at(String day) { return day == null ? null : LocalDate.parse(day).atTime(9, 0); }

    static Lead lead(String id, String created, String channel, String account, String mql, String customer) {
        return new Lead(id, at(created), channel, channel, null, null, at(mql), null, null, at(customer), account, null,
                null, null, null, null);
    }

    static Deal deal(String id, String account, List<String> contacts, Outcome o, String closed, String channel, String stage) {
        return new Deal(id, account, contacts, at(closed) == null ? null : at(closed).minusDays(20), at(closed), stage, o,
                Micros.of(new BigDecimal("1000")), true, "USD", channel, channel, null, null, null, null, Map.of());
    }

    static List<Object> crm() {
        List<Object> r = new ArrayList<>();
        r.add(lead("L1", "2025-01-10", "Paid Search", "A1", null, null));
        r.add(lead("L2", "2025-01-20", "Organic Search", null, null, "2025-02-15"));
        r.add(lead("L3", "2025-01-25", null, null, "2025-01-28", null));
        r.add(lead("L4", "2025-02-05", "Paid Search", "A2", null, null));
        r.add(lead("L5", "2025-02-10", "Paid Search", null, null, "2026-03-01"));
        r.add(lead("L6", "2025-04-02", "Organic Search", null, null, "2025-04-20"));
        r.add(deal("W1", "A1", List.of(), Outcome.WON, "2025-03-01", null, "Closed Won"));
        r.add(deal("W2", "A2", List.of(), Outcome.WON, "2025-01-15", null, "Closed Won"));
        r.add(deal("W3", "A3", List.of(), Outcome.WON, "2025-03-10", "Referrals", "Closed Won"));
        r.add(deal("X1", "A1", List.of(), Outcome.LOST, "2025-03-20", null, "Closed Lost"));
        return r;
    }

    static CvrCalculator.Options opts(CvrCalculator.Mode mode, List<Dimension> dims, LocalDate asOf, Set<String> marketing) {
        return new CvrCalculator.Options(dims, Window.ALL, mode, 365, asOf, 180, Qualification.defaults(), null, marketing);
    }

    static CvrCalculator feed(CvrCalculator c, List<Object> records) {
        for (Object o : records) {
            if (o instanceof Lead) c.add((Lead) o);
            else if (o instanceof Deal) c.add((Deal) o);
            else if (o instanceof Traffic) c.add((Traffic) o);
            else c.add((Email) o);
        }
        return c;
    }

    static Report run(CvrCalculator.Options o, List<Object> records) { return feed(new CvrCalculator(o), records).finish(); }

    static Row row(Report r, String key, String value) {
        return r.rows().stream().filter(x -> value.equals(x.get(key))).findFirst().orElseThrow(() -> new AssertionError(value + " in " + r.rows()));
    }

    static BigDecimal v(Object ratio) { return ((Ratio) ratio).value(); }

    @Test void cohortConversionByMonth() {
        Report r = run(opts(CvrCalculator.Mode.COHORT, List.of(Dimension.MONTH), null, Set.of()), crm());
        assertEquals(LocalDate.of(2026, 3, 1), r.extra().get("asOf"), "latest date in the data");
        // January: L1 (via its account's won deal), L2 converted of L1, L2, L3 → 2/3; the last January lead (01-25)
        // has its 365 days on 2026-01-25 ≤ 2026-03-01 → mature
        Row jan = row(r, "month", "2025-01");
        assertEquals(3L, jan.get("leads"));
        assertEquals(2L, jan.get("customers"));
        assertEquals(new BigDecimal("0.666667"), v(jan.get("cohortCvr")));
        assertEquals(2L, ((Ratio) jan.get("cohortCvr")).numerator().longValue());
        assertEquals(3L, ((Ratio) jan.get("cohortCvr")).denominator().longValue());
        assertTrue(((Ratio) jan.get("cohortCvr")).lowSample());
        assertEquals(Boolean.TRUE, jan.get("mature"));
        // February: L4 joined an existing customer, L5 converted after 384 days → 0/2
        Row feb = row(r, "month", "2025-02");
        assertEquals(0L, feb.get("customers"));
        assertEquals(new BigDecimal("0.000000"), v(feb.get("cohortCvr")));
        // March: no leads, but deals closed (win rate) → a row with zero leads and a null cohort CVR
        Row mar = row(r, "month", "2025-03");
        assertEquals(0L, mar.get("leads"));
        assertNull(v(mar.get("cohortCvr")));
        assertNull(mar.get("mature"));
        // April: L6 converted; 2025-04-02 + 365 days = 2026-04-02 > 2026-03-01 → not mature
        Row apr = row(r, "month", "2025-04");
        assertEquals(new BigDecimal("1.000000"), v(apr.get("cohortCvr")));
        assertEquals(Boolean.FALSE, apr.get("mature"));
        // total 3/6; not mature (April)
        assertEquals(new BigDecimal("0.500000"), v(r.total().get("cohortCvr")));
        assertEquals(Boolean.FALSE, r.total().get("mature"));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 lead was created after their account")), r.notes().toString());
        // a zero-lead group with no conversions is not a surprise: no warning for March
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("cohortCvr")), r.warnings().toString());
        // win rate by close month: January W2 won 1/1; March W1, W3 won, X1 lost → 2/3
        assertEquals(new BigDecimal("0.666667"), v(mar.get("winRate")));
        assertEquals(new BigDecimal("1.000000"), v(jan.get("winRate")));
    }

    @Test void asOfDecidesMaturityAndWhatHasConverted() {
        // as of 2025-03-31: L1's conversion (03-01) counts; January's window is still open
        Report r = run(opts(CvrCalculator.Mode.COHORT, List.of(Dimension.MONTH), LocalDate.of(2025, 3, 31), Set.of()), crm());
        Row jan = row(r, "month", "2025-01");
        assertEquals(2L, jan.get("customers"));
        assertEquals(Boolean.FALSE, jan.get("mature"));
        // L6 (created 04-02) is after the as-of date: not counted
        assertFalse(r.rows().stream().anyMatch(x -> "2025-04".equals(x.get("month")) && ((Long) x.get("leads")) > 0));
        assertEquals(5L, r.total().get("leads"));
        // as of 2025-02-20: L1's account deal (03-01) has not happened yet → January 1/3 (L2 only)
        Report early = run(opts(CvrCalculator.Mode.COHORT, List.of(Dimension.MONTH), LocalDate.of(2025, 2, 20), Set.of()), crm());
        assertEquals(1L, row(early, "month", "2025-01").get("customers"));
    }

    @Test void periodConversionIsUnlinkedAndWarnsOnABucketWithoutLeads() {
        Report r = run(opts(CvrCalculator.Mode.PERIOD, List.of(Dimension.MONTH), null, Set.of()), crm());
        // new customers by first customer date: A2 Jan (W2), L2 Feb, A1 Mar (W1), A3 Mar (W3), L6 Apr, L5 2026-03
        assertEquals(new BigDecimal("0.333333"), v(row(r, "month", "2025-01").get("cvr")));
        assertEquals(new BigDecimal("0.500000"), v(row(r, "month", "2025-02").get("cvr")));
        Row mar = row(r, "month", "2025-03");
        assertEquals(2L, mar.get("customers"));
        assertEquals(0L, mar.get("leads"));
        assertNull(v(mar.get("cvr")));
        assertNull(((Ratio) mar.get("cvr")).ciLow(), "period CVR carries no interval");
        assertEquals(1L, row(r, "month", "2026-03").get("customers"));
        // total: 6 customers (A1, A2, A3, L2, L5, L6) / 6 leads
        assertEquals(new BigDecimal("1.000000"), v(r.total().get("cvr")));
        assertFalse(r.total().has("cohortCvr"));
        assertFalse(r.total().has("mature"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("cvr is null: no leads created (month=2025-03, month=2026-03)")),
                r.warnings().toString());
    }

    @Test void byChannelWithLeadsWithoutSourceAndMarketingShares() {
        Report r = run(opts(CvrCalculator.Mode.COHORT, List.of(Dimension.CHANNEL), null, Set.of("paid search")), crm());
        assertEquals(List.of("Organic Search", "Paid Search", "Referrals", "(none)"), r.rows().stream().map(x -> x.get("channel")).toList());
        // Paid Search: L1, L4, L5 → 1/3; Organic: L2, L6 → 2/2; (none): L3 → 0/1
        assertEquals(new BigDecimal("0.333333"), v(row(r, "channel", "Paid Search").get("cohortCvr")));
        assertEquals(1L, row(r, "channel", "(none)").get("leads"));
        // deals without a channel take their lead's: W1 and X1 (A1 → L1), W2 (A2 → L4) are Paid Search: 2 won, 1 lost
        assertEquals(new BigDecimal("0.666667"), v(row(r, "channel", "Paid Search").get("winRate")));
        assertEquals(1L, row(r, "channel", "Referrals").get("wonDeals"));
        // marketing-originated: of the 3 converted leads (L1 Paid Search, L2, L6 Organic) 1 is from a marketing channel
        Ratio share = (Ratio) r.total().get("marketingOriginatedShare");
        assertEquals(new BigDecimal("0.333333"), share.value());
        assertEquals(1L, share.numerator().longValue());
        assertEquals(3L, share.denominator().longValue());
    }

    @Test void qualifiedLeadsResponseTimeAndMeetings() {
        List<Object> recs = new ArrayList<>();
        // MQL: by date (A), by lifecycle stage (B), by a later stage's date (C: customer); D is a plain lead
        recs.add(new Lead("A", at("2025-01-02"), "Paid Search", null, null, null, at("2025-01-03"), null, null, null, null, null,
                null, at("2025-01-02").plusMinutes(2), 2, 1));
        recs.add(new Lead("B", at("2025-01-05"), "Paid Search", null, null, "Sales Qualified Lead", null, null, null, null, null,
                null, null, at("2025-01-05").plusMinutes(5), 1, 1));
        recs.add(new Lead("C", at("2025-02-01"), "Paid Search", null, null, "customer", null, null, null, at("2025-03-01"), null,
                null, null, at("2025-02-01").plusMinutes(60), null, null));
        recs.add(new Lead("D", at("2025-02-10"), "Paid Search", null, null, "lead", null, null, null, null, null, null, null,
                null, null, null));
        Report r = run(opts(CvrCalculator.Mode.COHORT, List.of(), null, Set.of()), recs);
        Row t = r.total();
        // MQLs A, B, C of 4 → 75 %; SQLs B (stage), C (customer) → 50 %
        assertEquals(3L, t.get("mqls"));
        assertEquals(new BigDecimal("0.750000"), v(t.get("qualifiedLeadRate")));
        assertEquals(2L, t.get("sqls"));
        // responses 120 s, 300 s, 3600 s: median 5.00 min, mean 4020 / 3 = 1340 s = 22.33 min; within 3 min: 1 of 3
        assertEquals(3L, t.get("responded"));
        assertEquals(new BigDecimal("0.750000"), v(t.get("responseRate")));
        assertEquals(new BigDecimal("5.00"), t.get("medianResponseMinutes"));
        assertEquals(new BigDecimal("22.33"), t.get("meanResponseMinutes"));
        assertEquals(new BigDecimal("0.333333"), v(t.get("responseWithinTarget")));
        // meetings 3 booked, 2 attended
        assertEquals(3L, t.get("meetingsBooked"));
        assertEquals(new BigDecimal("0.666667"), v(t.get("attendanceRate")));
        // lead velocity by qualification month: A 01-03 (Jan), C 03-01 (Mar); B has no date → Jan 1, Feb 0, Mar 1
        Section lv = r.sections().stream().filter(s -> s.jsonKey().equals("leadVelocity")).findFirst().orElseThrow();
        assertEquals(List.of("2025-01", "2025-02", "2025-03"), lv.rows().stream().map(x -> x.get("month")).toList());
        assertEquals(List.of(1L, 0L, 1L), lv.rows().stream().map(x -> x.get("qualifiedLeads")).toList());
        assertNull(lv.rows().get(0).get("leadVelocityRate"));
        assertEquals(new BigDecimal("-1.000000"), v(lv.rows().get(1).get("leadVelocityRate")));
        assertNull(v(lv.rows().get(2).get("leadVelocityRate")), "growth from zero is undefined");
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 MQL has no qualification date")), r.notes().toString());
    }

    @Test void trafficAndEmailRates() {
        List<Object> recs = new ArrayList<>(crm());
        recs.add(new Traffic(LocalDate.of(2025, 1, 5), null, "/demo", "Paid Search", "google / cpc", null, 60, 50, 30,
                Micros.ofUnits(3), Traffic.SESSIONS | Traffic.USERS | Traffic.CONVERSIONS));
        recs.add(new Traffic(LocalDate.of(2025, 1, 6), null, "/", "Organic Search", "google / organic", null, 40, 35, 20,
                Micros.ofUnits(1), Traffic.SESSIONS | Traffic.USERS | Traffic.CONVERSIONS));
        recs.add(new Traffic(LocalDate.of(2025, 2, 7), null, "/demo", "Paid Search", "google / cpc", null, 50, 45, 25,
                Micros.ofUnits(2), Traffic.SESSIONS | Traffic.USERS | Traffic.CONVERSIONS));
        int all = Email.SENT | Email.DELIVERED | Email.OPENS | Email.CLICKS | Email.FORWARDS | Email.LIST_SIZE | Email.UNSUBSCRIBES;
        recs.add(new Email(LocalDate.of(2025, 1, 14), "Jan news", "Main", "Email Marketing", 1020, 1000, 250, 40, 5, 3, 1020, all));
        recs.add(new Email(LocalDate.of(2025, 2, 11), "Feb news", "Main", "Email Marketing", 1071, 1050, 210, 21, 0, 4, 1071, all));
        Report r = run(opts(CvrCalculator.Mode.COHORT, List.of(Dimension.MONTH), null, Set.of()), recs);
        // leads per session: January 3 / 100, February 2 / 50
        assertEquals(new BigDecimal("0.030000"), v(row(r, "month", "2025-01").get("trafficToLeadRatio")));
        assertEquals(new BigDecimal("0.040000"), v(row(r, "month", "2025-02").get("trafficToLeadRatio")));
        assertEquals(100L, row(r, "month", "2025-01").get("sessions"));
        // email: January opens 250/1000, clicks 40/1000, forwards 5/1000; February clicks 21/1050 = 0.02
        Row jan = row(r, "month", "2025-01");
        assertEquals(new BigDecimal("0.250000"), v(jan.get("openRate")));
        assertEquals(new BigDecimal("0.040000"), v(jan.get("clickRate")));
        assertEquals(new BigDecimal("0.005000"), v(jan.get("forwardRate")));
        assertEquals(new BigDecimal("0.020000"), v(row(r, "month", "2025-02").get("clickRate")));
        // total opens (250 + 210) / 2050 = 0.224390
        assertEquals(new BigDecimal("0.224390"), v(r.total().get("openRate")));
        // landing pages: /demo 110 sessions, 5 conversions → 4.5455 %; / 40 sessions, 1 → 2.5 %
        Section lp = r.sections().stream().filter(s -> s.jsonKey().equals("landingPages")).findFirst().orElseThrow();
        assertEquals("/demo", lp.rows().get(0).get("page"));
        assertEquals(110L, lp.rows().get(0).get("sessions"));
        assertEquals(new BigDecimal("0.045455"), v(lp.rows().get(0).get("landingPageConversion")));
        // list growth: 1020 → 1071 = +5 %
        Section lg = r.sections().stream().filter(s -> s.jsonKey().equals("listGrowth")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.050000"), v(lg.rows().get(1).get("listGrowth")));
    }

    @Test void trafficForAWholeQuarterIsInTheTotalOnlyWhenGroupedByMonth() {
        List<Object> recs = new ArrayList<>(crm());
        recs.add(new Traffic(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "/", "Direct Traffic", null, null, 600, 0, 0, 0,
                Traffic.SESSIONS));
        Report r = run(opts(CvrCalculator.Mode.COHORT, List.of(Dimension.MONTH), null, Set.of()), recs);
        assertNull(row(r, "month", "2025-01").get("sessions"));
        assertEquals(600L, r.total().get("sessions"));
        // the 5 leads created in January–March / 600 sessions = 0.008333; L6 (April) lies outside the traffic's quarter
        assertEquals(new BigDecimal("0.008333"), v(r.total().get("trafficToLeadRatio")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("traffic rows cover more than one month")), r.warnings().toString());
    }

    @Test void duplicateLeadIdsAreCountedOnceWithAWarning() {
        List<Object> recs = new ArrayList<>(crm());
        // L2 again (a second export), with an earlier MQL date; L6 again unchanged
        recs.add(lead("L2", "2025-01-20", "Organic Search", null, "2025-01-22", null));
        recs.add(lead("L6", "2025-04-02", "Organic Search", null, null, "2025-04-20"));
        Report r = run(opts(CvrCalculator.Mode.COHORT, List.of(), null, Set.of()), recs);
        assertEquals(6L, r.total().get("leads"));
        assertEquals(3L, r.total().get("customers"));
        // MQLs: L2 (now with a date and a customer date), L3, L5, L6 → 4
        assertEquals(4L, r.total().get("mqls"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("2 lead rows repeat an id seen before (e.g. L2, L6)")),
                r.warnings().toString());
    }

    @Test void catalogueWorkedExample400LeadsAnd80CustomersIs20Percent() {
        List<Object> recs = new ArrayList<>();
        for (int i = 0; i < 400; i++) recs.add(lead("P" + i, "2025-01-15", "Paid Search", null, null, i < 80 ? "2025-03-01" : null));
        Row t = run(opts(CvrCalculator.Mode.COHORT, List.of(), LocalDate.of(2026, 6, 1), Set.of()), recs).total();
        Ratio cvr = (Ratio) t.get("cohortCvr");
        assertEquals(new BigDecimal("0.200000"), cvr.value());
        assertEquals(0.163737, cvr.ciLow(), 1e-9);
        assertEquals(0.24197, cvr.ciHigh(), 1e-9);
        assertFalse(cvr.lowSample());
        Row p = run(opts(CvrCalculator.Mode.PERIOD, List.of(), LocalDate.of(2026, 6, 1), Set.of()), recs).total();
        assertEquals(new BigDecimal("0.200000"), v(p.get("cvr")));
    }

    @Test void splitInputMergedGivesTheSameReport() {
        List<Object> recs = new ArrayList<>(crm());
        recs.add(lead("L2", "2025-01-20", "Organic Search", null, "2025-01-22", null));
        recs.add(new Traffic(LocalDate.of(2025, 1, 5), null, "/demo", "Paid Search", null, null, 60, 0, 0, 0, Traffic.SESSIONS));
        recs.add(new Email(LocalDate.of(2025, 1, 14), "Jan", "Main", "Email Marketing", 0, 1000, 250, 40, 5, 3, 1020,
                Email.DELIVERED | Email.OPENS | Email.CLICKS | Email.FORWARDS | Email.LIST_SIZE));
        for (CvrCalculator.Mode mode : CvrCalculator.Mode.values()) {
            CvrCalculator.Options o = opts(mode, List.of(Dimension.MONTH, Dimension.CHANNEL), null, Set.of("Paid Search"));
            Report whole = run(o, recs);
            CvrCalculator a = new CvrCalculator(o);
            CvrCalculator b = new CvrCalculator(o);
            for (int i = 0; i < recs.size(); i++) feed(i % 2 == 0 ? a : b, List.of(recs.get(i)));
            a.merge(b);
            Report merged = a.finish();
            assertEquals(whole.rows().toString(), merged.rows().toString(), mode.toString());
            assertEquals(whole.total().toString(), merged.total().toString(), mode.toString());
            assertEquals(whole.warnings(), merged.warnings());
        }
    }
}
