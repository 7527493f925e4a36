package dev.kpi.calc;

import dev.kpi.calc.attribution.AttributionModel;
import dev.kpi.calc.attribution.Conversion;
import dev.kpi.calc.attribution.HeuristicSettings;
import dev.kpi.calc.attribution.JourneyBuilder;
import dev.kpi.calc.attribution.ShapleyAttribution;
import dev.kpi.records.Cost;
import dev.kpi.records.Fx;
import dev.kpi.records.PathRow;
import dev.kpi.records.Spend;
import dev.kpi.records.Team;
import dev.kpi.records.Touchpoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The attribution report on a small hand-computed case. January 2024:
 * <ul>
 * <li>acme converts Jan 20 for 1,000 after Search (campaign s1, Jan 2), Email (Jan 10), Search (s2, Jan 18);
 * its Social touch on Jan 22 comes after the conversion and is ignored;</li>
 * <li>beta converts Jan 25 for 500 with no touch → (unattributed);</li>
 * <li>gamma converted Dec 15, outside the period → left out;</li>
 * <li>delta did not convert (Social, Jan 5); epsilon's only touch (Nov 1) is before the period → left out.</li>
 * </ul>
 * Costs in January: spend Search 200, Social 100, Display 50 (a February Search row of 999 is outside);
 * marketing costs 1,000 untagged and 50 tagged Social; a sales cost of 5,000 does not count.
 *
 * <p>Linear: acme's 1 conversion and 1,000 split 2/3 Search, 1/3 Email → 0.666667 / 666.666667 and
 * 0.333333 / 333.333333. Search: ROI (666.666667 − 200) / 200 = 2.333333, ROAS 3.3333, cost per
 * conversion 200 / 0.666667 = 299.99985 → 300.00. Display: no credit, ROI −1, cost per conversion null.
 * Email has no cost: null cost and ratios. Marketing cost 200 + 150 + 50 + 1,000 = 1,400; ROI
 * (1,500 − 1,400) / 1,400 = 0.071429, revenue : cost 1.0714 (below 2:1); with COGS 300, ROMI
 * (1,500 − 300 − 1,400) / 1,400 = −0.142857.
 *
 * <p>Markov (order 1): paths S > E > S (1 conversion), Social (1 null). start→S ½, start→Social ½; S→E ½,
 * S→conversion ½; E→S 1. h_S = ½ + ½ h_E, h_E = h_S → h_S = 1, P = ½. Without S: 0 (effect 1); without E:
 * h_S = ½, P = ¼ (effect ½); without Social: P unchanged (effect 0). Credit 1 × 1/1.5 = 0.666667 to Search,
 * 0.333333 to Email, 0 to Social.
 */
class AttributionCalculatorTest {
    private static final LocalDateTime JAN = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final Fx USD = new Fx("USD", Map.of());

    private static AttributionCalculator calculator(List<AttributionModel> models, boolean byCampaign, boolean comparison) {
        return new AttributionCalculator(new AttributionCalculator.Options(models, 1, HeuristicSettings.defaults(),
                ShapleyAttribution.Settings.defaults(), byCampaign, null, new Window(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)),
                JourneyBuilder.InputOrder.ANY, new BigDecimal("300"), null, comparison, Map.of()));
    }

    private static Touchpoint touch(String id, int day, String channel, String campaign) {
        return new Touchpoint(id, null, JAN.plusDays(day - 1), channel, channel, campaign, 0, false, null);
    }

    private static Spend spend(LocalDate d, String channel, String cost) {
        return new Spend(d, null, "X", channel, null, null, "USD", new BigDecimal(cost).movePointRight(6).longValueExact(),
                0, 0, 0, 0, 0, Spend.COST);
    }

    private static void feed(AttributionCalculator c) {
        c.addConversion("acme", Conversion.of(JAN.plusDays(19), 1_000_000_000L));
        c.addConversion("beta", Conversion.of(JAN.plusDays(24), 500_000_000L));
        c.addConversion("gamma", Conversion.of(LocalDateTime.of(2023, 12, 15, 0, 0), 300_000_000L));
        c.add(spend(LocalDate.of(2024, 1, 5), "Search", "200"));
        c.add(spend(LocalDate.of(2024, 1, 6), "Social", "100"));
        c.add(spend(LocalDate.of(2024, 1, 7), "Display", "50"));
        c.add(spend(LocalDate.of(2024, 2, 1), "Search", "999"));
        c.add(new Cost(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), Team.MARKETING, "Salaries", null, "USD", 1_000_000_000L));
        c.add(new Cost(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), Team.MARKETING, "Agency", "Social", "USD", 50_000_000L));
        c.add(new Cost(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), Team.SALES, "Salaries", null, "USD", 5_000_000_000L));
        c.addTouch("acme", touch("acme", 2, "Search", "s1"));
        c.addTouch("acme", touch("acme", 10, "Email", null));
        c.addTouch("acme", touch("acme", 18, "Search", "s2"));
        c.addTouch("acme", touch("acme", 22, "Social", null));
        c.addTouch("gamma", new Touchpoint("gamma", null, LocalDateTime.of(2023, 12, 1, 0, 0), "Email", "Email", null, 0, false, null));
        c.addTouch("delta", touch("delta", 5, "Social", null));
        c.addTouch("epsilon", new Touchpoint("epsilon", null, LocalDateTime.of(2023, 11, 1, 0, 0), "Email", "Email", null, 0, false, null));
    }

    private static Map<String, Row> rows(Report r, String model) {
        Map<String, Row> out = new HashMap<>();
        for (Row row : r.rows()) if (row.get("model").equals(model)) out.put((String) row.get("channel"), row);
        return out;
    }

    private static void eq(String expected, Object actual) {
        BigDecimal a = actual instanceof Ratio ? ((Ratio) actual).value() : (BigDecimal) actual;
        assertNotNull(a, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(a), "expected " + expected + ", got " + a);
    }

    @Test void linearAndMarkovWithCostsAndMarketingReturn() {
        AttributionCalculator c = calculator(List.of(AttributionModel.LINEAR, AttributionModel.MARKOV), false, false);
        feed(c);
        Report r = c.finish(USD);
        Map<String, Row> linear = rows(r, "linear");
        assertEquals(List.of("Display", "Email", "Search", "Social", "(unattributed)"),
                r.rows().stream().filter(x -> x.get("model").equals("linear")).map(x -> x.get("channel")).toList());
        eq("0.666667", linear.get("Search").get("attributedConversions"));
        eq("666.666667", linear.get("Search").get("attributedRevenue"));
        eq("0.333333", linear.get("Email").get("attributedConversions"));
        eq("1", linear.get("(unattributed)").get("attributedConversions"));
        eq("500", linear.get("(unattributed)").get("attributedRevenue"));
        eq("200", linear.get("Search").get("cost"));
        eq("2.333333", linear.get("Search").get("roi"));
        eq("3.3333", linear.get("Search").get("roas"));
        eq("300.00", linear.get("Search").get("costPerConversion"));
        eq("150", linear.get("Social").get("cost"));
        eq("-1", linear.get("Display").get("roi"));
        assertTrue(((Ratio) linear.get("Display").get("costPerConversion")).isNull());
        assertNull(linear.get("Email").get("cost"));
        assertNull(linear.get("Email").get("roi"));
        eq("0.333334", linear.get("Search").get("share")); // 0.666667 / 2 = 0.3333335, half-even to 6 places
        Row total = r.total();
        eq("2", total.get("attributedConversions"));
        eq("1500", total.get("attributedRevenue"));
        eq("400", total.get("cost"));

        Map<String, Row> markov = rows(r, "markov");
        eq("0.666667", markov.get("Search").get("attributedConversions"));
        eq("0.333333", markov.get("Email").get("attributedConversions"));
        eq("0", markov.get("Social").get("attributedConversions"));
        eq("1", markov.get("Search").get("removalEffect"));
        eq("0.5", markov.get("Email").get("removalEffect"));
        eq("0", markov.get("Social").get("removalEffect"));
        assertNull(markov.get("(unattributed)").get("removalEffect"));
        assertEquals(1L, markov.get("Search").get("order"));
        assertFalse(linear.get("Search").has("removalEffect"));

        Row mr = (Row) r.extra().get("marketingReturn");
        eq("1400", mr.get("marketingCost"));
        eq("0.071429", mr.get("roi"));
        eq("1.0714", mr.get("revenueToCostRatio"));
        assertEquals("not profitable (below 2:1)", mr.get("revenueToCostGuide"));
        eq("-0.142857", mr.get("romi"));
        Row inputs = (Row) r.extra().get("inputs");
        assertEquals(2L, inputs.get("convertingJourneys")); // acme, and beta with no touch
        assertEquals(1L, inputs.get("nonConvertingJourneys"));
        assertEquals(1L, inputs.get("conversionsOutsidePeriod"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("no cost for Email")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("1 of 2 conversions had no touch")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("costPerConversion is null")), r.warnings().toString());
        assertEquals(2, r.sections().stream().filter(s -> s.jsonKey().startsWith("comparison")).count());
    }

    /** By campaign: Search's linear credit splits into s1 and s2 (1/3 each); Markov states are channel + campaign. */
    @Test void byCampaignSplitsCreditAndStates() {
        AttributionCalculator c = calculator(List.of(AttributionModel.LINEAR, AttributionModel.MARKOV), true, false);
        feed(c);
        Report r = c.finish(USD);
        assertEquals(List.of("model", "channel", "campaign"), r.groupBy());
        int found = 0;
        for (Row row : r.rows()) {
            if ("Search".equals(row.get("channel")) && "s1".equals(row.get("campaign"))) {
                eq("0.333333", row.get("attributedConversions"));
                found++;
            }
        }
        assertEquals(2, found, "one s1 row per model");
        Row markov = (Row) r.extra().get("markov");
        @SuppressWarnings("unchecked")
        List<Row> transitions = (List<Row>) markov.get("transitions");
        assertTrue(transitions.stream().anyMatch(t -> "Search / s1".equals(t.get("from"))), transitions.toString());
    }

    /** The comparison view for people: no long rows, sections with a Total line per model. */
    @Test void comparisonViewHasSectionsOnly() {
        AttributionCalculator c = calculator(List.of(AttributionModel.FIRST, AttributionModel.LAST), false, true);
        feed(c);
        Report r = c.finish(USD);
        assertTrue(r.rows().isEmpty());
        assertTrue(r.columns().isEmpty());
        assertNull(r.total());
        Section revenue = r.sections().stream().filter(s -> s.jsonKey().equals("comparisonRevenue")).findFirst().orElseThrow();
        Row last = revenue.rows().get(revenue.rows().size() - 1);
        assertEquals("Total", last.get("channel"));
        eq("1500", last.get("first"));
        eq("1500", last.get("last"));
    }

    /** A path table: the same heuristics on distinct paths; time-decay is skipped with a warning. */
    @Test void pathTableRoute() {
        AttributionCalculator c = new AttributionCalculator(new AttributionCalculator.Options(
                List.of(AttributionModel.FIRST, AttributionModel.TIME_DECAY), 1, HeuristicSettings.defaults(),
                ShapleyAttribution.Settings.defaults(), false, null, Window.ALL, JourneyBuilder.InputOrder.ANY, null, null, false, Map.of()));
        c.addPath(new PathRow(List.of("A", "B"), 3, new BigDecimal("30"), 1));
        c.addPath(new PathRow(List.of(), 1, new BigDecimal("2.5"), 0));
        Report r = c.finish(new Fx(null, Map.of()));
        Map<String, Row> first = rows(r, "first");
        eq("3", first.get("A").get("attributedConversions"));
        eq("0", first.get("B").get("attributedConversions"));
        eq("2.50", first.get("(unattributed)").get("attributedRevenue"));
        assertTrue(rows(r, "time-decay").isEmpty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("time-decay needs touch timestamps")));
    }
}
