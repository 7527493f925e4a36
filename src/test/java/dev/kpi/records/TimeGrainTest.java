package dev.kpi.records;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class TimeGrainTest {
    /** The keys as String.format built them before; the hand-built ones must be identical. */
    private static String formatted(TimeGrain g, LocalDate d) {
        switch (g) {
            case WEEK: return String.format(Locale.ROOT, "%d-W%02d",
                    d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH: return String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
            default: throw new AssertionError(g);
        }
    }

    @Test void weekAndMonthKeysByHand() {
        // 2025-01-01 is a Wednesday in ISO week 1 of 2025; 2024-12-30 (Monday) already belongs to 2025-W01;
        // 2021-01-03 (Sunday) is still in 2020-W53.
        assertEquals("2025-W01", TimeGrain.WEEK.key(LocalDate.of(2025, 1, 1)));
        assertEquals("2025-W01", TimeGrain.WEEK.key(LocalDate.of(2024, 12, 30)));
        assertEquals("2020-W53", TimeGrain.WEEK.key(LocalDate.of(2021, 1, 3)));
        assertEquals("2025-W10", TimeGrain.WEEK.key(LocalDate.of(2025, 3, 3)));
        assertEquals("2025-03", TimeGrain.MONTH.key(LocalDate.of(2025, 3, 31)));
        assertEquals("2025-12", TimeGrain.MONTH.key(LocalDate.of(2025, 12, 1)));
        assertEquals("0999-01", TimeGrain.MONTH.key(LocalDate.of(999, 1, 5)));   // %04d pads the year
        assertEquals("0007-01", TimeGrain.MONTH.key(LocalDate.of(7, 1, 9)));
        assertEquals("7-W02", TimeGrain.WEEK.key(LocalDate.of(7, 1, 9)));      // %d does not pad: 0007-01-09 is in week 2
    }

    @Test void identicalToStringFormatOverManyDates() {
        // every day of 1999–2031 (ISO 53-week years, leap days, year ends), plus years at the edges of %04d
        for (LocalDate d = LocalDate.of(1999, 1, 1); d.isBefore(LocalDate.of(2032, 1, 1)); d = d.plusDays(1)) {
            assertEquals(formatted(TimeGrain.WEEK, d), TimeGrain.WEEK.key(d), d.toString());
            assertEquals(formatted(TimeGrain.MONTH, d), TimeGrain.MONTH.key(d), d.toString());
        }
        for (int year : new int[] {-10_000, -1, 0, 1, 9, 99, 999, 1000, 9999, 10_000, 123_456}) {
            for (LocalDate d : new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 15), LocalDate.of(year, 12, 31)}) {
                assertEquals(formatted(TimeGrain.WEEK, d), TimeGrain.WEEK.key(d), d.toString());
                assertEquals(formatted(TimeGrain.MONTH, d), TimeGrain.MONTH.key(d), d.toString());
            }
        }
    }
}
