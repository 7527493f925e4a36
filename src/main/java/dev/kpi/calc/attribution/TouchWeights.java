package dev.kpi.calc.attribution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The share of one conversion each touch of a path gets under the rule-based models. Every method
 * fills {@code w[0..n)} with non-negative shares that add up to 1 (n ≥ 1). A one-touch path always gets
 * the whole conversion. Repeated touches of a channel each get their own share; callers sum shares per
 * channel.
 */
public final class TouchWeights {
    private TouchWeights() {}

    public static void first(int n, double[] w) { clear(n, w); w[0] = 1; }

    public static void last(int n, double[] w) { clear(n, w); w[n - 1] = 1; }

    /** The last touch whose channel is not direct; when every touch is direct, the last touch. */
    public static void lastNonDirect(boolean[] direct, int n, double[] w) {
        clear(n, w);
        for (int i = n - 1; i >= 0; i--) {
            if (!direct[i]) { w[i] = 1; return; }
        }
        w[n - 1] = 1;
    }

    public static void linear(int n, double[] w) { Arrays.fill(w, 0, n, 1.0 / n); }

    /**
     * First touch {@code first}, last touch {@code last}, the rest {@code 1 - first - last} spread evenly
     * over the touches in between. With two touches the rest is split evenly between them (40/20/40
     * gives 50/50; J-shaped 20/60 gives 30/70). Used by position (U), J-shaped and inverse J.
     */
    public static void position(int n, double first, double last, double[] w) {
        if (n == 1) { w[0] = 1; return; }
        double rest = 1 - first - last;
        if (n == 2) { w[0] = first + rest / 2; w[1] = last + rest / 2; return; }
        Arrays.fill(w, 1, n - 1, rest / (n - 2));
        w[0] = first;
        w[n - 1] = last;
    }

    /**
     * Anchor k (a touch index) gets {@code shares[k]} (anchors that fall on the same touch add up); the
     * rest {@code 1 - Σ shares} is spread evenly over the touches that are not anchors, or over the
     * distinct anchors when every touch is one. The first and last entries of {@code anchors} are the
     * first and last touch. A two-touch path gives each end its own share plus half of everything else
     * (the middle anchors' shares and the rest): 50/50 with symmetric shares. Used by W-shaped (first,
     * lead, last; 0.3 each) and full path (first, lead, opportunity, last; 0.225 each).
     */
    public static void anchored(int n, int[] anchors, double[] shares, double[] w) {
        if (n == 1) { w[0] = 1; return; }
        int k = anchors.length;
        if (n == 2) {
            double ends = shares[0] + shares[k - 1];
            double shared = (1 - ends) / 2;
            w[0] = shares[0] + shared;
            w[1] = shares[k - 1] + shared;
            return;
        }
        clear(n, w);
        boolean[] isAnchor = new boolean[n];
        double sum = 0;
        for (int i = 0; i < k; i++) { w[anchors[i]] += shares[i]; isAnchor[anchors[i]] = true; sum += shares[i]; }
        int others = 0, distinct = 0;
        for (int i = 0; i < n; i++) { if (isAnchor[i]) distinct++; else others++; }
        double rest = 1 - sum;
        for (int i = 0; i < n; i++) {
            if (others > 0 ? !isAnchor[i] : isAnchor[i]) w[i] += rest / (others > 0 ? others : distinct);
        }
    }

    /**
     * The index nearest to fraction {@code p/q} of the way from the first to the last of n touches, ties
     * to the earlier touch: the default middle anchors when no lead/opportunity time is known (W-shaped:
     * 1/2; full path: 1/3 and 2/3).
     */
    public static int nearestIndex(int n, int p, int q) {
        long num = 2L * p * (n - 1) - q; // ceil((2p(n-1) - q) / 2q) = nearest, ties down
        return (int) Math.floorDiv(num + 2L * q - 1, 2L * q);
    }

    /** The last touch at or before {@code at} (the touch that created the lead/opportunity); 0 if none. */
    public static int indexAt(LocalDateTime[] times, int n, LocalDateTime at) {
        int idx = 0;
        for (int i = 0; i < n; i++) {
            if (!times[i].isAfter(at)) idx = i;
            else break;
        }
        return idx;
    }

    /**
     * Time decay: weight {@code 2^(-(conversionTime - touchTime) / halfLife)}, normalised to sum 1. Ages
     * are shifted by the youngest touch's age before exponentiation (same shares, no underflow).
     */
    public static void timeDecay(LocalDateTime[] times, int n, LocalDateTime conversionAt, Duration halfLife, double[] w) {
        double h = seconds(halfLife);
        double minAge = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            w[i] = seconds(Duration.between(times[i], conversionAt));
            minAge = Math.min(minAge, w[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) { w[i] = Math.pow(2, -(w[i] - minAge) / h); sum += w[i]; }
        for (int i = 0; i < n; i++) w[i] /= sum;
    }

    private static double seconds(Duration d) { return d.getSeconds() + d.getNano() / 1e9; }

    private static void clear(int n, double[] w) { Arrays.fill(w, 0, n, 0.0); }
}
