package dev.kpi.calc.clv;

import org.apache.commons.math3.special.Gamma;

import java.util.Arrays;
import java.util.List;

/**
 * The gamma-gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis"; Fader & Hardie 2013, "The gamma-gamma model of monetary
 * value"). A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers;
 * spend is assumed independent of the purchase process.
 *
 * <p>Fitted on repeat buyers only (x &gt; 0) with m_x = mean value of their x repeat transactions:
 * <pre>
 * ln L = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m_x + px ln x − (px + q) ln(γ + x m_x)
 * E(M | x, m_x) = p (γ + x m_x) / (px + q − 1)      (x = 0 gives the population mean p γ / (q − 1))
 * </pre>
 * The expectation is undefined (infinite) when px + q ≤ 1; {@link #expectedAverageValue} then returns null.
 * Money here is a model estimate in currency units (double), not an exact sum.
 */
public record GammaGammaModel(double p, double q, double gamma) {

    public GammaGammaModel {
        if (!(p > 0 && q > 0 && gamma > 0)) {
            throw new IllegalArgumentException("gamma-gamma parameters must be > 0: p=" + p + ", q=" + q + ", gamma=" + gamma);
        }
    }

    /** Fits on the repeat buyers of the table (frequency &gt; 0); see {@link #fit(double[], double[])}. */
    public static ModelFit<GammaGammaModel> fit(List<CustomerRfm> customers) {
        double[] x = new double[customers.size()];
        double[] m = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = customers.get(i).frequency();
            m[i] = customers.get(i).monetaryValueAsDouble();
        }
        return fit(x, m);
    }

    /**
     * Maximum-likelihood fit on the rows with frequency &gt; 0 (rows with frequency 0 are skipped, as the
     * model needs at least one repeat transaction). Optimised in log-parameter space from (1, 1, 1).
     *
     * @throws IllegalArgumentException when there is no repeat buyer, or a repeat buyer's mean value is not &gt; 0
     *                                  (refunds exceeding purchases: filter such customers out first)
     */
    public static ModelFit<GammaGammaModel> fit(double[] frequency, double[] monetaryValue) {
        Data d = repeatBuyers(frequency, monetaryValue);
        LogLikelihoodMaximizer.Result res = LogLikelihoodMaximizer.maximize(
                (th, grad) -> logLikelihood(d, Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2]), grad), new double[3]);
        double[] th = res.theta();
        return new ModelFit<>(new GammaGammaModel(Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2])),
                res.logLikelihood(), res.converged(), res.iterations(), res.evaluations(), res.message());
    }

    private static Data repeatBuyers(double[] frequency, double[] monetaryValue) {
        if (frequency.length != monetaryValue.length) {
            throw new IllegalArgumentException("frequency and monetary value must have the same length");
        }
        int n = 0;
        double[] x = new double[frequency.length];
        double[] m = new double[frequency.length];
        for (int i = 0; i < frequency.length; i++) {
            double xi = frequency[i];
            if (!(xi >= 0) || xi != Math.rint(xi)) {
                throw new IllegalArgumentException("frequency must be a whole number ≥ 0, got " + xi + " (row " + i + ")");
            }
            if (xi == 0) continue;
            if (!(monetaryValue[i] > 0) || !Double.isFinite(monetaryValue[i])) {
                throw new IllegalArgumentException("gamma-gamma needs a positive mean repeat value, row " + i
                        + " has " + monetaryValue[i]);
            }
            x[n] = xi;
            m[n] = monetaryValue[i];
            n++;
        }
        if (n == 0) throw new IllegalArgumentException("gamma-gamma needs at least one repeat buyer (frequency > 0)");
        return new Data(Arrays.copyOf(x, n), Arrays.copyOf(m, n));
    }

    /** Repeat buyers with ln m precomputed and the distinct frequencies. */
    static final class Data {
        final double[] x;
        final double[] m;
        final double[] lnM;
        final double[] lnX;
        final double[] distinctX;
        final double[] countPerX;
        final int[] xIndex;

        Data(double[] x, double[] m) {
            this.x = x;
            this.m = m;
            this.lnM = new double[x.length];
            this.lnX = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                lnM[i] = Math.log(m[i]);
                lnX[i] = Math.log(x[i]);
            }
            distinctX = Arrays.stream(x).distinct().sorted().toArray();
            countPerX = new double[distinctX.length];
            xIndex = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                xIndex[i] = Arrays.binarySearch(distinctX, x[i]);
                countPerX[xIndex[i]]++;
            }
        }
    }

    /** Total log-likelihood of the repeat buyers (rows with x &gt; 0) under this model. */
    public double logLikelihood(double[] frequency, double[] monetaryValue) {
        return logLikelihood(repeatBuyers(frequency, monetaryValue), p, q, gamma, null);
    }

    /** LL and its gradient with respect to (ln p, ln q, ln γ). */
    static double logLikelihood(Data d, double p, double q, double gamma, double[] grad) {
        boolean wantGrad = grad != null;
        double lnGamma = Math.log(gamma);
        double lgQ = Gamma.logGamma(q);
        double psiQ = wantGrad ? Gamma.digamma(q) : 0;
        double ll = 0, dp = 0, dq = 0, dg = 0;
        int k = d.distinctX.length;
        double[] psiPxQ = new double[k];
        double[] psiPx = new double[k];
        for (int j = 0; j < k; j++) {
            double px = p * d.distinctX[j];
            double c = d.countPerX[j];
            ll += c * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgQ + q * lnGamma);
            if (wantGrad) {
                psiPxQ[j] = Gamma.digamma(px + q);
                psiPx[j] = Gamma.digamma(px);
                dq += c * (psiPxQ[j] - psiQ + lnGamma);
                dg += c * q / gamma;
            }
        }
        for (int i = 0; i < d.x.length; i++) {
            double x = d.x[i];
            double px = p * x;
            double lnGxm = Math.log(gamma + x * d.m[i]);
            ll += (px - 1) * d.lnM[i] + px * d.lnX[i] - (px + q) * lnGxm;
            if (wantGrad) {
                int j = d.xIndex[i];
                dp += x * (psiPxQ[j] - psiPx[j] + d.lnM[i] + d.lnX[i] - lnGxm);
                dq -= lnGxm;
                dg -= (px + q) / (gamma + x * d.m[i]);
            }
        }
        if (wantGrad) {
            grad[0] = dp * p;
            grad[1] = dq * q;
            grad[2] = dg * gamma;
        }
        return ll;
    }

    /**
     * E(M | x, m_x): expected mean value of a customer's future transactions given x repeat transactions
     * of mean m_x (m_x is ignored when x = 0). Null when px + q ≤ 1 (the expectation is infinite).
     */
    public Double expectedAverageValue(double x, double monetaryValue) {
        double denominator = p * x + q - 1;
        if (!(denominator > 0)) return null;
        return p * (gamma + (x > 0 ? x * monetaryValue : 0)) / denominator;
    }
}
