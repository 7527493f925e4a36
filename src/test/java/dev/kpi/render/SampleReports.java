package dev.kpi.render;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports built by hand for the renderer tests, and helpers to render and load golden files.
 *
 * <p>The CAC-like report's numbers (checked with Python's decimal module):
 * <ul>
 * <li>google: cost 1205533242.29 / 12 customers = 100461103.52416… → cac 100461103.52;
 * cvr 15/100 with Wilson 95 % interval [0.093060, 0.232836] (same as RatioTest).</li>
 * <li>北京 Ads: cost 0.1 + 0.2 = 0.30 exactly (a double sum would be 0.30000000000000004);
 * 0 customers → cac null; cvr 3/20 = 0.15, Wilson [0.052369, 0.360419], low sample (20 &lt; 30).</li>
 * <li>Ștefănescu: cost 1E+3 (a BigDecimal with negative scale, prints as 1000); cac 1000 / 1234567
 * = 0.00081 → 0.00; cvr 1/8 = 0.125 without interval; roas 500 / 1000 = 0.5.</li>
 * <li>total: cost 1205533242.29 + 0.30 + 1000 = 1205534242.59; customers 12 + 0 + 1234567 =
 * 1234579; cac 1205534242.59 / 1234579 = 976.4739… → 976.47; cvr 19/128 = 0.1484375 → 0.148438,
 * Wilson [0.097135, 0.220227]; roas 5063240117.62 / 1205534242.59 = 4.199997 → 4.2000.</li>
 * </ul>
 */
final class SampleReports {
    private SampleReports() {}

    static BigDecimal d(String s) { return new BigDecimal(s); }

    static Ratio ratio(String value, String num, String den, Double ciLow, Double ciHigh, Boolean lowSample) {
        return new Ratio(value == null ? null : d(value), d(num), d(den), ciLow, ciHigh, lowSample,
                value == null ? "zero denominator" : null);
    }

    static Report cac() {
        Report r = new Report("cac")
                .period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))
                .groupBy(List.of("channel"))
                .currency("USD")
                .column("channel", "Channel", Kind.TEXT)
                .column("newCustomers", "New customers", Kind.COUNT)
                .column("cost", "Cost", Kind.MONEY)
                .column("cac", "CAC", Kind.MONEY)
                .column("cvr", "CVR", Kind.PERCENT)
                .column("roas", "ROAS", Kind.MULTIPLE)
                .column("campaigns", "Campaigns", Kind.TEXT);

        BigDecimal cost1 = d("1205533242.29");
        BigDecimal cost2 = Report.money(d("0.1").add(d("0.2")));
        BigDecimal cost3 = d("1E+3");
        r.rows().add(new Row()
                .put("channel", "google")
                .put("newCustomers", 12L)
                .put("cost", cost1)
                .put("cac", ratio("100461103.52", "1205533242.29", "12", null, null, null))
                .put("cvr", ratio("0.150000", "15", "100", 0.09306, 0.232836, false))
                .put("roas", ratio("4.2000", "5063239617.62", "1205533242.29", null, null, null))
                .put("campaigns", List.of(new Row().put("campaign", "brand").put("cost", cost1))));
        r.rows().add(new Row()
                .put("channel", "北京 Ads")
                .put("newCustomers", 0L)
                .put("cost", cost2)
                .put("cac", ratio(null, "0.30", "0", null, null, null))
                .put("cvr", ratio("0.150000", "3", "20", 0.052369, 0.360419, true))
                .put("roas", null)
                .put("campaigns", List.of()));
        r.rows().add(new Row()
                .put("channel", "Ștefănescu")
                .put("newCustomers", 1234567L)
                .put("cost", cost3)
                .put("cac", ratio("0.00", "1E+3", "1234567", null, null, null))
                .put("cvr", ratio("0.125000", "1", "8", null, null, null))
                .put("roas", ratio("0.5000", "500", "1E+3", null, null, null))
                .put("campaigns", List.of()));
        r.total(new Row()
                .put("newCustomers", 1234579L)
                .put("cost", cost1.add(cost2).add(cost3))
                .put("cac", ratio("976.47", "1205534242.59", "1234579", null, null, null))
                .put("cvr", ratio("0.148438", "19", "128", 0.097135, 0.220227, false))
                .put("roas", ratio("4.2000", "5063240117.62", "1205534242.59", null, null, null)));

        r.extra().put("flavour", "blended");
        r.extra().put("byMonth", List.of(
                new Row().put("month", "2025-01").put("newCustomers", 5L),
                new Row().put("month", "2025-02").put("newCustomers", 7L)));
        Map<String, Object> assumptions = new LinkedHashMap<>();
        assumptions.put("spendLagMonths", 0);
        assumptions.put("grossMargin", null);
        assumptions.put("tags", List.of("b2b", "saas"));
        assumptions.put("confidence", Double.NaN);
        assumptions.put("asOf", LocalDate.of(2025, 4, 1));
        r.extra().put("assumptions", assumptions);

        r.sections().add(new Section("By flavour", "flavours",
                List.of(new Column("flavour", "Flavour", Kind.TEXT), new Column("cac", "CAC", Kind.MONEY),
                        new Column("share", "Share", Kind.BAR)),
                List.of(new Row().put("flavour", "blended")
                                .put("cac", ratio("976.47", "1205534242.59", "1234579", null, null, null))
                                .put("share", d("0.5")),
                        new Row().put("flavour", "paid | search")
                                .put("cac", ratio(null, "0", "0", null, null, null))
                                .put("share", d("0.025")))));
        // same key as an extra member: JSON keeps the extra one and skips this section
        r.sections().add(new Section("Monthly", "byMonth",
                List.of(new Column("month", "Month", Kind.TEXT), new Column("newCustomers", "New customers", Kind.COUNT)),
                List.of(new Row().put("month", "2025-01").put("newCustomers", 5L),
                        new Row().put("month", "2025-02").put("newCustomers", 7L))));
        r.notes().add("CAC = (marketing cost + sales cost) / new paying customers");
        r.warn("cac is null: no new customers (channel=北京 Ads)");
        return r;
    }

    static String render(Renderer renderer, Report report, RenderOptions options) {
        StringWriter out = new StringWriter();
        try {
            renderer.render(report, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String render(Renderer renderer, Report report) {
        return render(renderer, report, RenderOptions.plain());
    }

    static String golden(String name) {
        try (InputStream in = SampleReports.class.getResourceAsStream("/render/" + name)) {
            if (in == null) throw new IllegalStateException("missing golden file render/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
