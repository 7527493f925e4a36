package dev.kpi.input;

import dev.kpi.config.KpiConfig;
import dev.kpi.records.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parallel fast path (ChunkReader + per-chunk mappers + fast lanes) must read every input exactly as
 * the sequential Commons CSV path does: the same records in the same order, the same bad values with the
 * same lines, the same notes, warnings and skipped lines. Small fixtures are forced through the fast path
 * by lowering the sample size and the size threshold, with tiny chunks so that chunk edges fall
 * everywhere; fast lanes run in check mode (each lane record is compared with the mapper's as well).
 */
class FastPathEquivalenceTest {
    private ReaderHooks hooks;

    @BeforeEach
    void save() { hooks = new ReaderHooks(); }

    @AfterEach
    void restore() { hooks.restore(); }

    /** Everything a read produces that a user can see. */
    record Outcome(List<Object> records, List<Diagnostics.BadValue> bad, long badCount, long skippedRows,
                   List<String> notes, List<String> warnings, List<String> skipped, long count) {}

    private static Outcome read(Path file, RecordType type, boolean parallel, int threads) {
        Diagnostics d = new Diagnostics();
        RecordReader reader = new RecordReader(KpiConfig.empty(), d);
        List<String> skipped = new ArrayList<>();
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(file), null), type)) {
            List<Object> main = new ArrayList<>();
            long n = o.stream(main, parallel ? ArrayList::new : null, List::add, List::addAll, parallel ? threads : 0,
                    dev.kpi.records.Projection.ALL, ChunkReader.Progress.NONE);
            for (SkippedLine s : o.table.skipped()) skipped.add(s.line() + " " + s.reason() + " " + s.text());
            return new Outcome(main, d.badValues(), d.badCount(), d.skippedRows(), d.notes(), d.warnings(), skipped, n);
        }
    }

    private void assertSame(Path file, RecordType type, int sample, int chunk) {
        RecordReader.sampleRows = sample;
        Outcome expected = read(file, type, false, 0);
        ChunkReader.minBytes = 0;
        ChunkReader.defaultChunkBytes = chunk;
        RecordReader.checkLanes = true;
        for (int threads : new int[] {1, 2, 3}) {
            Outcome actual = read(file, type, true, threads);
            String what = file.getFileName() + " sample " + sample + " chunk " + chunk + " threads " + threads;
            assertEquals(expected.records(), actual.records(), what + ": records");
            assertEquals(expected.bad(), actual.bad(), what + ": bad values");
            assertEquals(expected.badCount(), actual.badCount(), what + ": bad count");
            assertEquals(expected.skippedRows(), actual.skippedRows(), what + ": skipped rows");
            assertEquals(expected.notes(), actual.notes(), what + ": notes");
            assertEquals(expected.warnings(), actual.warnings(), what + ": warnings");
            assertEquals(expected.skipped(), actual.skipped(), what + ": skipped lines");
            assertEquals(expected.count(), actual.count(), what + ": count");
        }
        hooks.restore();
    }

    private void assertSameEverywhere(Path file, RecordType type) {
        for (int sample : new int[] {1, 3}) {
            for (int chunk : new int[] {64, 150, 1 << 16}) assertSame(file, type, sample, chunk);
        }
    }

    @Test
    void fixturesReadTheSameThroughTheFastPath() {
        Path formats = Path.of("src/test/resources/formats");
        String[][] cases = {
                {"google_ads_campaign_report.csv", "SPEND"}, {"google_ads_nl.csv", "SPEND"}, {"meta_ads.csv", "SPEND"},
                {"meta_ads_de_excel_cp1252.csv", "SPEND"}, {"linkedin_ads.csv", "SPEND"}, {"microsoft_ads.csv", "SPEND"},
                {"hubspot_deals.csv", "DEALS"}, {"pipedrive_deals.csv", "DEALS"}, {"salesforce_opportunities.csv", "DEALS"},
                {"hubspot_contacts.csv", "LEADS"}, {"salesforce_leads.csv", "LEADS"}};
        for (String[] c : cases) assertSameEverywhere(formats.resolve(c[0]), RecordType.valueOf(c[1]));
        Path samples = Path.of("samples");
        assertSameEverywhere(samples.resolve("google_ads.csv"), RecordType.SPEND);
        assertSameEverywhere(samples.resolve("meta_ads.csv"), RecordType.SPEND);
        assertSameEverywhere(samples.resolve("linkedin_ads.csv"), RecordType.SPEND);
        assertSameEverywhere(samples.resolve("hubspot_deals.csv"), RecordType.DEALS);
        assertSameEverywhere(samples.resolve("hubspot_contacts.csv"), RecordType.LEADS);
        assertSameEverywhere(samples.resolve("costs.csv"), RecordType.COSTS);
    }

    /**
     * Generated spend and deals with the quirks that send rows off the fast lanes (money with symbols and
     * grouping, placeholders, quoted names with commas and line breaks, non-ASCII names, bad dates, empty
     * required cells, totals rows, blank lines, CRLF) mixed with plain rows.
     */
    @Test
    void quirkyGeneratedFilesReadTheSame(@TempDir Path dir) throws IOException {
        Random rnd = new Random(20261206);
        for (int f = 0; f < 4; f++) {
            String eol = f % 2 == 0 ? "\n" : "\r\n";
            StringBuilder spend = new StringBuilder("date,platform,channel,campaign,impressions,clicks,cost,conversions,conversion_value" + eol);
            StringBuilder deals = new StringBuilder("id,account_id,created,closed,stage,amount,channel,campaign" + eol);
            for (int i = 0; i < 400; i++) {
                spend.append(pick(rnd, "2025-03-0" + (1 + rnd.nextInt(9)), "2025-02-30", "", "03/04/2025", "2025-03-05"))
                        .append(',').append(pick(rnd, "Google Ads", "Meta Ads", "", "--"))
                        .append(',').append(pick(rnd, "Paid Search", "paid search", "Paid Social", " Email ", ""))
                        .append(',').append(pick(rnd, "Brand", "\"Brand, EMEA\"", "\"Multi\nline\"", "Café ☕", "", "N/A",
                                "\"Say \"\"hi\"\"\""))
                        .append(',').append(pick(rnd, "1234", "1,234", "", "12.0", "-3"))
                        .append(',').append(pick(rnd, "17", "0", "", "x"))
                        .append(',').append(pick(rnd, "12.34", "$1,234.56", "\"1,234.56\"", "--", "", "0.1234567", "-5.00", "7"))
                        .append(',').append(pick(rnd, "1.5", "2", "", "n/a"))
                        .append(',').append(pick(rnd, "100.00", "", "€5"))
                        .append(eol);
                if (rnd.nextInt(50) == 0) spend.append(eol);
                deals.append(pick(rnd, String.valueOf(1000 + i), "", "1.2E+17", "D-" + i))
                        .append(',').append(pick(rnd, "A" + rnd.nextInt(40), "", "A1;A2", " A3"))
                        .append(',').append(pick(rnd, "2025-01-0" + (1 + rnd.nextInt(9)) + " 10:00:00", "2025-01-02", "", "bad"))
                        .append(',').append(pick(rnd, "2025-03-0" + (1 + rnd.nextInt(9)) + " 23:59:59", "", "9999-12-31",
                                "2025-03-01T08:00:00"))
                        .append(',').append(pick(rnd, "Closed Won", "Closed Lost", "Qualified", "closedwon", ""))
                        .append(',').append(pick(rnd, "1000.00", "$2,500", "", "1e3"))
                        .append(',').append(pick(rnd, "Paid Search", "Referral", "", "Organic Search"))
                        .append(',').append(pick(rnd, "Brand", "", "\"Q1, Launch\""))
                        .append(eol);
            }
            spend.append("Total: Account,,,,,,1000.00,,").append(eol);
            Path s = dir.resolve("spend" + f + ".csv");
            Path d = dir.resolve("deals" + f + ".csv");
            Files.writeString(s, spend, StandardCharsets.UTF_8);
            Files.writeString(d, deals, StandardCharsets.UTF_8);
            for (int chunk : new int[] {64, 333, 4096}) {
                assertSame(s, RecordType.SPEND, 2, chunk);
                assertSame(d, RecordType.DEALS, 2, chunk);
            }
        }
    }

    /** A lane must produce records for plain rows (else the fast path would silently be the slow one). */
    @Test
    void plainRowsTakeTheLane(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("plain.csv");
        StringBuilder sb = new StringBuilder("date,platform,channel,campaign,impressions,clicks,cost,conversions,conversion_value\n");
        for (int i = 0; i < 50; i++) sb.append("2025-06-0").append(1 + i % 9).append(",Google Ads,Paid Search,C").append(i % 3)
                .append(",100,10,12.50,1.5,30.00\n");
        Files.writeString(s, sb);
        Diagnostics d = new Diagnostics();
        RecordReader reader = new RecordReader(KpiConfig.empty(), d);
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(s), null), RecordType.SPEND)) {
            FastLane lane = FastLane.forFile(o.context, RecordType.SPEND, SpendMapper.StartDateMeaning.DAY,
                    dev.kpi.records.Projection.ALL);
            assertTrue(lane instanceof FastLane.SpendLane, "a plain spend file gets a lane");
        }
        // 50 rows × 12.50 = 625.00 of cost, read in chunks of 64 bytes on 2 threads
        RecordReader.sampleRows = 1;
        ChunkReader.minBytes = 0;
        ChunkReader.defaultChunkBytes = 64;
        Outcome o = read(s, RecordType.SPEND, true, 2);
        assertEquals(50, o.records().size());
        assertEquals(625_000_000L, o.records().stream().mapToLong(r -> ((dev.kpi.records.Spend) r).cost()).sum());
    }

    /** A gzipped export is not for the byte reader (it would read compressed bytes): it reads as the plain file does. */
    @Test
    void gzippedFilesKeepTheSequentialReader(@TempDir Path dir) throws IOException {
        Path plain = Path.of("samples/google_ads.csv");
        Path gz = dir.resolve("google_ads.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        RecordReader.sampleRows = 1;
        Outcome expected = read(plain, RecordType.SPEND, false, 0);
        ChunkReader.minBytes = 0;
        ChunkReader.defaultChunkBytes = 64;
        Outcome actual = read(gz, RecordType.SPEND, true, 2);
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.skipped(), actual.skipped());
    }

    /** The byte-level placeholder check agrees with the mapper's on every short string over the relevant letters. */
    @Test
    void placeholderBytesAgreeWithTheMapper() {
        char[] alphabet = "-/nNaAuUlLoOeEx".toCharArray();
        List<String> all = new ArrayList<>();
        all.add("");
        List<String> level = List.of("");
        for (int len = 1; len <= 4; len++) {
            List<String> next = new ArrayList<>();
            for (String p : level) for (char c : alphabet) next.add(p + c);
            all.addAll(next);
            level = next;
        }
        for (String v : all) {
            if (v.isEmpty()) continue;
            byte[] b = v.getBytes(StandardCharsets.US_ASCII);
            assertEquals(RowMapper.isTextPlaceholder(v), FastLane.isPlaceholder(b, 0, b.length), v);
        }
    }

    private static String pick(Random r, String... options) { return options[r.nextInt(options.length)]; }
}
