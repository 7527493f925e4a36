package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fits on 100,000 customers simulated from known BG/NBD parameters (fixed seed, so the data and the
 * result are deterministic) must land near those parameters: a check of the likelihood and optimiser
 * independent of any published number, at the customer count the issue names. No timing is asserted.
 */
class SyntheticRecoveryTest {
    @Test void bgNbdRecoversTheSimulatedParameters() {
        SyntheticCustomers s = new SyntheticCustomers(100_000, 0.25, 4, 0.8, 2.5, 8, false);
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(s.x, s.tx, s.t);
        assertTrue(fit.converged(), fit.message());
        BgNbdModel m = fit.model();
        assertEquals(0.25, m.r(), 0.25 * 0.05);
        assertEquals(4.0, m.alpha(), 4.0 * 0.05);
        assertEquals(0.8, m.a(), 0.8 * 0.08);
        assertEquals(2.5, m.b(), 2.5 * 0.08);
        // the fitted LL can only be above the LL at the true parameters
        assertTrue(fit.logLikelihood() >= new BgNbdModel(0.25, 4, 0.8, 2.5).logLikelihood(s.x, s.tx, s.t));
    }

    @Test void withoutDropoutTheBgNbdFitIsNotConverged() {
        // p ~ Beta(0.8, 1e9): nobody drops out, so the likelihood keeps rising as a → 0 (or b → ∞);
        // whatever point the optimiser stops at, it must not be reported as a fit
        SyntheticCustomers s = new SyntheticCustomers(20_000, 0.5, 4, 0.8, 1e9, 10, false);
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(s.x, s.tx, s.t);
        assertFalse(fit.converged(), fit.model() + " " + fit.message());
    }

    @Test void paretoFitOnBgNbdDataConverges() {
        // a different model on the same data: the fit must still converge to a proper optimum
        SyntheticCustomers s = new SyntheticCustomers(20_000, 0.25, 4, 0.8, 2.5, 9, true);
        ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(s.x, s.tx, s.t);
        assertTrue(fit.converged(), fit.message());
        ParetoNbdModel m = fit.model();
        // a maximum: moving any parameter by ±2 % lowers the log-likelihood
        double[] p = {m.r(), m.alpha(), m.s(), m.beta()};
        for (int i = 0; i < 4; i++) {
            for (double f : new double[] {0.98, 1.02}) {
                double[] q = p.clone();
                q[i] *= f;
                double ll = new ParetoNbdModel(q[0], q[1], q[2], q[3]).logLikelihood(s.x, s.tx, s.t);
                assertTrue(ll < fit.logLikelihood(), "parameter " + i + " × " + f);
            }
        }
    }
}
