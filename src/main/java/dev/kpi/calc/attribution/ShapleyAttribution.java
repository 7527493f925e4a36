package dev.kpi.calc.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shapley-value attribution on a {@link PathTable}. Two choices make the variant; both are named in
 * the result's notes.
 *
 * <p><b>Players</b> ({@link Players}): {@code unordered} (default) — the players of a converting
 * journey are its distinct channels and a coalition is a channel set; {@code ordered} — the players are
 * the touch positions of the path and a coalition is the sub-path that keeps those touches in order
 * (repeated channels are separate players; credit is summed per channel).
 *
 * <p><b>Value function</b> ({@link Value}):
 * <ul>
 * <li>{@code conversions} — the game of the conversion itself: {@code v(S) = Σ conversions of journeys
 * whose players are all in S}. Its Shapley value is exactly an equal split of each conversion (and its
 * value) over the journey's players: distinct channels when unordered (Zhao et al. 2018, "Shapley Value
 * Methods for Attribution Modeling in Online Advertising"), each touch when ordered (which equals
 * linear). Exact for any number of channels.</li>
 * <li>{@code probability} — the path-probability game, in the spirit of Google's fractribution: for a
 * converting journey with players J, {@code v(S) = conversions / (conversions + nulls)} of the journeys
 * whose channel set (unordered) or path (ordered) is exactly S, 0 when S was never observed and
 * {@code v(∅) = 0}. The Shapley values of that game, with negative values floored at 0, are normalised
 * into shares of the journey's conversions and value (fractribution uses leave-one-out contributions;
 * here they are true Shapley values over all sub-coalitions). If no share is positive the conversion is
 * split evenly. Needs non-converting paths to be meaningful.</li>
 * <li>{@code auto} (default): {@code probability} when the table has nulls, else {@code conversions}.</li>
 * </ul>
 *
 * <p>Computation: exact by enumerating all 2^n coalitions when a journey has at most
 * {@code exactLimit} (default 15) players, otherwise estimated from {@code samples} random permutations
 * (default 2000) drawn from a generator seeded with {@code seed} and the journey's path, so results are
 * reproducible; efficiency holds either way (the marginal contributions of one permutation add up to
 * v(J)). Conversions on empty paths go to {@link PathTable#UNATTRIBUTED}. Credits add up to the total
 * conversions and value (see {@link CreditLedger}).
 */
public final class ShapleyAttribution {

    public enum Players { UNORDERED, ORDERED;
        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    public enum Value { AUTO, CONVERSIONS, PROBABILITY;
        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    public record Settings(Players players, Value value, int exactLimit, int samples, long seed) {
        public Settings {
            if (exactLimit < 1 || exactLimit > 20) throw new IllegalArgumentException("exact limit must be 1..20");
            if (samples < 1) throw new IllegalArgumentException("samples must be positive");
        }

        public static Settings defaults() { return new Settings(Players.UNORDERED, Value.AUTO, 15, 2000, 1L); }

        public Settings with(Players p) { return new Settings(p, value, exactLimit, samples, seed); }

        public Settings with(Value v) { return new Settings(players, v, exactLimit, samples, seed); }

        public Settings withSampling(int exactLimit, int samples, long seed) { return new Settings(players, value, exactLimit, samples, seed); }
    }

    /** A characteristic function over the players of one journey, given as a membership mask. */
    private interface Game { double value(boolean[] members); }

    private ShapleyAttribution() {}

    public static AttributionResult run(PathTable table) { return run(table, Settings.defaults()); }

    public static AttributionResult run(PathTable table, Settings settings) {
        Value value = settings.value();
        if (value == Value.AUTO) value = table.hasNulls() ? Value.PROBABILITY : Value.CONVERSIONS;
        List<String> names = table.channels();
        CreditLedger ledger = new CreditLedger();
        List<String> notes = new ArrayList<>();
        notes.add("shapley: " + settings.players().key() + " players, value function " + value.key()
                + (settings.value() == Value.AUTO ? " (auto: " + (table.hasNulls() ? "non-converting paths given" : "no non-converting paths") + ")" : ""));
        int[] counters = new int[3]; // sampled journeys, journeys with floored shares, even-split fallbacks

        for (PathTable.Row row : table.rows()) {
            if (row.conversions() > 0 && row.path().length == 0) {
                ledger.add(PathTable.UNATTRIBUTED, null, row.conversions(), row.value().doubleValue());
            }
        }
        if (value == Value.CONVERSIONS) {
            for (PathTable.Row row : table.rows()) {
                if (row.conversions() == 0 || row.path().length == 0) continue;
                int[] players = settings.players() == Players.UNORDERED ? distinct(row.path()) : row.path();
                double conv = (double) row.conversions() / players.length;
                double val = row.value().doubleValue() / players.length;
                for (int ch : players) ledger.add(names.get(ch), null, conv, val);
            }
        } else if (settings.players() == Players.UNORDERED) {
            unorderedProbability(table, settings, ledger, counters);
        } else {
            orderedProbability(table, settings, ledger, counters);
        }
        if (counters[0] > 0) {
            notes.add("shapley: " + counters[0] + " journeys with more than " + settings.exactLimit()
                    + " players estimated from " + settings.samples() + " random orderings (seed " + settings.seed() + ")");
        }
        if (counters[1] > 0) notes.add("shapley: " + counters[1] + " journeys had negative contributions, floored at 0");
        if (counters[2] > 0) notes.add("shapley: " + counters[2] + " journeys had no positive contribution and were split evenly");

        BigDecimal total = BigDecimal.valueOf(table.totalConversions());
        BigDecimal revenue = table.hasValue() ? table.totalValue() : null;
        return new AttributionResult("shapley", null, ledger.credits("shapley", null, total, revenue, null), total, revenue, notes);
    }

    private static final class SetStats {
        final int[] channels; // sorted
        long conversions, nulls;
        BigDecimal value = BigDecimal.ZERO;

        SetStats(int[] channels) { this.channels = channels; }

        double probability() { return conversions + nulls == 0 ? 0 : (double) conversions / (conversions + nulls); }
    }

    private static void unorderedProbability(PathTable table, Settings settings, CreditLedger ledger, int[] counters) {
        List<String> names = table.channels();
        Map<IntTuple, SetStats> sets = new LinkedHashMap<>();
        for (PathTable.Row row : table.rows()) {
            if (row.path().length == 0) continue;
            int[] set = distinct(row.path());
            Arrays.sort(set);
            SetStats s = sets.computeIfAbsent(new IntTuple(set), k -> new SetStats(set));
            s.conversions += row.conversions();
            s.nulls += row.nulls();
            s.value = s.value.add(row.value());
        }
        Map<IntTuple, Double> p = new HashMap<>();
        for (Map.Entry<IntTuple, SetStats> e : sets.entrySet()) p.put(e.getKey(), e.getValue().probability());
        for (SetStats s : sets.values()) {
            if (s.conversions == 0) continue;
            int[] players = s.channels;
            Game game = members -> {
                int k = 0;
                for (boolean b : members) if (b) k++;
                if (k == 0) return 0;
                int[] sub = new int[k];
                for (int i = 0, j = 0; i < members.length; i++) if (members[i]) sub[j++] = players[i];
                Double v = p.get(new IntTuple(sub));
                return v == null ? 0 : v;
            };
            double[] shares = shares(game, players.length, settings, Arrays.hashCode(players), counters);
            for (int i = 0; i < players.length; i++) {
                if (shares[i] != 0) ledger.add(names.get(players[i]), null, s.conversions * shares[i], s.value.doubleValue() * shares[i]);
            }
        }
    }

    private static void orderedProbability(PathTable table, Settings settings, CreditLedger ledger, int[] counters) {
        List<String> names = table.channels();
        Map<IntTuple, Double> p = new HashMap<>();
        for (PathTable.Row row : table.rows()) {
            long n = row.conversions() + row.nulls();
            if (row.path().length > 0 && n > 0) p.put(new IntTuple(row.path()), (double) row.conversions() / n);
        }
        for (PathTable.Row row : table.rows()) {
            int[] path = row.path();
            if (row.conversions() == 0 || path.length == 0) continue;
            Game game = members -> {
                int k = 0;
                for (boolean b : members) if (b) k++;
                if (k == 0) return 0;
                int[] sub = new int[k];
                for (int i = 0, j = 0; i < members.length; i++) if (members[i]) sub[j++] = path[i];
                Double v = p.get(new IntTuple(sub));
                return v == null ? 0 : v;
            };
            double[] shares = shares(game, path.length, settings, Arrays.hashCode(path), counters);
            double value = row.value().doubleValue();
            for (int i = 0; i < path.length; i++) {
                if (shares[i] != 0) ledger.add(names.get(path[i]), null, row.conversions() * shares[i], value * shares[i]);
            }
        }
    }

    /** Normalised, non-negative Shapley shares of the n players of a game. */
    private static double[] shares(Game game, int n, Settings settings, int pathHash, int[] counters) {
        double[] phi;
        if (n == 1) return new double[] {1};
        if (n <= settings.exactLimit()) {
            phi = exact(game, n);
        } else {
            counters[0]++;
            phi = sampled(game, n, settings.samples(), new SplittableRandom(settings.seed() * 1_000_003L + pathHash));
        }
        double sum = 0;
        boolean floored = false;
        for (int i = 0; i < n; i++) {
            if (phi[i] < 0) { phi[i] = 0; floored = true; }
            sum += phi[i];
        }
        if (floored) counters[1]++;
        if (!(sum > 0)) {
            counters[2]++;
            Arrays.fill(phi, 1.0 / n);
            return phi;
        }
        for (int i = 0; i < n; i++) phi[i] /= sum;
        return phi;
    }

    /** φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)), over all 2^n coalitions. */
    static double[] exact(Game game, int n) {
        int size = 1 << n;
        double[] v = new double[size];
        boolean[] members = new boolean[n];
        for (int mask = 1; mask < size; mask++) {
            for (int i = 0; i < n; i++) members[i] = (mask & (1 << i)) != 0;
            v[mask] = game.value(members);
        }
        double[] weight = new double[n]; // |S|!(n-|S|-1)!/n! = 1 / (n · C(n-1, |S|))
        double binom = 1;
        for (int s = 0; s < n; s++) {
            weight[s] = 1.0 / (n * binom);
            binom = binom * (n - 1 - s) / (s + 1);
        }
        double[] phi = new double[n];
        for (int mask = 0; mask < size; mask++) {
            int card = Integer.bitCount(mask);
            if (card == n) continue;
            double w = weight[card];
            for (int i = 0; i < n; i++) {
                int bit = 1 << i;
                if ((mask & bit) == 0) phi[i] += w * (v[mask | bit] - v[mask]);
            }
        }
        return phi;
    }

    /** Mean marginal contribution over random orderings (Castro et al. permutation sampling). */
    static double[] sampled(Game game, int n, int samples, SplittableRandom rnd) {
        double[] phi = new double[n];
        int[] perm = new int[n];
        boolean[] members = new boolean[n];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) perm[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
            }
            Arrays.fill(members, false);
            double before = 0;
            for (int i = 0; i < n; i++) {
                members[perm[i]] = true;
                double after = game.value(members);
                phi[perm[i]] += after - before;
                before = after;
            }
        }
        for (int i = 0; i < n; i++) phi[i] /= samples;
        return phi;
    }

    /** The distinct values of a path in order of first appearance. */
    static int[] distinct(int[] path) {
        int[] out = new int[path.length];
        int k = 0;
        outer:
        for (int ch : path) {
            for (int j = 0; j < k; j++) if (out[j] == ch) continue outer;
            out[k++] = ch;
        }
        return Arrays.copyOf(out, k);
    }
}
