package dev.kpi.calc.funnel;

import dev.kpi.calc.Dimension;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;
import dev.kpi.calc.Window;
import dev.kpi.records.Deal;
import dev.kpi.records.Fx;
import dev.kpi.records.Lead;
import dev.kpi.records.Micros;
import dev.kpi.records.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The funnel on small hand-made pipelines. The HubSpot default pipeline (AS Appointment Scheduled, QTB
 * Qualified To Buy, PS Presentation Scheduled, DMBI Decision Maker Bought-In, CS Contract Sent, CW Closed
 * Won) over eight deals:
 * <pre>
 * D1 Closed Won $1,000, no history             seq: AS..CW (AS,QTB,PS,DMBI,CS imputed)   strict/any: AS
 * D2 Contract Sent, open                        seq: AS..CS (AS..DMBI imputed), open at CS strict/any: AS
 * D3 Closed Lost, AS 01-01, QTB 01-11           seq: AS,QTB, lost at QTB, 10 days         strict/any: AS,QTB
 * D4 current QTB, history PS 01-20 (moved back) seq: AS..PS (AS imputed), open at PS      strict/any: AS,QTB,PS
 * D5 Appointment Scheduled, open                AS, open at AS
 * D6 Closed Lost, no history                    AS (it is a deal: imputed), lost at AS
 * D7 Closed Won $3,000, AS 02-01, CS 02-21, closed 03-03
 *                                               seq: all (QTB,PS,DMBI imputed), CS→CW 10 days   strict/any: AS
 * D8 current QTB, AS 04-10, QTB 04-01 (out of order)
 *                                               seq: AS,QTB (−9 days: left out), open at QTB  strict: AS  any: AS,QTB
 * </pre>
 * Sequential reach: AS 8, QTB 6 (D1-D4,D7,D8), PS 4 (D1,D2,D4,D7), DMBI 3, CS 3, CW 2. Imputed: AS 4 (D1,D2,D4,D6),
 * QTB 3 (D1,D2,D7), PS 3, DMBI 3, CS 1 (D1), CW 0. Step conversions 6/8, 4/6, 3/4, 3/3, 2/3; drop-offs 2, 2, 1, 0, 1.
 * Average deal size (1,000 + 3,000) / 2 = 2,000.00; won entities 2.
 */
class FunnelCalculatorTest {
    static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 1, 0, 0);

    static LocalDateTime at(String day) { return day == null ? null : LocalDate.parse(day).atStartOfDay(); }

    static Deal deal(String id, String created, String closed, String stage, Outcome o, String amount, String channel,
                     String... history) {
        Map<String, LocalDateTime> h = new LinkedHashMap<>();
        for (int i = 0; i < history.length; i += 2) h.put(history[i], at(history[i + 1]));
        return new Deal(id, null, List.of(), at(created), at(closed), stage, o,
                amount == null ? 0 : Micros.of(new BigDecimal(amount)), amount != null, amount == null ? null : "USD",
                channel, channel, null, null, null, null, h);
    }

    static List<Deal> pipeline() {
        List<Deal> d = new ArrayList<>();
        d.add(deal("D1", "2025-01-02", "2025-06-30", "Closed Won", Outcome.WON, "1000", "Paid Search"));
        d.add(deal("D2", "2025-01-03", null, "Contract Sent", Outcome.OPEN, "5000", "Paid Search"));
        d.add(deal("D3", "2025-01-01", "2025-01-20", "Closed Lost", Outcome.LOST, "2000", "Organic Search",
                "Appointment Scheduled", "2025-01-01", "Qualified To Buy", "2025-01-11"));
        d.add(deal("D4", "2025-01-05", null, "Qualified To Buy", Outcome.OPEN, null, "Organic Search",
                "Presentation Scheduled", "2025-01-20"));
        d.add(deal("D5", "2025-01-06", null, "Appointment Scheduled", Outcome.OPEN, null, "Paid Search"));
        d.add(deal("D6", "2025-01-07", "2025-01-30", "Closed Lost", Outcome.LOST, null, null));
        d.add(deal("D7", "2025-02-01", "2025-03-03", "Closed Won", Outcome.WON, "3000", "Paid Search",
                "Appointment Scheduled", "2025-02-01", "Contract Sent", "2025-02-21"));
        d.add(deal("D8", "2025-03-25", null, "Qualified To Buy", Outcome.OPEN, null, "Organic Search",
                "Appointment Scheduled", "2025-04-10", "Qualified To Buy", "2025-04-01"));
        return d;
    }

    static FunnelCalculator.Options opts(OrderMode mode, List<Dimension> dims, Integer windowDays, BigDecimal target) {
        return new FunnelCalculator.Options(dims, Window.ALL, mode, null, windowDays, target);
    }

    static Report run(FunnelCalculator.Options o, List<Deal> deals) {
        FunnelCalculator c = new FunnelCalculator(o);
        deals.forEach(c::add);
        return c.finish(new Fx("USD", Map.of()));
    }

    @SuppressWarnings("unchecked")
    static List<Row> stages(Report r) { return (List<Row>) r.extra().get("stages"); }

    static long[] reached(List<Row> stages) {
        return stages.stream().mapToLong(s -> (Long) s.get("reached")).toArray();
    }

    static long[] col(List<Row> stages, String key) {
        return stages.stream().mapToLong(s -> s.get(key) == null ? -1 : (Long) s.get(key)).toArray();
    }

    @Test void sequentialFunnelOverHubSpotDeals() {
        Report r = run(opts(OrderMode.SEQUENTIAL, List.of(), null, null), pipeline());
        assertEquals("HubSpot default pipeline", r.extra().get("funnel"));
        List<Row> s = stages(r);
        assertEquals(List.of("Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Decision Maker Bought-In",
                "Contract Sent", "Closed Won"), s.stream().map(x -> x.get("stage")).toList());
        assertArrayEquals(new long[] {8, 6, 4, 3, 3, 2}, reached(s));
        assertArrayEquals(new long[] {4, 3, 3, 3, 1, 0}, col(s, "imputed"));
        assertArrayEquals(new long[] {-1, 2, 2, 1, 0, 1}, col(s, "dropOff"));
        assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0}, col(s, "lost"), "D6 lost at AS, D3 at QTB");
        assertArrayEquals(new long[] {1, 1, 1, 0, 1, 0}, col(s, "open"), "D5 at AS, D8 at QTB, D4 at PS, D2 at CS");
        Ratio step = (Ratio) s.get(1).get("stepConversion");
        assertEquals(new BigDecimal("0.750000"), step.value());
        assertEquals(0.409275, step.ciLow(), 1e-9);
        assertEquals(0.928521, step.ciHigh(), 1e-9);
        assertTrue(step.lowSample());
        assertNull(s.get(0).get("stepConversion"));
        assertEquals(new BigDecimal("0.250000"), ((Ratio) s.get(5).get("conversionFromFirst")).value());
        // days: QTB from AS only D3 (10 days; D8 is out of order), CW from CS only D7 (02-21 → 03-03 = 10 days)
        assertEquals(new BigDecimal("10.00"), s.get(1).get("medianDaysFromPrevious"));
        assertEquals(new BigDecimal("10.00"), s.get(5).get("medianDaysFromPrevious"));
        assertNull(s.get(2).get("medianDaysFromPrevious"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1 stage entry is dated before")), r.warnings().toString());
        Row t = r.total();
        assertEquals(8L, t.get("entered"));
        assertEquals(2L, t.get("won"));
        assertEquals(2L, t.get("lost"));
        assertEquals(4L, t.get("open"));
        assertEquals(new BigDecimal("2000.00"), ((Ratio) t.get("averageDealSize")).value());
        assertEquals(new BigDecimal("4000.00"), ((Ratio) t.get("averageDealSize")).numerator());
    }

    @Test void strictAndAnyOrderNeedEveryStageRecorded() {
        // strict: D3 (AS,QTB), D4 (AS, QTB undated, PS 01-20 after its creation 01-05) reach QTB; D8's QTB (04-01)
        // is before its AS (04-10), so strict stops it at AS while any order counts it
        assertArrayEquals(new long[] {8, 2, 1, 0, 0, 0}, reached(stages(run(opts(OrderMode.STRICT, List.of(), null, null), pipeline()))));
        assertArrayEquals(new long[] {8, 3, 1, 0, 0, 0}, reached(stages(run(opts(OrderMode.ANY, List.of(), null, null), pipeline()))));
    }

    @Test void revenueTargetIsCarriedBackThroughEveryStage() {
        // 1,000,000 / 2,000 = 500 won deals; stage k needs 500 × reached(k) / 2 won: 2000, 1500, 1000, 750, 750, 500
        Report r = run(opts(OrderMode.SEQUENTIAL, List.of(), null, new BigDecimal("1000000")), pipeline());
        Section req = r.sections().stream().filter(x -> x.jsonKey().equals("required")).findFirst().orElseThrow();
        assertArrayEquals(new long[] {2000, 1500, 1000, 750, 750, 500}, req.rows().stream().mapToLong(x -> (Long) x.get("count")).toArray());
        assertEquals("Appointment Scheduled", req.rows().get(0).get("stage"));
    }

    @Test void conversionWindowDropsLateEvidence() {
        // 20 days: D1's win (179 days after creation) no longer counts, so D1 reaches AS only; D7's CS (day 20)
        // counts but its win (day 30) does not; D2's undated current stage CS still counts
        List<Row> s = stages(run(opts(OrderMode.SEQUENTIAL, List.of(), 20, null), pipeline()));
        assertEquals(0L, s.get(5).get("reached"));
        assertEquals(2L, s.get(4).get("reached"));
    }

    @Test void aDealMovingBackwardsInALaterExportKeepsItsReach() {
        // the same deal in two exports: first at Contract Sent, later back at Qualified To Buy → still reached CS
        List<Deal> d = List.of(deal("X", "2025-01-01", null, "Contract Sent", Outcome.OPEN, null, null),
                deal("X", "2025-01-01", null, "Qualified To Buy", Outcome.OPEN, null, null));
        Report r = run(opts(OrderMode.SEQUENTIAL, List.of(), null, null), d);
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 0}, reached(stages(r)));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1 deal row repeats")), r.warnings().toString());
    }

    @Test void groupsHoldTheirOwnStages() {
        Report r = run(opts(OrderMode.SEQUENTIAL, List.of(Dimension.CHANNEL), null, null), pipeline());
        // Organic Search: D3, D4, D8 → AS 3, QTB 3, PS 1; Paid Search: D1, D2, D5, D7 → AS 4, QTB 3, PS 3, DMBI 3, CS 3, CW 2;
        // (none): D6 → AS 1
        assertEquals(List.of("Organic Search", "Paid Search", "(none)"), r.rows().stream().map(x -> x.get("channel")).toList());
        @SuppressWarnings("unchecked") List<Row> organic = (List<Row>) r.rows().get(0).get("stages");
        @SuppressWarnings("unchecked") List<Row> paid = (List<Row>) r.rows().get(1).get("stages");
        assertArrayEquals(new long[] {3, 3, 1, 0, 0, 0}, reached(organic));
        assertArrayEquals(new long[] {4, 3, 3, 3, 3, 2}, reached(paid));
        assertArrayEquals(new long[] {8, 6, 4, 3, 3, 2}, reached(stages(r)), "the total is every deal");
    }

    @Test void splitInputMergedGivesTheSameFunnel() {
        List<Deal> all = new ArrayList<>(pipeline());
        all.add(deal("D2", "2025-01-03", "2025-05-01", "Closed Won", Outcome.WON, "5000", "Paid Search")); // D2 won later
        FunnelCalculator.Options o = opts(OrderMode.SEQUENTIAL, List.of(Dimension.CHANNEL), null, new BigDecimal("50000"));
        Report whole = run(o, all);
        FunnelCalculator a = new FunnelCalculator(o);
        FunnelCalculator b = new FunnelCalculator(o);
        for (int i = 0; i < all.size(); i++) (i % 2 == 0 ? a : b).add(all.get(i));
        a.merge(b);
        Report merged = a.finish(new Fx("USD", Map.of()));
        assertEquals(whole.rows().toString(), merged.rows().toString());
        assertEquals(whole.total().toString(), merged.total().toString());
        assertEquals(whole.extra().toString(), merged.extra().toString());
        // D2 is now won: CW reached 3, average (1,000 + 5,000 + 3,000) / 3 = 3,000.00
        assertArrayEquals(new long[] {8, 6, 4, 3, 3, 3}, reached(stages(merged)));
        assertEquals(new BigDecimal("3000.00"), ((Ratio) merged.total().get("averageDealSize")).value());
    }

    static Lead lead(String id, String created, String mql, String sql, String customer, String account) {
        return new Lead(id, at(created), "Paid Search", "Paid Search", null, null, at(mql), at(sql), null, at(customer),
                account, null, null, null, null, null);
    }

    @Test void catalogueWorkedExampleLeadsNeededForARevenueTarget() {
        // 400 leads, 80 of them won a $1,000 deal: average deal size 1,000, lead-to-win 20 %;
        // $1,000,000 / $1,000 / 20 % = 5,000 leads (and 1,000 customers)
        FunnelCalculator c = new FunnelCalculator(opts(OrderMode.SEQUENTIAL, List.of(), null, new BigDecimal("1000000")));
        for (int i = 0; i < 400; i++) c.add(lead("L" + i, "2025-01-01", null, null, null, null));
        for (int i = 0; i < 80; i++) {
            c.add(new Deal("W" + i, null, List.of("L" + i), at("2025-01-05"), at("2025-02-01"), "closedwon", Outcome.WON,
                    Micros.of(new BigDecimal("1000")), true, "USD", null, null, null, null, null, null, Map.of()));
        }
        Report r = c.finish(new Fx("USD", Map.of()));
        assertEquals("lead lifecycle", r.extra().get("funnel"));
        Section req = r.sections().stream().filter(x -> x.jsonKey().equals("required")).findFirst().orElseThrow();
        assertEquals("Lead", req.rows().get(0).get("stage"));
        assertEquals(5000L, req.rows().get(0).get("count"));
        assertEquals("Customer", req.rows().get(4).get("stage"));
        assertEquals(1000L, req.rows().get(4).get("count"));
        Ratio overall = (Ratio) r.total().get("overallConversion");
        assertEquals(new BigDecimal("0.200000"), overall.value());
        assertEquals(0.163737, overall.ciLow(), 1e-9);
        assertEquals(0.24197, overall.ciHigh(), 1e-9);
        // lead value = 80,000 / 400 = 200.00
        assertEquals(new BigDecimal("200.00"), ((Ratio) r.total().get("leadValue")).value());
    }

    @Test void leadFunnelTakesEvidenceFromTheLeadsDeals() {
        // A: MQL and a won deal by contact id, no customer date → reaches Customer (SQL, Opportunity imputed... Opportunity
        //    is direct: it has a deal); B: lost deal on its account → Opportunity, lost there; C: only created → Lead, open;
        // a deal of an unknown contact and account belongs to no lead
        FunnelCalculator c = new FunnelCalculator(opts(OrderMode.SEQUENTIAL, List.of(), null, null));
        c.add(lead("A", "2025-01-01", "2025-01-03", null, null, null));
        c.add(lead("B", "2025-01-02", null, null, null, "ACC-9"));
        c.add(lead("C", "2025-01-03", null, null, null, null));
        c.add(new Deal("d1", null, List.of("A"), at("2025-01-10"), at("2025-02-09"), "Closed Won", Outcome.WON,
                Micros.of(new BigDecimal("500")), true, "USD", null, null, null, null, null, null, Map.of()));
        c.add(new Deal("d2", "ACC-9", List.of(), at("2025-01-12"), at("2025-01-30"), "Closed Lost", Outcome.LOST,
                0, false, null, null, null, null, null, null, null, Map.of()));
        c.add(new Deal("d3", "ACC-X", List.of("nobody"), at("2025-01-12"), null, "Contract Sent", Outcome.OPEN,
                0, false, null, null, null, null, null, null, null, Map.of()));
        Report r = c.finish(new Fx("USD", Map.of()));
        List<Row> s = stages(r);
        // Lead 3, MQL 2 (A direct, B imputed), SQL 2 (both imputed), Opportunity 2 (deals), Customer 1 (A)
        assertArrayEquals(new long[] {3, 2, 2, 2, 1}, reached(s));
        assertArrayEquals(new long[] {0, 1, 2, 0, 0}, col(s, "imputed"));
        assertArrayEquals(new long[] {0, 0, 0, 1, 0}, col(s, "lost"));
        // A: deal created 01-10 → Opportunity, won 02-09 → Customer: 30 days
        assertEquals(new BigDecimal("30.00"), s.get(4).get("medianDaysFromPrevious"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1 deal matched no lead")), r.warnings().toString());
    }

    @Test void groupTimeKeysEqualTheTimeGrainKeys() {
        // the fast keys must be exactly what TimeGrain writes everywhere else (e.g. cac rows)
        for (LocalDate d = LocalDate.of(2023, 12, 20); d.isBefore(LocalDate.of(2025, 2, 10)); d = d.plusDays(1)) {
            for (dev.kpi.records.TimeGrain g : dev.kpi.records.TimeGrain.values()) assertEquals(g.key(d), GroupKey.timeKey(g, d));
        }
    }
}
