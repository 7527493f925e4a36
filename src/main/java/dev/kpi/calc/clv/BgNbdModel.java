package dev.kpi.calc.clv;

import org.apache.commons.math3.special.Gamma;

import java.util.List;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase they
 * become inactive with probability p ~ Beta(a, b). Times are in the unit of the RFM table the model is
 * fitted on (weeks for the published CDNOW fit), so α is in that unit too.
 *
 * <p>Log-likelihood of one customer with x repeat purchases, the last at t_x, observed for T:
 * <pre>
 * ln L = A1 + A2 + ln( e^A3 + [x &gt; 0] e^A4 )
 *   A1 = ln Γ(r + x) − ln Γ(r) + r ln α
 *   A2 = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x)
 *   A3 = −(r + x) ln(α + T)
 *   A4 = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)
 * </pre>
 * Predictions:
 * <pre>
 * P(alive | x, t_x, T) = 1 / (1 + [x &gt; 0] a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))
 * E[Y(t) | x, t_x, T]  = (a + b + x − 1) / (a − 1)
 *                        · [1 − ((α + T) / (α + T + t))^(r + x) 2F1(r + x, b + x; a + b + x − 1; z)] · P(alive),
 *                        z = t / (α + T + t)
 * E[X(t)] (new customer) = the same with x = t_x = T = 0.
 * </pre>
 * The 2F1 term is evaluated after Euler's transformation: ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z) =
 * (1 − z)^(a − 1) 2F1(a + b − 1 − r, a − 1; a + b + x − 1; z), whose parameters stay small for heavy
 * buyers, so it neither overflows nor needs many terms. At a = 1 (a removable singularity) the value is
 * the mean of a = 1 ± 1e-5.
 */
public record BgNbdModel(double r, double alpha, double a, double b) implements TransactionModel {

    public BgNbdModel {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be > 0: r=" + r + ", alpha=" + alpha
                    + ", a=" + a + ", b=" + b);
        }
    }

    /** Fits by maximum likelihood; see {@link #fit(double[], double[], double[])}. */
    public static ModelFit<BgNbdModel> fit(List<CustomerRfm> customers) {
        double[] x = new double[customers.size()];
        double[] tx = new double[x.length];
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            CustomerRfm c = customers.get(i);
            x[i] = c.frequency();
            tx[i] = c.recency();
            t[i] = c.t();
        }
        return fit(x, tx, t);
    }

    /**
     * Maximum-likelihood fit over r, α, a, b &gt; 0 (optimised as logarithms, BFGS with the analytic
     * gradient, starting at 1, 1, 1, 1; Nelder-Mead fallback). Identical (x, t_x, T) rows are grouped.
     *
     * @throws IllegalArgumentException when the arrays differ in length, are empty or hold invalid rows
     */
    public static ModelFit<BgNbdModel> fit(double[] frequency, double[] recency, double[] age) {
        RfmGroups g = RfmGroups.of(frequency, recency, age);
        if (g.customers == 0) throw new IllegalArgumentException("no customers to fit");
        LogLikelihoodMaximizer.Result res = LogLikelihoodMaximizer.maximize(
                (theta, grad) -> logLikelihood(g, Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]),
                        Math.exp(theta[3]), grad), new double[4]);
        double[] th = res.theta();
        BgNbdModel m = new BgNbdModel(Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2]), Math.exp(th[3]));
        return new ModelFit<>(m, res.logLikelihood(), res.converged(), res.iterations(), res.evaluations(), res.message());
    }

    /** Total log-likelihood of the data under this model. */
    public double logLikelihood(double[] frequency, double[] recency, double[] age) {
        return logLikelihood(RfmGroups.of(frequency, recency, age), r, alpha, a, b, null);
    }

    /**
     * LL and, when {@code grad} is non-null, its gradient with respect to (ln r, ln α, ln a, ln b).
     * Terms that depend on x only are computed once per distinct x; logarithms of α + T and α + t_x once
     * per distinct T and t_x.
     */
    static double logLikelihood(RfmGroups g, double r, double alpha, double a, double b, double[] grad) {
        boolean wantGrad = grad != null;
        double lnAlpha = Math.log(alpha);
        double[] lnAT = new double[g.distinctT.length];
        double[] invAT = new double[lnAT.length];
        for (int j = 0; j < lnAT.length; j++) {
            lnAT[j] = Math.log(alpha + g.distinctT[j]);
            invAT[j] = 1 / (alpha + g.distinctT[j]);
        }
        double[] lnATx = new double[g.distinctTx.length];
        double[] invATx = new double[lnATx.length];
        for (int j = 0; j < lnATx.length; j++) {
            lnATx[j] = Math.log(alpha + g.distinctTx[j]);
            invATx[j] = 1 / (alpha + g.distinctTx[j]);
        }
        int nx = g.distinctX.length;
        double[] c4 = new double[nx]; // ln a − ln(b + x − 1) for x > 0
        double lgR = Gamma.logGamma(r);
        double lgB = Gamma.logGamma(b);
        double lgAB = Gamma.logGamma(a + b);
        double psiR = wantGrad ? Gamma.digamma(r) : 0;
        double psiB = wantGrad ? Gamma.digamma(b) : 0;
        double psiAB = wantGrad ? Gamma.digamma(a + b) : 0;
        double ll = 0;
        double dr = 0, dAlpha = 0, da = 0, db = 0;
        for (int k = 0; k < nx; k++) {
            double x = g.distinctX[k];
            double w = g.weightPerX[k];
            double a1 = Gamma.logGamma(r + x) - lgR + r * lnAlpha;
            double a2 = lgAB + Gamma.logGamma(b + x) - lgB - Gamma.logGamma(a + b + x);
            ll += w * (a1 + a2);
            if (x > 0) c4[k] = Math.log(a) - Math.log(b + x - 1);
            if (wantGrad) {
                dr += w * (Gamma.digamma(r + x) - psiR + lnAlpha);
                dAlpha += w * r / alpha;
                double psiABX = Gamma.digamma(a + b + x);
                da += w * (psiAB - psiABX);
                db += w * (psiAB + Gamma.digamma(b + x) - psiB - psiABX);
            }
        }
        for (int i = 0; i < g.size; i++) {
            double w = g.weight[i];
            double x = g.x[i];
            double rx = r + x;
            int ti = g.tIndex[i];
            double a3 = -rx * lnAT[ti];
            if (x == 0) {
                ll += w * a3;
                if (wantGrad) {
                    dr += w * (-lnAT[ti]);
                    dAlpha += w * (-rx * invAT[ti]);
                }
                continue;
            }
            int xi = g.txIndex[i];
            double a4 = c4[g.xIndex[i]] - rx * lnATx[xi];
            double hi = Math.max(a3, a4);
            double e = Math.exp(-Math.abs(a3 - a4));
            ll += w * (hi + Math.log1p(e));
            if (wantGrad) {
                // weights of the two terms in the log-sum-exp
                double w4 = a4 >= a3 ? 1 / (1 + e) : e / (1 + e);
                double w3 = 1 - w4;
                dr += w * (w3 * -lnAT[ti] + w4 * -lnATx[xi]);
                dAlpha += w * (w3 * -rx * invAT[ti] + w4 * -rx * invATx[xi]);
                da += w * (w4 / a);
                db += w * (w4 * -1 / (b + x - 1));
            }
        }
        if (wantGrad) {
            grad[0] = dr * r;
            grad[1] = dAlpha * alpha;
            grad[2] = da * a;
            grad[3] = db * b;
        }
        return ll;
    }

    /** Probability that a customer with this history is still alive at T. 1 when x = 0. */
    @Override
    public double probabilityAlive(double x, double tx, double t) {
        if (x == 0) return 1.0;
        double lnRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + t) - Math.log(alpha + tx));
        return 1 / (1 + Math.exp(lnRatio));
    }

    /** Expected purchases in the next {@code horizon} time units of a customer with history (x, t_x, T). */
    @Override
    public double expectedPurchases(double horizon, double x, double tx, double t) {
        if (horizon < 0) throw new IllegalArgumentException("horizon must be ≥ 0");
        if (horizon == 0) return 0;
        return unconditionalPart(a, horizon, x, t) * probabilityAlive(x, tx, t);
    }

    /** E[X(t)]: expected purchases of a newly acquired customer in their first {@code t} time units. */
    @Override
    public double expectedPurchasesNewCustomer(double t) {
        if (t < 0) throw new IllegalArgumentException("t must be ≥ 0");
        if (t == 0) return 0;
        return unconditionalPart(a, t, 0, 0);
    }

    /** (a+b+x−1)/(a−1) · [1 − (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z)], removable singularity at a = 1. */
    private double unconditionalPart(double aa, double horizon, double x, double t) {
        if (Math.abs(aa - 1) < 1e-7) {
            return 0.5 * (unconditionalPart(1 + 1e-5, horizon, x, t) + unconditionalPart(1 - 1e-5, horizon, x, t));
        }
        double z = horizon / (alpha + t + horizon);
        double c = aa + b + x - 1;
        double f = GaussHypergeometric.value(aa + b - 1 - r, aa - 1, c, z);
        double bracket = -Math.expm1((aa - 1) * Math.log1p(-z) + Math.log(f));
        return c / (aa - 1) * bracket;
    }
}
