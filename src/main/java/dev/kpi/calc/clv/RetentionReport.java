package dev.kpi.calc.clv;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shifted-beta-geometric part of {@code kpi clv --model sbg}: the fit on one or more retention
 * series, {@code models.sbg} ({@code alpha, beta, logLikelihood, converged, …}) and the projection, one
 * row per period {@code t = 0..max(horizon, observed periods)}: observed survival (customers still
 * active at period t / at period 0, pooled over the cohorts observed that long), projected survival
 * S(t), retention rate r(t) and whether the period was fitted.
 *
 * <p>Series come from {@code --retention} (any period: months, years) or from the subscriptions' monthly
 * cohorts ({@link MrrCohort#survivalSeries()}: customers paying in every month since their first), fitted
 * jointly. Money: with a value per period (given, else ARPA of the subscriptions),
 * {@code newCustomerValue} = value × DEL(d) and, from subscriptions, {@code residualValue} = Σ over the
 * customers paying in the last month of MRR × DERL(d | months paid − 1), the discounted expected future
 * payments of the current base. Both need a discount rate above 0.
 */
final class RetentionReport {
    private RetentionReport() {}

    /** Where the series come from, and what one period is worth. */
    static final class Source {
        final List<double[]> series;
        final boolean subscriptions;
        final MrrLedger ledger;
        final YearMonth last;
        final Ratio value;

        private Source(List<double[]> series, boolean subscriptions, MrrLedger ledger, YearMonth last, Ratio value) {
            this.series = series;
            this.subscriptions = subscriptions;
            this.ledger = ledger;
            this.last = last;
            this.value = value;
        }

        static Source given(List<double[]> series, BigDecimal valuePerPeriod) {
            return new Source(series, false, null, null,
                    valuePerPeriod == null ? null : Ratio.of(valuePerPeriod, BigDecimal.ONE, Kind.MONEY, "unreachable"));
        }

        static Source subscriptions(MrrLedger ledger, YearMonth from, YearMonth to, BigDecimal valuePerPeriod) {
            List<double[]> series = new ArrayList<>();
            for (MrrCohort c : ledger.cohorts(from, to)) series.add(c.survivalSeries());
            Ratio value = valuePerPeriod != null ? Ratio.of(valuePerPeriod, BigDecimal.ONE, Kind.MONEY, "unreachable")
                    : ledger.finish(from, to).arpa();
            return new Source(series, true, ledger, to, value);
        }
    }

    static void addTo(Report r, ClvCalculator.Options o, Source src, boolean asRows) {
        List<double[]> fitted = new ArrayList<>();
        for (double[] s : src.series) {
            double[] a = o.fitPeriods() == null ? s : Arrays.copyOf(s, Math.min(s.length, o.fitPeriods() + 1));
            if (a.length >= 2) fitted.add(a);
        }
        if (fitted.isEmpty()) {
            throw new ModelFitException("sbg needs a cohort followed for at least two periods"
                    + (src.subscriptions ? ": the subscriptions span too few months (a cohort's first month and two more)" : ""));
        }
        ModelFit<ShiftedBetaGeometricModel> f;
        try {
            f = ShiftedBetaGeometricModel.fitCohorts(fitted);
        } catch (IllegalArgumentException e) {
            throw new ModelFitException("sbg cannot be fitted: " + e.getMessage());
        }
        if (!f.converged()) {
            throw new ModelFitException("the sBG fit did not converge (" + f.message() + "): the retention series cannot pin down"
                    + " alpha and beta. Check that it counts the same customers period after period (starting at 100 or the"
                    + " cohort size), give more periods, or pool more cohorts.");
        }
        ShiftedBetaGeometricModel m = f.model();
        int longest = 0, fittedPeriods = 0;
        double customers = 0;
        for (double[] s : src.series) longest = Math.max(longest, s.length - 1);
        for (double[] s : fitted) {
            fittedPeriods = Math.max(fittedPeriods, s.length - 1);
            customers += s[0];
        }
        int horizon = Math.max((int) Math.ceil(o.horizon()), longest);

        List<Row> rows = new ArrayList<>();
        double s = 1;
        for (int t = 0; t <= horizon; t++) {
            if (t > 0) s *= m.retentionRate(t);
            double num = 0, den = 0;
            for (double[] a : src.series) {
                if (a.length > t) {
                    num += a[t];
                    den += a[0];
                }
            }
            rows.add(new Row().put("period", (long) t)
                    .put("observedSurvival", den > 0 ? ModelReport.round(num / den, 6) : null)
                    .put("survival", ModelReport.round(s, 6))
                    .put("retentionRate", t == 0 ? null : ModelReport.round(m.retentionRate(t), 6))
                    .put("fitted", t <= fittedPeriods));
        }
        Row sbg = new Row().put("alpha", m.alpha()).put("beta", m.beta()).put("logLikelihood", f.logLikelihood())
                .put("converged", f.converged()).put("cohorts", (long) fitted.size())
                .put("periodsFitted", (long) fittedPeriods).put("customers", ModelReport.round(customers, 6))
                .put("periodUnit", src.subscriptions ? "month" : "period")
                .put("expectedLifetime", m.expectedLifetime() == null ? null : ModelReport.round(m.expectedLifetime(), 6));
        if (m.expectedLifetime() == null) sbg.put("expectedLifetimeNote", m.expectedLifetimeNullReason());
        sbg.put("medianLifetime", m.medianLifetime() == null ? null : (long) m.medianLifetime())
                .put("expectedPeriodsWithinHorizon", ModelReport.round(m.expectedLifetimeWithin(horizon), 6))
                .put("discount", o.discount());
        Double del = o.discount() > 0 ? m.discountedExpectedLifetime(o.discount()) : null;
        sbg.put("discountedExpectedLifetime", del == null ? null : ModelReport.round(del, 6));
        if (src.value != null && !src.value.isNull() && del != null) {
            BigDecimal value = src.value.numerator().divide(src.value.denominator(), MathContext.DECIMAL128);
            sbg.put("valuePerPeriod", Report.money(src.value.value()))
                    .put("newCustomerValue", ModelReport.money(value.doubleValue() * del));
            if (src.subscriptions) {
                Map<Integer, Double> derl = new HashMap<>();
                double residual = 0;
                long active = 0;
                for (MrrLedger.ActiveCustomer c : src.ledger.activeIn(src.last)) {
                    double d = derl.computeIfAbsent(c.consecutiveMonths() - 1,
                            k -> m.discountedExpectedResidualLifetime(o.discount(), k));
                    residual += c.mrr() / 12e6 * d; // ledger amounts are MRR × 12 in micros
                    active++;
                }
                sbg.put("activeCustomers", active).put("residualValue", ModelReport.money(residual));
            }
        }
        Map<String, Object> models = modelsOf(r);
        models.put("sbg", sbg);

        List<Column> cols = List.of(new Column("period", src.subscriptions ? "Month" : "Period", Kind.COUNT),
                new Column("observedSurvival", "Observed", Kind.PERCENT), new Column("survival", "Projected", Kind.PERCENT),
                new Column("retentionRate", "Retention rate", Kind.PERCENT), new Column("fitted", "Fitted", Kind.BOOLEAN));
        if (asRows) {
            r.groupBy(List.of("period"));
            for (Column c : cols) r.column(c.key(), c.label(), c.kind());
            r.rows().addAll(rows);
            List<Column> mc = List.of(new Column("model", "Model", Kind.TEXT), new Column("parameters", "Parameters", Kind.TEXT),
                    new Column("logLikelihood", "Log-likelihood", Kind.NUMBER));
            r.sections().add(new Section("Model", "models", mc, List.of(new Row().put("model", "sBG")
                    .put("parameters", "alpha=" + ModelReport.g(m.alpha()) + "  beta=" + ModelReport.g(m.beta()))
                    .put("logLikelihood", ModelReport.round(f.logLikelihood(), 4)))));
        } else {
            r.sections().add(new Section("sBG retention projection (alpha=" + ModelReport.g(m.alpha()) + ", beta="
                    + ModelReport.g(m.beta()) + ")", "sbgProjection", cols, rows));
        }
        String unit = src.subscriptions ? "months" : "periods";
        r.notes().add("sBG fitted on " + fitted.size() + " cohort" + (fitted.size() == 1 ? "" : "s") + " over up to "
                + fittedPeriods + " " + unit + (src.subscriptions ? " (monthly cohorts by first MRR; survival = paying every month since)" : "")
                + "; S(t) = share still active after t " + unit + ".");
        if (m.expectedLifetime() == null) {
            r.notes().add("Expected lifetime: unbounded (alpha <= 1: a core of customers practically never leaves); the median is "
                    + (m.medianLifetime() == null ? "beyond a million " + unit : m.medianLifetime() + " " + unit) + ".");
        } else {
            r.notes().add("Expected lifetime: " + ModelReport.round(m.expectedLifetime(), 2).toPlainString() + " " + unit
                    + " (the first included).");
        }
        if (del == null) r.warn("sbg: no discounted lifetime value without a discount rate above 0 (--discount)");
        else if (sbg.has("newCustomerValue")) {
            r.notes().add("Value at " + ModelReport.trim(o.discount()) + " discount per " + (src.subscriptions ? "month" : "period")
                    + ": a new customer " + sbg.get("newCustomerValue") + (sbg.has("residualValue")
                    ? "; the " + sbg.get("activeCustomers") + " paying customers' future payments " + sbg.get("residualValue") : "") + ".");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> modelsOf(Report r) {
        Object m = r.extra().get("models");
        if (m instanceof Map) return (Map<String, Object>) m;
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        r.extra().put("models", out);
        return out;
    }
}
