package dev.kpi.input;

import dev.kpi.calc.AdsCalculator;
import dev.kpi.calc.Dimension;
import dev.kpi.calc.Window;
import dev.kpi.cli.KpiRun;
import dev.kpi.config.KpiConfig;
import dev.kpi.records.Projection;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
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
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spend rows summed by the {@link SpendCombiner} must give exactly the reports that reading every row on
 * its own gives: {@code kpi ads} and {@code kpi cac}, every grouping, with and without a window and a spend
 * lag, on files that mix plain rows with every quirk that sends a row the ordinary way (quoted and
 * non-ASCII names, money with symbols, placeholders, bad dates and numbers, two spellings of a channel and
 * of a currency, empty metrics). Whole runs are compared: stdout (the JSON report) and stderr (warnings,
 * bad values with their lines), byte for byte.
 */
class CombinedReadTest {
    private ReaderHooks hooks;

    @BeforeEach
    void save() { hooks = new ReaderHooks(); }

    @AfterEach
    void restore() { hooks.restore(); }

    private static String pick(Random r, String... options) { return options[r.nextInt(options.length)]; }

    /** A spend export: mostly plain rows over few keys (so rows do combine), with quirks sprinkled in. */
    private static String spend(Random rnd, int rows, boolean currencyColumn, int quirkEvery) {
        StringBuilder sb = new StringBuilder("date,platform,channel,campaign,impressions,clicks,cost,conversions,conversion_value"
                + (currencyColumn ? ",currency" : "") + "\n");
        for (int i = 0; i < rows; i++) {
            boolean quirk = rnd.nextInt(quirkEvery) == 0;
            String date = quirk ? pick(rnd, "2025-02-30", "", "03/04/2025", "2025-3-05", "2025-04-01")
                    : "2025-0" + (3 + rnd.nextInt(3)) + "-" + String.format("%02d", 1 + rnd.nextInt(28));
            String platform = quirk ? pick(rnd, "", "--", "\"Google Ads\"", "Bing ☕") : pick(rnd, "Google Ads", "Meta Ads", "LinkedIn Ads");
            String channel = quirk ? pick(rnd, " Email ", "", "\"Paid, Search\"", "Référence")
                    : pick(rnd, "Paid Search", "paid search", "Paid Social", "Display");
            String campaign = quirk ? pick(rnd, "\"Brand, EMEA\"", "\"Multi\nline\"", "Café", "", "N/A", "\"Say \"\"hi\"\"\"")
                    : pick(rnd, "Brand", "Generic", "Retargeting_FR_" + rnd.nextInt(4), "Webinar");
            String impressions = quirk ? pick(rnd, "1,234", "", "12.0", "-3", "x") : String.valueOf(rnd.nextInt(5000));
            String clicks = quirk ? pick(rnd, "", "x", "0") : String.valueOf(rnd.nextInt(300));
            String cost = quirk ? pick(rnd, "$1,234.56", "\"1,234.56\"", "--", "", "0.1234567", "-5.00", ".5", "7.")
                    : rnd.nextInt(10) + "." + String.format("%02d", rnd.nextInt(100));
            String conversions = quirk ? pick(rnd, "", "n/a", "1.5") : pick(rnd, "0", "1", "2.5", "0.25", "");
            String value = quirk ? pick(rnd, "", "€5", "12") : pick(rnd, "100.00", "0", "33.333333", "");
            sb.append(date).append(',').append(platform).append(',').append(channel).append(',').append(campaign).append(',')
                    .append(impressions).append(',').append(clicks).append(',').append(cost).append(',').append(conversions)
                    .append(',').append(value);
            if (currencyColumn) sb.append(',').append(quirk ? pick(rnd, "", "US", "\"usd\"") : pick(rnd, "USD", "usd", "EUR"));
            sb.append('\n');
            if (rnd.nextInt(97) == 0) sb.append('\n');
        }
        sb.append("Total: Account,,,,,,1000.00,,").append(currencyColumn ? ",\n" : "\n");
        return sb.toString();
    }

    private static String deals(Random rnd, int rows) {
        StringBuilder sb = new StringBuilder("id,account_id,created,closed,stage,amount,channel,campaign\n");
        for (int i = 0; i < rows; i++) {
            sb.append(1000 + i).append(",A").append(rnd.nextInt(rows / 3 + 1)).append(",2025-02-0").append(1 + rnd.nextInt(9))
                    .append(" 10:00:00,2025-0").append(3 + rnd.nextInt(3)).append("-1").append(rnd.nextInt(10)).append(" 12:00:00,")
                    .append(pick(rnd, "Closed Won", "Closed Won", "Closed Lost", "Qualified")).append(',')
                    .append(pick(rnd, "1000.00", "250.50")).append(',')
                    .append(pick(rnd, "Paid Search", "PAID SEARCH", "Paid Social", "Display", "Referral")).append(',')
                    .append(pick(rnd, "Brand", "Generic", "Webinar", "")).append('\n');
        }
        return sb.toString();
    }

    private static final String CONFIG = """
            currency: USD
            fx: { EUR: 1.08 }
            inputs:
              spend:
                columns: { date: date, platform: platform, channel: channel, campaign: campaign, impressions: impressions,
                           clicks: clicks, cost: cost, conversions: conversions, conversionValue: conversion_value }
              deals:
                columns: { id: id, accountId: account_id, created: created, closed: closed, stage: stage, amount: amount,
                           channel: channel, campaign: campaign }
            stages: { won: [ Closed Won ], lost: [ Closed Lost ] }
            """;

    /** Switches summing spend rows off. */
    private static final Runnable NO_SUMS = () -> SpendCombiner.enabled = false;
    /** Switches stand-ins for deals that are not won off. */
    private static final Runnable NO_STAND_INS = () -> FastLane.standIns = false;

    /**
     * Runs kpi with {@code args} twice, first with {@code off} switching a shortcut off, then as it is, and
     * requires the same exit code, stdout and stderr.
     */
    private static void assertSameRun(Path dir, Runnable off, String... args) {
        ReaderHooks before = new ReaderHooks();
        KpiRun expected;
        try {
            off.run();
            expected = KpiRun.in(dir, new byte[0], Map.of(), args);
        } finally {
            before.restore();
        }
        KpiRun actual = KpiRun.in(dir, new byte[0], Map.of(), args);
        String what = String.join(" ", args) + " (chunks of " + ChunkReader.defaultChunkBytes + " B)";
        assertEquals(expected.exit, actual.exit, what + ": exit\n" + actual);
        assertEquals(expected.out, actual.out, what + ": stdout");
        assertEquals(expected.err, actual.err, what + ": stderr");
    }

    @Test
    void combinedSpendGivesTheSameReports(@TempDir Path dir) throws IOException {
        Random rnd = new Random(20261207);
        Files.writeString(dir.resolve("kpi.yaml"), CONFIG.replace("conversionValue: conversion_value }",
                "conversionValue: conversion_value, currency: currency }"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("plain.csv"), spend(rnd, 3000, false, 1_000_000), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("quirky.csv"), spend(rnd, 3000, true, 8), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("deals.csv"), deals(rnd, 600), StandardCharsets.UTF_8);
        String[][] groupings = {{}, {"--by", "campaign"}, {"--by", "channel"}, {"--by", "platform"}, {"--by", "month"},
                {"--by", "channel,week"}, {"--by", "campaign", "--from", "2025-04-01", "--to", "2025-04-30"}};
        RecordReader.sampleRows = 5;
        ChunkReader.minBytes = 0;
        for (int chunk : new int[] {257, 1 << 14}) {
            ChunkReader.defaultChunkBytes = chunk;
            SpendCombiner.maxEntries = chunk == 257 ? 3 : 1 << 16; // small tables are emitted mid-chunk
            for (String file : new String[] {"plain.csv", "quirky.csv"}) {
                for (String[] by : groupings) {
                    for (String threads : new String[] {"1", "3"}) {
                        List<String> ads = new ArrayList<>(List.of("ads", "--spend", file, "--format", "json", "--threads", threads));
                        ads.addAll(List.of(by));
                        assertSameRun(dir, NO_SUMS, ads.toArray(String[]::new));
                        List<String> cac = new ArrayList<>(List.of("cac", "--spend", file, "--deals", "deals.csv", "--format", "json",
                                "--threads", threads));
                        cac.addAll(List.of(by));
                        assertSameRun(dir, NO_SUMS, cac.toArray(String[]::new));
                    }
                }
            }
        }
        // sequential reads (files under the fast reader's threshold: rows as strings, no lanes) are unaffected
        ChunkReader.minBytes = Long.MAX_VALUE;
        assertSameRun(dir, NO_SUMS, "ads", "--spend", "quirky.csv", "--format", "json", "--by", "campaign");
        assertSameRun(dir, NO_SUMS, "cac", "--spend", "quirky.csv", "--deals", "deals.csv", "--format", "json", "--by", "channel,month",
                "--spend-lag", "1", "--from", "2025-05-01", "--to", "2025-06-30");
    }

    /** Deals with every quirk that sends a row to the mapper, mixed with plain won, lost and open deals. */
    private static String quirkyDeals(Random rnd, int rows) {
        StringBuilder sb = new StringBuilder("id,account_id,created,closed,stage,amount,channel,campaign,currency\n");
        for (int i = 0; i < rows; i++) {
            sb.append(pick(rnd, String.valueOf(1000 + i), String.valueOf(1000 + i), "", "1.2E+17", "D-" + i, "none", " 77 ", "n/a"))
                    .append(',').append(pick(rnd, "A" + rnd.nextInt(40), "A" + rnd.nextInt(40), "", "A1;A2", " A3", "Ärger"))
                    .append(',').append(pick(rnd, "2025-01-0" + (1 + rnd.nextInt(9)) + " 10:00:00", "2025-01-02", "", "bad",
                            "2025-01-03T25:00:00"))
                    .append(',').append(pick(rnd, "2025-03-0" + (1 + rnd.nextInt(9)) + " 23:59:59", "", "2025-02-30",
                            "2025-03-01T08:00:00", "2025-03-05"))
                    .append(',').append(pick(rnd, "Closed Won", "Closed Lost", "Closed Lost", "Qualified", "closed won", ""))
                    .append(',').append(pick(rnd, "1000.00", "1000.00", "$2,500", "", "1e3", "12.5"))
                    .append(',').append(pick(rnd, "Paid Search", "paid search", "Referral", "", "Organic Search", "\"Paid, Social\""))
                    .append(',').append(pick(rnd, "Brand", "", "\"Q1, Launch\""))
                    .append(',').append(pick(rnd, "USD", "", "usd", "EUR", "US"))
                    .append('\n');
        }
        return sb.toString();
    }

    /** cac hands deals that are not won over as stand-ins: the reports, warnings and bad values must not change. */
    @Test
    void standInsForDealsNotWonGiveTheSameReports(@TempDir Path dir) throws IOException {
        Random rnd = new Random(20261208);
        Files.writeString(dir.resolve("kpi.yaml"), CONFIG.replace("channel: channel, campaign: campaign }",
                "channel: channel, campaign: campaign, currency: currency }"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("spend.csv"), spend(rnd, 300, false, 1_000_000), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("deals.csv"), quirkyDeals(rnd, 3000), StandardCharsets.UTF_8);
        RecordReader.sampleRows = 5;
        ChunkReader.minBytes = 0;
        for (int chunk : new int[] {300, 1 << 14}) {
            ChunkReader.defaultChunkBytes = chunk;
            for (String threads : new String[] {"1", "3"}) {
                for (String[] by : new String[][] {{}, {"--by", "channel"}, {"--from", "2025-03-03", "--to", "2025-03-06"}}) {
                    List<String> cac = new ArrayList<>(List.of("cac", "--spend", "spend.csv", "--deals", "deals.csv", "--format", "json",
                            "--threads", threads));
                    cac.addAll(List.of(by));
                    assertSameRun(dir, NO_STAND_INS, cac.toArray(String[]::new));
                }
            }
        }
        // and the stand-ins are really used: on plain deals, few distinct records for the deals that are not won
        Files.writeString(dir.resolve("plain-deals.csv"), deals(rnd, 3000), StandardCharsets.UTF_8);
        RecordReader reader = new RecordReader(KpiConfig.empty(), new Diagnostics());
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(dir.resolve("plain-deals.csv")), null), RecordType.DEALS)) {
            List<Object> got = new ArrayList<>();
            o.stream(got, ArrayList::new, List::add, List::addAll, 2, Projection.ALL.withWonDealsOnly(), ChunkReader.Progress.NONE);
            java.util.Set<Object> notWon = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            long notWonRows = 0;
            for (Object r : got) {
                dev.kpi.records.Deal d = (dev.kpi.records.Deal) r;
                if (d.outcome() == dev.kpi.records.Outcome.WON) continue;
                notWonRows++;
                notWon.add(d);
            }
            // one per stage and amount presence seen by each reading thread, plus the sample rows read by the mapper
            assertTrue(notWonRows > 1000 && notWon.size() < 20, notWon.size() + " records for " + notWonRows + " deals");
        }
    }

    /**
     * The sequential reader reports progress too (by the bytes taken from the file): growing, never past the
     * file's size, and finished with done = total.
     */
    @Test
    void sequentialReadsReportProgress(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, spend(new Random(11), 20_000, false, 1_000_000), StandardCharsets.UTF_8);
        long size = Files.size(file);
        List<long[]> calls = new ArrayList<>();
        RecordReader reader = new RecordReader(KpiConfig.empty(), new Diagnostics());
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(file), null), RecordType.SPEND)) {
            o.stream(new ArrayList<>(), null, List::add, null, 0, Projection.ALL, (done, total) -> calls.add(new long[] {done, total}));
        }
        assertTrue(calls.size() >= 4, "calls: " + calls.size()); // every 4096 rows, then the end
        long previous = 0;
        for (long[] c : calls.subList(0, calls.size() - 1)) {
            assertEquals(size, c[1]);
            assertTrue(c[0] >= previous && c[0] < size, c[0] + " of " + size);
            previous = c[0];
        }
        assertTrue(previous > size / 2, "the last update before the end is past half the file: " + previous);
        long[] last = calls.get(calls.size() - 1);
        assertEquals(size, last[0]);
        assertEquals(size, last[1]);
    }

    /** The test above would pass vacuously if nothing were combined: plain rows must arrive summed, and every row count. */
    @Test
    void plainRowsArriveSummed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, spend(new Random(7), 2000, false, 1_000_000), StandardCharsets.UTF_8);
        RecordReader.sampleRows = 5;
        ChunkReader.minBytes = 0;
        ChunkReader.defaultChunkBytes = 1 << 16;
        Projection byCampaign = new AdsCalculator(List.of(Dimension.CAMPAIGN), Window.ALL).projection();
        assertTrue(byCampaign.combineSpend());
        RecordReader reader = new RecordReader(KpiConfig.empty(), new Diagnostics());
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(file), null), RecordType.SPEND)) {
            List<Object> got = new ArrayList<>();
            long rows = o.stream(got, ArrayList::new, List::add, List::addAll, 2, byCampaign, ChunkReader.Progress.NONE);
            assertEquals(2000, rows);
            // a key per platform (3), channel spelling (4), campaign (7) and metrics present (4): at most 336 in
            // each of the three parts (the sample rows, and two 64 KB chunks of ~900 rows)
            assertTrue(got.size() <= 3 * 336, "records handed over: " + got.size());
            long cost = 0;
            for (Object r : got) cost += ((Spend) r).cost();
            long expected = 0;
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty() || line.startsWith("Total")) continue;
                String c = line.split(",", -1)[6];
                expected += Math.round(Double.parseDouble(c) * 100) * 10_000L; // two decimals: exact in cents
            }
            assertEquals(expected, cost);
        }
    }
}
