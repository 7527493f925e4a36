package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class ClvFormulaTest {
    private static BigDecimal d(String s) { return new BigDecimal(s); }

    @Test void subscriptionClv() {
        // 79.04 × 0.8 / 0.05 = 63.232 / 0.05 = 1,264.64
        ClvFormula f = ClvFormula.subscription(d("79.04"), d("0.8"), d("0.05"));
        assertEquals(d("1264.64"), f.value().value());
        assertEquals(d("63.232"), f.value().numerator());
        assertFalse(f.revenueOnly());
        assertEquals("ARPA × gross margin / customer churn rate", f.formula());
        // without margin: 79.04 / 0.05 = 1,580.80, labelled revenue CLV
        ClvFormula r = ClvFormula.subscription(d("79.04"), null, d("0.05"));
        assertEquals(d("1580.80"), r.value().value());
        assertTrue(r.revenueOnly());
        assertTrue(r.formula().contains("revenue CLV"));
        // no churn → null with a reason, never infinity
        ClvFormula none = ClvFormula.subscription(d("79.04"), d("0.8"), BigDecimal.ZERO);
        assertNull(none.value().value());
        assertNotNull(none.value().nullReason());
        assertThrows(IllegalArgumentException.class, () -> ClvFormula.subscription(d("1"), d("80"), d("0.1")));
    }

    @Test void profitTimesYearsMinusCac() {
        // 1,200 × 3 − 900 = 2,700
        assertEquals(d("2700.00"), ClvFormula.profitTimesYears(d("1200"), d("3"), d("900")).value().value());
        ClvFormula noCac = ClvFormula.profitTimesYears(d("1200"), d("2.5"), null);
        assertEquals(d("3000.00"), noCac.value().value()); // 1,200 × 2.5
        assertTrue(noCac.formula().contains("no CAC"));
    }

    @Test void valueTimesLifespan() {
        // ARPC 513.75 over 8 months = 64.21875 a month; × 11.5 months = 738.515625 → 738.52 (half-even)
        assertEquals(d("738.52"), ClvFormula.valueTimesLifespan(d("64.21875"), d("11.5"), true).value().value());
        assertNull(ClvFormula.valueTimesLifespan(d("64.21875"), null, true).value().value());
    }

    @Test void ltvToCacAndPayback() {
        // 1,264.64 / 400 = 3.1616 → 3.1616 (multiple, 4 decimals)
        assertEquals(d("3.1616"), ClvFormula.ltvToCac(d("1264.64"), d("400")).value().value());
        assertNull(ClvFormula.ltvToCac(d("1264.64"), BigDecimal.ZERO).value().value());
        assertNull(ClvFormula.ltvToCac(null, d("400")).value().value());
        // 400 / (79.04 × 0.8) = 400 / 63.232 = 6.32591… → 6.3259 months
        assertEquals(d("6.3259"), ClvFormula.cacPaybackMonths(d("400"), d("79.04"), d("0.8")).value().value());
        // revenue basis: 400 / 79.04 = 5.06073… → 5.0607
        ClvFormula rev = ClvFormula.cacPaybackMonths(d("400"), d("79.04"), null);
        assertEquals(d("5.0607"), rev.value().value());
        assertTrue(rev.revenueOnly());
        assertNull(ClvFormula.cacPaybackMonths(d("400"), BigDecimal.ZERO, d("0.8")).value().value());
    }

    @Test void ledgerToFormulas() {
        // the MRR ledger test's window: ARPA 79.04, lifespan 11.5 months, monthly churn 2 / 23
        MrrLedger ledger = new MrrLedger();
        ledger.addAll(MrrLedgerTest.ledger());
        MrrSummary s = ledger.finish(java.time.YearMonth.of(2024, 1), java.time.YearMonth.of(2024, 8));
        // the rate is rounded to 6 places for display; the CLV uses the exact ratio Σ start / Σ churned instead:
        // ARPA × margin × lifespan = (2055 / 26) × 0.8 × 11.5 = 727.1538… → 727.15
        BigDecimal arpaExact = s.arpa().numerator().divide(s.arpa().denominator(), java.math.MathContext.DECIMAL128);
        BigDecimal lifespanExact = s.averageLifespanMonths().numerator()
                .divide(s.averageLifespanMonths().denominator(), java.math.MathContext.DECIMAL128);
        ClvFormula f = ClvFormula.valueTimesLifespan(arpaExact.multiply(d("0.8")), lifespanExact, false);
        assertEquals(d("727.15"), f.value().value());
    }
}
