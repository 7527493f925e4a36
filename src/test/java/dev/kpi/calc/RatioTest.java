package dev.kpi.calc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class RatioTest {
    @Test void moneyRatioRoundsHalfEvenToCents() {
        // 100 / 3 = 33.333… → 33.33; 0.125 / 1 at cents → 0.12 (half-even)
        assertEquals(new BigDecimal("33.33"), Ratio.of(new BigDecimal("100"), new BigDecimal("3"), Kind.MONEY, "x").value());
        assertEquals(new BigDecimal("0.12"), Ratio.of(new BigDecimal("0.125"), BigDecimal.ONE, Kind.MONEY, "x").value());
    }

    @Test void zeroDenominatorIsNullWithReason() {
        Ratio r = Ratio.of(5, 0, Kind.PERCENT, "no leads");
        assertNull(r.value());
        assertEquals("no leads", r.nullReason());
        assertEquals(BigDecimal.valueOf(5), r.numerator());
    }

    @Test void wilsonIntervalMatchesHandComputation() {
        // p = 15/100, z = 1.959964, z² = 3.841459; denom = 1 + z²/100 = 1.03841459
        // centre = (0.15 + z²/200) / denom = 0.16920729 / 1.03841459 = 0.162948
        // half = z * sqrt(0.15*0.85/100 + z²/40000) / denom = 1.959964 * 0.0370275 / 1.03841459 = 0.069888
        // → [0.093060, 0.232836] (also checked with a Python one-liner of the same formula)
        Ratio r = Ratio.proportion(15, 100, "x");
        assertEquals(0.15, r.value().doubleValue(), 1e-12);
        assertEquals(0.093060, r.ciLow(), 2e-6);
        assertEquals(0.232836, r.ciHigh(), 2e-6);
        assertFalse(r.lowSample());
        assertTrue(Ratio.proportion(3, 29, "x").lowSample());
    }
}
