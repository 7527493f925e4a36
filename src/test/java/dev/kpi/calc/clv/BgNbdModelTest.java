package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Published: Fader, Hardie & Lee (2005), CDNOW 2,357 customers, 39-week calibration: r = 0.243,
 * α = 4.414, a = 0.793, b = 2.426, LL = −9582.4. lifetimes' test gets 0.2426, 4.4136, 0.7929, 2.4259.
 * Second method: src/test/resources/clv/reference_values.py (scipy Nelder-Mead then BFGS on the same
 * log-likelihood written with scipy.special; predictions with mpmath's hyp2f1 on the untransformed
 * formula) printed r = 0.24259289, α = 4.41353152, a = 0.79288608, b = 2.42575356, LL = −9582.425561.
 */
class BgNbdModelTest {
    private static final BgNbdModel SCIPY = new BgNbdModel(0.24259289, 4.41353152, 0.79288608, 2.42575356);

    @Test void reproducesThePublishedCdnowFit() {
        List<CdnowData.SummaryRow> rows = CdnowData.summary();
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(CdnowData.xs(rows), CdnowData.txs(rows), CdnowData.ts(rows));
        assertTrue(fit.converged(), fit.message());
        BgNbdModel m = fit.model();
        assertEquals(0.243, m.r(), 0.0005);
        assertEquals(4.414, m.alpha(), 0.0005);
        assertEquals(0.793, m.a(), 0.0005);
        assertEquals(2.426, m.b(), 0.0005);
        assertEquals(-9582.4, fit.logLikelihood(), 0.05);
        // and scipy's optimum to six significant digits
        assertEquals(SCIPY.r(), m.r(), 1e-6 * SCIPY.r());
        assertEquals(SCIPY.alpha(), m.alpha(), 1e-6 * SCIPY.alpha());
        assertEquals(SCIPY.a(), m.a(), 1e-5 * SCIPY.a());
        assertEquals(SCIPY.b(), m.b(), 1e-5 * SCIPY.b());
        assertEquals(-9582.425561, fit.logLikelihood(), 1e-5);
    }

    @Test void fitFromTheTransactionLogMatches() {
        RfmSummary s = new RfmSummary(RfmSummary.Options.of(LocalDate.of(1997, 9, 30), ClvTimeUnit.WEEK));
        CdnowData.purchases().forEach(s::add);
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(s.finish().customers());
        assertTrue(fit.converged());
        // the summary file rounds t_x and T to 2 decimals; unrounded input moves the fit only slightly
        assertEquals(0.243, fit.model().r(), 0.0005);
        assertEquals(4.414, fit.model().alpha(), 0.005);
        assertEquals(0.793, fit.model().a(), 0.0005);
        assertEquals(2.426, fit.model().b(), 0.005);
        assertEquals(-9582.4, fit.logLikelihood(), 0.5);
    }

    @Test void logLikelihoodAtScipyOptimum() {
        List<CdnowData.SummaryRow> rows = CdnowData.summary();
        assertEquals(-9582.425561, SCIPY.logLikelihood(CdnowData.xs(rows), CdnowData.txs(rows), CdnowData.ts(rows)), 1e-5);
    }

    @Test void analyticGradientMatchesFiniteDifferences() {
        List<CdnowData.SummaryRow> rows = CdnowData.summary();
        RfmGroups g = RfmGroups.of(CdnowData.xs(rows), CdnowData.txs(rows), CdnowData.ts(rows));
        double[] theta = {Math.log(0.5), Math.log(3), Math.log(1.2), Math.log(2)};
        double[] grad = new double[4];
        ll(g, theta, grad);
        for (int i = 0; i < 4; i++) {
            double h = 1e-6;
            double[] up = theta.clone();
            double[] dn = theta.clone();
            up[i] += h;
            dn[i] -= h;
            double fd = (ll(g, up, null) - ll(g, dn, null)) / (2 * h);
            assertEquals(fd, grad[i], 1e-4 * Math.max(1, Math.abs(fd)), "component " + i);
        }
    }

    private static double ll(RfmGroups g, double[] th, double[] grad) {
        return BgNbdModel.logLikelihood(g, Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2]), Math.exp(th[3]), grad);
    }

    @Test void predictionsMatchAFortyDigitEvaluation() {
        // reference_values.py evaluates the untransformed closed form with mpmath at 40 digits, at the
        // scipy parameters; horizon 39 weeks
        assertEquals(1.225910507050, SCIPY.expectedPurchases(39, 2, 30.43, 38.86), 1e-11);
        assertEquals(0.203250671652, SCIPY.expectedPurchases(39, 1, 1.71, 38.86), 1e-11);
        assertEquals(0.194780835850, SCIPY.expectedPurchases(39, 0, 0, 38.86), 1e-11);
        assertEquals(0.297764298998, SCIPY.expectedPurchases(39, 1, 4.86, 38.86), 1e-11);
        assertEquals(20.750570106239, SCIPY.expectedPurchases(39, 26, 30.86, 31), 1e-10);
        assertEquals(26.779556264663, SCIPY.expectedPurchases(39, 40, 38, 38.86), 1e-10);
        assertEquals(0.726609176412, SCIPY.probabilityAlive(2, 30.43, 38.86), 1e-11);
        assertEquals(0.212227436082, SCIPY.probabilityAlive(1, 1.71, 38.86), 1e-11);
        assertEquals(0.968919712888, SCIPY.probabilityAlive(26, 30.86, 31), 1e-11);
        assertEquals(1.0, SCIPY.probabilityAlive(0, 0, 38.86));
        assertEquals(1.195016287402, SCIPY.expectedPurchasesNewCustomer(39), 1e-11);
        assertEquals(0.0, SCIPY.expectedPurchases(0, 3, 10, 20));
    }

    @Test void removableSingularityAtAEqualsOne() {
        // at a = 1 the formula is 0/0; the value must be continuous across it
        BgNbdModel at = new BgNbdModel(0.5, 4, 1.0, 2.5);
        double below = new BgNbdModel(0.5, 4, 1 - 1e-3, 2.5).expectedPurchases(20, 3, 10, 30);
        double above = new BgNbdModel(0.5, 4, 1 + 1e-3, 2.5).expectedPurchases(20, 3, 10, 30);
        double v = at.expectedPurchases(20, 3, 10, 30);
        assertTrue(Double.isFinite(v));
        assertEquals((below + above) / 2, v, 1e-6);
    }

    @Test void dataWithoutRepeatPurchasesIsReportedAsNotConverged() {
        // with x = 0 for everyone LL = −Σ r ln(1 + T/α) rises as r → 0: there is no interior optimum
        double[] x = {0, 0, 0, 0};
        double[] tx = {0, 0, 0, 0};
        double[] t = {10, 20, 30, 39};
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(x, tx, t);
        assertFalse(fit.converged());
        assertTrue(fit.message().contains("ran off"), fit.message());
    }

    @Test void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(new double[] {1.5}, new double[] {1}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(new double[] {1}, new double[] {3}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(new double[0], new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new BgNbdModel(0, 1, 1, 1));
    }
}
