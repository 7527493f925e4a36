package dev.kpi.input.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MoneyParserTest {
    private final MoneyParser point = new MoneyParser(NumberLocale.POINT);
    private final MoneyParser comma = new MoneyParser(NumberLocale.COMMA);

    private static MoneyValue m(long micros, String currency) {
        return new MoneyValue(micros, currency);
    }

    private static String reason(MoneyParser p, String cell) {
        return assertThrows(ValueException.class, () -> p.parse(cell), cell).reason();
    }

    @Test
    void plainAmountsHaveNoCurrency() throws Exception {
        assertEquals(m(1_234_560_000L, null), point.parse("1234.56"));      // 1234.56 * 10^6
        assertEquals(m(48_000_000_000L, null), point.parse("48000"));       // HubSpot Amount
        assertEquals(m(12_500_500_000L, null), point.parse("12500.5"));
        assertEquals(m(-123_450_000L, null), point.parse("(123.45)"));
        assertEquals(m(1_234_560_000L, null), comma.parse("1.234,56"));
        assertEquals(m(0L, null), point.parse("0.00"));
    }

    @Test
    void dollarsAndPounds() throws Exception {
        assertEquals(m(1_234_560_000L, "USD"), point.parse("$1,234.56"));
        assertEquals(m(125_000_000_000L, "USD"), point.parse("$125000"));    // HubSpot after spreadsheet editing
        assertEquals(m(-12_000_000L, "USD"), point.parse("-$12.00"));
        assertEquals(m(-12_000_000L, "USD"), point.parse("$-12.00"));
        assertEquals(m(-123_450_000L, "USD"), point.parse("($123.45)"));
        assertEquals(m(-123_450_000L, "USD"), point.parse("$(123.45)"));
        assertEquals(m(1_001_000_000L, "GBP"), point.parse("\u00A31,001"));
        assertEquals(m(1_250_000_000L, "JPY"), point.parse("\u00A51,250"));
        assertEquals(m(1_234_560_000L, "USD"), point.parse("$ 1,234.56"));
        assertEquals(m(1_234_560_000L, "USD"), point.parse("US$1,234.56"));
        assertEquals(m(99_990_000L, "CAD"), point.parse("CA$99.99"));
        assertEquals(m(99_990_000L, "AUD"), point.parse("A$99.99"));
        assertEquals(m(5_000_000_000L, "INR"), point.parse("\u20B95,000"));
        assertEquals(m(1_234_567_000_000L, "INR"), point.parse("\u20B912,34,567"));  // Indian grouping
    }

    @Test
    void euros() throws Exception {
        assertEquals(m(1_234_560_000L, "EUR"), comma.parse("1.234,56 \u20AC"));
        assertEquals(m(1_234_560_000L, "EUR"), comma.parse("\u20AC1.234,56"));
        assertEquals(m(12_500_000L, "EUR"), comma.parse("12,50 \u20AC"));
        assertEquals(m(12_500_000L, "EUR"), comma.parse("12,50\u00A0\u20AC"));
        assertEquals(m(-12_500_000L, "EUR"), comma.parse("-12,50 \u20AC"));
        assertEquals(m(-12_500_000L, "EUR"), comma.parse("\u20AC -12,50"));
        assertEquals(m(-12_500_000L, "EUR"), comma.parse("(12,50 \u20AC)"));
        // French: narrow no-break space U+202F and no-break space U+00A0 as thousands separators
        assertEquals(m(1_234_560_000L, "EUR"), comma.parse("1\u202F234,56\u00A0\u20AC"));
        assertEquals(m(1_234_560_000L, "EUR"), comma.parse("1\u00A0234,56 \u20AC"));
        assertEquals(m(1_234_560_000L, "EUR"), comma.parse("EUR 1.234,56"));
    }

    @Test
    void isoCodes() throws Exception {
        assertEquals(m(12_000_000L, "USD"), point.parse("USD 12"));
        assertEquals(m(12_000_000L, "USD"), point.parse("12 USD"));
        assertEquals(m(12_000_000L, "USD"), point.parse("12USD"));
        assertEquals(m(12_000_000L, "USD"), point.parse("usd 12"));
        assertEquals(m(1_234_500_000L, "CHF"), point.parse("CHF 1'234.50"));
        assertEquals(m(1_234_500_000L, "CHF"), point.parse("CHF 1\u2019234.50"));
        assertEquals(m(-12_000_000L, "USD"), point.parse("-USD 12"));
        assertEquals(m(-12_000_000L, "USD"), point.parse("USD -12"));
        assertEquals(m(314_467_000_000L, "IDR"), point.parse("314467 IDR"));
    }

    @Test
    void otherSymbols() throws Exception {
        assertEquals(m(1_234_560_000L, "BRL"), comma.parse("R$ 1.234,56"));
        assertEquals(m(1_234_560_000L, "PLN"), comma.parse("1 234,56 z\u0142"));
        assertEquals(m(100_000_000L, "RON"), comma.parse("100 lei"));
        assertEquals(m(100_000_000L, "CZK"), comma.parse("100 K\u010D"));
        assertEquals(m(100_000_000L, "HUF"), comma.parse("100 Ft"));
        assertEquals(m(100_000_000L, "CNY"), point.parse("RMB 100"));
        assertEquals(m(100_000_000L, "CNY"), point.parse("CN\u00A5100"));
    }

    @Test
    void ambiguousKronaHasNoCurrency() throws Exception {
        assertEquals(m(100_000_000L, null), comma.parse("100 kr"));
        assertEquals(m(100_000_000L, null), comma.parse("kr 100"));
        assertEquals(m(100_000_000L, null), comma.parse("100 kr."));
        assertEquals(m(100_000_000L, "SEK"), comma.parse("SEK 100 kr"));   // the ISO code decides
    }

    @Test
    void isoCodeBeatsAWeakSymbol() throws Exception {
        assertEquals(m(12_000_000L, "CAD"), point.parse("CAD $12"));
        assertEquals(m(12_000_000L, "USD"), point.parse("$12 USD"));
        assertEquals(m(12_000_000L, "JPY"), point.parse("JPY \u00A512"));
    }

    @Test
    void twoStrongCurrenciesConflict() {
        assertEquals("two different currencies", reason(point, "\u20AC12 USD"));
        assertEquals("two different currencies", reason(point, "EUR 12 GBP"));
    }

    @Test
    void symbolMeaningsCanBeConfigured() throws Exception {
        MoneyParser canadian = new MoneyParser(NumberLocale.POINT, Map.of("$", "CAD", "kr", "SEK", "Rs", "inr"));
        assertEquals(m(12_000_000L, "CAD"), canadian.parse("$12"));
        assertEquals(m(12_000_000L, "SEK"), canadian.parse("12 kr"));
        assertEquals(m(12_000_000L, "INR"), canadian.parse("Rs 12"));
        assertEquals(m(12_000_000L, "USD"), canadian.parse("US$12"));       // the other symbols stay
        MoneyParser unknownDollar = new MoneyParser(NumberLocale.POINT, Map.of("$", ""));
        assertEquals(m(12_000_000L, null), unknownDollar.parse("$12"));
        assertThrows(IllegalArgumentException.class, () -> new MoneyParser(NumberLocale.POINT, Map.of("$", "DOLLAR")));
        assertThrows(IllegalArgumentException.class, () -> new MoneyParser(NumberLocale.POINT, Map.of("1", "USD")));
    }

    @Test
    void errors() {
        assertEquals("unknown currency 'XYZ'", reason(point, "XYZ 12"));
        assertEquals("not a money amount", reason(point, "12%"));
        assertEquals("not a money amount", reason(point, "$"));
        assertEquals("unknown currency 'abc'", reason(point, "abc 12"));
        assertEquals("not a money amount", reason(point, "#12"));
        assertEquals("not a money amount", reason(point, "12 dollars"));
        assertEquals("scientific notation (digits may have been lost)", reason(point, "1.23457E+11"));
        assertEquals("misplaced thousands separator", reason(point, "1,5 \u20AC"));
        assertEquals("thousands separator after the decimal separator (wrong number locale?)", reason(point, "1.234,56 \u20AC"));
        assertEquals("not a money amount", reason(point, "(-12)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", " --", "-", "N/A", "(not set)"})
    void placeholdersThrow(String cell) {
        assertTrue(NumberParser.isMissing(cell));
        String r = reason(point, cell);
        assertTrue(r.equals("empty") || r.equals("no value (placeholder)"), r);
    }

    @Test
    void performanceSmoke() throws Exception {
        String[] cells = {"1164.09", "$1,234.56", "48000", "12.50 USD", "0.00", "103606.77", "(123.45)", "$125000"};
        long t0 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) sum += point.parse(cells[i & 7]).micros();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(sum != 0);
        assertTrue(ms < 5_000, "1M money cells took " + ms + " ms");
    }
}
