package dev.kpi.calc.clv;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of the transaction models ({@code --model bgnbd|pareto|gamma-gamma}).
 *
 * <p>{@code models} (JSON, the contract): {@code bgnbd: {r, alpha, a, b, logLikelihood, converged,
 * customers}}, {@code paretoNbd: {r, alpha, s, beta, …}}, {@code gammaGamma: {p, q, gamma,
 * logLikelihood, converged, customers, frequencyValueCorrelation}}. A fit that does not converge is a
 * {@link ModelFitException}, never output.
 *
 * <p>Rows, one per customer: {@code customerId, frequency, recency, t, monetaryValue,
 * expectedPurchases, probabilityAlive, expectedAverageValue, clv} (and {@code holdoutFrequency,
 * expectedHoldoutPurchases} with a holdout window). Predictions come from the first purchase model named
 * ({@code bgnbd} or {@code pareto}): expected purchases over {@code horizon} units, P(alive) at the end
 * of calibration; spend from gamma-gamma; CLV by {@link ProbabilisticClv}. All customers in calibration
 * order with {@code perCustomer}, else the {@code top} most valuable (by CLV, then expected purchases,
 * then expected value). Rounding at output: recency and T to 6 decimals, expected purchases and
 * P(alive) to 6, money to cents (half-even). The total sums frequency, expected purchases, holdout
 * purchases and CLV over every customer, not only the rows shown.
 */
final class ModelReport {
    private ModelReport() {}

    static Report build(ClvCalculator.Options o, RfmTable table, String currency) {
        List<CustomerRfm> customers = table.customers();
        if (customers.isEmpty()) {
            throw new ModelFitException("no customer bought on or before " + table.calibrationEnd()
                    + ": there is nothing to fit (check --to)");
        }
        int repeat = 0;
        for (CustomerRfm c : customers) if (c.frequency() > 0) repeat++;
        Map<String, Object> models = new LinkedHashMap<>();
        List<Row> modelRows = new ArrayList<>();
        TransactionModel purchase = null;
        String purchaseName = null;
        for (ClvCalculator.Model m : o.models()) {
            if (m == ClvCalculator.Model.BGNBD) {
                ModelFit<BgNbdModel> f = BgNbdModel.fit(customers);
                check("BG/NBD", f, customers.size(), repeat, table);
                BgNbdModel b = f.model();
                models.put("bgnbd", params("r", b.r(), "alpha", b.alpha(), "a", b.a(), "b", b.b())
                        .put("logLikelihood", f.logLikelihood()).put("converged", f.converged())
                        .put("customers", (long) customers.size()));
                modelRows.add(modelRow("BG/NBD", "r=" + g(b.r()) + "  alpha=" + g(b.alpha()) + "  a=" + g(b.a())
                        + "  b=" + g(b.b()), f, customers.size()));
                if (purchase == null) {
                    purchase = b;
                    purchaseName = "bgnbd";
                }
            } else if (m == ClvCalculator.Model.PARETO) {
                ModelFit<ParetoNbdModel> f = ParetoNbdModel.fit(customers);
                check("Pareto/NBD", f, customers.size(), repeat, table);
                ParetoNbdModel p = f.model();
                models.put("paretoNbd", params("r", p.r(), "alpha", p.alpha(), "s", p.s(), "beta", p.beta())
                        .put("logLikelihood", f.logLikelihood()).put("converged", f.converged())
                        .put("customers", (long) customers.size()));
                modelRows.add(modelRow("Pareto/NBD", "r=" + g(p.r()) + "  alpha=" + g(p.alpha()) + "  s=" + g(p.s())
                        + "  beta=" + g(p.beta()), f, customers.size()));
                if (purchase == null) {
                    purchase = p;
                    purchaseName = "paretoNbd";
                }
            }
        }
        GammaGammaModel spend = null;
        int badSpend = 0;
        if (o.has(ClvCalculator.Model.GAMMA_GAMMA)) {
            List<CustomerRfm> buyers = new ArrayList<>();
            for (CustomerRfm c : customers) {
                if (c.frequency() == 0) continue;
                if (c.monetaryValue().signum() > 0) buyers.add(c); else badSpend++;
            }
            if (buyers.isEmpty()) {
                throw new ModelFitException("gamma-gamma needs repeat buyers with a positive mean repeat value, and none of the "
                        + customers.size() + " customers has one (" + repeat + " bought more than once); try a longer"
                        + " calibration period (--to) or leave gamma-gamma out");
            }
            ModelFit<GammaGammaModel> f = GammaGammaModel.fit(buyers);
            check("gamma-gamma", f, buyers.size(), buyers.size(), table);
            spend = f.model();
            models.put("gammaGamma", params("p", spend.p(), "q", spend.q(), "gamma", spend.gamma())
                    .put("logLikelihood", f.logLikelihood()).put("converged", f.converged())
                    .put("customers", (long) buyers.size())
                    .put("frequencyValueCorrelation", round(correlation(buyers), 4)));
            modelRows.add(modelRow("gamma-gamma", "p=" + g(spend.p()) + "  q=" + g(spend.q()) + "  gamma=" + g(spend.gamma()),
                    f, buyers.size()));
        }

        Report r = new Report("clv").period(null, table.calibrationEnd()).groupBy(List.of("customerId")).currency(currency);
        boolean holdout = table.observationEnd() != null;
        r.column("customerId", "Customer", Kind.TEXT)
                .column("frequency", "Repeat purchases", Kind.COUNT)
                .column("recency", "Recency", Kind.NUMBER)
                .column("t", "T", Kind.NUMBER)
                .column("monetaryValue", "Mean repeat value", Kind.MONEY);
        if (purchase != null) {
            r.column("expectedPurchases", "Expected purchases", Kind.NUMBER)
                    .column("probabilityAlive", "P(alive)", Kind.PERCENT);
        }
        if (spend != null) r.column("expectedAverageValue", "Expected value", Kind.MONEY);
        if (purchase != null && spend != null) r.column("clv", "CLV", Kind.MONEY);
        if (holdout) {
            r.column("holdoutFrequency", "Holdout purchases", Kind.COUNT);
            if (purchase != null) r.column("expectedHoldoutPurchases", "Predicted (holdout)", Kind.NUMBER);
        }

        ProbabilisticClv valuation = purchase == null ? null
                : new ProbabilisticClv(purchase, spend, o.unit(), o.horizon(), o.clvMonths(), o.discount());
        // predictions into primitive arrays first; Row objects only for the customers shown
        int n = customers.size();
        double[] exp = new double[n], alive = new double[n], ev = new double[n], clv = new double[n], hexp = new double[n];
        long freqSum = 0, holdSum = 0;
        double expSum = 0, aliveSum = 0, clvSum = 0, holdExpSum = 0, absErr = 0;
        int clvCount = 0;
        for (int i = 0; i < n; i++) {
            CustomerRfm c = customers.get(i);
            double x = c.frequency();
            double m = c.monetaryValueAsDouble();
            freqSum += c.frequency();
            Double v = null;
            if (spend != null && (c.frequency() == 0 || c.monetaryValue().signum() > 0)) v = spend.expectedAverageValue(x, m);
            ev[i] = v == null ? Double.NaN : v;
            clv[i] = Double.NaN;
            try {
                if (purchase != null) {
                    exp[i] = purchase.expectedPurchases(o.horizon(), x, c.recency(), c.t());
                    alive[i] = purchase.probabilityAlive(x, c.recency(), c.t());
                    expSum += exp[i];
                    aliveSum += alive[i];
                    if (v != null) {
                        clv[i] = valuation.clv(x, c.recency(), c.t(), v);
                        clvSum += clv[i];
                        clvCount++;
                    }
                    if (holdout) {
                        hexp[i] = purchase.expectedPurchases(table.durationHoldout(), x, c.recency(), c.t());
                        holdExpSum += hexp[i];
                        absErr += Math.abs(hexp[i] - c.holdoutFrequency());
                    }
                }
            } catch (ArithmeticException e) {
                throw new ModelFitException("the prediction for customer " + c.customerId() + " (frequency " + c.frequency()
                        + ", recency " + c.recency() + ", T " + c.t() + ") cannot be computed: " + e.getMessage()
                        + "; try a shorter --horizon or a coarser --time-unit");
            }
            if (holdout) holdSum += c.holdoutFrequency();
        }
        int[] shown;
        if (o.perCustomer()) {
            shown = new int[n];
            for (int i = 0; i < n; i++) shown[i] = i;
        } else {
            shown = top(customers, clv, exp, ev, Math.min(o.top(), n));
        }
        for (int i : shown) {
            CustomerRfm c = customers.get(i);
            Row row = new Row().put("customerId", c.customerId()).put("frequency", (long) c.frequency())
                    .put("recency", round(c.recency(), 6)).put("t", round(c.t(), 6))
                    .put("monetaryValue", Report.money(c.monetaryValue()));
            if (purchase != null) row.put("expectedPurchases", round(exp[i], 6)).put("probabilityAlive", round(alive[i], 6));
            if (spend != null) row.put("expectedAverageValue", money(Double.isNaN(ev[i]) ? null : ev[i]));
            if (purchase != null && spend != null) row.put("clv", money(Double.isNaN(clv[i]) ? null : clv[i]));
            if (holdout) {
                row.put("holdoutFrequency", (long) c.holdoutFrequency());
                if (purchase != null) row.put("expectedHoldoutPurchases", round(hexp[i], 6));
            }
            r.rows().add(row);
        }
        Row total = new Row().put("frequency", freqSum);
        if (purchase != null) total.put("expectedPurchases", round(expSum, 6));
        if (purchase != null && spend != null) total.put("clv", money(clvSum));
        if (holdout) {
            total.put("holdoutFrequency", holdSum);
            if (purchase != null) total.put("expectedHoldoutPurchases", round(holdExpSum, 6));
        }
        r.total(total);

        r.extra().put("models", models);
        Row rfm = new Row().put("timeUnit", o.unit().json()).put("calibrationEnd", table.calibrationEnd())
                .put("customers", (long) customers.size()).put("repeatCustomers", (long) repeat)
                .put("purchasesUsed", table.purchasesUsed()).put("purchasesIgnored", table.purchasesIgnored());
        if (holdout) {
            rfm.put("holdoutEnd", table.observationEnd()).put("holdoutDuration", round(table.durationHoldout(), 6))
                    .put("customersOnlyInHoldout", (long) table.customersOnlyInHoldout());
        }
        r.extra().put("rfm", rfm);
        Row prediction = new Row().put("purchaseModel", purchaseName).put("spendModel", spend == null ? null : "gammaGamma")
                .put("horizon", o.horizon()).put("timeUnit", o.unit().json()).put("clvMonths", (long) o.clvMonths())
                .put("monthlyDiscount", o.discount())
                .put("customers", (long) customers.size());
        if (purchase != null) prediction.put("expectedAliveCustomers", round(aliveSum, 6));
        if (purchase != null && spend != null) {
            prediction.put("averageClv", clvCount == 0 ? null : money(clvSum / clvCount));
        }
        if (holdout && purchase != null) {
            prediction.put("holdoutActualPurchases", holdSum).put("holdoutPredictedPurchases", round(holdExpSum, 6))
                    .put("holdoutMeanAbsoluteError", round(absErr / customers.size(), 6));
        }
        r.extra().put("prediction", prediction);
        r.sections().add(new Section("Models", "models", List.of(new Column("model", "Model", Kind.TEXT),
                new Column("parameters", "Parameters", Kind.TEXT), new Column("logLikelihood", "Log-likelihood", Kind.NUMBER),
                new Column("customers", "Fitted on", Kind.COUNT)), modelRows));

        String unit = o.unit().json() + "s";
        r.notes().add("RFM from purchases up to " + table.calibrationEnd() + " (inclusive), in " + unit + " from each customer's"
                + " first purchase: " + customers.size() + " customers, " + repeat + " bought again.");
        if (purchase != null) {
            r.notes().add("Expected purchases over the next " + trim(o.horizon()) + " " + unit + " and P(alive) from "
                    + ("bgnbd".equals(purchaseName) ? "BG/NBD" : "Pareto/NBD") + ".");
        }
        if (purchase != null && spend != null) {
            r.notes().add("CLV = Σ over " + o.clvMonths() + " months (of 365.25/12 days) of expected purchases in the month ×"
                    + " gamma-gamma expected value / (1 + " + trim(o.discount()) + ")^month; revenue, not margin.");
        } else if (purchase != null) {
            r.notes().add("Add gamma-gamma to --model for expected values and CLV.");
        }
        r.notes().add(o.perCustomer() ? "Rows: every customer." : "Rows: the " + Math.min(o.top(), customers.size())
                + " most valuable of " + customers.size() + " customers (--top N, or --per-customer for all);"
                + " the total covers all of them.");
        if (spend != null) {
            double corr = correlation(customers.stream().filter(c -> c.frequency() > 0 && c.monetaryValue().signum() > 0).toList());
            if (Math.abs(corr) >= 0.3) {
                r.warn("gamma-gamma assumes spend per purchase does not depend on how often a customer buys, but frequency and"
                        + " mean value correlate at " + round(corr, 2) + " among repeat buyers: read expected values with care");
            }
        }
        if (badSpend > 0) {
            r.warn(badSpend + " repeat buyer" + (badSpend == 1 ? " has" : "s have") + " a mean repeat value of 0 or less"
                    + " (refunds): left out of the gamma-gamma fit, without expected value or CLV");
        }
        return r;
    }

    /**
     * The {@code k} most valuable customers, best first: by CLV, then expected purchases, then expected
     * value (each highest first, unknown last), then customer id. A bounded heap: O(n log k).
     */
    static int[] top(List<CustomerRfm> customers, double[] clv, double[] exp, double[] ev, int k) {
        java.util.Comparator<Integer> better = (a, b) -> {
            int c = desc(clv[a], clv[b]);
            if (c == 0) c = desc(exp[a], exp[b]);
            if (c == 0) c = desc(ev[a], ev[b]);
            if (c == 0) c = customers.get(a).customerId().compareTo(customers.get(b).customerId());
            return c;
        };
        java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(Math.max(1, k), better.reversed());
        for (int i = 0; i < customers.size() && k > 0; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (better.compare(i, heap.peek()) < 0) {
                heap.poll();
                heap.add(i);
            }
        }
        Integer[] out = heap.toArray(new Integer[0]);
        java.util.Arrays.sort(out, better);
        int[] idx = new int[out.length];
        for (int i = 0; i < idx.length; i++) idx[i] = out[i];
        return idx;
    }

    /** Descending order with NaN (unknown) last. */
    private static int desc(double a, double b) {
        boolean na = Double.isNaN(a), nb = Double.isNaN(b);
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        return Double.compare(b, a);
    }

    private static void check(String name, ModelFit<?> f, int customers, int repeat, RfmTable table) {
        if (f.converged()) return;
        throw new ModelFitException("the " + name + " fit did not converge (" + f.message() + "): the data cannot pin down"
                + " the model's parameters. " + repeat + " of " + customers + " customers bought more than once up to "
                + table.calibrationEnd() + "; a model needs a fair share of repeat buyers and customers observed for a"
                + " while. Try a later --to (a longer calibration period), a coarser --time-unit, more customers, or a"
                + " simpler view (kpi clv without --model).");
    }

    private static Row params(Object... kv) {
        Row r = new Row();
        for (int i = 0; i < kv.length; i += 2) r.put((String) kv[i], kv[i + 1]);
        return r;
    }

    private static Row modelRow(String name, String params, ModelFit<?> f, int customers) {
        return new Row().put("model", name).put("parameters", params).put("logLikelihood", round(f.logLikelihood(), 4))
                .put("customers", (long) customers);
    }

    /** Pearson correlation of frequency and mean repeat value; 0 with fewer than 2 customers or no variation. */
    static double correlation(List<CustomerRfm> cs) {
        int n = cs.size();
        if (n < 2) return 0;
        double sx = 0, sy = 0;
        for (CustomerRfm c : cs) {
            sx += c.frequency();
            sy += c.monetaryValueAsDouble();
        }
        double mx = sx / n, my = sy / n, cov = 0, vx = 0, vy = 0;
        for (CustomerRfm c : cs) {
            double dx = c.frequency() - mx, dy = c.monetaryValueAsDouble() - my;
            cov += dx * dy;
            vx += dx * dx;
            vy += dy * dy;
        }
        return vx == 0 || vy == 0 ? 0 : cov / Math.sqrt(vx * vy);
    }

    static BigDecimal round(double v, int scale) {
        if (!Double.isFinite(v)) return null;
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN);
    }

    static BigDecimal money(Double v) {
        return v == null || !Double.isFinite(v) ? null : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Four significant digits for a parameter shown in a table. */
    static String g(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String trim(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
