package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Published: Fader, Hardie & Lee (2005) "RFM and CLV", 946 CDNOW repeat buyers: p = 6.25, q = 3.74,
 * γ = 15.44. Second method: reference_values.py (scipy) prints, from the summary file's zbar,
 * p = 6.24880314, q = 3.74458839, γ = 15.44774630, LL = −4055.923244; from its own summary of the
 * transaction log (means not rounded to cents) p = 6.24957396, q = 3.74422448, γ = 15.44351589,
 * LL = −4055.917695.
 */
class GammaGammaModelTest {
    static final GammaGammaModel SCIPY = new GammaGammaModel(6.24880314, 3.74458839, 15.44774630);

    @Test void reproducesThePublishedFitFromTheSummaryFile() {
        List<CdnowData.SummaryRow> rows = CdnowData.summary();
        double[] x = CdnowData.xs(rows);
        double[] m = rows.stream().mapToDouble(CdnowData.SummaryRow::zbar).toArray();
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(x, m);
        assertTrue(fit.converged(), fit.message());
        assertEquals(6.25, fit.model().p(), 0.005);
        assertEquals(3.74, fit.model().q(), 0.005);
        assertEquals(15.44, fit.model().gamma(), 0.01); // 15.4477 rounds to 15.45: the paper truncates
        assertEquals(SCIPY.p(), fit.model().p(), 1e-5 * SCIPY.p());
        assertEquals(SCIPY.q(), fit.model().q(), 1e-5 * SCIPY.q());
        assertEquals(SCIPY.gamma(), fit.model().gamma(), 1e-5 * SCIPY.gamma());
        assertEquals(-4055.923244, fit.logLikelihood(), 1e-5);
    }

    @Test void fitFromTheTransactionLogDiffersOnlyByRounding() {
        RfmSummary s = new RfmSummary(RfmSummary.Options.of(LocalDate.of(1997, 9, 30), ClvTimeUnit.WEEK));
        CdnowData.purchases().forEach(s::add);
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(s.finish().customers());
        assertTrue(fit.converged(), fit.message());
        // the summary file rounds zbar to cents; from exact means the fit moves in the third decimal
        assertEquals(6.24957396, fit.model().p(), 1e-5 * 6.25);
        assertEquals(3.74422448, fit.model().q(), 1e-5 * 3.74);
        assertEquals(15.44351589, fit.model().gamma(), 1e-5 * 15.44);
        assertEquals(-4055.917695, fit.logLikelihood(), 1e-5);
        assertEquals(6.25, fit.model().p(), 0.005);
        assertEquals(3.74, fit.model().q(), 0.005);
        assertEquals(15.44, fit.model().gamma(), 0.005);
    }

    @Test void expectedAverageValue() {
        // E(M | x, m) = p (γ + x m) / (p x + q − 1); reference_values.py at the scipy parameters
        assertEquals(24.658616037960, SCIPY.expectedAverageValue(2, 22.35), 1e-9);
        assertEquals(18.911479387483, SCIPY.expectedAverageValue(1, 11.77), 1e-9);
        assertEquals(17.674696850873, SCIPY.expectedAverageValue(1, readZbar("18")), 1e-9);
        // x = 0: population mean p γ / (q − 1) = 6.24880314 × 15.44774630 / 2.74458839 = 35.171002667
        assertEquals(35.171002667312, SCIPY.expectedAverageValue(0, 0), 1e-9);
        assertNull(new GammaGammaModel(1, 0.5, 10).expectedAverageValue(0, 0));
    }

    private static double readZbar(String id) {
        return CdnowData.summary().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().zbar();
    }

    @Test void analyticGradientMatchesFiniteDifferences() {
        List<CdnowData.SummaryRow> rows = CdnowData.summary();
        double[] xs = rows.stream().filter(r -> r.x() > 0).mapToDouble(CdnowData.SummaryRow::x).toArray();
        double[] ms = rows.stream().filter(r -> r.x() > 0).mapToDouble(CdnowData.SummaryRow::zbar).toArray();
        GammaGammaModel.Data d = new GammaGammaModel.Data(xs, ms);
        double[] th = {Math.log(3), Math.log(2), Math.log(20)};
        double[] grad = new double[3];
        GammaGammaModel.logLikelihood(d, 3, 2, 20, grad);
        for (int i = 0; i < 3; i++) {
            double h = 1e-6;
            double[] up = th.clone();
            double[] dn = th.clone();
            up[i] += h;
            dn[i] -= h;
            double fd = (GammaGammaModel.logLikelihood(d, Math.exp(up[0]), Math.exp(up[1]), Math.exp(up[2]), null)
                    - GammaGammaModel.logLikelihood(d, Math.exp(dn[0]), Math.exp(dn[1]), Math.exp(dn[2]), null)) / (2 * h);
            assertEquals(fd, grad[i], 1e-4 * Math.max(1, Math.abs(fd)), "component " + i);
        }
    }

    @Test void rejectsNonPositiveSpendOfRepeatBuyers() {
        assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.fit(new double[] {0, 2}, new double[] {0, -1}));
        assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.fit(new double[] {0, 0}, new double[] {0, 0}));
    }
}
