package dev.kpi.input.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class NumberParserTest {
    private final NumberParser point = new NumberParser(NumberLocale.POINT);
    private final NumberParser comma = new NumberParser(NumberLocale.COMMA);

    private static String reason(Executable e) {
        ValueException x = assertThrows(ValueException.class, e::run);
        return x.reason();
    }

    interface Executable {
        void run() throws Exception;
    }

    // ---- placeholders ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "--", " --", "-", "\u2014", "N/A", "n/a", "NA", "null", "NULL", "(not set)",
        "No data available.", "< 10%", "> 90%", "\u221E", "\u00A0--\u00A0", "#N/A", "#DIV/0!", "NaN"})
    void placeholdersAreMissing(String cell) {
        assertTrue(NumberParser.isMissing(cell), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "12", "-5", "(not)", "n", "--5", "0.00%", "none"})
    void valuesAreNotMissing(String cell) {
        assertFalse(NumberParser.isMissing(cell), cell);
    }

    @Test
    void nullIsMissing() {
        assertTrue(NumberParser.isMissing(null));
    }

    @Test
    void parsingAPlaceholderSaysSo() {
        assertEquals("empty", reason(() -> point.parseMicros("  ")));
        assertEquals("empty", reason(() -> point.parseCount("")));
        assertEquals("no value (placeholder)", reason(() -> point.parseMicros(" --")));
        assertEquals("no value (placeholder)", reason(() -> point.parseRateMicros("< 10%", false)));
        assertEquals("no value (placeholder)", reason(() -> point.parseDecimal("(not set)")));
    }

    // ---- counts ---------------------------------------------------------------------------------------------------

    @Test
    void countsWithGrouping() throws Exception {
        // Google Ads quotes grouped counts: "18,533" under POINT; Dutch Google Ads writes 1.696 unquoted under COMMA
        assertEquals(18_533, point.parseCount("18,533"));
        assertEquals(1_234, point.parseCount("1,234"));
        assertEquals(1_234, comma.parseCount("1.234"));
        assertEquals(1_696, comma.parseCount("1.696"));
        assertEquals(18_914, comma.parseCount("18.914"));
        assertEquals(18_533, point.parseCount("18533"));
        assertEquals(795_836, point.parseCount("795,836"));
        assertEquals(1_234_567, point.parseCount("1,234,567"));
        assertEquals(-5, point.parseCount("-5"));
        assertEquals(-5, point.parseCount("(5)"));
        assertEquals(7, point.parseCount("+7"));
        assertEquals(0, point.parseCount("0"));
    }

    @Test
    void countsWithZeroFractionAreWhole() throws Exception {
        assertEquals(12, point.parseCount("12.0"));
        assertEquals(12, comma.parseCount("12,00"));
        assertEquals(1_204, point.parseCount("1,204.000"));
    }

    @Test
    void fractionalCountIsAnError() {
        assertEquals("not a whole number", reason(() -> point.parseCount("12.5")));
        assertEquals("not a whole number", reason(() -> comma.parseCount("45,50")));
        assertEquals("not a whole number", reason(() -> point.parseCount("3.0001")));
    }

    @Test
    void countRejectsScientificNotation() {
        // Excel's display of an 18-digit Meta ID: the digits after 20253 are gone
        assertEquals("scientific notation (digits may have been lost)", reason(() -> point.parseCount("1.20253E+17")));
    }

    @Test
    void countWithSpacesAndApostrophes() throws Exception {
        // U+00A0 no-break space, U+202F narrow no-break space (French), apostrophe (Swiss)
        assertEquals(1_234_567, comma.parseCount("1\u00A0234\u00A0567"));
        assertEquals(1_234, comma.parseCount("1\u202F234"));
        assertEquals(1_234, point.parseCount("1 234"));
        assertEquals(1_234_567, point.parseCount("1'234'567"));
    }

    @Test
    void indianGroupingUnderPoint() throws Exception {
        // 12,34,567 = twelve lakh thirty-four thousand five hundred sixty-seven = 1,234,567
        assertEquals(1_234_567, point.parseCount("12,34,567"));
        assertEquals(123_456, point.parseCount("1,23,456"));
        assertEquals("misplaced thousands separator", reason(() -> comma.parseCount("12.34.567")));
    }

    // ---- micros ---------------------------------------------------------------------------------------------------

    @Test
    void microsOfDecimals() throws Exception {
        assertEquals(45_500_000L, point.parseMicros("45.50"));               // 45.50 * 10^6
        assertEquals(1_204_880_000L, point.parseMicros("1,204.88"));         // 1204.88 * 10^6
        assertEquals(1_164_090_000L, point.parseMicros("1164.09"));          // Google Cost, never grouped
        assertEquals(-123_450_000L, point.parseMicros("(123.45)"));
        assertEquals(-500_000L, point.parseMicros("-0.5"));
        assertEquals(3_000_000L, point.parseMicros("+3"));
        assertEquals(500_000L, point.parseMicros(".5"));
        assertEquals(-2_000_000L, point.parseMicros("\u22122"));             // U+2212 minus sign
        assertEquals(1_575_240_000L, comma.parseMicros("1575,24"));          // Dutch Kosten, ungrouped
        assertEquals(1_234_560_000L, comma.parseMicros("1.234,56"));
        assertEquals(1_234_560_000L, comma.parseMicros("1\u202F234,56"));    // French narrow no-break space
        assertEquals(0L, comma.parseMicros("0,00"));
        assertEquals(12_500_000L, point.parseMicros("  12.5\t"));
    }

    @Test
    void theSameDigitsDependOnTheLocale() throws Exception {
        // "1.696": 1.696 under POINT (1_696_000 micros), one thousand six hundred ninety-six under COMMA
        assertEquals(1_696_000L, point.parseMicros("1.696"));
        assertEquals(1_696_000_000L, comma.parseMicros("1.696"));
        // "1,234": 1234 under POINT, 1.234 under COMMA
        assertEquals(1_234_000_000L, point.parseMicros("1,234"));
        assertEquals(1_234_000L, comma.parseMicros("1,234"));
    }

    @Test
    void microsRoundHalfEvenBeyondSixDecimals() throws Exception {
        // Meta's unrounded ratios
        assertEquals(4_197_632L, point.parseMicros("4.19763158"));   // 4.197631|58 -> up
        assertEquals(32_231_579L, point.parseMicros("32.23157895")); // 32.231578|95 -> up
        assertEquals(2_500_000L, point.parseMicros("2.5000005"));    // tie, 2500000 even -> stays
        assertEquals(2_500_002L, point.parseMicros("2.5000015"));    // tie, 2500001 odd -> 2500002
        assertEquals(2_500_001L, point.parseMicros("2.50000050001")); // above the tie -> up
        assertEquals(-2_500_002L, point.parseMicros("-2.5000015"));  // symmetric for negatives
        assertEquals(6_252_777L, point.parseMicros("6.2527773973")); // 6.252777|3973 -> down
    }

    @Test
    void scientificNotationInMicros() throws Exception {
        assertEquals(10L, point.parseMicros("1e-05"));               // 0.00001 * 10^6
        assertEquals(1_500_000_000L, point.parseMicros("1.5E+3"));   // 1500
        assertEquals(1_500_000_000L, comma.parseMicros("1,5E3"));
        assertEquals(0L, point.parseMicros("4e-7"));                 // 0.4 micros -> 0
        assertEquals(1L, point.parseMicros("6e-7"));                 // 0.6 micros -> 1
        assertEquals("number out of range", reason(() -> point.parseMicros("1e20")));
        assertEquals("not a number", reason(() -> point.parseMicros("1,234e5")));
        assertEquals("not a number", reason(() -> point.parseMicros("1e")));
    }

    @Test
    void outOfRange() {
        // Long.MAX_VALUE micros is 9,223,372,036,854.775807 units
        assertEquals("number out of range", reason(() -> point.parseMicros("9223372036855")));
        assertEquals("number out of range", reason(() -> point.parseCount("99999999999999999999")));
    }

    @Test
    void largestMicros() throws Exception {
        assertEquals(Long.MAX_VALUE, point.parseMicros("9223372036854.775807"));
        assertEquals(Long.MIN_VALUE + 1, point.parseMicros("-9223372036854.775807"));
    }

    @Test
    void misplacedSeparatorsRevealTheWrongLocale() {
        // Dutch cells read as English: "0,00", "1575,24", "1,5" cannot have a thousands comma there
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("0,00")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("1575,24")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("1,5")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("0,125")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("12,34")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("1,2345")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("1234,567")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros(",123")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("1,,234")));
        assertEquals("misplaced thousands separator", reason(() -> point.parseMicros("1,234 567")));
        // English cells read as Dutch
        assertEquals("misplaced thousands separator", reason(() -> comma.parseMicros("12.5")));
        assertEquals("misplaced thousands separator", reason(() -> comma.parseMicros("0.00")));
        assertEquals("thousands separator after the decimal separator (wrong number locale?)",
                reason(() -> comma.parseMicros("1,234.56")));
        assertEquals("thousands separator after the decimal separator (wrong number locale?)",
                reason(() -> point.parseMicros("1.234,56")));
        assertEquals("more than one decimal separator", reason(() -> point.parseMicros("1.2.3")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "$12", "12%", "5.", ".", "-", "+-5", "(-5)", "-(5)", "(5", "1 2 3x", "12-", "- 5"})
    void notNumbers(String cell) {
        assertThrows(ValueException.class, () -> point.parseMicros(cell), cell);
    }

    @Test
    void notANumberReason() {
        assertEquals("not a number", reason(() -> point.parseMicros("abc")));
        assertEquals("not a number", reason(() -> point.parseMicros("12%")));
    }

    // ---- decimals -------------------------------------------------------------------------------------------------

    @Test
    void decimalsKeepTheWrittenScale() throws Exception {
        assertEquals(new BigDecimal("45.50"), point.parseDecimal("45.50"));
        assertEquals(new BigDecimal("-1234.5678901"), comma.parseDecimal("(1.234,5678901)"));
        assertEquals(new BigDecimal("0.00001"), point.parseDecimal("1e-05"));
        assertEquals(new BigDecimal("123456789012345678901234.5"), point.parseDecimal("123,456,789,012,345,678,901,234.5"));
        assertEquals("misplaced thousands separator", reason(() -> point.parseDecimal("1,5")));
    }

    // ---- rates ----------------------------------------------------------------------------------------------------

    @Test
    void ratesWithPercentSign() throws Exception {
        assertEquals(125_000L, point.parseRateMicros("12.5%", false));     // 0.125
        assertEquals(115_800L, point.parseRateMicros("11.58%", false));    // 0.1158
        assertEquals(3_410L, comma.parseRateMicros("0,341%", false));      // 0.00341 (LinkedIn NL)
        assertEquals(5_190L, point.parseRateMicros("0.519%", false));      // 0.00519
        assertEquals(10_000L, point.parseRateMicros("1.000%", false));     // 0.01
        assertEquals(0L, point.parseRateMicros("0.00%", false));
        assertEquals(125_000L, comma.parseRateMicros("12,5\u00A0%", false)); // French blank before %
        assertEquals(-50_000L, point.parseRateMicros("-5%", false));
        assertEquals(-50_000L, point.parseRateMicros("(5%)", false));
        assertEquals(-50_000L, point.parseRateMicros("(5)%", false));
        assertEquals(1_000_000L, point.parseRateMicros("100%", false));
        assertEquals(12_345_000L, point.parseRateMicros("1,234.5%", false)); // 12.345
        // 12.3456789% = 0.123456789 -> 0.123457 (half-even, 789 > 500)
        assertEquals(123_457L, point.parseRateMicros("12.3456789%", false));
        // 0.00005% = 0.0000005 -> tie at micros 0 (even) -> 0; 0.00015% = 0.0000015 -> 1 odd -> 2
        assertEquals(0L, point.parseRateMicros("0.00005%", false));
        assertEquals(2L, point.parseRateMicros("0.00015%", false));
    }

    @Test
    void bareRates() throws Exception {
        // GA4 engagement rate as a fraction
        assertEquals(620_190L, point.parseRateMicros("0.6201900238", false)); // 0.620190|0238 -> down
        assertEquals(7_363L, point.parseRateMicros("0.0073634204", false));   // 0.007363|4204 -> down
        // Microsoft "CTR (%)": the number is a percentage without the sign
        assertEquals(125_000L, point.parseRateMicros("12.5", true));
        assertEquals(137_000L, point.parseRateMicros("13.70", true));
        // a % sign always means percent
        assertEquals(137_000L, point.parseRateMicros("13.70%", true));
        assertEquals(10L, point.parseRateMicros("1e-05", false));
    }

    @Test
    void rateErrors() {
        assertEquals("misplaced thousands separator", reason(() -> point.parseRateMicros("0,341%", false)));
        assertEquals("not a number", reason(() -> point.parseRateMicros("12.5%%", false)));
        assertEquals("not a number", reason(() -> point.parseRateMicros("%", false)));
    }

    @Test
    void localeAccessors() {
        assertSame(NumberLocale.POINT, point.locale());
        assertEquals('.', NumberLocale.POINT.decimal());
        assertEquals(',', NumberLocale.COMMA.decimal());
        assertEquals(',', NumberLocale.POINT.grouping());
        assertEquals('.', NumberLocale.COMMA.grouping());
    }

    @Test
    void performanceSmoke() throws Exception {
        // 1M money-like decimals and 1M counts; a loose bound so a shared machine does not make it flaky
        String[] cells = {"1164.09", "2,147", "0.00", "12.50", "103606.77", "795,836", "4.19763158", "-0.5"};
        long t0 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) sum += point.parseMicros(cells[i & 7]);
        for (int i = 0; i < 1_000_000; i++) sum += point.parseCount(cells[1]);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(sum != 0);
        assertTrue(ms < 5_000, "2M number cells took " + ms + " ms");
    }
}
