import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark data generator for kpi: a large ad-spend export ({@code spend.csv}) and a large CRM deals
 * export ({@code deals.csv}), both UTF-8, comma-separated, RFC 4180 quoting, LF line ends.
 *
 * <p>Run with the Java 17 source launcher, from the repository root:
 * <pre>
 *   java bench/gen/Generate.java --out bench/data                 # 10M spend rows, 5M deals
 *   java bench/gen/Generate.java --out bench/data/quick --rows 200000
 *   java bench/gen/Generate.java --out bench/data/x2 --scale 2
 * </pre>
 *
 * <p>Output is a pure function of the options (seed, row counts): every row is generated from its own
 * random stream seeded by (seed, file, row index), so the bytes do not depend on the thread count.
 * Files are written to a temporary name and renamed when complete.
 *
 * <p>spend.csv: {@code date,platform,channel,campaign,impressions,clicks,cost,conversions,conversion_value}.
 * deals.csv: {@code id,account_id,created,closed,stage,amount,channel,campaign}. See bench/README.md.
 */
public final class Generate {

    // ---------------------------------------------------------------- options

    static long seed = 20240101L;
    static long spendRows = 10_000_000L;
    static long dealRows = 5_000_000L;
    static long accounts = 1_500_000L;
    static int campaigns = 2_000;
    static int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    static Path out = Path.of("bench/data");
    static String only = "all";

    static final int BLOCK_ROWS = 65_536;

    // ---------------------------------------------------------------- vocabulary

    static final String[] PLATFORMS = {"Google Ads", "Microsoft Ads", "Meta Ads", "LinkedIn Ads"};
    static final String[] PLATFORM_PREFIX = {"GA", "MSA", "FB", "LI"};
    /** Channels of ad spend and of deals; indexes 0..4 appear in spend, 5..7 only in deals. */
    static final String[] CHANNELS = {
        "Paid Search", "Paid Social", "Display", "Video", "Email", "Organic Search", "Referral", "Direct"};
    static final int PAID_SEARCH = 0, PAID_SOCIAL = 1, DISPLAY = 2, VIDEO = 3, EMAIL = 4;
    /** Deal channel weights (per mille), same order as CHANNELS. */
    static final int[] DEAL_CHANNEL_PERMILLE = {300, 200, 50, 30, 70, 150, 100, 100};

    static final String[] STAGES = {"Closed Won", "Closed Lost", "Qualified", "Proposal", "Negotiation"};

    static final String[] THEMES = {
        "Brand", "Generic", "Competitor", "Retargeting", "Webinar", "Ebook", "Demo", "Trial", "ABM",
        "Launch", "Awareness", "Pricing", "Integrations", "Security", "Analytics", "Pipeline"};
    static final String[] GEOS = {"US", "UK", "DE", "FR", "NL", "ES", "IT", "CA", "AU", "JP", "BR", "IN", "RO", "CH"};
    /** Long, awkward names: commas, quotes, pipes, non-ASCII. {n} is replaced by the campaign number. */
    static final String[] SPECIAL = {
        "%s | Search | Data Pipeline, EMEA {n}",
        "%s | Retargeting | \"Free Trial\" US {n}",
        "%s | ABM | Ștefănescu Group {n}",
        "%s | Brand | Müller GmbH, DE {n}",
        "%s | Launch | 北京 {n}",
        "%s | Webinar | \"Scale, Fast\" {n}",
        "%s | Prospecting | Zürich & Genève {n}",
        "%s | Lookalike | São Paulo {n}",
    };

    static final int FIRST_DAY = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST_DAY + 1); // 731
    /** Open deals may have been created from mid-2023; dates are indexed from here. */
    static final int DEAL_FIRST_DAY = (int) LocalDate.of(2023, 7, 1).toEpochDay();
    static final int DEAL_DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - DEAL_FIRST_DAY + 1);

    // ---------------------------------------------------------------- derived tables

    static byte[][] dateBytes;          // ISO date per day index from DEAL_FIRST_DAY
    static byte[][] platformBytes;
    static byte[][] channelBytes;
    static byte[][] stageBytes;
    static byte[][] campaignCsv;        // CSV-encoded campaign name
    static int[] campaignPlatform;
    static int[] campaignChannel;
    static int[] campaignKind;          // 0 normal, 1 paused (all zero), 2 no conversions
    static int[] campaignPick;          // 65536 slots, skewed towards low campaign numbers
    static int[][] campaignsByChannel;
    static int[] dealChannelPick;       // 1000 slots
    static final long ID_MULT = 7_777_777_777L; // coprime to 9e9: id = 1e9 + i*ID_MULT mod 9e9 is a bijection
    static final long ID_SPACE = 9_000_000_000L;

    public static void main(String[] args) throws Exception {
        long scale = 1;
        Long rows = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Long.parseLong(args[++i]);
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--spend-rows" -> spendRows = Long.parseLong(args[++i]);
                case "--deal-rows" -> dealRows = Long.parseLong(args[++i]);
                case "--accounts" -> accounts = Long.parseLong(args[++i]);
                case "--campaigns" -> campaigns = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "-h", "--help" -> { usage(); return; }
                default -> { System.err.println("unknown option: " + a); usage(); System.exit(2); }
            }
        }
        if (rows != null) { // --rows N: N spend rows, N/2 deals, 0.15*N accounts
            spendRows = rows;
            dealRows = rows / 2;
            accounts = Math.max(1, rows * 3 / 20);
        }
        spendRows *= scale;
        dealRows *= scale;
        accounts *= scale;
        if (campaigns < 20) throw new IllegalArgumentException("--campaigns must be >= 20");
        if (!BigInteger.valueOf(ID_MULT).gcd(BigInteger.valueOf(ID_SPACE)).equals(BigInteger.ONE))
            throw new AssertionError("ID_MULT not coprime");
        if (dealRows > ID_SPACE) throw new IllegalArgumentException("too many deals");

        buildTables();
        Files.createDirectories(out);
        if (only.equals("all") || only.equals("spend")) {
            write(out.resolve("spend.csv"), "date,platform,channel,campaign,impressions,clicks,cost,conversions,conversion_value\n",
                  spendRows, Generate::spendBlock);
        }
        if (only.equals("all") || only.equals("deals")) {
            write(out.resolve("deals.csv"), "id,account_id,created,closed,stage,amount,channel,campaign\n",
                  dealRows, Generate::dealBlock);
        }
    }

    static void usage() {
        System.err.println("""
            usage: java bench/gen/Generate.java [--out DIR] [--rows N | --spend-rows N --deal-rows M --accounts A]
                                                [--scale K] [--seed S] [--campaigns C] [--threads T] [--only spend|deals]
              defaults: --out bench/data --spend-rows 10000000 --deal-rows 5000000 --accounts 1500000
                        --campaigns 2000 --seed 20240101; --scale multiplies rows and accounts""");
    }

    // ---------------------------------------------------------------- tables

    static void buildTables() {
        dateBytes = new byte[DEAL_DAYS][];
        for (int d = 0; d < DEAL_DAYS; d++)
            dateBytes[d] = LocalDate.ofEpochDay(DEAL_FIRST_DAY + d).toString().getBytes(StandardCharsets.US_ASCII);
        platformBytes = ascii(PLATFORMS);
        channelBytes = ascii(CHANNELS);
        stageBytes = ascii(STAGES);

        Rng r = new Rng(mix(seed ^ 0x5EEDCA3BA1L));
        campaignCsv = new byte[campaigns][];
        campaignPlatform = new int[campaigns];
        campaignChannel = new int[campaigns];
        campaignKind = new int[campaigns];
        List<List<Integer>> byChannel = new ArrayList<>();
        for (int c = 0; c < 5; c++) byChannel.add(new ArrayList<>());
        for (int k = 0; k < campaigns; k++) {
            int p = r.below(100) < 45 ? 0 : r.below(100) < 40 ? 1 : r.below(100) < 60 ? 2 : 3;
            int u = r.below(100);
            int ch = switch (p) {
                case 0 -> u < 80 ? PAID_SEARCH : u < 92 ? DISPLAY : VIDEO;
                case 1 -> u < 90 ? PAID_SEARCH : DISPLAY;
                case 2 -> u < 85 ? PAID_SOCIAL : VIDEO;
                default -> u < 85 ? PAID_SOCIAL : EMAIL; // LinkedIn message ads
            };
            String num = String.format("%04d", k);
            String name;
            if (k % 20 == 3) { // one campaign in twenty has a long, awkward name
                name = SPECIAL[(k / 20) % SPECIAL.length].replace("{n}", num).formatted(PLATFORM_PREFIX[p]);
            } else {
                name = THEMES[r.below(THEMES.length)] + "_" + GEOS[r.below(GEOS.length)] + "_" + k;
            }
            campaignCsv[k] = csv(name);
            campaignPlatform[k] = p;
            campaignChannel[k] = ch;
            // a couple of edge cases with empty denominators
            campaignKind[k] = (k == campaigns - 1 || k == campaigns - 7) ? 1 : (k % 97 == 50) ? 2 : 0;
            byChannel.get(ch).add(k);
        }
        campaignsByChannel = new int[5][];
        for (int c = 0; c < 5; c++) {
            if (byChannel.get(c).isEmpty()) byChannel.get(c).add(c); // tiny pools: any campaign
            campaignsByChannel[c] = byChannel.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        // skewed campaign choice: weight(k) ~ 1/(k+50); paused campaigns still get (zero) rows
        double[] w = new double[campaigns];
        double total = 0;
        for (int k = 0; k < campaigns; k++) total += (w[k] = 1.0 / (k + 50));
        campaignPick = new int[65_536];
        double acc = 0;
        int k = 0;
        for (int s = 0; s < campaignPick.length; s++) {
            double target = (s + 0.5) / campaignPick.length * total;
            while (k < campaigns - 1 && acc + w[k] < target) acc += w[k++];
            campaignPick[s] = k;
        }
        dealChannelPick = new int[1000];
        int s = 0;
        for (int c = 0; c < CHANNELS.length; c++)
            for (int j = 0; j < DEAL_CHANNEL_PERMILLE[c]; j++) dealChannelPick[s++] = c;
        if (s != 1000) throw new AssertionError("deal channel weights must sum to 1000");
    }

    static byte[][] ascii(String[] a) {
        byte[][] b = new byte[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].getBytes(StandardCharsets.UTF_8);
        return b;
    }

    /** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
    static byte[] csv(String v) {
        boolean q = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return (q ? "\"" + v.replace("\"", "\"\"") + "\"" : v).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- rows

    /** spend row: one campaign on one day. */
    static void spendBlock(long from, long to, Buf b) {
        Rng r = new Rng(0);
        for (long i = from; i < to; i++) {
            r.reset(mix(seed * 0x9E3779B97F4A7C15L + i) ^ 0x5BE4DL);
            int day = r.below(DAYS);
            int k = campaignPick[r.below(65_536)];
            b.put(dateBytes[day + (FIRST_DAY - DEAL_FIRST_DAY)]).put(',');
            b.put(platformBytes[campaignPlatform[k]]).put(',');
            b.put(channelBytes[campaignChannel[k]]).put(',');
            b.put(campaignCsv[k]).put(',');
            long impressions = 0, clicks = 0, cost = 0, conv = 0, value = 0; // cost/conv/value in hundredths
            if (campaignKind[k] != 1 && r.below(100) >= 4) { // 4 % of rows: nothing served that day
                impressions = logUniform(r, 10, 10_000);
                int ch = campaignChannel[k];
                if (ch == DISPLAY || ch == VIDEO) {
                    clicks = impressions * r.below(60) / 10_000;          // CTR 0-0.6 %
                    cost = impressions * (150 + r.below(1_500)) / 1_000;   // CPM 1.50-16.50
                } else {
                    clicks = impressions * (20 + r.below(700)) / 10_000;  // CTR 0.2-7.2 %
                    cost = clicks * (40 + r.below(1_500));                 // CPC 0.40-15.39
                }
                if (cost > 200_000) cost = 200_000;                        // 2,000.00 daily cap
                if (campaignKind[k] != 2 && clicks > 0) {
                    int u = r.below(100);
                    if (u < 35) conv = 0;
                    else if (u < 70) conv = (clicks * r.below(15) / 100) * 100;      // whole conversions
                    else conv = clicks * r.below(1_500) / 100;                      // data-driven, fractional
                    if (conv > 0) value = conv * (2_000 + r.below(48_000)) / 100;   // 20.00-500.00 each
                }
            }
            b.putLong(impressions).put(',').putLong(clicks).put(',').putCents(cost).put(',')
             .putCents(conv).put(',').putCents(value).put('\n');
        }
    }

    /** deal row. */
    static void dealBlock(long from, long to, Buf b) {
        Rng r = new Rng(0);
        for (long i = from; i < to; i++) {
            r.reset(mix(seed * 0xC2B2AE3D27D4EB4FL + i) ^ 0xDEA15L);
            b.putLong(1_000_000_000L + Math.floorMod(i * ID_MULT, ID_SPACE)).put(',');
            // 70 % spread over all accounts, 30 % over the first tenth: some accounts have many deals
            long acct = r.below(100) < 70 ? r.belowLong(accounts) : r.belowLong(Math.max(1, accounts / 10));
            long acctId = Math.floorMod(acct * 7_919L + 13, Math.max(accounts, 1)); // shuffle numbering
            b.put('A').putPadded(acctId, 7).put(',');
            int channel = dealChannelPick[r.below(1000)];
            int u = r.below(100);
            int stage = u < 25 ? 0 : u < 50 ? 1 : 2 + r.below(3);
            if (stage == 0 && channel == VIDEO) stage = 1; // video never closes directly: CAC has no customers
            int createdDay, createdSec;
            if (stage <= 1) {
                int closedDay, closedSec;
                if (r.below(100) < 15) { // account-level "bulk close" timestamp: ties within the account
                    long h = mix(acctId * 31 + seed);
                    closedDay = (int) Math.floorMod(h, (long) DAYS) + (FIRST_DAY - DEAL_FIRST_DAY);
                    closedSec = (int) Math.floorMod(h >>> 20, 86_400L);
                } else {
                    closedDay = r.below(DAYS) + (FIRST_DAY - DEAL_FIRST_DAY);
                    closedSec = r.below(86_400);
                }
                int age = r.below(180 * 86_400);
                long created = (long) closedDay * 86_400 + closedSec - age;
                createdDay = (int) Math.max(0, created / 86_400);
                createdSec = (int) Math.max(0, created % 86_400);
                b.putDateTime(createdDay, createdSec).put(',').putDateTime(closedDay, closedSec).put(',');
            } else {
                createdDay = r.below(DAYS) + (FIRST_DAY - DEAL_FIRST_DAY);
                createdSec = r.below(86_400);
                b.putDateTime(createdDay, createdSec).put(',').put(',');
            }
            b.put(stageBytes[stage]).put(',');
            b.putCents(logUniform(r, 50_000, 25_000_000)).put(','); // 500.00 - 250,000.00
            b.put(channelBytes[channel]).put(',');
            if (channel <= EMAIL && r.below(100) < 50) {
                int[] pool = campaignsByChannel[channel];
                b.put(campaignCsv[pool[r.below(pool.length)]]);
            }
            b.put('\n');
        }
    }

    static long logUniform(Rng r, long lo, long hi) {
        double x = Math.exp(Math.log(lo) + r.unit() * (Math.log(hi) - Math.log(lo)));
        return (long) x;
    }

    // ---------------------------------------------------------------- writing

    interface BlockWriter { void write(long from, long to, Buf b); }

    static void write(Path file, String header, long rows, BlockWriter w) throws Exception {
        long t0 = System.nanoTime();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long bytes = 0;
        try (OutputStream os = Files.newOutputStream(tmp)) {
            byte[] h = header.getBytes(StandardCharsets.US_ASCII);
            os.write(h);
            bytes += h.length;
            ArrayDeque<Future<Buf>> pending = new ArrayDeque<>();
            long next = 0;
            while (next < rows || !pending.isEmpty()) {
                while (next < rows && pending.size() < threads * 2) {
                    final long from = next, to = Math.min(rows, next + BLOCK_ROWS);
                    pending.add(pool.submit(() -> { Buf b = new Buf(BLOCK_ROWS * 160); w.write(from, to, b); return b; }));
                    next = to;
                }
                Buf b = pending.poll().get();
                os.write(b.a, 0, b.n);
                bytes += b.n;
            }
        } finally {
            pool.shutdown();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.printf("%s: %,d rows, %,d bytes (%.1f bytes/row) in %.1f s%n",
                          file, rows, bytes, rows == 0 ? 0.0 : (double) bytes / rows, (System.nanoTime() - t0) / 1e9);
    }

    /** Growable byte buffer with allocation-free number writers. */
    static final class Buf {
        byte[] a;
        int n;
        Buf(int cap) { a = new byte[cap]; }
        void ensure(int extra) { if (n + extra > a.length) a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + extra)); }
        Buf put(char c) { ensure(1); a[n++] = (byte) c; return this; }
        Buf put(byte[] b) { ensure(b.length); System.arraycopy(b, 0, a, n, b.length); n += b.length; return this; }
        Buf putLong(long v) {
            ensure(20);
            if (v == 0) { a[n++] = '0'; return this; }
            int start = n;
            while (v > 0) { a[n++] = (byte) ('0' + (v % 10)); v /= 10; }
            for (int i = start, j = n - 1; i < j; i++, j--) { byte t = a[i]; a[i] = a[j]; a[j] = t; }
            return this;
        }
        Buf putPadded(long v, int width) {
            ensure(width + 20);
            int digits = v == 0 ? 1 : (int) Math.floor(Math.log10(v)) + 1;
            for (int i = digits; i < width; i++) a[n++] = '0';
            return putLong(v);
        }
        /** hundredths as d.dd */
        Buf putCents(long c) {
            putLong(c / 100);
            ensure(3);
            a[n++] = '.';
            a[n++] = (byte) ('0' + (c % 100) / 10);
            a[n++] = (byte) ('0' + c % 10);
            return this;
        }
        Buf two(int v) { a[n++] = (byte) ('0' + v / 10); a[n++] = (byte) ('0' + v % 10); return this; }
        /** yyyy-MM-dd HH:mm:ss; day indexed from DEAL_FIRST_DAY */
        Buf putDateTime(int day, int sec) {
            put(dateBytes[day]);
            ensure(9);
            a[n++] = ' ';
            two(sec / 3600); a[n++] = ':'; two(sec / 60 % 60); a[n++] = ':'; two(sec % 60);
            return this;
        }
    }

    // ---------------------------------------------------------------- randomness

    static long mix(long z) { // splitmix64 finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** splitmix64 stream. */
    static final class Rng {
        long s;
        Rng(long s) { this.s = s; }
        void reset(long s) { this.s = s; }
        long next() { return mix(s += 0x9E3779B97F4A7C15L); }
        int below(int n) { return (int) (((next() >>> 33) * n) >>> 31); }
        long belowLong(long n) { return Math.floorMod(next(), n); }
        double unit() { return (next() >>> 11) * 0x1.0p-53; }
    }
}
