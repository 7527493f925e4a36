package dev.kpi.input.value;

import org.junit.jupiter.api.Test;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The start-up shortcuts for English (month and weekday names written out, the English date order without
 * looking up a pattern) must say exactly what the JDK's locale data says.
 */
class LocaleShortcutsTest {
    @Test
    void englishNamesAreTheJdksNames() {
        for (TextStyle style : MonthNames.STYLES) {
            for (int m = 1; m <= 12; m++) {
                assertEquals(MonthNames.jdkName(false, m, style, Locale.ENGLISH), MonthNames.name(false, m, style, Locale.ENGLISH),
                        "month " + m + " " + style);
            }
            for (int d = 1; d <= 7; d++) {
                assertEquals(MonthNames.jdkName(true, d, style, Locale.ENGLISH), MonthNames.name(true, d, style, Locale.ENGLISH),
                        "weekday " + d + " " + style);
            }
        }
        // other languages still come from the JDK
        assertEquals("januar", MonthNames.name(false, 1, TextStyle.FULL, Locale.GERMAN));
    }

    @Test
    void englishDateOrderIsTheJdksPattern() {
        String p = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null, IsoChronology.INSTANCE, Locale.ENGLISH);
        assertEquals(DateOrder.ofPattern(p), DateOrder.forLocale(Locale.ENGLISH));
        assertEquals(DateOrder.MDY, DateOrder.forLocale(Locale.ENGLISH));
    }
}
