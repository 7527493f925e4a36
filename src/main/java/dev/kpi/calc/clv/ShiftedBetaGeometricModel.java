package dev.kpi.calc.clv;

import java.util.ArrayList;
import java.util.List;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007, "How to project
 * customer retention"; valuation from Fader & Hardie 2010, "Customer-base valuation in a contractual
 * setting: the perils of ignoring heterogeneity"). Each customer renews at the end of every period with
 * a fixed probability 1 − θ until they churn, θ ~ Beta(α, β) across customers. Periods are whatever the
 * series is measured in (months, years).
 *
 * <pre>
 * P(T = t) = B(α + 1, β + t − 1) / B(α, β)          churn in period t (t = 1, 2, …)
 * S(t)     = B(α, β + t) / B(α, β)                  share still active after t periods, S(0) = 1
 * r(t)     = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)    retention rate of period t
 * E[T]     = Σ_{t≥0} S(t) = (α + β − 1) / (α − 1)   mean lifetime in periods, counting the first
 *            period; infinite when α ≤ 1 (the heavy tail of loyal customers)
 * DEL(d)   = Σ_{t≥0} S(t) / (1 + d)^t = 2F1(1, β; α + β; 1 / (1 + d))
 * DERL(d | n − 1 renewals) = Σ_{k≥0} S(n + k) / S(n − 1) / (1 + d)^k
 *          = (β + n − 1) / (α + β + n − 1) · 2F1(1, β + n; α + β + n; 1 / (1 + d))
 * </pre>
 * DEL is the discounted number of payments of a new customer (one per period, paid at the start of the
 * period); DERL the discounted number of future payments of a customer who has made n − 1 renewals and
 * is about to decide on the n-th, i.e. just before the end of period n. Multiply by the value per period
 * for money. Both need d &gt; 0 (the series diverges at d = 0 when α ≤ 1).
 */
public record ShiftedBetaGeometricModel(double alpha, double beta) {

    public ShiftedBetaGeometricModel {
        if (!(alpha > 0 && beta > 0) || !Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("sBG parameters must be > 0: alpha=" + alpha + ", beta=" + beta);
        }
    }

    /**
     * Maximum-likelihood fit to the customers still active at the start of periods 0..n, using periods
     * 1..{@code fitPeriods}: LL = Σ_{t=1..n} (alive[t−1] − alive[t]) ln P(T = t) + alive[n] ln S(n).
     * {@code alive} may be counts or percentages (starting at 100); the parameters do not depend on the
     * scale but the log-likelihood does (percentages give it per 100 customers).
     *
     * @throws IllegalArgumentException when fewer than two periods are fitted, the series is longer than
     *                                  given, not positive, or increases
     */
    public static ModelFit<ShiftedBetaGeometricModel> fit(double[] alive, int fitPeriods) {
        if (fitPeriods < 2 || fitPeriods >= alive.length) {
            // one period only pins α / (α + β): two parameters need at least two periods
            throw new IllegalArgumentException("need 2 ≤ fit periods ≤ " + (alive.length - 1) + " (the series has "
                    + alive.length + " values, period 0 first), got " + fitPeriods);
        }
        return fitCohorts(List.of(java.util.Arrays.copyOf(alive, fitPeriods + 1)));
    }

    /**
     * Joint maximum-likelihood fit to several cohorts, each a series of customers still active at the
     * start of its periods 0..nᵢ (cohorts of different ages have different lengths; every period given
     * is used). LL = Σ over cohorts of the single-series LL. Same scale rule as {@link #fit}.
     *
     * @throws IllegalArgumentException when no cohort spans two periods, a series is not positive at
     *                                  period 0 or increases, or no customer churned at all
     */
    public static ModelFit<ShiftedBetaGeometricModel> fitCohorts(List<double[]> cohorts) {
        int longest = 0;
        boolean churn = false;
        for (double[] a : cohorts) {
            longest = Math.max(longest, a.length - 1);
            for (int t = 0; t < a.length; t++) {
                if (!(a[t] >= 0) || !Double.isFinite(a[t])) {
                    throw new IllegalArgumentException("retention values must be ≥ 0, got " + a[t] + " at period " + t);
                }
                if (t > 0 && a[t] > a[t - 1]) {
                    throw new IllegalArgumentException("the retention series cannot increase: " + a[t - 1] + " then "
                            + a[t] + " at period " + t);
                }
            }
            if (a.length > 0 && !(a[0] > 0)) throw new IllegalArgumentException("period 0 must have customers");
            if (a.length > 1 && a[a.length - 1] < a[0]) churn = true;
        }
        if (longest < 2) throw new IllegalArgumentException("need a cohort followed for at least two periods");
        if (!churn) {
            throw new IllegalArgumentException("no customer churned in the fitted periods: the churn rate cannot be estimated");
        }
        List<double[]> series = List.copyOf(cohorts);
        LogLikelihoodMaximizer.Result res = LogLikelihoodMaximizer.maximize((th, grad) -> {
            double a = Math.exp(th[0]), b = Math.exp(th[1]);
            double ll = 0;
            double[] g = grad == null ? null : new double[2];
            if (grad != null) java.util.Arrays.fill(grad, 0);
            for (double[] s : series) {
                if (s.length < 2) continue;
                ll += logLikelihood(s, a, b, g);
                if (grad != null) {
                    grad[0] += g[0];
                    grad[1] += g[1];
                }
            }
            return ll;
        }, new double[2]);
        double[] th = res.theta();
        return new ModelFit<>(new ShiftedBetaGeometricModel(Math.exp(th[0]), Math.exp(th[1])), res.logLikelihood(),
                res.converged(), res.iterations(), res.evaluations(), res.message());
    }

    /** LL of the series alive[0..n] and its gradient with respect to (ln α, ln β). */
    static double logLikelihood(double[] alive, double alpha, double beta, double[] grad) {
        int n = alive.length - 1;
        double ll = 0, da = 0, db = 0;
        // running sums for ln P(t) = ln α + Σ_{j=1}^{t−1} ln(β + j − 1) − Σ_{j=0}^{t−1} ln(α + β + j)
        double sumLnB = 0, sumLnAB = 0, sumInvB = 0, sumInvAB = 0;
        for (int t = 1; t <= n; t++) {
            if (t >= 2) {
                sumLnB += Math.log(beta + t - 2);
                sumInvB += 1 / (beta + t - 2);
            }
            sumLnAB += Math.log(alpha + beta + t - 1);
            sumInvAB += 1 / (alpha + beta + t - 1);
            double lost = alive[t - 1] - alive[t];
            if (lost > 0) {
                ll += lost * (Math.log(alpha) + sumLnB - sumLnAB);
                da += lost * (1 / alpha - sumInvAB);
                db += lost * (sumInvB - sumInvAB);
            }
        }
        // ln S(n) = Σ_{j=0}^{n−1} [ln(β + j) − ln(α + β + j)]
        double lnS = 0, dsA = 0, dsB = 0;
        for (int j = 0; j < n; j++) {
            lnS += Math.log(beta + j) - Math.log(alpha + beta + j);
            dsA -= 1 / (alpha + beta + j);
            dsB += 1 / (beta + j) - 1 / (alpha + beta + j);
        }
        if (alive[n] > 0) {
            ll += alive[n] * lnS;
            da += alive[n] * dsA;
            db += alive[n] * dsB;
        }
        if (grad != null) {
            grad[0] = da * alpha;
            grad[1] = db * beta;
        }
        return ll;
    }

    /** S(t): share of a cohort still active after t periods (S(0) = 1). */
    public double survival(int t) {
        if (t < 0) throw new IllegalArgumentException("t must be ≥ 0");
        double lnS = 0;
        for (int j = 0; j < t; j++) lnS += Math.log((beta + j) / (alpha + beta + j));
        return Math.exp(lnS);
    }

    /** P(T = t): share of a cohort that churns in period t ≥ 1. */
    public double churnProbability(int t) {
        if (t < 1) throw new IllegalArgumentException("t must be ≥ 1");
        return survival(t - 1) * alpha / (alpha + beta + t - 1);
    }

    /** r(t) = S(t) / S(t − 1): the retention rate of period t ≥ 1 (it rises with t as churners leave). */
    public double retentionRate(int t) {
        if (t < 1) throw new IllegalArgumentException("t must be ≥ 1");
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /** One row of a projection. {@code retentionRate} is null for period 0. */
    public record Period(int t, double survival, Double retentionRate) {}

    /** Survival and retention for periods 0..horizon. */
    public List<Period> projection(int horizon) {
        if (horizon < 0) throw new IllegalArgumentException("horizon must be ≥ 0");
        List<Period> out = new ArrayList<>(horizon + 1);
        double s = 1;
        out.add(new Period(0, 1.0, null));
        for (int t = 1; t <= horizon; t++) {
            double r = retentionRate(t);
            s *= r;
            out.add(new Period(t, s, r));
        }
        return out;
    }

    /** E[T] = (α + β − 1) / (α − 1) periods (the first period included), or null when α ≤ 1 (infinite mean). */
    public Double expectedLifetime() {
        return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : null;
    }

    /** Why {@link #expectedLifetime()} is null, or null when it is not. */
    public String expectedLifetimeNullReason() {
        return alpha > 1 ? null : "alpha <= 1: the mean lifetime is infinite (some customers practically never churn)";
    }

    /** Σ_{t=0}^{h−1} S(t): expected periods active within the first h periods (finite for any α). */
    public double expectedLifetimeWithin(int h) {
        if (h < 0) throw new IllegalArgumentException("h must be ≥ 0");
        double total = 0, s = 1;
        for (int t = 0; t < h; t++) {
            total += s;
            s *= retentionRate(t + 1);
        }
        return total;
    }

    /** The first t with S(t) ≤ 0.5 (the median lifetime in whole periods), or null beyond a million periods. */
    public Integer medianLifetime() {
        double s = 1;
        for (int t = 1; t <= 1_000_000; t++) {
            s *= retentionRate(t);
            if (s <= 0.5) return t;
        }
        return null;
    }

    /** DEL(d) = 2F1(1, β; α + β; 1 / (1 + d)): discounted expected payments of a new customer, d &gt; 0. */
    public double discountedExpectedLifetime(double discount) {
        return GaussHypergeometric.value(1, beta, alpha + beta, z(discount));
    }

    /**
     * DERL(d | renewals): discounted expected future payments of a customer who has renewed
     * {@code renewals} times (n − 1 in the paper) and is about to decide on the next renewal, d &gt; 0.
     */
    public double discountedExpectedResidualLifetime(double discount, int renewals) {
        if (renewals < 0) throw new IllegalArgumentException("renewals must be ≥ 0");
        double n = renewals + 1;
        return (beta + n - 1) / (alpha + beta + n - 1)
                * GaussHypergeometric.value(1, beta + n, alpha + beta + n, z(discount));
    }

    private static double z(double discount) {
        if (!(discount > 0) || !Double.isFinite(discount)) {
            throw new IllegalArgumentException("the discount rate must be > 0, got " + discount);
        }
        return 1 / (1 + discount);
    }
}
