package dev.kpi.input.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class DateParserTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final DateParser us = new DateParser(DateOrder.MDY, null, ZoneOffset.UTC, Locale.US);
    private final DateParser eu = new DateParser(DateOrder.DMY, null, ZoneOffset.UTC, Locale.UK);
    private final DateParser unknown = new DateParser(null, null, null, null);

    private static LocalDateTime dt(String iso) {
        return LocalDateTime.parse(iso);
    }

    private static String reason(Executable e) {
        return assertThrows(ValueException.class, e::run).reason();
    }

    interface Executable {
        void run() throws Exception;
    }

    // ---- ISO and compact ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-01-14                    | 2025-01-14T00:00",
        "2025-01-14 09:32              | 2025-01-14T09:32",       // HubSpot
        "2025-01-22 09:05:03           | 2025-01-22T09:05:03",    // Pipedrive
        "2025-01-14T09:32              | 2025-01-14T09:32",
        "2025-1-5                      | 2025-01-05T00:00",
        "2025/01/22                    | 2025-01-22T00:00",
        "2025.01.22                    | 2025-01-22T00:00",
        "20250101                      | 2025-01-01T00:00",       // GA4 Date
        "2025-01-14 09:32:05.5         | 2025-01-14T09:32:05.500",
        "2025-01-14 09:32:05,123456789 | 2025-01-14T09:32:05.123456789",
    })
    void isoForms(String cell, String expected) throws Exception {
        assertEquals(dt(expected), us.parseDateTime(cell));
        assertEquals(dt(expected), eu.parseDateTime(cell));      // year-first forms ignore the order
        assertEquals(dt(expected), unknown.parseDateTime(cell));
    }

    @Test
    void offsetsAreConvertedToTheZone() throws Exception {
        DateParser berlin = new DateParser(DateOrder.DMY, null, BERLIN, Locale.GERMAN);
        // January: Berlin is UTC+1
        assertEquals(dt("2025-01-14T10:32"), berlin.parseDateTime("2025-01-14T09:32:00Z"));
        // 09:32:00.123 at +02:00 is 07:32:00.123 UTC, 08:32:00.123 in Berlin
        assertEquals(dt("2025-01-14T08:32:00.123"), berlin.parseDateTime("2025-01-14T09:32:00.123+02:00"));
        // Meta "Last significant edit": 15:15:37 at -04:00 is 19:15:37 UTC; May is summer time, UTC+2 -> 21:15:37
        assertEquals(dt("2026-05-19T21:15:37"), berlin.parseDateTime("2026-05-19T15:15:37-0400"));
        assertEquals(dt("2025-01-14T10:32"), berlin.parseDateTime("2025-01-14 09:32 UTC"));
        assertEquals(dt("2025-01-14T10:32"), berlin.parseDateTime("2025-01-14T09:32+00"));
        // without an offset the value is local already and is not converted
        assertEquals(dt("2025-01-14T09:32"), berlin.parseDateTime("2025-01-14 09:32"));
    }

    @Test
    void daylightSavingStart() throws Exception {
        // 2025-03-30: Berlin switches from UTC+1 to UTC+2 at 01:00 UTC (02:00 local becomes 03:00)
        DateParser berlin = new DateParser(DateOrder.DMY, null, BERLIN, Locale.ENGLISH);
        assertEquals(dt("2025-03-30T01:30"), berlin.parseDateTime("2025-03-30T00:30:00Z")); // before: +1
        assertEquals(dt("2025-03-30T03:30"), berlin.parseDateTime("2025-03-30T01:30:00Z")); // after: +2
        // the date can change: 23:30 at -05:00 is 04:30 UTC next day, 05:30 in Berlin
        assertEquals(LocalDate.of(2025, 1, 15), berlin.parseDate("2025-01-14T23:30:00-05:00"));
    }

    @Test
    void nullZoneIsUtc() throws Exception {
        assertEquals(dt("2025-01-14T07:32"), unknown.parseDateTime("2025-01-14T09:32:00+02:00"));
    }

    @Test
    void epochs() throws Exception {
        // 2025-01-01T00:00Z = 20089 days * 86400 = 1735689600 s; +13 days (1123200 s) = 1736812800 = 2025-01-14T00:00Z;
        // 1736846400 - 1736812800 = 33600 s = 9 h 20 min
        assertEquals(dt("2025-01-14T09:20"), us.parseDateTime("1736846400000"));   // HubSpot millis, 13 digits
        assertEquals(dt("2025-01-14T09:20"), us.parseDateTime("1736846400"));      // seconds, 10 digits
        assertEquals(dt("2025-01-14T09:20:00.123"), us.parseDateTime("1736846400123"));
        DateParser berlin = new DateParser(DateOrder.DMY, null, BERLIN, Locale.ENGLISH);
        assertEquals(dt("2025-01-14T10:20"), berlin.parseDateTime("1736846400000"));
        // 12 digits: 999999999999 ms = 999999999.999 s = 2001-09-09T01:46:39.999Z
        assertEquals(dt("2001-09-09T01:46:39.999"), us.parseDateTime("999999999999"));
        // 9 and 11 digits are neither dates nor accepted epochs
        assertEquals("not a date", reason(() -> us.parseDateTime("173684640")));
        assertEquals("not a date", reason(() -> us.parseDateTime("17368464000")));
        // 8 digits are always yyyyMMdd
        assertEquals("invalid date: no month 13", reason(() -> us.parseDateTime("20251301")));
    }

    // ---- year last ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1/22/2025           | 2025-01-22T00:00",    // Salesforce en_US, LinkedIn EN
        "01/22/2025          | 2025-01-22T00:00",
        "9/21/2026           | 2026-09-21T00:00",
        "1/22/2025 9:05 AM   | 2025-01-22T09:05",
        "1/22/2025 9:05AM    | 2025-01-22T09:05",
        "1/22/2025 9:05 pm   | 2025-01-22T21:05",
        "1/22/2025, 9:05 a.m.| 2025-01-22T09:05",
        "1/22/2025 12:00 AM  | 2025-01-22T00:00",    // midnight
        "1/22/2025 12:30 PM  | 2025-01-22T12:30",    // half past noon
        "1/22/2025 14:05     | 2025-01-22T14:05",
        "2/8/2020 10:15:00 PM| 2020-02-08T22:15",    // Microsoft metadata
        "1/22/25             | 2025-01-22T00:00",    // two-digit year: 2000 + 25
        "12/31/99            | 2099-12-31T00:00",    // no window: 99 is 2099
        "5/9/2026            | 2026-05-09T00:00",    // May 9 under MDY
        "22.01.2025          | 2025-01-22T00:00",    // dots are day first under any order
        "22.1.2025 14:05     | 2025-01-22T14:05",
        "5.9.2026            | 2026-09-05T00:00",
    })
    void monthFirst(String cell, String expected) throws Exception {
        assertEquals(dt(expected), us.parseDateTime(cell));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "22/1/2025       | 2025-01-22T00:00",
        "22/01/2025      | 2025-01-22T00:00",
        "23-9-2026       | 2026-09-23T00:00",    // LinkedIn NL
        "5/9/2026        | 2026-09-05T00:00",    // 5 September under DMY
        "22.01.2025      | 2025-01-22T00:00",
        "22/01/25 14:05  | 2025-01-22T14:05",
    })
    void dayFirst(String cell, String expected) throws Exception {
        assertEquals(dt(expected), eu.parseDateTime(cell));
    }

    @Test
    void wrongOrderIsAnErrorNotAGuess() {
        assertEquals("day/month order: 22 is not a month (dates read as month/day/year); set dateFormat",
                reason(() -> us.parseDateTime("22/1/2025")));
        assertEquals("day/month order: 22 is not a month (dates read as day/month/year); set dateFormat",
                reason(() -> eu.parseDateTime("1/22/2025")));
    }

    @Test
    void unknownOrderReadsOnlyUnambiguousDates() throws Exception {
        assertEquals(dt("2025-01-22T00:00"), unknown.parseDateTime("22/1/2025"));
        assertEquals(dt("2025-01-22T00:00"), unknown.parseDateTime("1/22/2025"));
        assertEquals(dt("2026-05-05T00:00"), unknown.parseDateTime("5/5/2026"));
        assertEquals("ambiguous date: 5 and 9 could each be the day or the month; set dateFormat",
                reason(() -> unknown.parseDateTime("5/9/2026")));
        DateParser ymd = new DateParser(DateOrder.YMD, null, null, Locale.JAPANESE);
        assertEquals(dt("2025-01-22T00:00"), ymd.parseDateTime("1/22/2025"));
        assertEquals(dt("2025-01-22T00:00"), ymd.parseDateTime("2025/01/22"));
        assertThrows(ValueException.class, () -> ymd.parseDateTime("5/9/2026"));
    }

    @Test
    void invalidDates() {
        assertEquals("invalid date: no day 30 in 2025-02", reason(() -> us.parseDateTime("2/30/2025")));
        assertEquals("invalid date: no day 29 in 2025-02", reason(() -> us.parseDateTime("2025-02-29")));
        assertEquals("invalid date: no day 31 in 2025-04", reason(() -> eu.parseDateTime("31.04.2025")));
        assertEquals("invalid date: no month 13", reason(() -> us.parseDateTime("2025-13-01")));
        assertEquals("invalid date: no day 0 in 2025-01", reason(() -> us.parseDateTime("2025-01-00")));
        assertEquals("invalid time", reason(() -> us.parseDateTime("2025-01-14 25:00")));
        assertEquals("invalid time", reason(() -> us.parseDateTime("2025-01-14 09:60")));
        assertEquals("invalid time", reason(() -> us.parseDateTime("1/22/2025 13:05 PM")));
        assertEquals("empty", reason(() -> us.parseDateTime("  ")));
        assertEquals("empty", reason(() -> us.parseDateTime(null)));
    }

    @Test
    void leapDay() throws Exception {
        assertEquals(dt("2024-02-29T00:00"), us.parseDateTime("2/29/2024"));
    }

    @Test
    void notDates() {
        for (String cell : new String[] {"Ongoing", "12:00", "2025", "1/2", "2025-01-14 junk", "1/22/2025 9", "abc",
            "2025-01-14T", "1-22/2025", "2025-01-14 09:32 +25:00", "Jan Feb 2025"}) {
            assertThrows(ValueException.class, () -> us.parseDateTime(cell), cell);
        }
        assertEquals("not a date", reason(() -> us.parseDateTime("Ongoing")));
        assertEquals("date without a year", reason(() -> us.parseDateTime("Jan 5")));
    }

    // ---- month names ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Jan 5, 2025                 | 2025-01-05T00:00",
        "January 5, 2025             | 2025-01-05T00:00",
        "5 Jan 2025                  | 2025-01-05T00:00",
        "5 January 2025              | 2025-01-05T00:00",
        "5-Jan-2025                  | 2025-01-05T00:00",
        "05-Jan-25                   | 2025-01-05T00:00",    // Excel d-mmm-yy
        "JANUARY 5TH, 2025           | 2025-01-05T00:00",
        "Sept. 1, 2024               | 2024-09-01T00:00",
        "Tuesday, January 14, 2025   | 2025-01-14T00:00",
        "2025 Jan 5                  | 2025-01-05T00:00",
        "January 1, 2025, 12:00 AM   | 2025-01-01T00:00",    // LinkedIn preamble
        "March 31, 2025, 11:59 PM    | 2025-03-31T23:59",
        "27 January 2026             | 2026-01-27T00:00",
    })
    void englishMonthNames(String cell, String expected) throws Exception {
        assertEquals(dt(expected), us.parseDateTime(cell));
        assertEquals(dt(expected), eu.parseDateTime(cell));
    }

    @Test
    void localMonthNames() throws Exception {
        DateParser nl = new DateParser(DateOrder.DMY, null, null, Locale.forLanguageTag("nl"));
        assertEquals(dt("2020-05-09T00:00"), nl.parseDateTime("9 mei 2020"));
        assertEquals(dt("2020-06-07T00:00"), nl.parseDateTime("7 juni 2020"));
        assertEquals(dt("2026-09-23T00:00"), nl.parseDateTime("23 september 2026 00:00"));
        assertEquals(dt("2020-03-09T00:00"), nl.parseDateTime("9 mrt. 2020"));
        assertEquals(dt("2025-01-05T00:00"), nl.parseDateTime("Jan 5, 2025"));   // English still works
        DateParser de = new DateParser(DateOrder.DMY, null, null, Locale.GERMAN);
        assertEquals(dt("2025-03-05T00:00"), de.parseDateTime("5. März 2025"));
        assertEquals(dt("2025-03-05T00:00"), de.parseDateTime("5. Mrz. 2025"));
        assertEquals(dt("2025-01-14T14:05"), de.parseDateTime("14. Januar 2025 um 14:05"));
        DateParser pt = new DateParser(DateOrder.DMY, null, null, Locale.forLanguageTag("pt-BR"));
        assertEquals(dt("2022-12-10T00:00"), pt.parseDateTime("10 de dez. de 2022"));   // Meta PT-BR
        assertEquals(dt("2026-09-30T00:00"), pt.parseDateTime("30 de setembro de 2026"));
        DateParser fr = new DateParser(DateOrder.DMY, null, null, Locale.FRENCH);
        assertEquals(dt("2026-01-01T00:00"), fr.parseDateTime("1er janvier 2026"));
        assertEquals(dt("2025-02-03T00:00"), fr.parseDateTime("3 févr. 2025"));
        DateParser pl = new DateParser(DateOrder.DMY, null, null, Locale.forLanguageTag("pl"));
        assertEquals(dt("2025-01-05T00:00"), pl.parseDateTime("5 stycznia 2025"));      // genitive form
        // without the locale, a Dutch month is unknown
        assertEquals("not a date", reason(() -> eu.parseDateTime("9 mei 2020")));
    }

    @Test
    void invalidNamedDate() {
        assertEquals("invalid date: no day 30 in 2025-02", reason(() -> us.parseDateTime("February 30, 2025")));
    }

    // ---- parseDate ------------------------------------------------------------------------------------------------

    @Test
    void parseDateDropsTheTime() throws Exception {
        assertEquals(LocalDate.of(2025, 1, 14), us.parseDate("2025-01-14 09:32"));
        assertEquals(LocalDate.of(2025, 1, 22), us.parseDate("1/22/2025 9:05 AM"));
        assertEquals(LocalDate.of(2025, 1, 1), us.parseDate("20250101"));
    }

    // ---- months ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-01       | 2025-01-01",
        "2025/01       | 2025-01-01",
        "2025-1        | 2025-01-01",
        "202503        | 2025-03-01",    // GA4 year-month
        "01/2025       | 2025-01-01",
        "Jan 2025      | 2025-01-01",
        "January 2025  | 2025-01-01",
        "Jan-25        | 2025-01-01",    // Excel mmm-yy
        "2025-01-01    | 2025-01-01",
        "2025-01-15    | 2025-01-01",    // a date gives its month
        "1/1/2025      | 2025-01-01",
        "2/1/2025      | 2025-02-01",    // Microsoft monthly rows, M/D/YYYY
        "3/1/2025      | 2025-03-01",
        "01.03.2025    | 2025-03-01",
        "20250301      | 2025-03-01",
    })
    void months(String cell, LocalDate expected) throws Exception {
        assertEquals(expected, unknown.parseMonth(cell));
        assertEquals(expected, us.parseMonth(cell));
    }

    @Test
    void monthColumnsPreferTheFirstDayReading() throws Exception {
        // "2/1/2025" read day-first would be 2 January; a month column holds first days, so February wins
        assertEquals(LocalDate.of(2025, 2, 1), eu.parseMonth("2/1/2025"));
        // "01/02/2025" is 1 February day-first and 2 January month-first: the first-day reading again
        assertEquals(LocalDate.of(2025, 2, 1), us.parseMonth("01/02/2025"));
        // no reading is a first day: the order decides
        assertEquals(LocalDate.of(2025, 5, 1), us.parseMonth("5/9/2025"));
        assertEquals(LocalDate.of(2025, 9, 1), eu.parseMonth("5/9/2025"));
        assertThrows(ValueException.class, () -> unknown.parseMonth("5/9/2025"));
    }

    @Test
    void monthErrors() {
        assertEquals("not a month", reason(() -> us.parseMonth("2025-13")));
        assertEquals("not a month", reason(() -> us.parseMonth("202513")));
        assertEquals("not a month", reason(() -> us.parseMonth("Ongoing")));
        assertEquals("not a month", reason(() -> us.parseMonth("01")));   // GA4 month number without a year
        assertEquals("empty", reason(() -> us.parseMonth("")));
    }

    // ---- explicit pattern -----------------------------------------------------------------------------------------

    @Test
    void simplePatternSetsTheOrder() throws Exception {
        DateParser p = new DateParser(DateOrder.MDY, "dd-MM-yyyy", null, null);
        assertEquals(DateOrder.DMY, p.order());
        assertEquals(dt("2026-09-05T00:00"), p.parseDateTime("05-09-2026"));
        assertEquals(dt("2026-09-05T00:00"), p.parseDateTime("5/9/2026"));     // other separators follow the pattern
        assertEquals(dt("2025-01-14T00:00"), p.parseDateTime("2025-01-14"));   // unambiguous forms still accepted
        assertEquals("invalid date: no day 31 in 2025-02", reason(() -> p.parseDateTime("31-02-2025")));
    }

    @Test
    void formatterPattern() throws Exception {
        DateParser nl = new DateParser(null, "d MMM yyyy HH:mm", null, Locale.forLanguageTag("nl"));
        assertEquals(dt("2020-05-09T14:05"), nl.parseDateTime("9 mei 2020 14:05"));
        assertEquals(dt("2020-03-09T14:05"), nl.parseDateTime("9 mrt. 2020 14:05"));
        assertEquals(dt("2020-03-09T14:05"), nl.parseDateTime("9 MRT. 2020 14:05"));   // case ignored
        assertEquals("invalid date", reason(() -> nl.parseDateTime("31 feb. 2020 14:05")));  // strict
        assertEquals(dt("2025-01-14T00:00"), nl.parseDateTime("2025-01-14"));
        // a pattern without separators, which the hand reader would take for an epoch
        DateParser compact = new DateParser(null, "yyyyMMddHHmm", null, null);
        assertEquals(dt("2025-01-14T12:30"), compact.parseDateTime("202501141230"));
        // a pattern with an offset converts like the built-in forms: 01:30 UTC on 2025-03-30 is 03:30 in Berlin
        DateParser zoned = new DateParser(null, "dd MMM yyyy HH:mm xxx", BERLIN, Locale.ENGLISH);
        assertEquals(dt("2025-03-30T03:30"), zoned.parseDateTime("30 Mar 2025 01:30 +00:00"));
        // month patterns
        DateParser monthly = new DateParser(null, "MMM/yyyy", null, Locale.ENGLISH);
        assertEquals(LocalDate.of(2025, 2, 1), monthly.parseMonth("Feb/2025"));
        assertEquals("dateFormat 'MMM/yyyy' gives no full date", reason(() -> monthly.parseDate("Feb/2025")));
        assertEquals("not a date (dateFormat 'MMM/yyyy')", reason(() -> monthly.parseDate("soon")));
        assertThrows(IllegalArgumentException.class, () -> new DateParser(null, "dd-MM-yyyy {", null, null));
    }

    // ---- order inference and locales ------------------------------------------------------------------------------

    @Test
    void inferOrder() {
        assertEquals(DateOrder.MDY, DateParser.inferOrder(Arrays.asList("1/2/2025", "1/22/2025 9:05 AM", null)));
        assertEquals(DateOrder.DMY, DateParser.inferOrder(Arrays.asList("2/1/2025", "22/1/2025")));
        assertEquals(DateOrder.DMY, DateParser.inferOrder(Arrays.asList("23-9-2026")));
        assertEquals(DateOrder.DMY, DateParser.inferOrder(Arrays.asList("22.01.2025")));
        assertNull(DateParser.inferOrder(Arrays.asList("5.22.2025")));              // dots never vote month-first
        assertNull(DateParser.inferOrder(Arrays.asList("22/1/2025", "1/22/2025"))); // conflict
        assertNull(DateParser.inferOrder(Arrays.asList("1/1/2025", "2/1/2025", "3/1/2025")));
        assertNull(DateParser.inferOrder(Arrays.asList("2025-01-22", "20250122", "Jan 22, 2025")));
    }

    @Test
    void orderForLocale() {
        assertEquals(DateOrder.MDY, DateOrder.forLocale(Locale.US));
        assertEquals(DateOrder.MDY, DateOrder.forLocale(Locale.ENGLISH));
        assertEquals(DateOrder.MDY, DateOrder.forLocale(Locale.forLanguageTag("en-PH")));
        assertEquals(DateOrder.DMY, DateOrder.forLocale(Locale.UK));
        assertEquals(DateOrder.DMY, DateOrder.forLocale(Locale.forLanguageTag("en-AU")));
        assertEquals(DateOrder.DMY, DateOrder.forLocale(Locale.GERMANY));
        assertEquals(DateOrder.DMY, DateOrder.forLocale(Locale.forLanguageTag("nl-NL")));
        assertEquals(DateOrder.DMY, DateOrder.forLocale(Locale.forLanguageTag("ro-RO")));
        assertEquals(DateOrder.YMD, DateOrder.forLocale(Locale.CANADA));
        assertEquals(DateOrder.YMD, DateOrder.forLocale(Locale.JAPAN));
        assertEquals(DateOrder.YMD, DateOrder.forLocale(Locale.CHINA));
        assertEquals(DateOrder.YMD, DateOrder.forLocale(null));
    }

    // ---- speed ----------------------------------------------------------------------------------------------------

    @Test
    void performanceSmoke() throws Exception {
        String[] cells = {"2025-01-14", "2025-01-14 09:32", "2025-02-28 23:59:59", "2025-12-31"};
        long t0 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) sum += us.parseDateTime(cells[i & 3]).getDayOfMonth();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // days 14 + 14 + 28 + 31 = 87 per four cells, 250,000 rounds
        assertEquals(87L * 250_000, sum);
        assertTrue(ms < 5_000, "1M ISO dates took " + ms + " ms");
    }
}
