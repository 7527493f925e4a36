import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large transaction log for timing {@code kpi clv --model bgnbd,gamma-gamma} (not part of the
 * Maven build). Customers join uniformly over 2023 and buy as the BG/NBD model says (rate per week
 * λ ~ Gamma(r = 0.75, α = 5), after each purchase they stop with p ~ Beta(0.6, 8)); amounts follow the
 * gamma-gamma model (per-customer scale ν ~ Gamma(q = 4, γ = 150), each amount ~ Gamma(p = 5, ν)).
 * Purchases run to 2025-06-30; the benchmark calibrates to 2024-12-31. Deterministic for a given seed.
 *
 * <pre>
 * java bench/clv/GenerateTransactions.java [customers=100000] [out=bench/data/clv/transactions-100k.csv] [seed=42]
 * </pre>
 * Columns are kpi's own ({@code customer_id,date,amount,currency}), one purchase per line, in customer
 * order (kpi does not need sorted input).
 */
public final class GenerateTransactions {
    static final double R = 0.75, ALPHA = 5, A = 0.6, B = 8, P = 5, Q = 4, GAMMA = 150;
    static final LocalDate JOIN_FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 6, 30);

    public static void main(String[] args) throws IOException {
        int customers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        Path out = Path.of(args.length > 1 ? args[1] : "bench/data/clv/transactions-100k.csv");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        SplittableRandom rnd = new SplittableRandom(seed);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        long rows = 0;
        long endDay = END.toEpochDay();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("customer_id,date,amount,currency\n");
            StringBuilder sb = new StringBuilder(64);
            List<String> lines = new ArrayList<>();
            for (int c = 1; c <= customers; c++) {
                String id = "C" + c;
                double lambda = gamma(rnd, R) / ALPHA;          // purchases per week
                double p = beta(rnd, A, B);                     // drop-out after each purchase
                double nu = gamma(rnd, Q) / GAMMA;              // spend scale
                double day = JOIN_FROM.toEpochDay() + rnd.nextInt(365);
                lines.clear();
                while (day <= endDay) {
                    double amount = Math.max(1.0, gamma(rnd, P) / nu);
                    sb.setLength(0);
                    sb.append(id).append(',').append(LocalDate.ofEpochDay((long) day)).append(',')
                            .append(String.format(Locale.ROOT, "%.2f", amount)).append(",USD\n");
                    lines.add(sb.toString());
                    if (rnd.nextDouble() < p) break;
                    day += -Math.log(1 - rnd.nextDouble()) / lambda * 7; // exponential gap, in days
                }
                for (String l : lines) w.write(l);
                rows += lines.size();
            }
        }
        System.out.println(out + ": " + customers + " customers, " + rows + " transactions");
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (shape below 1 via the boost U^(1/shape)). */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = normal(rnd);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a);
        return x / (x + gamma(rnd, b));
    }

    static double normal(SplittableRandom rnd) {
        double u = rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
