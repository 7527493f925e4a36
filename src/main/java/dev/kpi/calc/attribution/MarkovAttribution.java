package dev.kpi.calc.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Markov chain removal-effect attribution of order k (1..4) on a {@link PathTable}, computed exactly by
 * solving the absorbing chain (see {@link AbsorbingChain}), not by simulation.
 *
 * <p>Chain (the conventions of the R/Python package ChannelAttribution):
 * <ul>
 * <li>States: {@code (start)}, transient states, and the absorbing {@code (conversion)} and
 * {@code (null)}. For order 1 a transient state is a channel; for order k it is a window of k
 * consecutive channels of a path (a path shorter than k is one state holding the whole path).</li>
 * <li>Each path row walks {@code (start) → s_1 → … → s_m} and adds its conversions + nulls to every
 * step, then conversions to {@code s_m → (conversion)} and nulls to {@code s_m → (null)}. By default a
 * step to the same state (a channel repeated back to back, for order 1) is skipped, as
 * ChannelAttribution does; with {@code keepSelfLoops} it is counted. Either way the conversion
 * probabilities and removal effects are the same: a self-loop only delays absorption.</li>
 * <li>Transition probability = count / all counts leaving the state.</li>
 * </ul>
 *
 * <p>Removal effect of channel c: every state containing c is removed (its incoming transitions go to
 * null); {@code RE_c = 1 - P(conversion without c) / P(conversion)}. Attributed conversions of c =
 * (conversions on non-empty paths) × RE_c / Σ RE. Revenue uses value removal effects, as
 * ChannelAttribution does: each state ending a converting path carries the mean value per conversion of
 * the paths ending there, {@code V = expected value at absorption}, {@code REv_c = 1 - V_without_c / V}
 * and revenue of c = total path value × REv_c / Σ REv. Conversions on empty paths go to
 * {@link PathTable#UNATTRIBUTED} without a removal effect. No conversions: no credit, all effects 0.
 *
 * <p>Differences from ChannelAttribution's {@code markov_model}: it estimates the same quantities by
 * simulating random walks (so its output varies with the seed and number of simulations) and treats a
 * simulated walk longer than the longest observed path as a null; the exact solution has neither
 * effect.
 */
public final class MarkovAttribution {
    public static final String START = "(start)";
    public static final String CONVERSION = "(conversion)";
    public static final String NULL = "(null)";

    /** One edge of the transition matrix: path count and probability. */
    public record Transition(String from, String to, long count, double probability) {}

    /**
     * The attribution plus what produced it: P(conversion) from {@code (start)}, removal effects per
     * channel (conversion and, when values exist, value), the transition matrix and the number of
     * transient states (including {@code (start)}).
     */
    public record Result(AttributionResult attribution, double conversionProbability,
                         Map<String, Double> removalEffects, Map<String, Double> valueRemovalEffects,
                         List<Transition> transitions, int states, String solver) {}

    private MarkovAttribution() {}

    public static Result run(PathTable table, int order) { return run(table, order, false); }

    public static Result run(PathTable table, int order, boolean keepSelfLoops) {
        if (order < 1 || order > 4) throw new IllegalArgumentException("markov order must be 1..4, got " + order);
        List<String> names = table.channels();

        Map<IntTuple, Integer> stateIds = new HashMap<>();
        List<int[]> states = new ArrayList<>();
        states.add(new int[0]); // (start)
        Map<Long, long[]> edges = new LinkedHashMap<>();
        List<long[]> ends = new ArrayList<>(); // per state: conversions, nulls ending there
        List<BigDecimal> endValue = new ArrayList<>();
        ends.add(new long[2]);
        endValue.add(BigDecimal.ZERO);
        long unattributedConv = 0;
        BigDecimal unattributedValue = BigDecimal.ZERO;
        BigDecimal pathValue = BigDecimal.ZERO;
        long pathConv = 0;

        for (PathTable.Row row : table.rows()) {
            long c = row.conversions(), nl = row.nulls();
            int[] path = row.path();
            if (path.length == 0) {
                unattributedConv += c;
                unattributedValue = unattributedValue.add(row.value());
                continue;
            }
            if (c + nl == 0) continue;
            pathConv += c;
            pathValue = pathValue.add(row.value());
            int steps = path.length <= order ? 1 : path.length - order + 1;
            int prev = 0;
            for (int k = 0; k < steps; k++) {
                int len = Math.min(order, path.length);
                int[] window = new int[len];
                System.arraycopy(path, k, window, 0, len);
                IntTuple key = new IntTuple(window);
                Integer id = stateIds.get(key);
                if (id == null) {
                    id = states.size();
                    stateIds.put(key, id);
                    states.add(window);
                    ends.add(new long[2]);
                    endValue.add(BigDecimal.ZERO);
                }
                if (id == prev && !keepSelfLoops) continue;
                edges.computeIfAbsent(((long) prev << 32) | id, x -> new long[1])[0] += c + nl;
                prev = id;
            }
            ends.get(prev)[0] += c;
            ends.get(prev)[1] += nl;
            if (c > 0) endValue.set(prev, endValue.get(prev).add(row.value()));
        }

        int n = states.size();
        long[] out = new long[n];
        int[] degree = new int[n];
        for (Map.Entry<Long, long[]> e : edges.entrySet()) {
            int from = (int) (e.getKey() >>> 32);
            out[from] += e.getValue()[0];
            degree[from]++;
        }
        for (int s = 0; s < n; s++) out[s] += ends.get(s)[0] + ends.get(s)[1];
        int[][] to = new int[n][];
        double[][] prob = new double[n][];
        long[][] counts = new long[n][];
        for (int s = 0; s < n; s++) { to[s] = new int[degree[s]]; prob[s] = new double[degree[s]]; counts[s] = new long[degree[s]]; }
        int[] fill = new int[n];
        for (Map.Entry<Long, long[]> e : edges.entrySet()) {
            int from = (int) (e.getKey() >>> 32), dest = (int) (e.getKey() & 0xffffffffL);
            int k = fill[from]++;
            to[from][k] = dest;
            counts[from][k] = e.getValue()[0];
            prob[from][k] = (double) e.getValue()[0] / out[from];
        }
        double[] toConv = new double[n];
        double[] valueReward = new double[n];
        for (int s = 0; s < n; s++) {
            if (out[s] == 0) continue;
            toConv[s] = (double) ends.get(s)[0] / out[s];
            valueReward[s] = endValue.get(s).doubleValue() / out[s];
        }

        AbsorbingChain chain = new AbsorbingChain(n, to, prob);
        boolean withValue = table.hasValue();
        boolean[] none = new boolean[n];
        double[][] base = withValue ? chain.solve(none, toConv, valueReward) : chain.solve(none, toConv);
        double p0 = n > 1 ? base[0][0] : 0;
        double v0 = withValue && n > 1 ? base[1][0] : 0;

        // channels that occur in the chain, in id order
        boolean[] inChain = new boolean[names.size()];
        for (int s = 1; s < n; s++) for (int ch : states.get(s)) inChain[ch] = true;
        Map<String, Double> re = new LinkedHashMap<>();
        Map<String, Double> reValue = withValue ? new LinkedHashMap<>() : null;
        double reSum = 0, reValueSum = 0;
        for (int ch = 0; ch < names.size(); ch++) {
            if (!inChain[ch]) continue;
            boolean[] removed = new boolean[n];
            for (int s = 1; s < n; s++) for (int x : states.get(s)) if (x == ch) { removed[s] = true; break; }
            double[][] r = withValue ? chain.solve(removed, toConv, valueReward) : chain.solve(removed, toConv);
            double e = p0 > 0 ? clamp(1 - r[0][0] / p0) : 0;
            re.put(names.get(ch), e);
            reSum += e;
            if (withValue) {
                double ev = v0 > 0 ? clamp(1 - r[1][0] / v0) : 0;
                reValue.put(names.get(ch), ev);
                reValueSum += ev;
            }
        }

        CreditLedger ledger = new CreditLedger();
        Map<String, BigDecimal> effects = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : re.entrySet()) {
            String ch = e.getKey();
            double conv = reSum > 0 ? pathConv * e.getValue() / reSum : 0;
            double rev = 0;
            if (withValue) {
                double share = reValueSum > 0 ? reValue.get(ch) / reValueSum : (reSum > 0 ? e.getValue() / reSum : 0);
                rev = pathValue.doubleValue() * share;
            }
            if (conv != 0 || rev != 0 || e.getValue() != 0) ledger.add(ch, null, conv, rev);
            effects.put(ch, new BigDecimal(e.getValue()).setScale(12, RoundingMode.HALF_EVEN));
        }
        if (unattributedConv > 0) ledger.add(PathTable.UNATTRIBUTED, null, unattributedConv, unattributedValue.doubleValue());

        BigDecimal total = BigDecimal.valueOf(table.totalConversions());
        BigDecimal revenue = withValue ? table.totalValue() : null;
        List<String> notes = new ArrayList<>();
        String solver = chain.isDense(none) ? "dense Gaussian elimination" : "Gauss-Seidel iteration to 1e-15";
        notes.add("markov order " + order + ": " + n + " transient states incl. (start), solved by " + solver);
        AttributionResult result = new AttributionResult("markov", order,
                ledger.credits("markov", order, total, revenue, effects), total, revenue, notes);

        List<Transition> transitions = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (out[s] == 0) continue;
            String from = label(states.get(s), names);
            for (int k = 0; k < to[s].length; k++) {
                transitions.add(new Transition(from, label(states.get(to[s][k]), names), counts[s][k], prob[s][k]));
            }
            if (ends.get(s)[0] > 0) transitions.add(new Transition(from, CONVERSION, ends.get(s)[0], (double) ends.get(s)[0] / out[s]));
            if (ends.get(s)[1] > 0) transitions.add(new Transition(from, NULL, ends.get(s)[1], (double) ends.get(s)[1] / out[s]));
        }
        return new Result(result, p0, re, reValue, transitions, n, solver);
    }

    private static double clamp(double d) { return Math.max(0, Math.min(1, d)); }

    /** {@code (start)} for the start state, channel names joined by {@code ,} otherwise (as ChannelAttribution). */
    private static String label(int[] state, List<String> names) {
        if (state.length == 0) return START;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < state.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(names.get(state[i]));
        }
        return sb.toString();
    }
}
