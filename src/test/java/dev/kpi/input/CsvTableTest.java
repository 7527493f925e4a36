package dev.kpi.input;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.*;

class CsvTableTest {
    static final Path FORMATS = Path.of("src/test/resources/formats");

    /** Scores a header candidate by how many of these names it contains. */
    static ToIntFunction<List<String>> knows(String... names) {
        Set<String> known = new java.util.HashSet<>();
        for (String n : names) known.add(Headers.normalize(n));
        return cells -> (int) cells.stream().map(Headers::normalize).filter(known::contains).count();
    }

    static List<RawRow> rows(CsvTable t) {
        List<RawRow> out = new ArrayList<>();
        t.forEach(out::add);
        return out;
    }

    @Test void googleAdsCsvPreambleAndTotals() {
        try (CsvTable t = CsvTable.open(InputSource.file(FORMATS.resolve("google_ads_campaign_report.csv")),
                CsvTable.Options.detect(knows("Campaign", "Cost", "Impr.", "Clicks")))) {
            assertEquals("UTF-8", t.encoding());
            assertEquals(',', t.delimiter());
            assertEquals(3, t.headerLine());
            assertEquals("Campaign status", t.header().get(0));
            List<RawRow> rows = rows(t);
            // 7 campaigns on lines 4..10, then 5 "Total: …" rows on lines 11..15
            assertEquals(7, rows.size());
            assertEquals(4, rows.get(0).line());
            assertEquals("GA | Search | Data Pipeline, EMEA", rows.get(1).cells()[1]);
            assertEquals(10, rows.get(6).line());
            long totals = t.skipped().stream().filter(s -> s.reason() == SkippedLine.Reason.TOTAL).count();
            assertEquals(5, totals);
            long preamble = t.skipped().stream().filter(s -> s.reason() == SkippedLine.Reason.PREAMBLE).count();
            assertEquals(2, preamble);
            assertEquals(11, t.skipped().stream().filter(s -> s.reason() == SkippedLine.Reason.TOTAL)
                    .mapToLong(SkippedLine::line).min().orElseThrow());
        }
    }

    @Test void googleAdsExcelUtf16Tab() {
        try (CsvTable t = CsvTable.open(InputSource.file(FORMATS.resolve("google_ads_campaign_report_excel_utf16.csv")),
                CsvTable.Options.detect(knows("Campaign", "Cost", "Day")))) {
            assertEquals("UTF-16LE with BOM", t.encoding());
            assertEquals('\t', t.delimiter());
            assertEquals(3, t.headerLine());
            assertEquals(List.of("Day", "Campaign", "Campaign ID", "Currency code", "Impr.", "Clicks", "Cost", "Conversions"),
                    t.header().subList(0, 8));
            List<RawRow> rows = rows(t);
            assertEquals("2025-01-06", rows.get(0).cells()[0]);
            assertEquals("GA | Search | Data Pipeline, EMEA", rows.get(7).cells()[1]);
        }
    }

    @Test void linkedinUtf16PreambleWithBlankLine() {
        try (CsvTable t = CsvTable.open(InputSource.file(FORMATS.resolve("linkedin_ads.csv")),
                CsvTable.Options.detect(knows("Campaign Name", "Total Spent", "Impressions")))) {
            assertEquals('\t', t.delimiter());
            assertEquals(6, t.headerLine()); // 4 preamble lines + a blank line
            List<RawRow> rows = rows(t);
            assertEquals(9, rows.size());
            assertEquals(7, rows.get(0).line());
            assertEquals("LI | Retargeting | Case Study, Logistics", rows.get(6).cells()[6]);
            assertEquals(4, t.skipped().stream().filter(s -> s.reason() == SkippedLine.Reason.PREAMBLE).count());
        }
    }

    @Test void microsoftBomMetadataAndCopyrightFooter() {
        try (CsvTable t = CsvTable.open(InputSource.file(FORMATS.resolve("microsoft_ads.csv")),
                CsvTable.Options.detect(knows("Campaign name", "Spend", "Impressions")))) {
            assertEquals("UTF-8 with BOM", t.encoding());
            assertEquals(11, t.headerLine());
            List<RawRow> rows = rows(t);
            assertEquals(6, rows.size());
            assertEquals(12, rows.get(0).line());
            assertTrue(t.skipped().stream().anyMatch(s -> s.reason() == SkippedLine.Reason.FOOTER
                    && s.text().startsWith("©2025 Microsoft") && s.line() == 19));
        }
    }

    @Test void salesforceEmbeddedCrlfAndFiveLineFooter() {
        try (CsvTable t = CsvTable.open(InputSource.file(FORMATS.resolve("salesforce_opportunities.csv")),
                CsvTable.Options.detect(knows("Opportunity Name", "Stage", "Amount", "Close Date")))) {
            assertEquals(1, t.headerLine());
            List<RawRow> rows = rows(t);
            assertEquals(17, rows.size());
            // The Łódź row (12th record) has "Next Step" spanning two physical lines, so the row after it
            // starts one line later than its record number suggests: header line 1, records 2..12, then 14.
            assertEquals(12, rows.get(10).line());
            assertTrue(rows.get(10).cells()[13].contains("\r\n") || rows.get(10).cells()[13].contains("\n"));
            assertEquals(14, rows.get(11).line());
            long footers = t.skipped().stream().filter(s -> s.reason() == SkippedLine.Reason.FOOTER).count();
            assertEquals(5, footers);
        }
    }

    @Test void ga4HashPreamble() {
        try (CsvTable t = CsvTable.open(InputSource.file(FORMATS.resolve("ga4_landing_pages.csv")),
                CsvTable.Options.detect(knows("Landing page", "Sessions")))) {
            assertEquals(10, t.headerLine());
            assertEquals("Landing page", t.header().get(0));
            assertEquals(9, t.preamble().size());
        }
    }

    @Test void semicolonAndNoKnownHeaders() {
        String csv = "Tag;Kampagnenname;Ausgegebener Betrag (EUR)\n2025-01-02;Brand;\"12,50\"\n";
        try (CsvTable t = CsvTable.open(InputSource.stdin(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
                CsvTable.Options.detect(null))) {
            assertEquals(';', t.delimiter());
            assertEquals(1, t.headerLine());
            assertEquals("12,50", rows(t).get(0).cells()[2]);
        }
    }

    @Test void windows1252Fallback() {
        byte[] bytes = "name,amount\nM\u00fcller,12\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        try (CsvTable t = CsvTable.open(InputSource.stdin(new ByteArrayInputStream(bytes)), CsvTable.Options.detect(null))) {
            assertEquals("Windows-1252", t.encoding());
            assertEquals("Müller", rows(t).get(0).cells()[0]);
        }
    }

    @Test void utf16BigEndianWithBomAndLittleEndianWithout() {
        String tsv = "Day\tCampaign\tCost\n2025-01-06\tMüller, Brand\t1.50\n";
        byte[] be = tsv.getBytes(java.nio.charset.Charset.forName("UTF-16BE"));
        byte[] withBom = new byte[be.length + 2];
        withBom[0] = (byte) 0xFE;
        withBom[1] = (byte) 0xFF;
        System.arraycopy(be, 0, withBom, 2, be.length);
        try (CsvTable t = CsvTable.open(InputSource.stdin(new ByteArrayInputStream(withBom)), CsvTable.Options.detect(null))) {
            assertEquals("UTF-16BE with BOM", t.encoding());
            assertEquals('\t', t.delimiter());
            assertEquals("Müller, Brand", rows(t).get(0).cells()[1]);
        }
        byte[] le = tsv.getBytes(java.nio.charset.Charset.forName("UTF-16LE"));
        try (CsvTable t = CsvTable.open(InputSource.stdin(new ByteArrayInputStream(le)), CsvTable.Options.detect(null))) {
            assertEquals("UTF-16LE", t.encoding());
            assertEquals("1.50", rows(t).get(0).cells()[2]);
        }
    }

    @Test void utf8WithBomAndCrlf() {
        byte[] b = "\uFEFFdate,cost\r\n2025-01-01,\"1,5\"\r\n".getBytes(StandardCharsets.UTF_8);
        try (CsvTable t = CsvTable.open(InputSource.stdin(new ByteArrayInputStream(b)), CsvTable.Options.detect(null))) {
            assertEquals("UTF-8 with BOM", t.encoding());
            assertEquals(List.of("date", "cost"), t.header());
            assertEquals("1,5", rows(t).get(0).cells()[1]);
        }
    }

    @Test void gzipIsReadTransparently() throws Exception {
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bo)) {
            gz.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        try (CsvTable t = CsvTable.open(InputSource.stdin(new ByteArrayInputStream(bo.toByteArray())), CsvTable.Options.detect(null))) {
            assertEquals(List.of("a", "b"), t.header());
            assertEquals("2", rows(t).get(0).cells()[1]);
        }
    }

    @Test void keepsDataThatMerelyStartsWithTotal() {
        String csv = "Search term,Clicks\ntotal gym repair,5\nGesamtpaket Brand,3\nTotal: Search terms,8\n";
        try (CsvTable t = CsvTable.open(InputSource.stdin(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
                CsvTable.Options.detect(knows("Clicks")))) {
            List<RawRow> rows = rows(t);
            assertEquals(2, rows.size());
            assertEquals(1, t.skipped().size());
        }
    }

    @Test void emptyFileIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> CsvTable.open(
                InputSource.stdin(new ByteArrayInputStream(new byte[0])), CsvTable.Options.detect(null)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
