package dev.kpi.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The commands end to end, in-process. Expected KPIs of the sample company come from
 * samples/generate_samples.py, which computes them with Python's decimal module from the same data it
 * writes (an independent second computation): ad spend Paid Search 15,784.93, Paid Social 18,928.10;
 * marketing cost 107,733.03; sales cost 132,275.50; 6 new customers in Q3; blended CAC 40,001.42;
 * marketing CAC 17,955.50; 35 leads, CPL 3,078.09; 29 MQLs, cost per MQL 3,714.93; 19 SQLs, cost per SQL
 * 5,670.16 (a later stage date implies the earlier stages); paid CAC Paid Search 7,892.46, Paid Social
 * (18,928.10 + 3,000.00 agency fee tagged Paid Social) / 3 = 7,309.37, Organic Search 0.00.
 */
class CliTest {
    /** Reads numbers exactly as written (scale kept), so 10.00 stays 10.00. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    static final String[] Q3 = {"--config", "samples/kpi.yaml", "--from", "2025-07-01", "--to", "2025-09-30"};

    static String[] args(String[] base, String... more) {
        String[] a = new String[base.length + more.length];
        System.arraycopy(base, 0, a, 0, base.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    static String[] cac(String... more) {
        String[] a = args(new String[] {"cac"}, Q3);
        return args(a, more);
    }

    @Test void cacOnTheSamplesMatchesTheIndependentComputation() throws Exception {
        KpiRun r = KpiRun.run(cac("--format", "json"));
        assertEquals(0, r.exit, r.toString());
        JsonNode j = JSON.readTree(r.out);
        assertEquals("cac", j.get("command").asText());
        assertEquals("2025-07-01", j.get("from").asText());
        assertEquals("USD", j.get("currency").asText());
        JsonNode t = j.get("total");
        assertEquals(6, t.get("newCustomers").asInt());
        assertEquals(new BigDecimal("34713.03"), t.get("adSpend").decimalValue());
        assertEquals(new BigDecimal("107733.03"), t.get("marketingCost").decimalValue());
        assertEquals(new BigDecimal("132275.50"), t.get("salesCost").decimalValue());
        assertEquals(new BigDecimal("40001.42"), t.get("cac").decimalValue());
        assertEquals(new BigDecimal("240008.53"), t.get("cacNumerator").decimalValue());
        assertEquals(6, t.get("cacDenominator").asInt());
        assertEquals(new BigDecimal("17955.50"), t.get("marketingCac").decimalValue());
        assertEquals(35, t.get("leads").asInt());
        assertEquals(new BigDecimal("3078.09"), t.get("cpl").decimalValue());
        assertEquals(29, t.get("mqls").asInt());
        assertEquals(new BigDecimal("3714.93"), t.get("costPerMql").decimalValue());
        assertEquals(19, t.get("sqls").asInt());
        assertEquals(new BigDecimal("5670.16"), t.get("costPerSql").decimalValue());
        assertEquals(0, j.get("rows").size());
    }

    @Test void paidCacByChannel() throws Exception {
        KpiRun r = KpiRun.run(cac("--by", "channel", "--format", "json"));
        assertEquals(0, r.exit, r.toString());
        JsonNode rows = JSON.readTree(r.out).get("rows");
        Map<String, String> expected = Map.of("Paid Search", "7892.46", "Paid Social", "7309.37", "Organic Search", "0.00");
        int seen = 0;
        for (JsonNode row : rows) {
            String ch = row.get("channel").asText();
            if (expected.containsKey(ch)) {
                assertEquals(new BigDecimal(expected.get(ch)), row.get("cac").decimalValue(), ch);
                assertEquals("paid", row.get("cacType").asText());
                seen++;
            }
        }
        assertEquals(3, seen);
    }

    @Test void failIfExitsOneAndNamesTheRows() {
        KpiRun r = KpiRun.run(cac("--by", "channel", "--fail-if", "cac > 7500", "-q"));
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.err.contains("--fail-if 'cac > 7500' holds for 2 rows"), r.err);
        assertTrue(r.err.contains("channel=Paid Search: cac = 7892.46"), r.err);
        assertTrue(r.err.contains("total: cac = 40001.42"), r.err);
        KpiRun ok = KpiRun.run(cac("--fail-if", "cac > 50000", "-q"));
        assertEquals(0, ok.exit, ok.toString());
    }

    @Test void failIfWithUnknownMetricIsAUsageError() {
        KpiRun r = KpiRun.run(cac("--fail-if", "cacc > 1"));
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("did you mean 'cac'?"), r.err);
    }

    @Test void outputIsWrittenAtomicallyAndEqualsStdout(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("cac.csv");
        KpiRun file = KpiRun.run(cac("--format", "csv", "--output", target.toString(), "-q"));
        assertEquals(0, file.exit, file.toString());
        assertEquals("", file.out);
        KpiRun stdout = KpiRun.run(cac("--format", "csv", "-q"));
        assertEquals(stdout.out.replace(System.lineSeparator(), "\r\n").replace("\r\r\n", "\r\n"),
                Files.readString(target, StandardCharsets.UTF_8));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    @Test void monthsInFromAndToMeanWholeMonths() throws Exception {
        // --to 2025-09 is the last day of September: the whole quarter, as --to 2025-09-30 (Google 15,784.93)
        KpiRun months = KpiRun.run("ads", "--spend", "samples/google_ads.csv", "--from", "2025-07", "--to", "2025-09", "--format", "json", "-q");
        assertEquals(0, months.exit, months.toString());
        assertEquals(new BigDecimal("15784.93"), JSON.readTree(months.out).get("total").get("cost").decimalValue());
        assertEquals("2025-09-30", JSON.readTree(months.out).get("to").asText());
    }

    @Test void noColourWithoutATerminal() {
        KpiRun r = KpiRun.run(cac());
        assertEquals(0, r.exit);
        assertFalse(r.out.contains("\u001b["), r.out);
    }

    @Test void unknownOptionIsUsageError() {
        KpiRun r = KpiRun.run("cac", "--spent", "x.csv");
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("Unknown options: '--spent'"), r.err);
        assertTrue(r.err.contains("Run 'kpi cac --help' for usage."), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test void missingFileIsBadInput() {
        KpiRun r = KpiRun.run("ads", "--spend", "no/such/file.csv");
        assertEquals(3, r.exit);
        assertTrue(r.err.contains("no/such/file.csv: no such file"), r.err);
    }

    @Test void unknownConfigKeyNamesLineAndSuggestion(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kpi.yaml"), "currency: USD\ninputs:\n  spend:\n    file: a.csv\n    colums: { cost: Cost }\n");
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), "ads");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("kpi.yaml:5"), r.err);
        assertTrue(r.err.contains("unknown key 'colums'"), r.err);
        assertTrue(r.err.contains("did you mean 'columns'?"), r.err);
    }

    @Test void configColumnThatIsNotInTheFileShowsHeaders(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spend.csv"), "Day,Campaign,Costs\n2025-01-01,A,1.00\n");
        Files.writeString(dir.resolve("kpi.yaml"), "inputs:\n  spend:\n    file: spend.csv\n    columns: { cost: Cost, date: Day }\n");
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), "ads");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("has no column 'Cost' (closest: 'Costs')"), r.err);
        assertTrue(r.err.contains("its headers are: Day, Campaign, Costs"), r.err);
    }

    @Test void stdinAndGzip(@TempDir Path dir) throws Exception {
        String csv = "date,channel,campaign,cost,clicks,impressions\n2025-01-01,Paid Search,A,\"1,000.50\",10,1000\n"
                + "2025-01-02,Paid Search,A,99.50,10,1000\n";
        KpiRun r = KpiRun.in(dir, csv.getBytes(StandardCharsets.UTF_8), Map.of(), "ads", "--spend", "-", "--format", "json");
        assertEquals(0, r.exit, r.toString());
        // 1,000.50 + 99.50 = 1,100.00; CPC = 1,100.00 / 20 = 55.00
        JsonNode t = JSON.readTree(r.out).get("total");
        assertEquals(new BigDecimal("1100.00"), t.get("cost").decimalValue());
        assertEquals(new BigDecimal("55.00"), t.get("cpc").decimalValue());
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("spend.csv.gz"), bo.toByteArray());
        KpiRun g = KpiRun.in(dir, new byte[0], Map.of(), "ads", "--spend", "spend.csv.gz", "--format", "json");
        assertEquals(0, g.exit, g.toString());
        assertEquals(new BigDecimal("1100.00"), JSON.readTree(g.out).get("total").get("cost").decimalValue());
    }

    @Test void badRowsAreReportedAndStrictFails(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.csv"), "date,campaign,cost\n2025-01-01,A,10.00\n2025-01-02,A,ten\n2025-13-45,B,5.00\n");
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), "ads", "--spend", "s.csv", "--format", "json");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("2 values could not be read (2 rows skipped)"), r.err);
        assertTrue(r.err.contains("s.csv:3: column 'cost'"), r.err);
        assertTrue(r.err.contains("(value: 'ten')"), r.err);
        assertTrue(r.err.contains("s.csv:4: column 'date'"), r.err);
        assertEquals(new BigDecimal("10.00"), JSON.readTree(r.out).get("total").get("cost").decimalValue());
        KpiRun strict = KpiRun.in(dir, new byte[0], Map.of(), "ads", "--spend", "s.csv", "--strict");
        assertEquals(3, strict.exit, strict.toString());
        assertEquals("", strict.out);
    }

    @Test void mixedCurrenciesWithoutRatesAreAConfigError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.csv"), "date,campaign,cost,currency\n2025-01-01,A,10.00,USD\n2025-01-02,B,5.00,EUR\n");
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), "ads", "--spend", "s.csv");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("amounts are in EUR, USD and no reporting currency is set"), r.err);
        Files.writeString(dir.resolve("kpi.yaml"), "currency: USD\n");
        KpiRun r2 = KpiRun.in(dir, new byte[0], Map.of(), "ads", "--spend", "s.csv");
        assertEquals(4, r2.exit, r2.toString());
        assertTrue(r2.err.contains("no fx rate to convert it into USD"), r2.err);
        Files.writeString(dir.resolve("kpi.yaml"), "currency: USD\nfx: { EUR: 1.2 }\n");
        KpiRun r3 = KpiRun.in(dir, new byte[0], Map.of(), "ads", "--spend", "s.csv", "--format", "json");
        assertEquals(0, r3.exit, r3.toString());
        // 10.00 USD + 5.00 EUR × 1.2 = 16.00 USD
        assertEquals(new BigDecimal("16.00"), JSON.readTree(r3.out).get("total").get("cost").decimalValue());
    }

    @Test void versionAndHelpListExitCodes() {
        KpiRun v = KpiRun.run("--version");
        assertEquals(0, v.exit);
        assertTrue(v.out.startsWith("kpi "), v.out);
        KpiRun h = KpiRun.run("--help");
        assertEquals(0, h.exit);
        assertTrue(h.out.contains("Exit codes:"), h.out);
        assertTrue(h.out.contains("4   bad config"), h.out);
        for (String cmd : new String[] {"cac", "ads", "inspect", "init"}) {
            KpiRun c = KpiRun.run(cmd, "--help");
            assertEquals(0, c.exit, cmd);
            assertTrue(c.out.contains("Exit codes:"), cmd + ":\n" + c.out);
            assertEquals(0, KpiRun.run(cmd, "--version").exit, cmd);
        }
    }

    @Test void inspectShowsWhatWasDetected() {
        KpiRun r = KpiRun.run("inspect", "src/test/resources/formats/linkedin_ads.csv");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("Encoding:      UTF-16LE with BOM"), r.out);
        assertTrue(r.out.contains("Delimiter:     tab"), r.out);
        assertTrue(r.out.contains("Header:        line 6"), r.out);
        assertTrue(r.out.contains("Report period: 2025-01-01 to 2025-03-31"), r.out);
        assertTrue(r.out.contains("Preset:        linkedin-ads"), r.out);
        assertTrue(r.out.contains("Records:       9 from 9 data rows"), r.out);
    }

    @Test void initWritesAConfigThatWorks(@TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        for (String f : new String[] {"google_ads.csv", "meta_ads.csv", "hubspot_deals.csv", "costs.csv"}) {
            Files.copy(root.resolve("samples").resolve(f), dir.resolve(f));
        }
        KpiRun init = KpiRun.in(dir, new byte[0], Map.of(), "init", "google_ads.csv", "meta_ads.csv", "hubspot_deals.csv", "costs.csv");
        assertEquals(0, init.exit, init.toString());
        String yaml = Files.readString(dir.resolve("kpi.yaml"));
        assertTrue(yaml.contains("preset: google-ads"), yaml);
        assertTrue(yaml.contains("preset: meta-ads"), yaml);
        assertTrue(yaml.contains("preset: hubspot-deals"), yaml);
        assertTrue(yaml.contains("preset: kpi-costs"), yaml);
        KpiRun again = KpiRun.in(dir, new byte[0], Map.of(), "init", "google_ads.csv");
        assertEquals(2, again.exit, "refuses to overwrite");
        KpiRun cac = KpiRun.in(dir, new byte[0], Map.of(), "cac", "--from", "2025-07-01", "--to", "2025-09-30", "--format", "json");
        assertEquals(0, cac.exit, cac.toString());
        // Google 15,784.93 + Meta spend (the generator's Meta total, 6,416.25) = 22,201.18 of ad spend
        assertEquals(new BigDecimal("22201.18"), JSON.readTree(cac.out).get("total").get("adSpend").decimalValue());
    }
}
