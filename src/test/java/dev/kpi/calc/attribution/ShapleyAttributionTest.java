package dev.kpi.calc.attribution;

import dev.kpi.calc.attribution.ShapleyAttribution.Players;
import dev.kpi.calc.attribution.ShapleyAttribution.Settings;
import dev.kpi.calc.attribution.ShapleyAttribution.Value;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class ShapleyAttributionTest {

    /**
     * The worked example of "Data-driven marketing attribution" (Towards Data Science,
     * https://towardsdatascience.com/data-driven-marketing-attribution-1a28d2e613a0, reproduced in the
     * notebook "Data Driven Attribution.ipynb" of github.com/tomgorb/misc): 100 conversions whose channel
     * sets are F 20, O 10, L 17, F+O 17, F+L 30, L+O 0, F+L+O 6; coalition worth v(S) = Σ over subsets of
     * S; published Shapley values F 0.455, O 0.205, L 0.34 of the conversions. By hand with the equal-split
     * form: F = 20 + 17/2 + 30/2 + 6/3 = 45.5, O = 10 + 17/2 + 6/3 = 20.5, L = 17 + 30/2 + 6/3 = 34.
     */
    @Test void reproducesPublishedThreeChannelExample() {
        PathTable t = new PathTable();
        t.add(List.of("F"), 20, null, 0);
        t.add(List.of("O"), 10, null, 0);
        t.add(List.of("L"), 17, null, 0);
        t.add(List.of("O", "F"), 17, null, 0);
        t.add(List.of("F", "L", "F"), 30, null, 0); // order and repeats do not matter for unordered players
        t.add(List.of("F", "O", "L"), 6, null, 0);
        AttributionResult r = ShapleyAttribution.run(t);
        assertEquals(new BigDecimal("45.500000"), r.credit("F").attributedConversions());
        assertEquals(new BigDecimal("20.500000"), r.credit("O").attributedConversions());
        assertEquals(new BigDecimal("34.000000"), r.credit("L").attributedConversions());
        assertTrue(r.notes().get(0).contains("unordered players, value function conversions"));

        // an independent check: the Shapley value by its permutation definition on the global game
        // v(S) = Σ conversions of channel sets contained in S, averaged over all 3! orders
        Map<String, Double> brute = bruteForceSubsetSumShapley(t);
        assertEquals(45.5, brute.get("F"), 1e-12);
        assertEquals(20.5, brute.get("O"), 1e-12);
        assertEquals(34.0, brute.get("L"), 1e-12);
    }

    /**
     * Probability game by hand. Sets {A}: 1 conv, 3 nulls (p 1/4); {B}: 1 conv, 1 null (p 1/2); {A,B}:
     * 3 conv, 1 null (p 3/4). For the journey {A,B}: φ_A = ½(v(A) − 0) + ½(v(AB) − v(B)) = ½·¼ + ½·¼ = ¼,
     * φ_B = ½·½ + ½·½ = ½; shares 1/3 and 2/3 of its 3 conversions → A 1, B 2. Plus {A} 1 → A, {B} 1 → B:
     * A 2, B 3 (total 5). Values 30 on A+B paths → A 10, B 20; 4 on A; 6 on B → A 14, B 26.
     */
    @Test void probabilityGameByHand() {
        PathTable t = new PathTable();
        t.add(List.of("A"), 1, new BigDecimal("4"), 3);
        t.add(List.of("B"), 1, new BigDecimal("6"), 1);
        t.add(List.of("A", "B"), 2, new BigDecimal("20"), 1);
        t.add(List.of("B", "A", "B"), 1, new BigDecimal("10"), 0);
        AttributionResult r = ShapleyAttribution.run(t);
        assertTrue(r.notes().get(0).contains("value function probability"));
        assertEquals(new BigDecimal("2.000000"), r.credit("A").attributedConversions());
        assertEquals(new BigDecimal("3.000000"), r.credit("B").attributedConversions());
        assertEquals(0, new BigDecimal("14").compareTo(r.credit("A").attributedRevenue()));
        assertEquals(0, new BigDecimal("26").compareTo(r.credit("B").attributedRevenue()));
    }

    /**
     * Ordered players by hand. Paths (exact sequences): A: 1 conv 1 null (p ½); B: 0 conv 2 nulls (p 0);
     * A > B: 2 conv 0 nulls (p 1); B > A unseen. Journey A > B, players pos0 = A, pos1 = B:
     * φ_0 = ½(v(A) − 0) + ½(v(AB) − v(B)) = ½·½ + ½·1 = ¾, φ_1 = ½(0) + ½(1 − ½) = ¼ → A 1.5, B 0.5 of its
     * 2 conversions; plus A 1 → A 2.5, B 0.5.
     */
    @Test void orderedPlayersUseSubPaths() {
        PathTable t = new PathTable();
        t.add(List.of("A"), 1, null, 1);
        t.add(List.of("B"), 0, null, 2);
        t.add(List.of("A", "B"), 2, null, 0);
        AttributionResult r = ShapleyAttribution.run(t, Settings.defaults().with(Players.ORDERED));
        assertEquals(new BigDecimal("2.500000"), r.credit("A").attributedConversions());
        assertEquals(new BigDecimal("0.500000"), r.credit("B").attributedConversions());
    }

    @Test void orderedConversionGameIsLinearPerTouch() {
        PathTable t = new PathTable();
        t.add(List.of("A", "A", "B"), 3, null, 0);
        AttributionResult r = ShapleyAttribution.run(t, Settings.defaults().with(Players.ORDERED));
        assertEquals(new BigDecimal("2.000000"), r.credit("A").attributedConversions());
        assertEquals(new BigDecimal("1.000000"), r.credit("B").attributedConversions());
    }

    @Test void emptyPathsGoToUnattributed() {
        PathTable t = new PathTable();
        t.add(List.of(), 2, new BigDecimal("3"), 0);
        t.add(List.of("A"), 1, new BigDecimal("1"), 1);
        AttributionResult r = ShapleyAttribution.run(t);
        assertEquals(new BigDecimal("2.000000"), r.credit(PathTable.UNATTRIBUTED).attributedConversions());
        assertEquals(new BigDecimal("1.000000"), r.credit("A").attributedConversions());
    }

    /** Efficiency: credits add up to the total conversions and value, in every variant. */
    @Test void efficiencyOnRandomTables() {
        Random rnd = new Random(11);
        for (int round = 0; round < 60; round++) {
            PathTable t = RandomTables.paths(rnd, 2 + rnd.nextInt(7), 1 + rnd.nextInt(80), 6, rnd.nextBoolean());
            for (Players players : Players.values()) {
                for (Value value : Value.values()) {
                    AttributionResult r = ShapleyAttribution.run(t, new Settings(players, value, 4, 300, 3));
                    BigDecimal conv = BigDecimal.ZERO, rev = BigDecimal.ZERO;
                    for (ChannelCredit c : r.credits()) {
                        assertTrue(c.attributedConversions().signum() >= 0);
                        conv = conv.add(c.attributedConversions());
                        rev = rev.add(c.attributedRevenue());
                    }
                    assertEquals(0, conv.compareTo(BigDecimal.valueOf(t.totalConversions())), players + " " + value);
                    assertEquals(0, rev.compareTo(t.totalValue()), players + " " + value);
                }
            }
        }
    }

    /**
     * Symmetry: when the table is unchanged by swapping channels X and Y (every row is added together with
     * its mirror image), X and Y get the same credit.
     */
    @Test void symmetryOnRandomMirroredTables() {
        Random rnd = new Random(12);
        for (int round = 0; round < 60; round++) {
            PathTable base = RandomTables.paths(rnd, 2 + rnd.nextInt(5), 1 + rnd.nextInt(40), 5, true);
            PathTable t = new PathTable();
            for (PathTable.Row row : base.rows()) {
                List<String> path = base.names(row.path());
                List<String> mirror = new ArrayList<>();
                for (String c : path) mirror.add(c.equals("ch0") ? "ch1" : c.equals("ch1") ? "ch0" : c);
                t.add(path, row.conversions(), row.value(), row.nulls());
                t.add(mirror, row.conversions(), row.value(), row.nulls());
            }
            for (Players players : Players.values()) {
                for (Value value : new Value[] {Value.CONVERSIONS, Value.PROBABILITY}) {
                    AttributionResult r = ShapleyAttribution.run(t, Settings.defaults().with(players).with(value));
                    BigDecimal x = r.conversionsOf("ch0"), y = r.conversionsOf("ch1");
                    assertEquals(x.doubleValue(), y.doubleValue(), 1e-5, players + " " + value + " round " + round);
                }
            }
        }
    }

    /**
     * Null player: channel D is appended to copies of every path with the same conversion probability
     * (conversions and nulls both tripled) and never occurs alone, so adding D to any coalition changes
     * nothing: D gets no credit in the probability game.
     */
    @Test void nullPlayerGetsNothingOnRandomTables() {
        Random rnd = new Random(13);
        for (int round = 0; round < 60; round++) {
            PathTable base = RandomTables.paths(rnd, 2 + rnd.nextInt(5), 1 + rnd.nextInt(40), 4, true);
            PathTable t = new PathTable();
            for (PathTable.Row row : base.rows()) {
                List<String> path = base.names(row.path());
                t.add(path, row.conversions(), row.value(), row.nulls());
                List<String> withD = new ArrayList<>(path);
                withD.add("D");
                t.add(withD, 3 * row.conversions(), row.value(), 3 * row.nulls());
            }
            for (Players players : Players.values()) {
                AttributionResult r = ShapleyAttribution.run(t, Settings.defaults().with(players).with(Value.PROBABILITY));
                assertEquals(0, r.conversionsOf("D").signum(), players + " round " + round + ": " + r.conversionsOf("D"));
            }
        }
    }

    /** Beyond the exact limit, permutation sampling with a fixed seed is reproducible and close to exact. */
    @Test void samplingIsSeededAndCloseToExact() {
        Random rnd = new Random(14);
        PathTable t = RandomTables.paths(rnd, 6, 300, 8, true);
        Settings exact = Settings.defaults().with(Value.PROBABILITY);
        Settings sampled = exact.withSampling(2, 4000, 42);
        AttributionResult a = ShapleyAttribution.run(t, exact);
        AttributionResult b = ShapleyAttribution.run(t, sampled);
        AttributionResult c = ShapleyAttribution.run(t, sampled);
        assertEquals(b.credits(), c.credits());
        assertTrue(b.notes().stream().anyMatch(n -> n.contains("random orderings (seed 42)")));
        for (ChannelCredit x : a.credits()) {
            double e = x.attributedConversions().doubleValue();
            assertEquals(e, b.credit(x.channel()).attributedConversions().doubleValue(), 0.02 * t.totalConversions() / 6.0, x.channel());
        }
    }

    /** Shapley by the permutation definition on v(S) = Σ conversions of channel sets T ⊆ S (test-only). */
    private static Map<String, Double> bruteForceSubsetSumShapley(PathTable t) {
        List<String> names = t.channels();
        int n = names.size();
        Map<Integer, Long> convBySet = new TreeMap<>();
        for (PathTable.Row row : t.rows()) {
            int mask = 0;
            for (int ch : row.path()) mask |= 1 << ch;
            convBySet.merge(mask, row.conversions(), Long::sum);
        }
        List<int[]> perms = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, perms);
        double[] phi = new double[n];
        for (int[] perm : perms) {
            int mask = 0;
            for (int p : perm) {
                double before = worth(convBySet, mask);
                mask |= 1 << p;
                phi[p] += worth(convBySet, mask) - before;
            }
        }
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < n; i++) out.put(names.get(i), phi[i] / perms.size());
        return out;
    }

    private static double worth(Map<Integer, Long> convBySet, int s) {
        double v = 0;
        for (Map.Entry<Integer, Long> e : convBySet.entrySet()) if ((e.getKey() & ~s) == 0) v += e.getValue();
        return v;
    }

    private static void permute(int[] cur, boolean[] used, int k, List<int[]> out) {
        if (k == cur.length) { out.add(cur.clone()); return; }
        for (int i = 0; i < cur.length; i++) {
            if (used[i]) continue;
            used[i] = true;
            cur[k] = i;
            permute(cur, used, k + 1, out);
            used[i] = false;
        }
    }
}
