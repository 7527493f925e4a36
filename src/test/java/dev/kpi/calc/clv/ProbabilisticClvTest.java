package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProbabilisticClvTest {
    private static final BgNbdModel BG = new BgNbdModel(0.24259289, 4.41353152, 0.79288608, 2.42575356);

    /**
     * reference_values.py sums the same 12 monthly terms independently: month = 365.25 / 12 / 7 weeks,
     * E[Y] from the untransformed BG/NBD formula in mpmath, E(M) from the gamma-gamma formula, discount
     * 1.01^i. CDNOW customers 1 (x 2, t_x 30.43, T 38.86, zbar 22.35), 2 (1, 1.71, 38.86, 11.77) and
     * 18 (1, 4.86, 38.86, zbar from the file).
     */
    @Test void clvOfCdnowCustomersMatchesAnIndependentSum() {
        ProbabilisticClv clv = new ProbabilisticClv(BG, GammaGammaModelTest.SCIPY, ClvTimeUnit.WEEK, 39, 12, 0.01);
        assertEquals(36.300538453572, clv.clv(2, 30.43, 38.86, GammaGammaModelTest.SCIPY.expectedAverageValue(2, 22.35)), 1e-8);
        assertEquals(4.640357932476, clv.clv(1, 1.71, 38.86, GammaGammaModelTest.SCIPY.expectedAverageValue(1, 11.77)), 1e-8);
        CdnowData.SummaryRow r18 = CdnowData.summary().get(17);
        assertEquals("18", r18.id());
        assertEquals(6.353581242571, clv.clv(1, 4.86, 38.86, GammaGammaModelTest.SCIPY.expectedAverageValue(1, r18.zbar())), 1e-8);
    }

    @Test void withoutDiscountTheMonthsTelescope() {
        // with d = 0 the sum of monthly increments is E[Y(12 months)] × value; 12 months = 365.25 / 7 weeks
        ProbabilisticClv clv = new ProbabilisticClv(BG, null, ClvTimeUnit.WEEK, 39, 12, 0.0);
        assertEquals(BG.expectedPurchases(365.25 / 7, 2, 30.43, 38.86) * 10, clv.clv(2, 30.43, 38.86, 10), 1e-12);
        // one month in days is 30.4375 days
        ProbabilisticClv days = new ProbabilisticClv(BG, null, ClvTimeUnit.DAY, 39, 1, 0.05);
        assertEquals(BG.expectedPurchases(30.4375, 1, 2, 3) * 7 / 1.05, days.clv(1, 2, 3, 7), 1e-12);
    }

    @Test void rowsFollowTheContract() {
        CustomerRfm c = new CustomerRfm("1", 2, 30.43, 38.86, new java.math.BigDecimal("22.350000"), null, null,
                44_700_000L, null, null);
        ProbabilisticClv clv = new ProbabilisticClv(BG, GammaGammaModelTest.SCIPY, ClvTimeUnit.WEEK, 39, 12, 0.01);
        CustomerValue v = clv.values(List.of(c)).get(0);
        assertEquals("1", v.customerId());
        assertEquals(22.35, v.monetaryValue(), 1e-12);
        assertEquals(1.225910507050, v.expectedPurchases(), 1e-11);
        assertEquals(0.726609176412, v.probabilityAlive(), 1e-11);
        assertEquals(24.658616037960, v.expectedAverageValue(), 1e-9);
        assertEquals(36.300538453572, v.clv(), 1e-8);
        CustomerValue noSpend = new ProbabilisticClv(BG, null, ClvTimeUnit.WEEK, 39, 12, 0.01).value(c);
        assertNull(noSpend.expectedAverageValue());
        assertNull(noSpend.clv());
    }
}
