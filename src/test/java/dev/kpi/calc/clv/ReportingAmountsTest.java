package dev.kpi.calc.clv;

import dev.kpi.calc.MissingRateException;
import dev.kpi.records.Fx;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ReportingAmountsTest {
    @Test void theFirstNamedCurrencyReportsWhenNoneIsConfigured() {
        ReportingAmounts a = new ReportingAmounts(new Fx(null, Map.of()));
        assertNull(a.currency());
        assertEquals(5_000_000L, a.convert(null, 5_000_000L)); // no currency: taken as the reporting one
        assertEquals(7_000_000L, a.convert("EUR", 7_000_000L));
        assertEquals("EUR", a.currency());
        assertEquals(1L, a.convert("EUR", 1L));
        ReportingAmounts.CurrencyMix e = assertThrows(ReportingAmounts.CurrencyMix.class, () -> a.convert("USD", 1L));
        assertEquals(Set.of("EUR", "USD"), e.currencies());
    }

    @Test void configuredCurrencyConvertsEachAmountOnceHalfEven() {
        ReportingAmounts a = new ReportingAmounts(new Fx("USD", Map.of("EUR", new BigDecimal("1.085"))));
        // 0.000003 EUR × 1.085 = 0.000003255 → 0.000003; 10.00 EUR × 1.085 = 10.85
        assertEquals(3L, a.convert("EUR", 3L));
        assertEquals(10_850_000L, a.convert("EUR", 10_000_000L));
        // 0.000002 × 1.085 = 0.00000217 → 2; 0.000006 × 1.085 = 6.51 → 7 micros
        assertEquals(7L, a.convert("EUR", 6L));
        assertEquals(10_000_000L, a.convert("USD", 10_000_000L));
        MissingRateException m = assertThrows(MissingRateException.class, () -> a.convert("GBP", 1L));
        assertEquals(Set.of("GBP"), m.currencies());
    }
}
