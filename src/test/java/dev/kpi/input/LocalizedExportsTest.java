package dev.kpi.input;

import dev.kpi.config.KpiConfig;
import dev.kpi.input.value.NumberLocale;
import dev.kpi.records.Micros;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Localised exports: decimal commas, dot thousands, semicolons, Windows-1252, translated headers. */
class LocalizedExportsTest {
    static final Path FORMATS = Path.of("src/test/resources/formats");

    static long m(String v) { return Micros.of(new BigDecimal(v)); }

    static RecordReader.Opened open(String file, KpiConfig config, Diagnostics d) {
        return new RecordReader(config, d).open(new InputSpec(InputSource.file(FORMATS.resolve(file)),
                config.inputs(RecordType.SPEND).isEmpty() ? null : config.inputs(RecordType.SPEND).get(0)), RecordType.SPEND);
    }

    static List<Spend> all(RecordReader.Opened o) {
        List<Spend> out = new ArrayList<>();
        o.stream(r -> out.add((Spend) r));
        o.close();
        return out;
    }

    @Test void dutchGoogleAdsInfersDecimalComma() {
        Diagnostics d = new Diagnostics();
        RecordReader.Opened o = open("google_ads_nl.csv", KpiConfig.empty(), d);
        assertEquals("google-ads", o.preset.name());
        assertEquals(NumberLocale.COMMA, o.numberLocale);       // "1575,24", "45,50" decide it
        assertEquals(LocalDate.of(2025, 5, 9), o.context.reportRange().start()); // "9 mei 2025 - 7 juni 2025"
        List<Spend> rows = all(o);
        assertEquals(3, rows.size());                             // two "Totaal:" rows skipped
        Spend brand = rows.get(0);
        assertEquals(18914, brand.impressions());                 // "18.914" is eighteen thousand
        assertEquals(1696, brand.clicks());                       // "1.696" likewise
        assertEquals(m("1575.24"), brand.cost());
        assertEquals(m("45.5"), brand.conversions());
        assertEquals("EUR", brand.currency());
        // the export's own total: 2235,64 cost, 27.068 impressions
        assertEquals(m("2235.64"), rows.stream().mapToLong(Spend::cost).sum());
        assertEquals(27068, rows.stream().mapToLong(Spend::impressions).sum());
        assertEquals(0, d.badCount());
    }

    @Test void germanExcelResaveWithSemicolonsAndCp1252() {
        Diagnostics d = new Diagnostics();
        RecordReader.Opened o = open("meta_ads_de_excel_cp1252.csv", KpiConfig.empty(), d);
        assertEquals("Windows-1252", o.table.encoding());
        assertEquals(';', o.table.delimiter());
        assertEquals("meta-ads", o.preset.name());
        List<Spend> rows = all(o);
        assertEquals(3, rows.size());
        Spend s = rows.get(1);
        assertEquals("Müller Maschinen – Webinar", s.campaign()); // en dash exists in cp1252
        assertEquals(LocalDate.of(2025, 2, 4), s.date());       // a Tag column wins over the report range
        assertNull(s.dateEnd());
        assertEquals(m("1234.56"), s.cost());
        assertEquals("EUR", s.currency());                      // from "Ausgegebener Betrag (EUR)"
        assertEquals(15877, s.impressions());
        assertEquals("Gesamtpaket Brand", rows.get(2).campaign()); // a campaign starting "Gesamt" is data
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("Windows-1252")), d.warnings().toString());
    }

    @Test void configLocaleAndDateFormatOverrideDetection() {
        // The same Dutch file read with an explicit locale gives the same numbers.
        KpiConfig c = KpiConfig.parse(new StringReader("inputs:\n  spend:\n    file: x.csv\n    locale: nl-NL\n"), "kpi.yaml", false);
        Diagnostics d = new Diagnostics();
        RecordReader.Opened o = open("google_ads_nl.csv", c, d);
        assertEquals("config locale nl-NL", o.numberLocaleSource);
        assertEquals(m("1575.24"), all(o).get(0).cost());
    }

    @Test void hubspotEpochMillisAndZonedTimestamps() throws Exception {
        // 1736846400000 ms = 2025-01-14T09:20:00Z (20102 days × 86400 s + 33600 s); in Europe/Berlin that is 10:20.
        String csv = "Record ID,Create Date,Lifecycle Stage,Became a Customer Date\n"
                + "1,1736846400000,lead,2025-03-30T01:30:00Z\n";
        KpiConfig c = KpiConfig.parse(new StringReader("timezone: Europe/Berlin\n"), "kpi.yaml", false);
        Diagnostics d = new Diagnostics();
        List<dev.kpi.records.Lead> leads = new ArrayList<>();
        new RecordReader(c, d).read(new InputSpec(InputSource.stdin(new java.io.ByteArrayInputStream(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))), null), RecordType.LEADS, (dev.kpi.records.Lead l) -> leads.add(l));
        assertEquals(java.time.LocalDateTime.of(2025, 1, 14, 10, 20), leads.get(0).created());
        // 01:30 UTC on the night the clocks go forward in Berlin (02:00 → 03:00) is 03:30 local
        assertEquals(java.time.LocalDateTime.of(2025, 3, 30, 3, 30), leads.get(0).customerDate());
        assertEquals(0, d.badCount());
    }
}
