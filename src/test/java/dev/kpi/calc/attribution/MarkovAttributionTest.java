package dev.kpi.calc.attribution;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import dev.kpi.SharedData;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MarkovAttributionTest {

    private static PathTable table(Object... rows) {
        PathTable t = new PathTable();
        for (int i = 0; i < rows.length; i += 4) {
            t.add(PathTable.parsePath((String) rows[i]), ((Number) rows[i + 1]).longValue(),
                    rows[i + 2] == null ? null : new BigDecimal(rows[i + 2].toString()), ((Number) rows[i + 3]).longValue());
        }
        return t;
    }

    private static double prob(MarkovAttribution.Result r, String from, String to) {
        for (MarkovAttribution.Transition t : r.transitions()) if (t.from().equals(from) && t.to().equals(to)) return t.probability();
        return 0;
    }

    /**
     * The classic three-channel example of Sergey Bryl, "Marketing Multi-Channel Attribution model with R
     * (part 1: Markov chain concept)", https://analyzecore.com/2016/08/03/attribution-model-r-part-1/ :
     * paths C1 > C2 > C3 (1 conversion), C1 (null), C2 > C3 (null). Published there (and in the test suite
     * of the npm package markovattribution, which follows the article): P(conversion) = 1/3, removal
     * effects C1 0.5, C2 1, C3 1, attributed conversions 0.2 / 0.4 / 0.4 and, with a value of 1000,
     * 200 / 400 / 400. ChannelAttribution's simulation prints 0.1991 / 0.4004 / 0.4004 and removal effect
     * 0.497 for C1 on the same data; the exact solution gives the values of the article.
     */
    @Test void reproducesBrylThreeChannelExample() {
        PathTable t = table("C1 > C2 > C3", 1, "1000", 0, "C1", 0, null, 1, "C2 > C3", 0, null, 1);
        MarkovAttribution.Result r = MarkovAttribution.run(t, 1);
        assertEquals(1.0 / 3, r.conversionProbability(), 1e-15);
        assertEquals(0.5, r.removalEffects().get("C1"), 1e-15);
        assertEquals(1.0, r.removalEffects().get("C2"), 1e-15);
        assertEquals(1.0, r.removalEffects().get("C3"), 1e-15);
        AttributionResult a = r.attribution();
        assertEquals(new BigDecimal("0.200000"), a.credit("C1").attributedConversions());
        assertEquals(new BigDecimal("0.400000"), a.credit("C2").attributedConversions());
        assertEquals(new BigDecimal("0.400000"), a.credit("C3").attributedConversions());
        assertEquals(0, new BigDecimal("200").compareTo(a.credit("C1").attributedRevenue()));
        assertEquals(0, new BigDecimal("400").compareTo(a.credit("C2").attributedRevenue()));
        assertEquals(0, new BigDecimal("400").compareTo(a.credit("C3").attributedRevenue()));
        assertEquals(0, new BigDecimal("0.5").compareTo(a.credit("C1").removalEffect()));
        assertEquals(1, a.order());
        // transition matrix as printed by ChannelAttribution for this data
        assertEquals(2.0 / 3, prob(r, "(start)", "C1"), 1e-15);
        assertEquals(1.0 / 3, prob(r, "(start)", "C2"), 1e-15);
        assertEquals(0.5, prob(r, "C1", "C2"), 1e-15);
        assertEquals(0.5, prob(r, "C1", "(null)"), 1e-15);
        assertEquals(1.0, prob(r, "C2", "C3"), 1e-15);
        assertEquals(0.5, prob(r, "C3", "(conversion)"), 1e-15);
        assertEquals(0.5, prob(r, "C3", "(null)"), 1e-15);
        assertEquals(7, r.transitions().size());
    }

    /**
     * Paths of Serhii Puzyrov, "Markov Chain Attribution – Simple Explanation Of Removal Effect" (2019),
     * https://serhiipuzyrov.com/2019/07/markov-chain-attribution-simple-explanation-of-removal-effect/ :
     * google ads (2 conv), mailing (1 conv), google ads > mailing (1 conv), google ads (1 null).
     * Transition probabilities as in the article: start→G 0.8, start→M 0.2, G→conv 0.5, G→M 0.25,
     * G→null 0.25, M→conv 1. By hand: P = 0.8·(0.5 + 0.25·1) + 0.2·1 = 0.8; without G: 0.2, RE 0.75;
     * without M: 0.8·0.5 = 0.4, RE 0.5; credits 4 × 0.75/1.25 = 2.4 and 4 × 0.5/1.25 = 1.6.
     */
    @Test void reproducesPuzyrovTwoChannelExample() {
        PathTable t = table("google ads", 2, null, 1, "mailing", 1, null, 0, "google ads > mailing", 1, null, 0);
        MarkovAttribution.Result r = MarkovAttribution.run(t, 1);
        assertEquals(0.8, prob(r, "(start)", "google ads"), 1e-15);
        assertEquals(0.25, prob(r, "google ads", "mailing"), 1e-15);
        assertEquals(0.8, r.conversionProbability(), 1e-15);
        assertEquals(0.75, r.removalEffects().get("google ads"), 1e-15);
        assertEquals(0.5, r.removalEffects().get("mailing"), 1e-15);
        assertEquals(new BigDecimal("2.400000"), r.attribution().credit("google ads").attributedConversions());
        assertEquals(new BigDecimal("1.600000"), r.attribution().credit("mailing").attributedConversions());
        assertNull(r.attribution().totalRevenue());
        assertNull(r.attribution().credit("mailing").attributedRevenue());
    }

    /**
     * Order 2 by hand. Paths A > B (1 conv), B > A (1 null), A (1 conv, 1 null). States (A,B), (B,A) and
     * the short path (A). start→(A,B) 1/4, →(B,A) 1/4, →(A) 2/4; (A,B)→conv 1; (B,A)→null 1; (A)→conv 1/2.
     * P = 1/4 + 2/4·1/2 = 1/2. Without A every state is gone: RE 1. Without B only (A) is left: P = 1/4,
     * RE 1/2. Credits 2 × 1/1.5 = 4/3 and 2/3. Order 1 on the same paths gives other effects (below).
     */
    @Test void secondOrderStatesAreWindowsOfTwoChannels() {
        PathTable t = table("A > B", 1, null, 0, "B > A", 0, null, 1, "A", 1, null, 1);
        MarkovAttribution.Result r2 = MarkovAttribution.run(t, 2);
        assertEquals(0.5, r2.conversionProbability(), 1e-15);
        assertEquals(1.0, r2.removalEffects().get("A"), 1e-15);
        assertEquals(0.5, r2.removalEffects().get("B"), 1e-15);
        assertEquals(4, r2.states()); // (start), (A,B), (B,A), (A)
        assertEquals(0.25, prob(r2, "(start)", "A,B"), 1e-15);
        assertEquals(0.5, prob(r2, "(start)", "A"), 1e-15);
        assertEquals(new BigDecimal("1.333333"), r2.attribution().credit("A").attributedConversions());
        assertEquals(new BigDecimal("0.666667"), r2.attribution().credit("B").attributedConversions());
        assertEquals(Integer.valueOf(2), r2.attribution().credit("A").order());

        // order 1: hA = 1/4 hB + 1/4, hB = 1/2 + 1/2 hA → hA = 3/7, hB = 5/7, P = 1/2.
        // Without B: hA = 1/4 → P = 3/4 · 1/4 = 3/16, RE_B = 1 - 3/8 = 5/8. Without A: hB = 1/2 → P = 1/8, RE_A = 3/4.
        MarkovAttribution.Result r1 = MarkovAttribution.run(t, 1);
        assertEquals(0.5, r1.conversionProbability(), 1e-15);
        assertEquals(0.625, r1.removalEffects().get("B"), 1e-15);
        assertEquals(0.75, r1.removalEffects().get("A"), 1e-15);
    }

    @Test void windowsSlideOverLongerPathsAndRepeatsCollapse() {
        // A > A > B > C with order 2: windows (A,A), (A,B), (B,C); with order 1 the repeated A is one state.
        PathTable t = table("A > A > B > C", 1, null, 1);
        MarkovAttribution.Result r2 = MarkovAttribution.run(t, 2);
        assertEquals(1.0, prob(r2, "(start)", "A,A"), 0);
        assertEquals(1.0, prob(r2, "A,A", "A,B"), 0);
        assertEquals(1.0, prob(r2, "A,B", "B,C"), 0);
        assertEquals(0.5, prob(r2, "B,C", "(conversion)"), 0);
        MarkovAttribution.Result r1 = MarkovAttribution.run(t, 1);
        assertEquals(0.0, prob(r1, "A", "A"), 0);
        assertEquals(1.0, prob(r1, "A", "B"), 0);
        MarkovAttribution.Result loops = MarkovAttribution.run(t, 1, true);
        assertEquals(0.5, prob(loops, "A", "A"), 0);
        // a self-loop only delays absorption: same probabilities and effects
        assertEquals(r1.conversionProbability(), loops.conversionProbability(), 1e-15);
        assertEquals(r1.removalEffects(), loops.removalEffects());
    }

    @Test void conversionsWithoutTouchesGoToUnattributed() {
        PathTable t = table("A", 2, "20", 2, "", 1, "5", 0);
        AttributionResult a = MarkovAttribution.run(t, 1).attribution();
        assertEquals(new BigDecimal("2.000000"), a.credit("A").attributedConversions());
        assertEquals(new BigDecimal("1.000000"), a.credit(PathTable.UNATTRIBUTED).attributedConversions());
        assertNull(a.credit(PathTable.UNATTRIBUTED).removalEffect());
        assertEquals(0, new BigDecimal("5").compareTo(a.credit(PathTable.UNATTRIBUTED).attributedRevenue()));
        assertEquals(0, new BigDecimal("25").compareTo(a.totalRevenue()));
    }

    @Test void noConversionsGiveNoCredit() {
        PathTable t = table("A > B", 0, null, 3);
        MarkovAttribution.Result r = MarkovAttribution.run(t, 1);
        assertEquals(0.0, r.conversionProbability());
        for (ChannelCredit c : r.attribution().credits()) assertEquals(0, c.attributedConversions().signum());
    }

    @Test void rejectsOrderOutsideOneToFour() {
        assertThrows(IllegalArgumentException.class, () -> MarkovAttribution.run(new PathTable(), 5));
        assertThrows(IllegalArgumentException.class, () -> MarkovAttribution.run(new PathTable(), 0));
    }

    /**
     * Credits add up to the total conversions and value for random tables at every order, and the removal
     * effects lie in [0, 1].
     */
    @Test void creditsSumToTotalsOnRandomTables() {
        Random rnd = new Random(20240605L);
        for (int round = 0; round < 40; round++) {
            PathTable t = RandomTables.paths(rnd, 2 + rnd.nextInt(6), 1 + rnd.nextInt(60), 7, true);
            for (int order = 1; order <= 4; order++) {
                MarkovAttribution.Result r = MarkovAttribution.run(t, order);
                AttributionResult a = r.attribution();
                BigDecimal conv = BigDecimal.ZERO, rev = BigDecimal.ZERO;
                for (ChannelCredit c : a.credits()) { conv = conv.add(c.attributedConversions()); rev = rev.add(c.attributedRevenue()); }
                assertEquals(0, conv.compareTo(BigDecimal.valueOf(t.totalConversions())), "round " + round + " order " + order);
                assertEquals(0, rev.compareTo(t.totalValue()), "round " + round + " order " + order);
                for (double e : r.removalEffects().values()) assertTrue(e >= 0 && e <= 1);
            }
        }
    }

    /** Dense elimination and Gauss–Seidel agree to 1e-12 on random sparse chains of 400 states. */
    @Test void iterativeSolverMatchesDenseElimination() {
        Random rnd = new Random(7);
        int n = 400;
        int[][] to = new int[n][];
        double[][] p = new double[n][];
        double[] b = new double[n];
        for (int s = 0; s < n; s++) {
            int deg = 1 + rnd.nextInt(5);
            to[s] = new int[deg];
            p[s] = new double[deg];
            double[] raw = new double[deg + 2];
            double sum = 0;
            for (int k = 0; k < raw.length; k++) { raw[k] = rnd.nextDouble() + 0.05; sum += raw[k]; }
            for (int k = 0; k < deg; k++) { to[s][k] = rnd.nextInt(n); p[s][k] = raw[k] / sum; }
            b[s] = raw[deg] / sum;
        }
        AbsorbingChain chain = new AbsorbingChain(n, to, p);
        boolean[] removed = new boolean[n];
        for (int s = 0; s < n; s += 7) removed[s] = true;
        double[] dense = chain.solve(removed, true, b)[0];
        double[] iter = chain.solve(removed, false, b)[0];
        for (int s = 0; s < n; s++) assertEquals(dense[s], iter[s], 1e-12);
    }

    /**
     * ChannelAttribution's PathData, order 1, against an independent computation: a short numpy script
     * (build the same order-1 chain with repeats collapsed, then numpy.linalg.solve of (I - Q) x = b for the
     * full chain and with each channel's state deleted) printed these values:
     * P(conv) = 0.223845135596864, E[value] = 0.846311919028940, and per channel removal effect, value
     * removal effect, attributed conversions and value (total 19785 conversions, 74802.971587 value).
     */
    @Test void pathDataOrderOneMatchesIndependentNumpyComputation() throws IOException {
        PathTable t = pathData();
        assertEquals(19785, t.totalConversions());
        MarkovAttribution.Result r = MarkovAttribution.run(t, 1);
        assertEquals(0.223845135596864, r.conversionProbability(), 1e-13);
        Object[][] expected = {
            {"alpha", 0.558399489507747, 0.522985589586965, 5344.947682085, 18799.170626192},
            {"beta", 0.264038535741236, 0.269511071282278, 2527.352166520, 9687.809216091},
            {"delta", 0.000481995758038, 0.000387204010704, 4.613618311, 13.918384004},
            {"epsilon", 0.062638582275491, 0.065338632747582, 599.570650463, 2348.653825192},
            {"eta", 0.349026331871146, 0.361425043449737, 3340.847401501, 12991.736666695},
            {"gamma", 0.017879974419969, 0.020008885568402, 171.145442694, 719.236746346},
            {"iota", 0.405835004471944, 0.416694279344910, 3884.614701875, 14978.437288395},
            {"kappa", 0.028663386655466, 0.031605650999335, 274.363255955, 1136.092538147},
            {"lambda", 0.134022122809700, 0.143068471481760, 1282.847223394, 5142.720297013},
            {"mi", 0.000179945819894, 0.000151464111497, 1.722424556, 5.444508859},
            {"theta", 0.206010462772770, 0.208954437057422, 1971.912879887, 7511.048475436},
            {"zeta", 0.039810517817383, 0.040858744644513, 381.062552758, 1468.703014840},
        };
        Map<String, Double> re = r.removalEffects();
        assertEquals(expected.length, re.size());
        for (Object[] e : expected) {
            String ch = (String) e[0];
            assertEquals((double) e[1], re.get(ch), 1e-12, ch);
            assertEquals((double) e[2], r.valueRemovalEffects().get(ch), 1e-12, ch);
            assertEquals((double) e[3], r.attribution().credit(ch).attributedConversions().doubleValue(), 2e-6, ch);
            assertEquals((double) e[4], r.attribution().credit(ch).attributedRevenue().doubleValue(), 2e-6, ch);
        }
    }

    static PathTable pathData() throws IOException {
        PathTable t = new PathTable();
        // ChannelAttribution's PathData (GPL-3), read from the shared reference data rather than copied.
        try (InputStream in = java.nio.file.Files.newInputStream(SharedData.file("channelattribution_paths.csv"))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) continue;
                int close = line.indexOf('"', 1);
                String path = line.substring(1, close);
                String[] rest = line.substring(close + 2).split(",");
                t.add(PathTable.parsePath(path), Long.parseLong(rest[0]), new BigDecimal(rest[1]), Long.parseLong(rest[2]));
            }
        }
        return t;
    }

    static List<String> channels(int k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) out.add("c" + i);
        return out;
    }
}
