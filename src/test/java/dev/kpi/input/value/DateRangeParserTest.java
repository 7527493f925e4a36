package dev.kpi.input.value;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class DateRangeParserTest {
    private static final Locale NL = Locale.forLanguageTag("nl");

    private static DateRange range(String start, String end) {
        return new DateRange(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void googleAdsEnglish() {
        // the line is quoted in the file because it contains commas
        assertEquals(range("2025-01-01", "2025-03-31"),
                DateRangeParser.find(List.of("Campaign report", "\"January 1, 2025 - March 31, 2025\""), Locale.US));
        assertEquals(range("2025-07-08", "2025-07-31"),
                DateRangeParser.find(List.of("Campaign report", "July 8, 2025 - July 31, 2025"), Locale.US));
        assertEquals(range("2026-01-27", "2026-02-23"),
                DateRangeParser.find(List.of("Campaign report", "27 January 2026 - 23 February 2026"), Locale.UK));
    }

    @Test
    void googleAdsLocalised() {
        assertEquals(range("2020-05-09", "2020-06-07"),
                DateRangeParser.find(List.of("Zoekwoordrapport", "9 mei 2020 - 7 juni 2020"), NL));
        assertEquals(range("2026-01-01", "2026-09-30"), DateRangeParser.find(
                List.of("Relatorio de campanhas", "\"1 de janeiro de 2026 - 30 de setembro de 2026\""),
                Locale.forLanguageTag("pt-BR")));
        // the Dutch months need the Dutch locale
        assertNull(DateRangeParser.find(List.of("Zoekwoordrapport", "9 mei 2020 - 7 juni 2020"), Locale.US));
    }

    @Test
    void allTimeHasNoRange() {
        assertNull(DateRangeParser.find(List.of("Campaign report", "All time"), Locale.US));
        assertNull(DateRangeParser.find(List.of(), Locale.US));
        assertNull(DateRangeParser.find(null, Locale.US));
    }

    @Test
    void microsoftAdvertising() {
        // the metadata block of microsoft_ads.csv, as raw quoted lines with a BOM on the first
        List<String> lines = List.of(
                "\uFEFF\"Report Name: Campaign performance (monthly)\"",
                "\"Report Time: 1/1/2025,3/31/2025\"",
                "\"Time Zone: (GMT-05:00) Eastern Time (US & Canada)\"",
                "\"Last Completed Available Day: 4/1/2025 8:15:00 AM (GMT)\"",
                "\"Last Completed Available Hour: 4/1/2025 8:15:00 AM (GMT)\"",
                "\"Report Aggregation: Monthly\"",
                "\"Report Filter: \"",
                "\"Potential Incomplete Data: false\"",
                "\"Rows: 6\"",
                "");
        assertEquals(range("2025-01-01", "2025-03-31"), DateRangeParser.find(lines, Locale.US));
        // 3/31 is no day-first date, so even a British locale gets month-first here
        assertEquals(range("2025-01-01", "2025-03-31"), DateRangeParser.find(lines, Locale.UK));
    }

    @Test
    void microsoftChineseUiNeedsThePairToDecide() {
        // zh's own order is year-first, so "6/10/2026" alone is ambiguous; 16 is no month, so the pair is month-first
        assertEquals(range("2026-06-10", "2026-06-16"),
                DateRangeParser.find(List.of("Report Time: 6/10/2026,6/16/2026"), Locale.CHINESE));
    }

    @Test
    void ambiguousNumericRangeFollowsTheLocale() {
        List<String> lines = List.of("Report Time: 1/2/2025,1/3/2025");
        assertEquals(range("2025-01-02", "2025-01-03"), DateRangeParser.find(lines, Locale.US));   // Jan 2 - Jan 3
        assertEquals(range("2025-02-01", "2025-03-01"), DateRangeParser.find(lines, Locale.UK));   // 1 Feb - 1 Mar
    }

    @Test
    void ga4StartAndEndLines() {
        List<String> lines = List.of(
                "# ----------------------------------------",
                "# Landing page",
                "# Account: Veridian Labs",
                "# Property: veridianlabs.example \u2013 GA4",
                "# ----------------------------------------",
                "#",
                "# All Users",
                "# Start date: 20250101",
                "# End date: 20250331");
        assertEquals(range("2025-01-01", "2025-03-31"), DateRangeParser.find(lines, null));
    }

    @Test
    void ga4CompactRange() {
        List<String> lines = List.of(
                "# ----------------------------------------",
                "# All Users",
                "# Landing page + query string",
                "# 20260701-20260731",
                "# ----------------------------------------");
        assertEquals(range("2026-07-01", "2026-07-31"), DateRangeParser.find(lines, Locale.ENGLISH));
    }

    @Test
    void linkedIn() {
        List<String> lines = List.of(
                "Campaign Performance Report (in UTC)",
                "\"Report Start: January 1, 2025, 12:00 AM\"",
                "\"Report End: March 31, 2025, 11:59 PM\"",
                "\"Date Generated: April 2, 2025, 9:41 AM\"",
                "");
        assertEquals(range("2025-01-01", "2025-03-31"), DateRangeParser.find(lines, Locale.US));
        List<String> dutch = List.of(
                "Rapport met advertentieprestaties (in UTC)",
                "Begindatum van rapport: 23 september 2026 00:00",
                "Einddatum van rapport: 22 oktober 2026 23:59");
        assertEquals(range("2026-09-23", "2026-10-22"), DateRangeParser.find(dutch, NL));
    }

    @Test
    void aStartWithoutAnEndIsNoRange() {
        assertNull(DateRangeParser.find(List.of("Report Start: January 1, 2025, 12:00 AM",
                "Date Generated: April 2, 2025, 9:41 AM"), Locale.US));
    }

    @Test
    void otherSeparatorsAndRawCsvLines() {
        assertEquals(range("2025-01-01", "2025-03-31"),
                DateRangeParser.find(List.of("2025-01-01 - 2025-03-31"), Locale.US));
        assertEquals(range("2025-01-01", "2025-03-31"),
                DateRangeParser.find(List.of("Date range: 2025-01-01 to 2025-03-31"), Locale.US));
        assertEquals(range("2025-01-01", "2025-03-31"),
                DateRangeParser.find(List.of("Jan 1, 2025 \u2013 Mar 31, 2025"), Locale.US));
        assertEquals(range("2025-01-01", "2025-03-31"),
                DateRangeParser.find(List.of("\"January 1, 2025 - March 31, 2025\",,,,"), Locale.US));
        assertEquals(range("2025-01-01", "2025-03-31"),
                DateRangeParser.find(Arrays.asList(null, "", "Campaign report", "1/1/2025 - 3/31/2025"), Locale.US));
    }

    @Test
    void reversedRangeIsIgnored() {
        assertNull(DateRangeParser.find(List.of("March 31, 2025 - January 1, 2025"), Locale.US));
    }

    @Test
    void dateRangeRecord() {
        DateRange q1 = range("2025-01-01", "2025-03-31");
        assertEquals(90, q1.days());   // 31 + 28 + 31
        assertTrue(q1.contains(LocalDate.of(2025, 3, 31)));
        assertFalse(q1.contains(LocalDate.of(2025, 4, 1)));
        assertThrows(IllegalArgumentException.class, () -> range("2025-03-31", "2025-01-01"));
    }
}
