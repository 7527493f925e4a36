package dev.kpi.calc.clv;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Customers simulated from the BG/NBD process, for recovery tests and timing. */
final class SyntheticCustomers {
    final double[] x;
    final double[] tx;
    final double[] t;

    /**
     * n customers with λ ~ Gamma(r, α) (rate α), p ~ Beta(a, b); first purchases spread uniformly over the
     * first 12 weeks of a 39-week calibration period; each purchase is followed by dropout with
     * probability p. With {@code days} true, purchase times are rounded down to whole days (1/7 week) as
     * an RFM summary of dates produces them.
     */
    SyntheticCustomers(int n, double r, double alpha, double a, double b, long seed, boolean days) {
        RandomGenerator rng = new Well19937c(seed);
        GammaDistribution lambda = new GammaDistribution(rng, r, 1 / alpha);
        BetaDistribution p = new BetaDistribution(rng, a, b);
        x = new double[n];
        tx = new double[n];
        t = new double[n];
        for (int i = 0; i < n; i++) {
            double l = lambda.sample();
            double pi = p.sample();
            double age = 39 - rng.nextDouble() * 12;
            if (days) age = Math.floor(age * 7) / 7;
            double now = 0, last = 0;
            int count = 0;
            while (true) {
                now += -Math.log(1 - rng.nextDouble()) / l;
                if (now > age) break;
                count++;
                last = now;
                if (rng.nextDouble() < pi) break;
            }
            if (days) last = Math.floor(last * 7) / 7;
            x[i] = count;
            tx[i] = count == 0 ? 0 : last;
            t[i] = age;
        }
    }
}
