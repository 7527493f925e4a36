package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Published (Fader & Hardie 2007, fitted on years 1..7 of a 1,000-customer cohort): regular α = 0.704,
 * β = 1.182; high end α = 0.668, β = 3.806. Second method: reference_values.py (scipy, betaln) prints
 * regular 0.70407730, 1.18204303, LL −1680.265188; high end 0.66808837, 3.80609538, LL −1611.158147,
 * the survival curves and DERL by summing S(n + k) / S(n − 1) / (1 + d)^k over 20,000 terms.
 */
class ShiftedBetaGeometricModelTest {
    static final double[] REGULAR = {100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1, 22.3, 20.7, 19.4, 18.3, 17.3};
    static final double[] HIGH_END = {100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1, 46.8, 44.5, 42.7, 40.9, 39.4};

    private static double[] counts(double[] pct) {
        double[] c = new double[pct.length];
        for (int i = 0; i < c.length; i++) c[i] = Math.round(pct[i] * 10);
        return c;
    }

    @Test void reproducesThePublishedRegularFit() {
        ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometricModel.fit(counts(REGULAR), 7);
        assertTrue(fit.converged(), fit.message());
        assertEquals(0.704, fit.model().alpha(), 0.0005);
        assertEquals(1.182, fit.model().beta(), 0.0005);
        assertEquals(0.70407730, fit.model().alpha(), 1e-6);
        assertEquals(1.18204303, fit.model().beta(), 1e-6);
        assertEquals(-1680.265188, fit.logLikelihood(), 1e-5);
    }

    @Test void reproducesThePublishedHighEndFit() {
        ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometricModel.fit(counts(HIGH_END), 7);
        assertTrue(fit.converged(), fit.message());
        assertEquals(0.668, fit.model().alpha(), 0.0005);
        assertEquals(3.806, fit.model().beta(), 0.0005);
        assertEquals(0.66808837, fit.model().alpha(), 1e-6);
        assertEquals(3.80609538, fit.model().beta(), 1e-5);
        assertEquals(-1611.158147, fit.logLikelihood(), 1e-5);
    }

    @Test void percentagesGiveTheSameParametersAndATenthOfTheLogLikelihood() {
        ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometricModel.fit(REGULAR, 7);
        assertEquals(0.70407730, fit.model().alpha(), 1e-6);
        assertEquals(1.18204303, fit.model().beta(), 1e-6);
        assertEquals(-168.0265188, fit.logLikelihood(), 1e-6);
    }

    @Test void projectedSurvivalMatchesTheReference() {
        // S(t) × 100 for t = 0..12 from reference_values.py (exp(betaln(α, β + t) − betaln(α, β)))
        double[] regular = {100.0000, 62.6706, 47.3819, 38.7974, 33.2068, 29.2347, 26.2456, 23.9024, 22.0085,
                20.4411, 19.1190, 17.9865, 17.0037};
        double[] highEnd = {100.0000, 85.0679, 74.6859, 66.9789, 60.9919, 56.1834, 52.2216, 48.8906, 46.0440,
                43.5780, 41.4172, 39.5055, 37.7999};
        ShiftedBetaGeometricModel reg = new ShiftedBetaGeometricModel(0.70407730, 1.18204303);
        ShiftedBetaGeometricModel high = new ShiftedBetaGeometricModel(0.66808837, 3.80609538);
        List<ShiftedBetaGeometricModel.Period> p = reg.projection(12);
        for (int t = 0; t <= 12; t++) {
            assertEquals(regular[t], 100 * reg.survival(t), 6e-5, "regular t=" + t);
            assertEquals(regular[t], 100 * p.get(t).survival(), 6e-5, "projection t=" + t);
            assertEquals(highEnd[t], 100 * high.survival(t), 6e-5, "high end t=" + t);
        }
        assertNull(p.get(0).retentionRate());
        // r(1) = β / (α + β) = 1.18204303 / 1.88612033
        assertEquals(1.18204303 / 1.88612033, p.get(1).retentionRate(), 1e-12);
        // P(T = 1) = α / (α + β); P(T = t) = S(t − 1) − S(t)
        assertEquals(0.70407730 / 1.88612033, reg.churnProbability(1), 1e-12);
        assertEquals(reg.survival(4) - reg.survival(5), reg.churnProbability(5), 1e-15);
        // median: S(1) = 0.627 > 0.5 ≥ S(2) = 0.474; high end S(6) = 0.522 > 0.5 ≥ S(7) = 0.489
        assertEquals(2, reg.medianLifetime());
        assertEquals(7, high.medianLifetime());
    }

    @Test void expectedLifetime() {
        // α ≤ 1 in both published segments: the mean is infinite
        ShiftedBetaGeometricModel reg = new ShiftedBetaGeometricModel(0.70407730, 1.18204303);
        assertNull(reg.expectedLifetime());
        assertNotNull(reg.expectedLifetimeNullReason());
        // α = 3, β = 2: (α + β − 1) / (α − 1) = 4 / 2 = 2 periods; the partial sum of S(t) converges to it
        // (S(t) falls like t^−3, so 100,000 terms leave a tail below 1e-8)
        ShiftedBetaGeometricModel m = new ShiftedBetaGeometricModel(3, 2);
        assertEquals(2.0, m.expectedLifetime(), 1e-15);
        assertEquals(2.0, m.expectedLifetimeWithin(100_000), 1e-8);
        assertNull(m.expectedLifetimeNullReason());
        // first two periods: S(0) + S(1) = 1 + 2/5
        assertEquals(1.4, m.expectedLifetimeWithin(2), 1e-15);
    }

    @Test void discountedResidualLifetimeMatchesTheReferenceAndADirectSum() {
        ShiftedBetaGeometricModel reg = new ShiftedBetaGeometricModel(0.70407730, 1.18204303);
        ShiftedBetaGeometricModel high = new ShiftedBetaGeometricModel(0.66808837, 3.80609538);
        // reference_values.py at the parameters rounded to 8 decimals: DERL(d, n) with n − 1 renewals made
        assertEquals(2.9643992693, reg.discountedExpectedResidualLifetime(0.10, 0), 1e-9);
        assertEquals(5.8940953561, reg.discountedExpectedResidualLifetime(0.10, 4), 1e-9);
        assertEquals(7.1620887671, reg.discountedExpectedResidualLifetime(0.05, 2), 1e-9);
        assertEquals(5.4144789815, high.discountedExpectedResidualLifetime(0.10, 0), 1e-9);
        assertEquals(6.8967067078, high.discountedExpectedResidualLifetime(0.10, 4), 1e-9);
        assertEquals(9.6931433631, high.discountedExpectedResidualLifetime(0.05, 2), 1e-9);
        assertEquals(3.6949084267, reg.discountedExpectedLifetime(0.10), 1e-9);
        assertEquals(5.9222536195, high.discountedExpectedLifetime(0.10), 1e-9);
        // direct sum in Java from the survival function: Σ_k S(n + k) / S(n − 1) / 1.1^k, n = 3
        double direct = 0;
        double s2 = high.survival(2);
        for (int k = 0; k < 2000; k++) direct += high.survival(3 + k) / s2 / Math.pow(1.1, k);
        assertEquals(direct, high.discountedExpectedResidualLifetime(0.10, 2), 1e-10);
        // DEL = 1 + DERL(no renewal yet) / (1 + d): the first payment is certain and undiscounted
        assertEquals(1 + reg.discountedExpectedResidualLifetime(0.1, 0) / 1.1, reg.discountedExpectedLifetime(0.1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> reg.discountedExpectedLifetime(0));
    }

    @Test void cohortsOfDifferentLengthsFitJointly() {
        // reference_values.py: regular years 0..7 with high end years 0..4, LLs summed:
        // α = 0.70155098, β = 2.08212643, LL = −3003.951669
        double[] reg = java.util.Arrays.copyOf(counts(REGULAR), 8);
        double[] high = java.util.Arrays.copyOf(counts(HIGH_END), 5);
        ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometricModel.fitCohorts(List.of(reg, high));
        assertTrue(fit.converged(), fit.message());
        assertEquals(0.70155098, fit.model().alpha(), 1e-6);
        assertEquals(2.08212643, fit.model().beta(), 2e-6);
        assertEquals(-3003.951669, fit.logLikelihood(), 1e-5);
        // the same cohort twice: same parameters, twice the LL
        ModelFit<ShiftedBetaGeometricModel> twice = ShiftedBetaGeometricModel.fitCohorts(List.of(reg, reg));
        assertEquals(0.70407730, twice.model().alpha(), 1e-6);
        assertEquals(2 * -1680.265188, twice.logLikelihood(), 2e-5);
    }

    @Test void invalidSeriesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new double[] {100, 80}, 2));
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new double[] {100, 80, 85}, 2));
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new double[] {100, 100, 100}, 2));
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new double[] {0, 0, 0}, 2));
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new double[] {100, 60, 40}, 1));
    }

    @Test void analyticGradientMatchesFiniteDifferences() {
        double[] a = counts(HIGH_END);
        double[] grad = new double[2];
        ShiftedBetaGeometricModel.logLikelihood(a, 0.9, 2.5, grad);
        double h = 1e-6;
        double fdA = (ShiftedBetaGeometricModel.logLikelihood(a, 0.9 * Math.exp(h), 2.5, null)
                - ShiftedBetaGeometricModel.logLikelihood(a, 0.9 * Math.exp(-h), 2.5, null)) / (2 * h);
        double fdB = (ShiftedBetaGeometricModel.logLikelihood(a, 0.9, 2.5 * Math.exp(h), null)
                - ShiftedBetaGeometricModel.logLikelihood(a, 0.9, 2.5 * Math.exp(-h), null)) / (2 * h);
        assertEquals(fdA, grad[0], 1e-4);
        assertEquals(fdB, grad[1], 1e-4);
    }
}
