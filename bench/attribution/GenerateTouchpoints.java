import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Writes the attribution benchmark data: touchpoints of N journeys over 12 channels and the won deals of the
 * journeys that convert. Deterministic (fixed seed). Single-file program:
 *
 *   java bench/attribution/GenerateTouchpoints.java [--journeys 2000000] [--touches 20000000] [--out bench/data/attribution]
 *
 * touchpoints.csv: journey_id,timestamp,channel,campaign,cost — sorted by journey id (zero-padded, so String
 * order), timestamps strictly increasing within a journey (no ties), 1 to 19 touches per journey adjusted so
 * the total is exactly --touches. Paid channels carry a cost per touch.
 * deals.csv: id,account,stage,closed,amount — one won deal per converting journey (account = journey id).
 * Conversion probability rises with some channels, so data-driven models have something to find. The
 * conversion falls after a random touch near the end, so some touches come after it; journeys span up to
 * about 200 days, so a 90-day lookback drops some touches.
 */
public final class GenerateTouchpoints {
    static final String[] CHANNELS = {"Paid Search", "Paid Social", "Organic Search", "Email", "Direct", "Referral",
            "Display", "Affiliate", "Video", "Organic Social", "Events", "Webinar"};
    static final String[] PREFIX = {"ps", "pso", "", "em", "", "", "dsp", "aff", "vid", "", "ev", "web"};
    static final double[] WEIGHT = {0.16, 0.12, 0.14, 0.10, 0.12, 0.05, 0.07, 0.04, 0.05, 0.06, 0.04, 0.05};
    static final double[] LIFT = {0.025, 0.015, 0.020, 0.030, 0.005, 0.035, 0.002, 0.010, 0.004, 0.006, 0.050, 0.040};
    static final long[] COST_CENTS = {180, 95, 0, 0, 0, 0, 40, 120, 60, 0, 0, 0};

    public static void main(String[] args) throws IOException {
        int journeys = 2_000_000;
        long touches = 20_000_000L;
        Path out = Path.of("bench/data/attribution");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--journeys": journeys = Integer.parseInt(args[++i]); break;
                case "--touches": touches = Long.parseLong(args[++i]); break;
                case "--out": out = Path.of(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (touches < journeys || touches > 19L * journeys) throw new IllegalArgumentException("touches must be 1..19 per journey");
        Files.createDirectories(out);
        SplittableRandom rnd = new SplittableRandom(20250601L);
        int[] length = new int[journeys];
        long sum = 0;
        for (int j = 0; j < journeys; j++) { length[j] = 1 + rnd.nextInt(19); sum += length[j]; }
        while (sum != touches) { // nudge random journeys until the total is exact
            int j = rnd.nextInt(journeys);
            if (sum < touches && length[j] < 19) { length[j]++; sum++; }
            else if (sum > touches && length[j] > 1) { length[j]--; sum--; }
        }
        double[] cumulative = new double[CHANNELS.length];
        double c = 0;
        for (int i = 0; i < CHANNELS.length; i++) { c += WEIGHT[i]; cumulative[i] = c; }
        LocalDateTime base = LocalDateTime.of(2024, 1, 1, 0, 0);
        long conversions = 0;
        try (BufferedWriter t = writer(out.resolve("touchpoints.csv")); BufferedWriter d = writer(out.resolve("deals.csv"))) {
            t.write("journey_id,timestamp,channel,campaign,cost\n");
            d.write("id,account,stage,closed,amount\n");
            int[] ch = new int[19];
            long[] at = new long[19];
            StringBuilder sb = new StringBuilder(128);
            for (int j = 0; j < journeys; j++) {
                String id = "J" + pad(j + 1, 7);
                int n = length[j];
                long time = rnd.nextLong(600L * 86400); // seconds after base
                double p = 0.02;
                for (int k = 0; k < n; k++) {
                    if (k > 0) time += 60 + rnd.nextLong(20L * 86400);
                    double u = rnd.nextDouble() * c;
                    int x = 0;
                    while (x < CHANNELS.length - 1 && u > cumulative[x]) x++;
                    ch[k] = x;
                    at[k] = time;
                    p += LIFT[x];
                }
                for (int k = 0; k < n; k++) {
                    sb.setLength(0);
                    sb.append(id).append(',');
                    timestamp(sb, base.plusSeconds(at[k]));
                    sb.append(',').append(CHANNELS[ch[k]]).append(',');
                    if (!PREFIX[ch[k]].isEmpty()) sb.append(PREFIX[ch[k]]).append("-0").append(1 + rnd.nextInt(8));
                    sb.append(',');
                    if (COST_CENTS[ch[k]] > 0) {
                        long cents = COST_CENTS[ch[k]] / 2 + rnd.nextLong(COST_CENTS[ch[k]]);
                        sb.append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100);
                    }
                    sb.append('\n');
                    t.write(sb.toString());
                }
                if (rnd.nextDouble() < Math.min(0.6, p)) {
                    conversions++;
                    int after = n > 2 && rnd.nextInt(4) == 0 ? n - 2 : n - 1; // sometimes a touch follows the conversion
                    long close = at[after] + 1 + rnd.nextLong(3L * 86400);
                    if (after + 1 < n && close >= at[after + 1]) close = at[after + 1] - 1;
                    long amount = 500 + rnd.nextLong(49_500);
                    sb.setLength(0);
                    sb.append('D').append(id, 1, id.length()).append(',').append(id).append(",Closed Won,");
                    timestamp(sb, base.plusSeconds(close));
                    int cents = rnd.nextInt(100);
                    sb.append(',').append(amount).append('.').append(cents < 10 ? "0" : "").append(cents).append('\n');
                    d.write(sb.toString());
                }
            }
        }
        System.out.println("wrote " + touches + " touchpoints of " + journeys + " journeys and " + conversions
                + " won deals to " + out);
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** yyyy-MM-dd HH:mm:ss without a formatter (twenty million of them). */
    private static void timestamp(StringBuilder sb, LocalDateTime t) {
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()); sb.append('-');
        two(sb, t.getDayOfMonth()); sb.append(' ');
        two(sb, t.getHour()); sb.append(':');
        two(sb, t.getMinute()); sb.append(':');
        two(sb, t.getSecond());
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 20);
    }
}
