package dev.kpi.input.value;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class NumberLocaleTest {
    private static NumberLocale infer(String... cells) {
        return NumberLocale.infer(Arrays.asList(cells));
    }

    @Test
    void forLocale() {
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.GERMAN));
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.forLanguageTag("nl")));
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.FRENCH));
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.forLanguageTag("es")));
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.ITALIAN));
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.forLanguageTag("pt-BR")));
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.forLanguageTag("ro")));
        assertSame(NumberLocale.COMMA, NumberLocale.forLocale(Locale.forLanguageTag("pl")));
        assertSame(NumberLocale.POINT, NumberLocale.forLocale(Locale.ENGLISH));
        assertSame(NumberLocale.POINT, NumberLocale.forLocale(Locale.UK));
        assertSame(NumberLocale.POINT, NumberLocale.forLocale(Locale.CHINESE));
        assertSame(NumberLocale.POINT, NumberLocale.forLocale(Locale.JAPANESE));
        assertSame(NumberLocale.POINT, NumberLocale.forLocale(Locale.forLanguageTag("de-CH"))); // 1'234.50
        assertSame(NumberLocale.POINT, NumberLocale.forLocale(null));
    }

    @Test
    void ofDecimal() {
        assertSame(NumberLocale.POINT, NumberLocale.ofDecimal('.'));
        assertSame(NumberLocale.COMMA, NumberLocale.ofDecimal(','));
        assertThrows(IllegalArgumentException.class, () -> NumberLocale.ofDecimal(';'));
    }

    @Test
    void bothSeparatorsDecideByTheLastOne() {
        assertSame(NumberLocale.POINT, infer("1,234.56"));
        assertSame(NumberLocale.COMMA, infer("1.234,56"));
        assertSame(NumberLocale.COMMA, infer("\u20AC1.234.567,89"));
        assertSame(NumberLocale.POINT, infer("$1,234,567.89"));
    }

    @Test
    void commaWithOtherThanThreeDigitsIsDecimal() {
        // Dutch Google Ads: "0,00" quoted decimals, ungrouped Kosten "1575,24"
        assertSame(NumberLocale.COMMA, infer("12,5"));
        assertSame(NumberLocale.COMMA, infer("0,00"));
        assertSame(NumberLocale.COMMA, infer("1575,24"));
        assertSame(NumberLocale.COMMA, infer("1,2345"));
        assertSame(NumberLocale.COMMA, infer("0,341%"));      // leading zero: not a thousands group
        assertSame(NumberLocale.COMMA, infer("1575,240"));    // four digits before: not a thousands group
        assertSame(NumberLocale.COMMA, infer("1 234,567"));   // blank grouping leaves the comma as decimal
    }

    @Test
    void pointWithOtherThanThreeDigitsIsDecimal() {
        assertSame(NumberLocale.POINT, infer("12.5"));
        assertSame(NumberLocale.POINT, infer("0.00"));
        assertSame(NumberLocale.POINT, infer("1164.09"));
        assertSame(NumberLocale.POINT, infer("0.519%"));
        assertSame(NumberLocale.POINT, infer("0.125"));
        assertSame(NumberLocale.POINT, infer(".5"));
    }

    @Test
    void repeatedSeparatorIsGrouping() {
        assertSame(NumberLocale.POINT, infer("1,234,567"));
        assertSame(NumberLocale.COMMA, infer("1.234.567"));
        assertNull(infer("1.23.4567"));  // not valid groups: no vote
    }

    @Test
    void ambiguousCellsDoNotDecide() {
        assertNull(infer("1.696"));
        assertNull(infer("1,234"));
        assertNull(infer("18.914", "1.696"));
        assertNull(infer("42", "12 345", "", "--"));
        assertNull(infer());
    }

    @Test
    void ambiguousCellsFollowDecidingOnes() {
        // the Dutch file: "1.696" alone is ambiguous, "0,00" decides
        assertSame(NumberLocale.COMMA, infer("1.696", "18.914", "0,00", "1575,24"));
        // the English file: "9,380" alone is ambiguous, "1164.09" decides
        assertSame(NumberLocale.POINT, infer("9,380", "1164.09", "11.58%", "2,147"));
    }

    @Test
    void conflictingEvidenceGivesNull() {
        assertNull(infer("12,5", "12.5"));
        assertNull(infer("1,234.56", "1.234,56"));
    }

    @Test
    void nonNumbersAreIgnored() {
        // dates, times, IDs: no votes
        assertNull(infer("2025-01-14", "22.01.2025", "1/22/2025", "9:05", "0068d00000Bq7wXAAR", "Enabled"));
        assertSame(NumberLocale.POINT, infer("22.01.2025", "3.5"));
        List<String> withNull = Arrays.asList(null, "2,5");
        assertSame(NumberLocale.COMMA, NumberLocale.infer(withNull));
    }
}
