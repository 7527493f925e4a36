package dev.kpi.calc.attribution;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.kpi.calc.attribution.AttributionModel.*;
import static org.junit.jupiter.api.Assertions.*;

class HeuristicAttributionTest {
    private static final LocalDateTime D1 = LocalDateTime.of(2024, 1, 1, 9, 0);

    /**
     * Paid Search (Jan 1, campaign brand) → Direct (Jan 8) → Email (Jan 15) → Direct (Jan 22), converted
     * Jan 29 with value 1000. Shares by hand, per channel (Paid Search / Direct / Email):
     * first 1/0/0; last 0/1/0; last-non-direct 0/0/1; linear ¼/½/¼;
     * position 0.4 / (0.1 + 0.4) / 0.1; j-shaped 0.2 / (0.1 + 0.6) / 0.1; inverse-j 0.6 / (0.1 + 0.2) / 0.1;
     * w-shaped without lead time: anchors touch 0, touch 1 (nearest the middle of 0..3, tie to the earlier)
     * and touch 3 at 0.3 each, 0.1 to touch 2 → 0.3 / 0.6 / 0.1;
     * full-path without times: anchors 0, 1 (nearest 1/3), 2 (nearest 2/3), 3 at 0.225, no other touch so the
     * rest 0.1 goes evenly to the four anchors → 0.25 each → 0.25 / 0.5 / 0.25;
     * time-decay (7 days): ages 28, 21, 14, 7 days → 2^-4, 2^-3, 2^-2, 2^-1 → 1/15, 2/15, 4/15, 8/15 →
     * 1/15 / 10/15 / 4/15 = 0.066667 / 0.666667 / 0.266667 after rounding; these add up to 1.000001, so
     * the residual −0.000001 goes to the largest credit (Direct) → 0.666666.
     */
    @Test void everyModelOnAHandComputedJourney() {
        Journey j = sample(null);
        HeuristicAttribution h = new HeuristicAttribution(heuristics(), HeuristicSettings.defaults(), false);
        h.accept(j);
        Map<String, String[]> expected = Map.ofEntries(
                Map.entry("first", new String[] {"1", "0", "0"}),
                Map.entry("last", new String[] {"0", "1", "0"}),
                Map.entry("last-non-direct", new String[] {"0", "0", "1"}),
                Map.entry("linear", new String[] {"0.25", "0.5", "0.25"}),
                Map.entry("position", new String[] {"0.4", "0.5", "0.1"}),
                Map.entry("j-shaped", new String[] {"0.2", "0.7", "0.1"}),
                Map.entry("inverse-j", new String[] {"0.6", "0.3", "0.1"}),
                Map.entry("w-shaped", new String[] {"0.3", "0.6", "0.1"}),
                Map.entry("full-path", new String[] {"0.25", "0.5", "0.25"}),
                Map.entry("time-decay", new String[] {"0.066667", "0.666666", "0.266667"}));
        for (AttributionResult r : h.results()) {
            String[] e = expected.get(r.model());
            assertNotNull(e, r.model());
            assertCredit(r, "Paid Search", e[0]);
            assertCredit(r, "Direct", e[1]);
            assertCredit(r, "Email", e[2]);
            assertEquals(0, new BigDecimal("1000").compareTo(r.totalRevenue()));
            BigDecimal rev = BigDecimal.ZERO;
            for (ChannelCredit c : r.credits()) rev = rev.add(c.attributedRevenue());
            assertEquals(0, rev.compareTo(new BigDecimal("1000")), r.model());
        }
        AttributionResult decay = h.results().get(heuristics().indexOf(TIME_DECAY));
        assertEquals(new BigDecimal("66.666667"), decay.credit("Paid Search").attributedRevenue());
        assertEquals(new BigDecimal("666.666666"), decay.credit("Direct").attributedRevenue());
    }

    /** A lead created on Jan 16 makes Email (Jan 15, the last touch before it) the W-shaped middle anchor. */
    @Test void wShapedUsesLeadCreationTouch() {
        Journey j = sample(LocalDateTime.of(2024, 1, 16, 0, 0));
        double[] w = HeuristicAttribution.shares(W_SHAPED, j, HeuristicSettings.defaults());
        assertArrayEquals(new double[] {0.3, 0.1, 0.3, 0.3}, w, 1e-15);
        // full path: lead anchor Email (index 2), opportunity defaults to nearest 2/3 = index 2 as well:
        // anchors 0, 2, 2, 3 → 0.225, 0, 0.45, 0.225 and the rest 0.1 to the only other touch (index 1)
        double[] z = HeuristicAttribution.shares(FULL_PATH, j, HeuristicSettings.defaults());
        assertArrayEquals(new double[] {0.225, 0.1, 0.45, 0.225}, z, 1e-15);
    }

    @Test void oneTouchGetsFullCreditInEveryModel() {
        Journey j = Journey.converting("x", List.of(Touch.of("Email", D1)), D1.plusDays(3), 5_000_000);
        for (AttributionModel m : heuristics()) {
            assertArrayEquals(new double[] {1}, HeuristicAttribution.shares(m, j, HeuristicSettings.defaults()), 1e-15, m.key());
        }
    }

    /** Two touches: position 50/50, j-shaped 30/70, inverse-j 70/30, w-shaped and full-path 50/50. */
    @Test void twoTouchSplits() {
        Journey j = Journey.converting("x", List.of(Touch.of("A", D1), Touch.of("B", D1.plusDays(1))), D1.plusDays(2), 0);
        HeuristicSettings s = HeuristicSettings.defaults();
        assertArrayEquals(new double[] {0.5, 0.5}, HeuristicAttribution.shares(POSITION, j, s), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.7}, HeuristicAttribution.shares(J_SHAPED, j, s), 1e-15);
        assertArrayEquals(new double[] {0.7, 0.3}, HeuristicAttribution.shares(INVERSE_J, j, s), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, HeuristicAttribution.shares(W_SHAPED, j, s), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, HeuristicAttribution.shares(FULL_PATH, j, s), 1e-15);
        // custom position weights 30/50: the 20 % rest is split → 40/60
        assertArrayEquals(new double[] {0.4, 0.6}, HeuristicAttribution.shares(POSITION, j, s.withPosition(0.3, 0.5)), 1e-15);
    }

    @Test void lastNonDirectFallsBackToLastDirectAndIgnoresCase() {
        Journey j = Journey.converting("x", List.of(Touch.of("DIRECT", D1), Touch.of("(direct)", D1.plusDays(1))), D1.plusDays(2), 0);
        assertArrayEquals(new double[] {0, 1}, HeuristicAttribution.shares(LAST_NON_DIRECT, j, HeuristicSettings.defaults()), 0);
        HeuristicSettings custom = HeuristicSettings.defaults().withDirectChannels(java.util.Set.of("typed"));
        Journey k = Journey.converting("y", List.of(Touch.of("Seo", D1), Touch.of("Typed", D1.plusDays(1))), D1.plusDays(2), 0);
        assertArrayEquals(new double[] {1, 0}, HeuristicAttribution.shares(LAST_NON_DIRECT, k, custom), 0);
    }

    /** Half-life 1 day: touches 0 and 1 day before the conversion weigh 1 and ½ → 2/3 and 1/3. */
    @Test void timeDecayHalfLife() {
        Journey j = Journey.converting("x", List.of(Touch.of("A", D1), Touch.of("B", D1.plusDays(1))), D1.plusDays(1), 0);
        double[] w = HeuristicAttribution.shares(TIME_DECAY, j, HeuristicSettings.defaults().withHalfLife(Duration.ofDays(1)));
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, w, 1e-15);
        // very old touches do not underflow: 10,000 half-lives apart still share 1 : 2^-10000 → 1, 0
        Journey old = Journey.converting("y", List.of(Touch.of("A", D1.minusDays(20_000)), Touch.of("B", D1.minusDays(10_000))), D1, 0);
        double[] v = HeuristicAttribution.shares(TIME_DECAY, old, HeuristicSettings.defaults().withHalfLife(Duration.ofDays(1)));
        assertEquals(1.0, v[1], 0);
    }

    @Test void campaignsAndUnattributedConversions() {
        HeuristicAttribution h = new HeuristicAttribution(List.of(LINEAR), HeuristicSettings.defaults(), true);
        h.accept(Journey.converting("a", List.of(new Touch("Paid", "brand", D1), new Touch("Paid", "generic", D1.plusDays(1))), D1.plusDays(2), 10_000_000));
        h.accept(Journey.converting("b", List.of(), D1.plusDays(2), 4_000_000));
        h.accept(Journey.nonConverting("c", List.of(Touch.of("Paid", D1))));
        AttributionResult r = h.results().get(0);
        assertEquals(new BigDecimal("2"), r.totalConversions());
        assertEquals(0, new BigDecimal("14").compareTo(r.totalRevenue()));
        assertEquals(3, r.credits().size());
        assertEquals("brand", r.credits().get(0).campaign());
        assertEquals(new BigDecimal("0.500000"), r.credits().get(0).attributedConversions());
        assertEquals(new BigDecimal("5.000000"), r.credits().get(1).attributedRevenue());
        assertEquals(PathTable.UNATTRIBUTED, r.credits().get(2).channel());
        assertEquals(new BigDecimal("1.000000"), r.credits().get(2).attributedConversions());
    }

    @Test void journeysWithoutValueGiveNullRevenue() {
        HeuristicAttribution h = new HeuristicAttribution(List.of(FIRST), HeuristicSettings.defaults(), false);
        h.accept(new Journey("a", List.of(Touch.of("A", D1)), true, D1, 0, false, null, null));
        AttributionResult r = h.results().get(0);
        assertNull(r.totalRevenue());
        assertNull(r.credit("A").attributedRevenue());
    }

    @Test void emptyInputGivesNoCredits() {
        AttributionResult r = new HeuristicAttribution(List.of(FIRST), HeuristicSettings.defaults(), false).results().get(0);
        assertTrue(r.credits().isEmpty());
        assertEquals(BigDecimal.ZERO, r.totalConversions());
    }

    /** The position-only models give the same credits on a path table as on the journeys it was built from. */
    @Test void pathTableMatchesJourneysForPositionalModels() {
        Random rnd = new Random(5);
        List<AttributionModel> models = new ArrayList<>(heuristics());
        models.remove(TIME_DECAY);
        HeuristicAttribution h = new HeuristicAttribution(models, HeuristicSettings.defaults(), false);
        PathTable t = new PathTable();
        for (int i = 0; i < 2000; i++) {
            int n = rnd.nextInt(7);
            List<Touch> touches = new ArrayList<>();
            for (int k = 0; k < n; k++) touches.add(Touch.of(rnd.nextInt(5) == 0 ? "Direct" : "c" + rnd.nextInt(4), D1.plusHours(k)));
            Journey j = rnd.nextInt(3) == 0 && n > 0 ? Journey.nonConverting("j" + i, touches)
                    : Journey.converting("j" + i, touches, D1.plusDays(1), rnd.nextInt(100_000_000));
            h.accept(j);
            t.add(j);
        }
        List<AttributionResult> fromJourneys = h.results();
        List<AttributionResult> fromPaths = HeuristicAttribution.onPaths(t, models, HeuristicSettings.defaults());
        for (int m = 0; m < models.size(); m++) {
            AttributionResult a = fromJourneys.get(m), b = fromPaths.get(m);
            assertEquals(a.totalConversions().compareTo(b.totalConversions()), 0);
            assertEquals(0, a.totalRevenue().compareTo(b.totalRevenue()));
            assertEquals(a.credits().size(), b.credits().size(), a.model());
            for (int i = 0; i < a.credits().size(); i++) {
                assertEquals(a.credits().get(i).attributedConversions().doubleValue(), b.credits().get(i).attributedConversions().doubleValue(), 2e-6, a.model());
                assertEquals(a.credits().get(i).attributedRevenue().doubleValue(), b.credits().get(i).attributedRevenue().doubleValue(), 2e-5, a.model());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> HeuristicAttribution.onPaths(t, List.of(TIME_DECAY), HeuristicSettings.defaults()));
    }

    @Test void roundingResidualNeverLandsOnUnattributed() {
        // 5 conversions without a touch and one over a > b > c: linear gives a, b, c 1/3 each (0.333333 after
        // rounding, 0.999999 together); the missing 0.000001 goes to a channel, (unattributed) stays exactly 5.
        PathTable t = new PathTable();
        t.add(List.of(), 5, null, 0);
        t.add(List.of("a", "b", "c"), 1, null, 0);
        AttributionResult r = HeuristicAttribution.onPaths(t, List.of(LINEAR), HeuristicSettings.defaults()).get(0);
        BigDecimal sum = BigDecimal.ZERO;
        for (ChannelCredit c : r.credits()) {
            sum = sum.add(c.attributedConversions());
            if (c.channel().equals(PathTable.UNATTRIBUTED)) assertEquals(0, new BigDecimal("5").compareTo(c.attributedConversions()));
        }
        assertEquals(0, new BigDecimal("6").compareTo(sum));
    }

    @Test void rejectsDataDrivenModelsAndBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> new HeuristicAttribution(List.of(MARKOV), HeuristicSettings.defaults(), false));
        assertThrows(IllegalArgumentException.class, () -> HeuristicSettings.defaults().withPosition(0.7, 0.4));
    }

    /**
     * Configured anchor shares on the sample journey (touches PS, Direct, Email, Direct; no lead time, so
     * the W middle is touch 1 and the full-path anchors are touches 0, 1, 2, 3). W 40/20/30 + 10: touch 0
     * 0.4, touch 1 0.2, touch 3 0.3, the rest 0.1 to touch 2 → PS 0.4, Direct 0.2 + 0.3 = 0.5, Email 0.1.
     * Full path 40/10/20/20 + 10: every touch is an anchor, so the rest 0.1 goes evenly to the four →
     * 0.425, 0.125, 0.225, 0.225 → PS 0.425, Direct 0.35, Email 0.225. Two touches with W 40/20/30 + 10:
     * each end keeps its share and half of the rest (0.2 + 0.1) → 0.55 / 0.45.
     */
    @Test void configuredAnchorShares() {
        HeuristicSettings s = HeuristicSettings.defaults().withWShaped(0.4, 0.2, 0.3).withFullPath(0.4, 0.1, 0.2, 0.2);
        HeuristicAttribution h = new HeuristicAttribution(List.of(W_SHAPED, FULL_PATH), s, false);
        h.accept(sample(null));
        AttributionResult w = h.results().get(0), z = h.results().get(1);
        assertCredit(w, "Paid Search", "0.4");
        assertCredit(w, "Direct", "0.5");
        assertCredit(w, "Email", "0.1");
        assertCredit(z, "Paid Search", "0.425");
        assertCredit(z, "Direct", "0.35");
        assertCredit(z, "Email", "0.225");
        Journey two = new Journey("j2", List.of(Touch.of("A", D1), Touch.of("B", D1.plusDays(1))), true, D1.plusDays(2),
                0, false, null, null);
        double[] shares = HeuristicAttribution.shares(W_SHAPED, two, s);
        assertEquals(0.55, shares[0], 1e-12);
        assertEquals(0.45, shares[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> HeuristicSettings.defaults().withWShaped(0.5, 0.3, 0.3));
    }

    /**
     * The W middle anchor at lead or at opportunity creation. Lead created at the first touch (Jan 1),
     * opportunity on Jan 16 (last touch at or before it: Email, Jan 15). Lead: anchors 0, 0, 3 → touch 0
     * 0.6, touch 3 0.3, the rest 0.1 over touches 1 and 2 → PS 0.6, Direct 0.05 + 0.3 = 0.35, Email 0.05.
     * Opportunity: anchors 0, 2, 3, the rest to touch 1 → PS 0.3, Direct 0.1 + 0.3 = 0.4, Email 0.3.
     */
    @Test void wShapedMiddleAtLeadOrOpportunity() {
        Journey base = sample(D1);
        Journey j = new Journey(base.id(), base.touches(), true, base.conversionAt(), base.valueMicros(), true, D1, D1.plusDays(15));
        HeuristicAttribution lead = new HeuristicAttribution(List.of(W_SHAPED), HeuristicSettings.defaults(), false);
        lead.accept(j);
        assertCredit(lead.results().get(0), "Paid Search", "0.6");
        assertCredit(lead.results().get(0), "Direct", "0.35");
        assertCredit(lead.results().get(0), "Email", "0.05");
        HeuristicAttribution opp = new HeuristicAttribution(List.of(W_SHAPED),
                HeuristicSettings.defaults().withWMiddle(HeuristicSettings.MiddleAnchor.OPPORTUNITY), false);
        opp.accept(j);
        assertCredit(opp.results().get(0), "Paid Search", "0.3");
        assertCredit(opp.results().get(0), "Direct", "0.4");
        assertCredit(opp.results().get(0), "Email", "0.3");
    }

    private static List<AttributionModel> heuristics() {
        List<AttributionModel> out = new ArrayList<>();
        for (AttributionModel m : EnumSet.allOf(AttributionModel.class)) if (m.isHeuristic()) out.add(m);
        return out;
    }

    private static Journey sample(LocalDateTime leadAt) {
        List<Touch> t = List.of(new Touch("Paid Search", "brand", D1), Touch.of("Direct", D1.plusDays(7)),
                Touch.of("Email", D1.plusDays(14)), Touch.of("Direct", D1.plusDays(21)));
        return new Journey("j1", t, true, D1.plusDays(28), 1_000_000_000L, true, leadAt, null);
    }

    private static void assertCredit(AttributionResult r, String channel, String expected) {
        ChannelCredit c = r.credit(channel);
        BigDecimal got = c == null ? BigDecimal.ZERO : c.attributedConversions();
        assertEquals(0, new BigDecimal(expected).compareTo(got), r.model() + " " + channel + ": " + got);
    }
}
