package dev.kpi.calc.clv;

import dev.kpi.records.Micros;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW sample (Fader & Hardie; distributed with the MIT-licensed lifetimes package) read from the
 * project's shared data folder ({@code ../shared/data} beside the project, found by walking up from
 * the working directory so it works from a worktree too).
 */
final class CdnowData {
    private CdnowData() {}

    /** One row of cdnow_customers_summary_with_transactions.csv (x, t_x, T in weeks, zbar in dollars). */
    record SummaryRow(String id, int x, double tx, double t, double zbar) {}

    static Path file(String name) {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("cannot find shared/data/" + name + " above " + dir);
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 6,919 purchases of cdnow_transactions.csv (customer_id, ISO date, dollars). */
    static List<Purchase> purchases() {
        List<String> lines = lines("cdnow_transactions.csv");
        List<Purchase> out = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            out.add(new Purchase(f[0], LocalDate.parse(f[1]), Micros.of(new BigDecimal(f[2]))));
        }
        return out;
    }

    static List<SummaryRow> summary() {
        List<String> lines = lines("cdnow_customers_summary_with_transactions.csv");
        List<SummaryRow> out = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            out.add(new SummaryRow(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])));
        }
        return out;
    }

    static double[] xs(List<SummaryRow> rows) {
        return rows.stream().mapToDouble(SummaryRow::x).toArray();
    }

    static double[] txs(List<SummaryRow> rows) {
        return rows.stream().mapToDouble(SummaryRow::tx).toArray();
    }

    static double[] ts(List<SummaryRow> rows) {
        return rows.stream().mapToDouble(SummaryRow::t).toArray();
    }
}
