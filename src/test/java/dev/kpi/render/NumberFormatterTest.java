package dev.kpi.render;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.kpi.render.SampleReports.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NumberFormatterTest {
    private final NumberFormatter usd = new NumberFormatter("USD");

    @Test void groupsThousandsAndRoundsHalfEven() {
        assertEquals("1,234,567", NumberFormatter.grouped(d("1234567"), 0, 2));
        assertEquals("1,234,567.89", NumberFormatter.grouped(d("1234567.891"), 0, 2));
        assertEquals("123", NumberFormatter.grouped(d("123"), 0, 0));
        assertEquals("-1,000", NumberFormatter.grouped(d("-1E+3"), 0, 2));
        assertEquals("0.12", NumberFormatter.grouped(d("0.125"), 2, 2));   // half-even: 2 is even
        assertEquals("0.14", NumberFormatter.grouped(d("0.135"), 2, 2));   // half-even: 3 is odd → up
        assertEquals("3.0", NumberFormatter.grouped(d("3"), 1, 2));
        assertEquals("0.00", NumberFormatter.grouped(d("-0.001"), 2, 2));  // no "-0.00"
    }

    @Test void moneyWithSymbolsAndCodes() {
        assertEquals("$1,234.56", usd.format(d("1234.56"), Kind.MONEY));
        assertEquals("-$12.00", usd.format(d("-12"), Kind.MONEY));
        assertEquals("€1,234.56", new NumberFormatter("eur").format(d("1234.555"), Kind.MONEY)); // 5 after 5 (odd) → up
        assertEquals("£0.30", new NumberFormatter("GBP").format(d("0.1").add(d("0.2")), Kind.MONEY));
        assertEquals("¥1,000.00", new NumberFormatter("JPY").format(d("1E+3"), Kind.MONEY));
        assertEquals("1,234.56 CHF", new NumberFormatter("CHF").format(d("1234.56"), Kind.MONEY));
        assertEquals("-5.00 CHF", new NumberFormatter("CHF").format(-5L, Kind.MONEY));
        assertEquals("1,205,533,242.29", new NumberFormatter(null).format(d("1205533242.29"), Kind.MONEY));
    }

    @Test void percentMultipleCountQuantityNumber() {
        assertEquals("12.50%", usd.format(d("0.125"), Kind.PERCENT));
        assertEquals("100.00%", usd.format(BigDecimal.ONE, Kind.PERCENT));
        assertEquals("4.20×", usd.format(d("4.2"), Kind.MULTIPLE));
        assertEquals("1,234", usd.format(1234L, Kind.COUNT));
        assertEquals("1,234", usd.format(1234, Kind.COUNT));
        assertEquals("210.5", usd.format(d("210.50"), Kind.QUANTITY));
        assertEquals("45", usd.format(d("45.000"), Kind.QUANTITY));
        assertEquals("2.46", usd.format(d("2.455"), Kind.MONTHS)); // 5 after odd 5 → up
        assertEquals("3.0", usd.format(3L, Kind.NUMBER));
    }

    @Test void barIsProportionalAndClamped() {
        assertEquals("██████████░░░░░░░░░░ 50.0%", usd.format(d("0.5"), Kind.BAR));
        assertEquals("░░░░░░░░░░░░░░░░░░░░ 0.0%", usd.format(BigDecimal.ZERO, Kind.BAR));
        // 0.33 × 20 = 6.6 → 7 blocks
        assertEquals("███████░░░░░░░░░░░░░ 33.0%", usd.format(d("0.33"), Kind.BAR));
        assertEquals("████████████████████ 120.0%", usd.format(d("1.2"), Kind.BAR));
    }

    @Test void ratiosShowIntervalAndLowSampleMark() {
        // 15/100 with Wilson [0.093060, 0.232836] (RatioTest's hand computation)
        Ratio cvr = new Ratio(d("0.150000"), d("15"), d("100"), 0.09306, 0.232836, false, null);
        assertEquals("15.0% [9.3–23.3]", usd.format(cvr, Kind.PERCENT));
        Ratio low = new Ratio(d("0.150000"), d("3"), d("20"), 0.052369, 0.360419, true, null);
        assertEquals("15.0% [5.2–36.0]*", usd.format(low, Kind.PERCENT));
        Ratio noCi = new Ratio(d("0.125000"), d("1"), d("8"), null, null, null, null);
        assertEquals("12.50%", usd.format(noCi, Kind.PERCENT));
        Ratio nullRatio = Ratio.of(5, 0, Kind.PERCENT, "no leads");
        assertEquals("—", usd.format(nullRatio, Kind.PERCENT));
        // lowSample without a value (0 trials) shows only the null mark
        assertEquals("—", usd.format(new Ratio(null, d("0"), d("0"), null, null, true, "no trials"), Kind.PERCENT));
        assertEquals("$33.33", usd.format(Ratio.of(d("100"), d("3"), Kind.MONEY, "x"), Kind.MONEY));
    }

    @Test void nullsBooleansDatesText() {
        assertEquals("—", usd.format(null, Kind.MONEY));
        assertEquals("—", usd.format(Double.NaN, Kind.NUMBER));
        assertEquals("yes", usd.format(true, Kind.BOOLEAN));
        assertEquals("no", usd.format(false, Kind.BOOLEAN));
        assertEquals("2025-03-31", usd.format(LocalDate.of(2025, 3, 31), Kind.DATE));
        assertEquals("北京", usd.format("北京", Kind.TEXT));
    }

    @Test void plainIsExactForMachineFormats() {
        assertEquals("1205533242.29", NumberFormatter.plain(d("1205533242.29")));
        assertEquals("1000", NumberFormatter.plain(d("1E+3")));
        assertEquals("0.30", NumberFormatter.plain(d("0.30")));
        assertEquals("-7", NumberFormatter.plain(-7L));
        assertEquals("0.15", NumberFormatter.plain(0.15));
        assertEquals("0.00001", NumberFormatter.plain(1e-5));   // Double.toString gives 1.0E-5
        assertEquals("0.1", NumberFormatter.plain(0.1f));       // not 0.10000000149011612
        assertNull(NumberFormatter.plain(Double.NaN));
        assertNull(NumberFormatter.plain(Double.NEGATIVE_INFINITY));
    }
}
