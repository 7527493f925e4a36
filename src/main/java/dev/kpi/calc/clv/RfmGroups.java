package dev.kpi.calc.clv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Customers grouped by identical (x, t_x, T) with counts, and the distinct values of x, t_x and T, so a
 * log-likelihood evaluation computes each logarithm and gamma function once per distinct value instead
 * of once per customer.
 */
final class RfmGroups {
    final int size;
    final double[] x;
    final double[] tx;
    final double[] t;
    final double[] weight;
    final int[] xIndex;
    final int[] txIndex;
    final int[] tIndex;
    final double[] distinctX;
    final double[] distinctTx;
    final double[] distinctT;
    /** Customers per distinct x. */
    final double[] weightPerX;
    final double customers;

    private RfmGroups(double[] x, double[] tx, double[] t, double[] weight) {
        this.size = x.length;
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.weight = weight;
        this.distinctX = distinct(x);
        this.distinctTx = distinct(tx);
        this.distinctT = distinct(t);
        this.xIndex = index(x, distinctX);
        this.txIndex = index(tx, distinctTx);
        this.tIndex = index(t, distinctT);
        this.weightPerX = new double[distinctX.length];
        double n = 0;
        for (int i = 0; i < size; i++) {
            weightPerX[xIndex[i]] += weight[i];
            n += weight[i];
        }
        this.customers = n;
    }

    /** Validates and groups. x must be whole and ≥ 0, 0 ≤ t_x ≤ T, all finite. */
    static RfmGroups of(double[] frequency, double[] recency, double[] age) {
        int n = frequency.length;
        if (recency.length != n || age.length != n) {
            throw new IllegalArgumentException("frequency, recency and T must have the same length");
        }
        Map<Key, Integer> seen = new HashMap<>();
        double[] gx = new double[n];
        double[] gtx = new double[n];
        double[] gt = new double[n];
        double[] w = new double[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double x = frequency[i];
            double tx = recency[i];
            double t = age[i];
            if (!(x >= 0) || x != Math.rint(x) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("frequency must be a whole number ≥ 0, got " + x + " (row " + i + ")");
            }
            if (!(tx >= 0) || !(t >= tx) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("need 0 ≤ recency ≤ T, got recency " + tx + ", T " + t + " (row " + i + ")");
            }
            Key k = new Key(x, tx, t);
            Integer g = seen.get(k);
            if (g == null) {
                seen.put(k, size);
                gx[size] = x;
                gtx[size] = tx;
                gt[size] = t;
                w[size] = 1;
                size++;
            } else {
                w[g]++;
            }
        }
        return new RfmGroups(Arrays.copyOf(gx, size), Arrays.copyOf(gtx, size), Arrays.copyOf(gt, size),
                Arrays.copyOf(w, size));
    }

    private record Key(double x, double tx, double t) {}

    private static double[] distinct(double[] v) {
        return Arrays.stream(v).distinct().sorted().toArray();
    }

    private static int[] index(double[] v, double[] distinct) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Arrays.binarySearch(distinct, v[i]);
        return out;
    }
}
