package dev.kpi.calc.clv;

import org.apache.commons.math3.special.Gamma;

import java.util.List;

/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), with the likelihood of Fader, Hardie &
 * Lee (2005), "A note on implementing the Pareto/NBD model in MATLAB". While alive a customer buys as a
 * Poisson process with rate λ ~ Gamma(r, α); their lifetime is exponential with rate μ ~ Gamma(s, β).
 * Times are in the unit of the RFM table.
 *
 * <pre>
 * ln L = ln Γ(r + x) − ln Γ(r) + r ln α + s ln β + ln( e^B + e^C )
 *   B  = −(r + x) ln(α + T) − s ln(β + T)
 *   C  = ln s − ln(r + s + x) + ln A0
 *   A0 = F(t_x) − F(T), where for α ≥ β
 *          F(τ) = 2F1(r + s + x, s + 1; r + s + x + 1; (α − β)/(α + τ)) / (α + τ)^(r + s + x)
 *        and for α &lt; β
 *          F(τ) = 2F1(r + s + x, r + x; r + s + x + 1; (β − α)/(β + τ)) / (β + τ)^(r + s + x)
 * P(alive | x, t_x, T) = e^B / (e^B + e^C)
 * E[Y(t) | x, t_x, T]  = (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s − 1)] · P(alive)
 * E[X(t)]              = r β / (α (s − 1)) · [1 − (β / (β + t))^(s − 1)]
 * </pre>
 * Numerics: Euler's transformation turns each 2F1 into 2F1(1, ·; r + s + x + 1; z), a series of positive
 * terms falling at least as fast as zⁿ, so F(τ) = G · (α + τ)^−(r+x) (β + τ)^−s (times (α + τ)/(β + τ)
 * when α &lt; β) is computed in logs; A0 as ln F(t_x) + ln(1 − F(T)/F(t_x)) avoids the cancellation the
 * direct difference suffers. The gradient is analytic (the series is differentiated term by term).
 * At s = 1 the expectations take their limit (r + x)(β + T)/(α + T) · ln((β + T + t)/(β + T)).
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta) implements TransactionModel {

    public ParetoNbdModel {
        if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) {
            throw new IllegalArgumentException("Pareto/NBD parameters must be > 0: r=" + r + ", alpha=" + alpha
                    + ", s=" + s + ", beta=" + beta);
        }
    }

    public static ModelFit<ParetoNbdModel> fit(List<CustomerRfm> customers) {
        double[] x = new double[customers.size()];
        double[] tx = new double[x.length];
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = customers.get(i).frequency();
            tx[i] = customers.get(i).recency();
            t[i] = customers.get(i).t();
        }
        return fit(x, tx, t);
    }

    /** Maximum-likelihood fit over r, α, s, β &gt; 0 (log space, BFGS with the analytic gradient from 1, 1, 1, 1). */
    public static ModelFit<ParetoNbdModel> fit(double[] frequency, double[] recency, double[] age) {
        RfmGroups g = RfmGroups.of(frequency, recency, age);
        if (g.customers == 0) throw new IllegalArgumentException("no customers to fit");
        LogLikelihoodMaximizer.Result res = LogLikelihoodMaximizer.maximize(
                (th, grad) -> logLikelihood(g, Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2]), Math.exp(th[3]), grad),
                new double[4]);
        double[] th = res.theta();
        ParetoNbdModel m = new ParetoNbdModel(Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2]), Math.exp(th[3]));
        return new ModelFit<>(m, res.logLikelihood(), res.converged(), res.iterations(), res.evaluations(), res.message());
    }

    /** Total log-likelihood of the data under this model. */
    public double logLikelihood(double[] frequency, double[] recency, double[] age) {
        return logLikelihood(RfmGroups.of(frequency, recency, age), r, alpha, s, beta, null);
    }

    /** LL and, when {@code grad} is non-null, its gradient with respect to (ln r, ln α, ln s, ln β). */
    static double logLikelihood(RfmGroups g, double r, double alpha, double s, double beta, double[] grad) {
        boolean wantGrad = grad != null;
        double lnAlpha = Math.log(alpha);
        double lnBeta = Math.log(beta);
        double lgR = Gamma.logGamma(r);
        double psiR = wantGrad ? Gamma.digamma(r) : 0;
        double ll = 0;
        double[] d = new double[4];
        for (int k = 0; k < g.distinctX.length; k++) {
            double x = g.distinctX[k];
            double w = g.weightPerX[k];
            ll += w * (Gamma.logGamma(r + x) - lgR + r * lnAlpha + s * lnBeta);
            if (wantGrad) {
                d[0] += w * (Gamma.digamma(r + x) - psiR + lnAlpha);
                d[1] += w * r / alpha;
                d[2] += w * lnBeta;
                d[3] += w * s / beta;
            }
        }
        double[] bc = new double[2];
        double[] dB = new double[4];
        double[] dC = new double[4];
        double[] work = new double[4];
        double[] d1 = new double[4];
        double[] d2 = new double[4];
        for (int i = 0; i < g.size; i++) {
            double w = g.weight[i];
            terms(r, alpha, s, beta, g.x[i], g.tx[i], g.t[i], bc, wantGrad ? dB : null, wantGrad ? dC : null, work, d1, d2);
            double b = bc[0];
            double c = bc[1];
            if (c == Double.NEGATIVE_INFINITY) {
                ll += w * b;
                if (wantGrad) for (int j = 0; j < 4; j++) d[j] += w * dB[j];
                continue;
            }
            double hi = Math.max(b, c);
            double e = Math.exp(-Math.abs(b - c));
            ll += w * (hi + Math.log1p(e));
            if (wantGrad) {
                double wc = c >= b ? 1 / (1 + e) : e / (1 + e);
                double wb = 1 - wc;
                for (int j = 0; j < 4; j++) d[j] += w * (wb * dB[j] + wc * dC[j]);
            }
        }
        if (wantGrad) {
            grad[0] = d[0] * r;
            grad[1] = d[1] * alpha;
            grad[2] = d[2] * s;
            grad[3] = d[3] * beta;
        }
        return ll;
    }

    /**
     * bc = {B, C} of one customer (C = −∞ when t_x = T); with non-null dB, dC their partial derivatives
     * with respect to (r, α, s, β).
     */
    private static void terms(double r, double alpha, double s, double beta, double x, double tx, double t,
                              double[] bc, double[] dB, double[] dC, double[] work, double[] d1, double[] d2) {
        double lnAT = Math.log(alpha + t);
        double lnBT = Math.log(beta + t);
        bc[0] = -(r + x) * lnAT - s * lnBT;
        if (dB != null) {
            dB[0] = -lnAT;
            dB[1] = -(r + x) / (alpha + t);
            dB[2] = -lnBT;
            dB[3] = -s / (beta + t);
        }
        if (!(tx < t)) {
            bc[1] = Double.NEGATIVE_INFINITY;
            return;
        }
        double lt1 = logF(r, alpha, s, beta, x, tx, work, dC == null ? null : d1);
        double lt2 = logF(r, alpha, s, beta, x, t, work, dC == null ? null : d2);
        double q = Math.exp(lt2 - lt1); // F(T) / F(t_x) < 1
        double lnA0 = lt1 + Math.log1p(-q);
        double rsx = r + s + x;
        bc[1] = Math.log(s) - Math.log(rsx) + lnA0;
        if (dC != null) {
            for (int j = 0; j < 4; j++) dC[j] = (d1[j] - q * d2[j]) / (1 - q);
            dC[0] += -1 / rsx;
            dC[2] += 1 / s - 1 / rsx;
        }
    }

    /** ln F(τ) after Euler's transformation, and its partials with respect to (r, α, s, β) when d is non-null. */
    private static double logF(double r, double alpha, double s, double beta, double x, double tau, double[] g,
                               double[] d) {
        double c = r + s + x + 1;
        double lnA = Math.log(alpha + tau);
        double lnB = Math.log(beta + tau);
        if (alpha >= beta) {
            double z = (alpha - beta) / (alpha + tau);
            GaussHypergeometric.unitSeries(r + x, c, z, g);
            if (d != null) {
                d[0] = (g[1] + g[2]) / g[0] - lnA;
                d[2] = g[2] / g[0] - lnB;
                d[1] = g[3] / g[0] * (beta + tau) / ((alpha + tau) * (alpha + tau)) - (r + x) / (alpha + tau);
                d[3] = -g[3] / g[0] / (alpha + tau) - s / (beta + tau);
            }
            return Math.log(g[0]) - (r + x) * lnA - s * lnB;
        }
        double z = (beta - alpha) / (beta + tau);
        GaussHypergeometric.unitSeries(s + 1, c, z, g);
        if (d != null) {
            d[0] = g[2] / g[0] - lnA;
            d[2] = (g[1] + g[2]) / g[0] - lnB;
            d[1] = -g[3] / g[0] / (beta + tau) - (r + x - 1) / (alpha + tau);
            d[3] = g[3] / g[0] * (alpha + tau) / ((beta + tau) * (beta + tau)) - (s + 1) / (beta + tau);
        }
        return Math.log(g[0]) - (r + x - 1) * lnA - (s + 1) * lnB;
    }

    @Override
    public double probabilityAlive(double x, double tx, double t) {
        double[] bc = new double[2];
        terms(r, alpha, s, beta, x, tx, t, bc, null, null, new double[4], null, null);
        if (bc[1] == Double.NEGATIVE_INFINITY) return 1.0;
        return 1 / (1 + Math.exp(bc[1] - bc[0]));
    }

    @Override
    public double expectedPurchases(double horizon, double x, double tx, double t) {
        if (horizon < 0) throw new IllegalArgumentException("horizon must be ≥ 0");
        if (horizon == 0) return 0;
        return (r + x) / (alpha + t) * (beta + t) * powerTerm(horizon / (beta + t)) * probabilityAlive(x, tx, t);
    }

    @Override
    public double expectedPurchasesNewCustomer(double t) {
        if (t < 0) throw new IllegalArgumentException("t must be ≥ 0");
        if (t == 0) return 0;
        return r / alpha * beta * powerTerm(t / beta);
    }

    /** [1 − (1 + u)^−(s−1)] / (s − 1), with its limit ln(1 + u) at s = 1. */
    private double powerTerm(double u) {
        double l = Math.log1p(u);
        double k = s - 1;
        if (Math.abs(k * l) < 1e-12) return l;
        return -Math.expm1(-k * l) / k;
    }
}
