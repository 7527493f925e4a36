package dev.kpi.calc.attribution;

/**
 * Expected absorption rewards of an absorbing Markov chain: for transient states with sub-stochastic
 * transition matrix Q (row s: probabilities to other transient states; the missing mass goes to the
 * absorbing states) and a per-state reward vector b, the solution of {@code x = b + Q x}. With
 * b = P(s → conversion), x(s) is the probability of ending in conversion from s.
 *
 * <p>A removal mask drops states: their x is 0 and transitions into them count as absorbed with no
 * reward (sent to null). Solved directly by Gaussian elimination with partial pivoting on
 * {@code I - Q} when at most {@value #DENSE_LIMIT} states remain (every order-1 chain), otherwise by
 * Gauss–Seidel iteration until an update changes no value by more than {@value #TOLERANCE} of the
 * largest value. Every state of a chain built from observed paths reaches an absorbing state, so
 * {@code I - Q} is non-singular and the iteration converges.
 */
final class AbsorbingChain {
    static final int DENSE_LIMIT = 300;
    static final double TOLERANCE = 1e-15;
    private static final int MAX_SWEEPS = 1_000_000;

    private final int n;
    private final int[][] to;
    private final double[][] p;

    AbsorbingChain(int n, int[][] to, double[][] p) {
        this.n = n;
        this.to = to;
        this.p = p;
    }

    int size() { return n; }

    /** Solves {@code x = rhs_k + Q x} for each right-hand side, with {@code removed} states dropped. */
    double[][] solve(boolean[] removed, double[]... rhs) {
        return solve(removed, isDense(removed), rhs);
    }

    /** As {@link #solve(boolean[], double[]...)} with the method chosen by the caller (tests). */
    double[][] solve(boolean[] removed, boolean dense, double[]... rhs) {
        int active = 0;
        for (int s = 0; s < n; s++) if (!removed[s]) active++;
        return dense ? dense(removed, active, rhs) : iterate(removed, rhs);
    }

    boolean isDense(boolean[] removed) {
        int active = 0;
        for (int s = 0; s < n; s++) if (!removed[s]) active++;
        return active <= DENSE_LIMIT;
    }

    private double[][] dense(boolean[] removed, int m, double[][] rhs) {
        int[] idx = new int[n];
        int[] back = new int[m];
        for (int s = 0, k = 0; s < n; s++) {
            idx[s] = removed[s] ? -1 : k;
            if (!removed[s]) back[k++] = s;
        }
        int r = rhs.length;
        double[][] a = new double[m][m + r];
        for (int i = 0; i < m; i++) {
            int s = back[i];
            a[i][i] = 1;
            for (int e = 0; e < to[s].length; e++) {
                int j = idx[to[s][e]];
                if (j >= 0) a[i][j] -= p[s][e];
            }
            for (int k = 0; k < r; k++) a[i][m + k] = rhs[k][s];
        }
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int i = col + 1; i < m; i++) if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) piv = i;
            if (a[piv][col] == 0) throw new IllegalStateException("singular absorbing chain (a state never reaches conversion or null)");
            double[] t = a[piv]; a[piv] = a[col]; a[col] = t;
            double d = a[col][col];
            for (int i = col + 1; i < m; i++) {
                double f = a[i][col] / d;
                if (f == 0) continue;
                double[] ai = a[i], ac = a[col];
                for (int j = col; j < m + r; j++) ai[j] -= f * ac[j];
            }
        }
        double[][] out = new double[r][n];
        for (int k = 0; k < r; k++) {
            double[] x = new double[m];
            for (int i = m - 1; i >= 0; i--) {
                double s = a[i][m + k];
                for (int j = i + 1; j < m; j++) s -= a[i][j] * x[j];
                x[i] = s / a[i][i];
            }
            for (int i = 0; i < m; i++) out[k][back[i]] = x[i];
        }
        return out;
    }

    private double[][] iterate(boolean[] removed, double[][] rhs) {
        double[][] out = new double[rhs.length][];
        for (int k = 0; k < rhs.length; k++) {
            double[] b = rhs[k];
            double[] x = new double[n];
            for (int s = 0; s < n; s++) x[s] = removed[s] ? 0 : b[s];
            for (int sweep = 0; ; sweep++) {
                if (sweep == MAX_SWEEPS) throw new IllegalStateException("absorbing chain did not converge");
                double change = 0, scale = 0;
                // backwards sweeps converge fastest: states are numbered in order of first appearance, so
                // later states are mostly closer to the end of the paths
                for (int s = n - 1; s >= 0; s--) {
                    if (removed[s]) continue;
                    double v = b[s];
                    int[] ts = to[s];
                    double[] ps = p[s];
                    for (int e = 0; e < ts.length; e++) v += ps[e] * x[ts[e]];
                    change = Math.max(change, Math.abs(v - x[s]));
                    scale = Math.max(scale, Math.abs(v));
                    x[s] = v;
                }
                if (change <= TOLERANCE * Math.max(scale, Double.MIN_NORMAL)) break;
            }
            out[k] = x;
        }
        return out;
    }
}
