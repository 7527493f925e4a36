package dev.kpi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind of bad input gets its exit code and a one-line message that says where and what to do. */
class ErrorPathsTest {
    @TempDir Path dir;

    KpiRun run(String... args) { return KpiRun.in(dir, new byte[0], Map.of(), args); }

    void write(String name, String text) throws Exception { Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8); }

    static void noStackTrace(KpiRun r) {
        assertFalse(r.err.contains("\tat "), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test void unbalancedQuoteIsMalformedCsvWithALine() throws Exception {
        write("s.csv", "date,campaign,cost\n2025-01-01,A,1.00\n2025-01-02,\"B,2.00\n2025-01-03,C,3.00\n");
        KpiRun r = run("ads", "--spend", "s.csv");
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("s.csv:3: malformed CSV"), r.err);
        assertTrue(r.err.contains("unbalanced quote"), r.err);
        noStackTrace(r);
    }

    @Test void emptyFile() throws Exception {
        write("s.csv", "");
        KpiRun r = run("ads", "--spend", "s.csv");
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("s.csv: the file is empty"), r.err);
    }

    @Test void exportWithoutRowsIsEmptyNotUnreadable() throws Exception {
        write("meta.csv", "\"Reporting starts\",\"Reporting ends\",\"Campaign name\",\"Amount spent (USD)\",Impressions\n\"No data available.\"\n");
        KpiRun r = run("ads", "--spend", "meta.csv");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("meta.csv: no data rows (an empty export)"), r.err);
    }

    @Test void missingRequiredColumnNamesHeadersAndConfigKey() throws Exception {
        write("s.csv", "Day,Campaign,Clicks\n2025-01-01,A,3\n");
        KpiRun r = run("ads", "--spend", "s.csv");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("no column for 'cost'"), r.err);
        assertTrue(r.err.contains("Headers: Day, Campaign, Clicks"), r.err);
        assertTrue(r.err.contains("inputs.spend.columns.cost"), r.err);
    }

    @Test void unknownPresetSuggestsTheClosest() throws Exception {
        write("s.csv", "date,cost\n2025-01-01,1\n");
        write("kpi.yaml", "inputs:\n  spend:\n    file: s.csv\n    preset: google-adds\n");
        KpiRun r = run("ads");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("'google-adds' is not a spend preset (did you mean 'google-ads'?)"), r.err);
    }

    @Test void invalidYamlPointsAtTheLine() throws Exception {
        write("kpi.yaml", "currency: USD\nfx: { EUR: 1.08\ninputs:\n");
        KpiRun r = run("ads", "--spend", "x.csv");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.matches("(?s).*kpi\\.yaml:\\d+:\\d+: not valid YAML.*"), r.err);
        noStackTrace(r);
    }

    @Test void badConfigValues() throws Exception {
        write("kpi.yaml", "currency: dollars\n");
        assertTrue(run("ads", "--spend", "x.csv").err.contains("kpi.yaml:1:11: currency: expected a 3-letter currency code"));
        write("kpi.yaml", "fx: { EUR: -1 }\n");
        assertTrue(run("ads", "--spend", "x.csv").err.contains("a rate must be positive"));
        write("kpi.yaml", "inputs:\n  spend:\n    file: x.csv\n    dateFormat: dd.MM.yyyyQQQQQQ\n");
        KpiRun r = run("ads");
        assertEquals(4, r.exit);
        assertTrue(r.err.contains("dateFormat: not a date pattern"), r.err);
        write("kpi.yaml", "inputs:\n  spnd:\n    file: x.csv\n");
        assertTrue(run("ads").err.contains("unknown key 'spnd' in inputs (did you mean 'spend'?)"));
        write("kpi.yaml", "timezone: Mars/Olympus\n");
        assertTrue(run("ads", "--spend", "x.csv").err.contains("unknown time zone 'Mars/Olympus'"));
    }

    @Test void usageErrors() throws Exception {
        KpiRun by = run("ads", "--spend", "x.csv", "--by", "chanel");
        assertEquals(2, by.exit);
        assertTrue(by.err.contains("--by: unknown dimension 'chanel'"), by.err);
        KpiRun dates = run("ads", "--spend", "x.csv", "--from", "2025-03-01", "--to", "2025-02-01");
        assertEquals(2, dates.exit);
        assertTrue(dates.err.contains("--to 2025-02-01 is before --from 2025-03-01"), dates.err);
        KpiRun baddate = run("ads", "--spend", "x.csv", "--from", "03/01/2025");
        assertEquals(2, baddate.exit);
        assertTrue(baddate.err.contains("'03/01/2025' is not a date; use YYYY-MM-DD"), baddate.err);
        KpiRun noDeals = run("cac", "--spend", "x.csv");
        assertEquals(2, noDeals.exit);
        assertTrue(noDeals.err.contains("kpi cac needs --deals FILE"), noDeals.err);
        KpiRun noSpend = run("ads");
        assertEquals(2, noSpend.exit);
        assertTrue(noSpend.err.contains("kpi ads needs --spend FILE"), noSpend.err);
        KpiRun twoStdin = run("cac", "--deals", "-", "-", "--spend", "x.csv");
        assertEquals(2, twoStdin.exit);
        assertTrue(twoStdin.err.contains("standard input (-) can be read only once"), twoStdin.err);
        KpiRun format = run("ads", "--spend", "x.csv", "--format", "xml");
        assertEquals(2, format.exit);
        assertTrue(format.err.contains("--format"), format.err);
        KpiRun noCommand = run();
        assertEquals(2, noCommand.exit);
        assertTrue(noCommand.err.contains("a command is required"), noCommand.err);
    }

    @Test void outputIntoAMissingFolder() throws Exception {
        write("s.csv", "date,campaign,cost\n2025-01-01,A,1.00\n");
        KpiRun r = run("ads", "--spend", "s.csv", "--output", "no/such/dir/out.csv");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("does not exist"), r.err);
    }

    @Test void aggregateRowCutByTheWindow() throws Exception {
        write("g.csv", "Campaign report\n\"January 1, 2025 - March 31, 2025\"\nCampaign,Impr.,Clicks,Cost\nBrand,100,10,50.00\n");
        KpiRun r = run("ads", "--spend", "g.csv", "--from", "2025-02-01");
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("covers 2025-01-01 to 2025-03-31, which --from/--to cuts through"), r.err);
        KpiRun byMonth = run("ads", "--spend", "g.csv", "--by", "month");
        assertEquals(3, byMonth.exit, byMonth.toString());
        assertTrue(byMonth.err.contains("more than one month; export it with a month (or day) breakdown"), byMonth.err);
        KpiRun whole = run("ads", "--spend", "g.csv", "--from", "2025-01-01", "--to", "2025-03-31", "-q");
        assertEquals(0, whole.exit, whole.toString());
    }

    @Test void ambiguousDayMonthOrderAndDamagedIds() throws Exception {
        // One row says day first (22/01), another month first (01/22): no order fits both, so the default
        // (month first, as US exports write) is used and the row it cannot read is reported.
        write("s.csv", "date,campaign,cost\n01/22/2025,A,1.00\n22/01/2025,A,2.00\n");
        KpiRun r = run("ads", "--spend", "s.csv", "--by", "month", "--format", "csv", "--quiet");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("22 is not a month"), r.err);
        assertTrue(r.err.contains("set dateFormat"), r.err);
        write("d.csv", "id,account_id,stage,closed,amount\n1.20253E+17,A,Closed Won,2025-01-01,10\n");
        write("c.csv", "month,team,amount\n2025-01,sales,5\n");
        KpiRun ids = run("cac", "--costs", "c.csv", "--deals", "d.csv", "-q");
        assertTrue(ids.err.contains("scientific notation"), ids.err);
    }

    @Test void placeholderYearsAreBadValuesNotDates() throws Exception {
        // 9999-12-31 as "no end" must not become a real (or wrapped-around) date
        write("d.csv", "id,account_id,stage,created,closed,amount\nD1,A,Closed Won,2025-01-01,2025-02-01,10\nD2,B,Closed Lost,2025-01-02,9999-12-31,5\n");
        write("c.csv", "month,team,amount\n2025-01,sales,5\n");
        KpiRun r = run("cac", "--costs", "c.csv", "--deals", "d.csv", "-q");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("d.csv:3: column 'closed': year 9999 is outside 1900–2199"), r.err);
    }

    @Test void strictStopsBeforeWritingAnything(@TempDir Path out) throws Exception {
        write("s.csv", "date,campaign,cost\n2025-01-01,A,1.00\n2025-01-02,A,abc\n");
        Path target = out.resolve("r.json");
        KpiRun r = run("ads", "--spend", "s.csv", "--strict", "--output", target.toString());
        assertEquals(3, r.exit, r.toString());
        assertFalse(Files.exists(target));
        assertTrue(r.err.contains("--strict is set; no report was written"), r.err);
    }

    @Test void manyBadValuesAreCountedAfterTheFirstTwenty() throws Exception {
        StringBuilder sb = new StringBuilder("date,campaign,cost\n");
        for (int i = 0; i < 25; i++) sb.append("2025-01-01,A,x").append(i).append('\n');
        write("s.csv", sb.toString());
        KpiRun r = run("ads", "--spend", "s.csv", "-q");
        assertTrue(r.err.contains("25 values could not be read (25 rows skipped)"), r.err);
        assertTrue(r.err.contains("… and 5 more"), r.err);
        assertEquals(20, r.err.lines().filter(l -> l.startsWith("  s.csv:")).count(), r.err);
    }
}
