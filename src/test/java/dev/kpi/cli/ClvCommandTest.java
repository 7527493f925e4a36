package dev.kpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpi.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code kpi clv} end to end, in-process.
 *
 * <p>Probabilistic values: published results (Fader, Hardie &amp; Lee 2005; Fader &amp; Hardie 2007) and
 * src/test/resources/clv/cli_reference_values.py, which summarises cdnow_transactions.csv itself
 * (purchases combined per day, weeks from the first purchase, calibration end 1997-09-30 inclusive),
 * fits with scipy and evaluates predictions with mpmath. It printed:
 * <pre>
 * BG/NBD r alpha a b = 0.24259453 4.41360239 0.79292205 2.42590692  LL = -9582.429207
 * gamma-gamma p q gamma = 6.24957396 3.74422448 15.44351589  LL = -4055.917695  (946 repeat buyers)
 *   id 1 x=2 t_x=30.428571 T=38.857143 m=22.345000  E[Y(39)]=1.22599445 P(alive)=0.72662031 E(M)=24.65391812 CLV=36.29601435
 *   id 2 x=1 t_x=1.714286 T=38.857143 m=11.770000  E[Y(39)]=0.20341886 P(alive)=0.21239105 E(M)=18.91001688 CLV=4.64382916
 *   id 509 x=18 t_x=35.142857 T=35.857143 m=78.632778  E[Y(39)]=12.82326040 P(alive)=0.94645310 E(M)=77.59777115 CLV=1175.70713904
 * holdout: duration 39.000000 weeks, actual purchase days 1882, predicted 1653.408693
 * sBG subscriptions alpha beta = 4.38240719 35.71226101  LL = -6.391314
 *   DEL(0.01) = 10.15325014  ARPA = 109.02777771  new customer value = 1106.986299
 *   residual value (June base) = 3885.507236
 * </pre>
 */
class ClvCommandTest {
    private static final String RES = "src/test/resources/clv/";

    private static String cdnow() { return SharedData.file("cdnow_transactions.csv").toString(); }

    private static JsonNode json(KpiRun r) throws Exception {
        assertEquals(0, r.exit, r.toString());
        return CliTest.JSON.readTree(r.out);
    }

    private static BigDecimal dec(JsonNode n, String field) {
        assertTrue(n.has(field), "missing " + field + " in " + n);
        return n.get(field).decimalValue();
    }

    private static void money(String expected, JsonNode n, String field) {
        assertEquals(0, new BigDecimal(expected).compareTo(dec(n, field)), field + " in " + n);
    }

    private static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode r : rows) if (value.equals(r.get(key).asText())) return r;
        fail("no row with " + key + " = " + value);
        return null;
    }

    // ---- the contract on CDNOW --------------------------------------------------------------

    @Test void contractCommandReproducesThePublishedCdnowParameters() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--transactions", cdnow(), "--model", "bgnbd,gamma-gamma", "--to", "1997-09-30",
                "--time-unit", "week", "--horizon", "39", "--discount", "0.01", "--clv-months", "12", "--per-customer",
                "--format", "json"));
        assertEquals("clv", j.get("command").asText());
        JsonNode bg = j.get("models").get("bgnbd");
        // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4
        assertEquals(0.243, bg.get("r").asDouble(), 0.0005);
        assertEquals(4.414, bg.get("alpha").asDouble(), 0.0005);
        assertEquals(0.793, bg.get("a").asDouble(), 0.0005);
        assertEquals(2.426, bg.get("b").asDouble(), 0.0005);
        assertEquals(-9582.4, bg.get("logLikelihood").asDouble(), 0.05);
        assertTrue(bg.get("converged").asBoolean());
        // and scipy on the same transaction log (second method) to 1e-5 relative
        assertEquals(0.24259453, bg.get("r").asDouble(), 1e-5 * 0.2426);
        assertEquals(4.41360239, bg.get("alpha").asDouble(), 1e-5 * 4.414);
        assertEquals(0.79292205, bg.get("a").asDouble(), 1e-5 * 0.793);
        assertEquals(2.42590692, bg.get("b").asDouble(), 1e-5 * 2.426);
        assertEquals(-9582.429207, bg.get("logLikelihood").asDouble(), 1e-4);
        JsonNode gg = j.get("models").get("gammaGamma");
        // Fader, Hardie & Lee (2005) "RFM and CLV": p = 6.25, q = 3.74, gamma = 15.44
        assertEquals(6.25, gg.get("p").asDouble(), 0.005);
        assertEquals(3.74, gg.get("q").asDouble(), 0.005);
        assertEquals(15.44, gg.get("gamma").asDouble(), 0.005);
        assertEquals(-4055.917695, gg.get("logLikelihood").asDouble(), 1e-4);
        assertTrue(gg.get("converged").asBoolean());
        assertEquals(946, gg.get("customers").asInt());

        JsonNode rows = j.get("rows");
        assertEquals(2357, rows.size()); // --per-customer: every customer
        List<String> fields = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("customerId", "frequency", "recency", "t", "monetaryValue", "expectedPurchases",
                "probabilityAlive", "expectedAverageValue", "clv"), fields);
        JsonNode c1 = row(rows, "customerId", "1");
        assertEquals(2, c1.get("frequency").asInt());
        assertEquals(30.428571, c1.get("recency").asDouble(), 1e-6);
        assertEquals(38.857143, c1.get("t").asDouble(), 1e-6);
        money("22.345", c1, "monetaryValue"); // (29.73 + 14.96) / 2 repeat days
        assertEquals(1.22599445, c1.get("expectedPurchases").asDouble(), 2e-6);
        assertEquals(0.72662031, c1.get("probabilityAlive").asDouble(), 2e-6);
        money("24.65", c1, "expectedAverageValue");
        money("36.30", c1, "clv");
        JsonNode c2 = row(rows, "customerId", "2");
        assertEquals(0.20341886, c2.get("expectedPurchases").asDouble(), 2e-6);
        assertEquals(0.21239105, c2.get("probabilityAlive").asDouble(), 2e-6);
        money("18.91", c2, "expectedAverageValue");
        money("4.64", c2, "clv");
        money("1175.71", row(rows, "customerId", "509"), "clv");
        // total of expected purchases over 39 weeks = the reference's holdout prediction (same 39 weeks)
        assertEquals(1653.408693, j.get("total").get("expectedPurchases").asDouble(), 1e-3);
        assertEquals("1997-09-30", j.get("rfm").get("calibrationEnd").asText());
        assertEquals(2357, j.get("rfm").get("customers").asInt());
        assertEquals(946, j.get("rfm").get("repeatCustomers").asInt());
        // 6,919 purchases: 4,960 on or before 1997-09-30, 1,959 after
        assertEquals(4960, j.get("rfm").get("purchasesUsed").asInt());
        assertEquals(1959, j.get("rfm").get("purchasesIgnored").asInt());
    }

    @Test void withoutPerCustomerJsonHoldsTheTopCustomersOnly() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--transactions", cdnow(), "--model", "bgnbd,gamma-gamma", "--to", "1997-09-30",
                "--time-unit", "week", "--horizon", "39", "--top", "3", "--format", "json"));
        JsonNode rows = j.get("rows");
        assertEquals(3, rows.size());
        // the most valuable customer is 509 (CLV 1,175.71 in the reference); sorted by CLV, highest first
        assertEquals("509", rows.get(0).get("customerId").asText());
        assertTrue(rows.get(0).get("clv").decimalValue().compareTo(rows.get(1).get("clv").decimalValue()) >= 0);
        assertTrue(rows.get(1).get("clv").decimalValue().compareTo(rows.get(2).get("clv").decimalValue()) >= 0);
        // the total still covers every customer
        assertEquals(1653.408693, j.get("total").get("expectedPurchases").asDouble(), 1e-3);
        // default: ten rows
        JsonNode d = json(KpiRun.run("clv", "--transactions", cdnow(), "--model", "bgnbd,gamma-gamma", "--to", "1997-09-30",
                "--time-unit", "week", "--format", "json"));
        assertEquals(10, d.get("rows").size());
        assertEquals(52.0, d.get("prediction").get("horizon").asDouble()); // one year in weeks by default
    }

    @Test void holdoutWindowComparesActualAndPredictedPurchases() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--transactions", cdnow(), "--model", "bgnbd", "--to", "1997-09-30",
                "--holdout-to", "1998-06-30", "--time-unit", "week", "--format", "json"));
        // 1998-06-30 − 1997-09-30 = 273 days = 39 weeks; 1,882 distinct purchase days of calibration customers in it
        assertEquals(39.0, j.get("rfm").get("holdoutDuration").asDouble(), 1e-9);
        assertEquals(1882, j.get("total").get("holdoutFrequency").asInt());
        assertEquals(1882, j.get("prediction").get("holdoutActualPurchases").asInt());
        assertEquals(1653.408693, j.get("prediction").get("holdoutPredictedPurchases").asDouble(), 1e-3);
        assertTrue(j.get("rows").get(0).has("expectedHoldoutPurchases"));
        // the BG/NBD fit uses calibration purchases only, so the parameters do not move
        assertEquals(0.24259453, j.get("models").get("bgnbd").get("r").asDouble(), 1e-5 * 0.2426);
    }

    @Test void paretoNbdIsFittedToo() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--transactions", cdnow(), "--model", "pareto", "--to", "1997-09-30",
                "--time-unit", "week", "--format", "json"));
        JsonNode p = j.get("models").get("paretoNbd");
        // Fader, Hardie & Lee's Pareto/NBD note on CDNOW: r = 0.55, alpha = 10.58, s = 0.61, beta = 11.67
        assertEquals(0.55, p.get("r").asDouble(), 0.01);
        assertEquals(10.58, p.get("alpha").asDouble(), 0.05);
        assertEquals(0.61, p.get("s").asDouble(), 0.01);
        assertEquals(11.67, p.get("beta").asDouble(), 0.1);
        assertFalse(j.get("rows").get(0).has("clv")); // no spend model: no CLV column
    }

    // ---- shifted-beta-geometric -------------------------------------------------------------------

    @Test void sbgReproducesThePublishedRegularAndHighEndFits() throws Exception {
        // Fader & Hardie (2007), years 0..7 of 1,000 customers: regular alpha 0.704, beta 1.182; high end 0.668, 3.806.
        // reference_values.py: regular 0.70407730, 1.18204303 (LL −1680.265188 on counts, a tenth on percentages)
        JsonNode reg = json(KpiRun.run("clv", "--model", "sbg", "--retention", "100,63.1,46.8,38.2,32.6,28.9,26.2,24.1",
                "--format", "json"));
        JsonNode s = reg.get("models").get("sbg");
        assertEquals(0.704, s.get("alpha").asDouble(), 0.0005);
        assertEquals(1.182, s.get("beta").asDouble(), 0.0005);
        assertEquals(0.70407730, s.get("alpha").asDouble(), 1e-6);
        assertEquals(-168.0265188, s.get("logLikelihood").asDouble(), 1e-5);
        assertTrue(s.get("expectedLifetime").isNull()); // alpha <= 1: unbounded mean
        assertEquals(2, s.get("medianLifetime").asInt());
        // projection: S(t) from reference_values.py, t = 0..12 (horizon 12 by default)
        double[] regular = {1.000000, 0.626706, 0.473819, 0.387974, 0.332068, 0.292347, 0.262456, 0.239024, 0.220085,
                0.204411, 0.191190, 0.179865, 0.170037};
        JsonNode rows = reg.get("rows");
        assertEquals(13, rows.size());
        for (int t = 0; t <= 12; t++) {
            assertEquals(t, rows.get(t).get("period").asInt());
            assertEquals(regular[t], rows.get(t).get("survival").asDouble(), 2e-6, "t=" + t);
        }
        assertEquals(0.631, rows.get(1).get("observedSurvival").asDouble(), 1e-12);
        assertTrue(rows.get(8).get("observedSurvival").isNull());
        assertTrue(rows.get(7).get("fitted").asBoolean());
        assertFalse(rows.get(8).get("fitted").asBoolean());

        // high end: the whole 13-year series with --fit-periods 7 fits years 1..7 as the paper does
        JsonNode high = json(KpiRun.run("clv", "--model", "sbg", "--retention",
                "100,86.9,74.3,65.3,59.3,55.1,51.7,49.1,46.8,44.5,42.7,40.9,39.4", "--fit-periods", "7",
                "--discount", "0.1", "--arpa", "100", "--format", "json"));
        JsonNode h = high.get("models").get("sbg");
        assertEquals(0.668, h.get("alpha").asDouble(), 0.0005);
        assertEquals(3.806, h.get("beta").asDouble(), 0.0005);
        assertEquals(0.66808837, h.get("alpha").asDouble(), 1e-6);
        assertEquals(3.80609538, h.get("beta").asDouble(), 1e-5);
        assertEquals(7, h.get("periodsFitted").asInt());
        // DEL(0.10) = 5.9222536195 (reference_values.py); a new customer paying 100 a period is worth 592.23
        assertEquals(5.9222536195, h.get("discountedExpectedLifetime").asDouble(), 1e-6);
        money("592.23", h, "newCustomerValue");
        double[] highEnd = {1.0, 0.850679, 0.746859, 0.669789, 0.609919, 0.561834, 0.522216, 0.488906, 0.460440,
                0.435780, 0.414172, 0.395055, 0.377999};
        for (int t = 0; t <= 12; t++) assertEquals(highEnd[t], high.get("rows").get(t).get("survival").asDouble(), 2e-6);
        assertEquals(0.394, high.get("rows").get(12).get("observedSurvival").asDouble(), 1e-12);
    }

    @Test void sbgFromACohortFile(@TempDir Path dir) throws Exception {
        // regular and high end as two cohorts of 1,000 of different ages (years 0..7 and 0..4):
        // reference_values.py joint fit alpha = 0.70155098, beta = 2.08212643, LL = −3003.951669
        Files.writeString(dir.resolve("cohorts.csv"), "cohort,y0,y1,y2,y3,y4,y5,y6,y7\n"
                + "regular,1000,631,468,382,326,289,262,241\nhigh end,1000,869,743,653,593\n");
        JsonNode j = json(KpiRun.run("clv", "--model", "sbg", "--retention", dir.resolve("cohorts.csv").toString(), "--format", "json"));
        JsonNode s = j.get("models").get("sbg");
        assertEquals(0.70155098, s.get("alpha").asDouble(), 1e-6);
        assertEquals(2.08212643, s.get("beta").asDouble(), 2e-6);
        assertEquals(-3003.951669, s.get("logLikelihood").asDouble(), 1e-5);
        assertEquals(2, s.get("cohorts").asInt());
        // observed survival pools the cohorts observed that long: year 4 = (326 + 593) / 2000; year 5 = 289 / 1000
        assertEquals(0.4595, j.get("rows").get(4).get("observedSurvival").asDouble(), 1e-12);
        assertEquals(0.289, j.get("rows").get(5).get("observedSurvival").asDouble(), 1e-12);
    }

    @Test void sbgFromSubscriptionCohorts() throws Exception {
        // the ledger's monthly cohorts, customers paying every month since their first (see mrrMovements…):
        // Jan (A, B, C) 3 3 2 2 2 2; Feb (E) 1 1 1 1 1; Mar (D) 1 1 1 0
        JsonNode j = json(KpiRun.run("clv", "--subscriptions", RES + "subscriptions_ledger.csv", "--model", "sbg",
                "--discount", "0.01", "--format", "json", "-q"));
        JsonNode s = j.get("models").get("sbg");
        assertEquals(4.38240719, s.get("alpha").asDouble(), 1e-4);
        assertEquals(35.71226101, s.get("beta").asDouble(), 1e-2);
        assertEquals(-6.391314, s.get("logLikelihood").asDouble(), 1e-5);
        assertEquals(3, s.get("cohorts").asInt());
        assertEquals("month", s.get("periodUnit").asText());
        assertEquals(10.15325014, s.get("discountedExpectedLifetime").asDouble(), 1e-4);
        money("109.03", s, "valuePerPeriod");       // ARPA 2,616.666665 / 24
        money("1106.99", s, "newCustomerValue");    // ARPA × DEL
        assertEquals(4, s.get("activeCustomers").asInt());
        money("3885.51", s, "residualValue");       // Σ MRR × DERL(0.01 | months paid − 1) over June's base
    }

    // ---- MRR movements on a hand-built ledger -----------------------------------------------------

    /**
     * subscriptions_ledger.csv (kpi-subscriptions: month, customer_id, mrr, annual), Jan..Jun 2025:
     * <pre>
     *          Jan     Feb     Mar     Apr     May     Jun
     * A        100     100     150     150     120     120     expansion +50 (Mar), contraction −30 (May)
     * B       1200/yr every month, annual = yes: 1200 / 12 = 100 a month
     * C         50      50       –       –      80      80     churns in Mar, reactivates in May
     * D          –       –     200     200     200       –     new in Mar, churns in Jun
     * E       1000/yr from Feb: 1000 / 12 = 83.333…, kept exact (sums round to the micro once, at output)
     * MRR      250  333.333333 533.333333 533.333333 583.333333 383.333333
     * </pre>
     * Movements: Jan new 250 (A, B, C); Feb new 83.333333 (E); Mar new 200 (D), expansion 50 (A), churned 50
     * (C); Apr none; May reactivation 80 (C), contraction 30 (A); Jun churned 200 (D). Check each month:
     * start + new + expansion + reactivation − contraction − churned = MRR (Mar: 333.333333 + 200 + 50 − 50).
     * Totals: new 533.333333, expansion 50, reactivation 80, contraction 30, churned 250; net 383.333333 = MRR
     * at the end (0 at the start). Customers at the start of each month 0, 3, 4, 4, 4, 5 (Σ 20); churned 2.
     * ARPA per month = MRR / customers: Jan 250 / 3 = 83.33, Mar 533.333333 / 4 = 133.33, May 583.333333 / 5 =
     * 116.67, Jun 383.333333 / 4 = 95.83. Window ARPA = Σ MRR / Σ customers = 2,616.666… (31,400 / 12) / 24 = 109.0277…
     * → 109.03; the numerator shows as 2,616.666667.
     * Monthly customer churn = 2 / 20 = 10 %; lifespan = 20 / 2 = 10 months. Mar churn 1 / 4 = 25 %, Jun 1 / 5 = 20 %.
     * Gross MRR churn: Mar 50 / 333.333333 = 0.150000 (0.15000000015), Jun 200 / 583.333333 = 0.342857; window
     * 250 / Σ start MRR (0 + 250 + 333.333… + 533.333… × 2 + 583.333… = 2,233.333… = 26,800 / 12) = 0.111940.
     * Net MRR churn: May (30 − 0) / 533.333… = 0.056250; window (250 + 30 − 50) / 2,233.333… = 0.102985.
     * CLV, no margin: ARPA × lifespan = 2,616.666… × 20 / (24 × 2) = 1,090.2777… → 1,090.28; with
     * --gross-margin 0.8: 2,616.666667 × 0.8 × 20 = 41,866.666672 (the numerator, from the micro-rounded
     * sum) / 48 = 872.22. Value × lifespan: ARPC 2,616.666… / 5 customers over 6 months = 87.2222… a month
     * × 0.8 × 10 = 697.78. Profit × years − CAC 300: (41,866.67 − 300 × 48) / 48 = 572.22. LTV:CAC =
     * 872.2222 / 300 = 2.9074; payback = 300 / (109.0277… × 0.8) = 3.4395 months.
     */
    @Test void mrrMovementsOnAHandBuiltLedger() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--subscriptions", RES + "subscriptions_ledger.csv", "--gross-margin", "0.8",
                "--cac", "300", "--format", "json"));
        checkLedger(j);
        JsonNode clv = j.get("clv");
        money("872.22", clv, "clvSubscription");
        money("41866.666672", clv, "clvSubscriptionNumerator");
        money("48", clv, "clvSubscriptionDenominator");
        money("572.22", clv, "clvProfitTimesYears");
        money("697.78", clv, "clvValueTimesLifespan");
        money("87.22", clv, "averageMonthlyValue");
        money("2.9074", clv, "ltvToCac");
        money("3.4395", clv, "paybackMonths");
        money("0.1", clv, "customerChurnRate");
        money("10.0", clv, "lifespanMonths");
        assertEquals(2, clv.get("joinedAndChurned").asInt()); // C and D joined in the window and churned in it
        assertEquals("gross margin", clv.get("basis").asText());
        assertEquals("ARPA × gross margin / customer churn rate", j.get("formulas").get("clvSubscription").asText());
    }

    /** The numbers of the hand-built ledger (see {@link #mrrMovementsOnAHandBuiltLedger}). */
    private static void checkLedger(JsonNode j) {
        JsonNode rows = j.get("rows");
        assertEquals(6, rows.size());
        String[][] expect = {
                // month, start, new, expansion, reactivation, contraction, churned, mrr, customers, arpa
                {"2025-01", "0", "250", "0", "0", "0", "0", "250", "3", "83.33"},
                {"2025-02", "250", "83.333333", "0", "0", "0", "0", "333.333333", "4", "83.33"},
                {"2025-03", "333.333333", "200", "50", "0", "0", "50", "533.333333", "4", "133.33"},
                {"2025-04", "533.333333", "0", "0", "0", "0", "0", "533.333333", "4", "133.33"},
                {"2025-05", "533.333333", "0", "0", "80", "30", "0", "583.333333", "5", "116.67"},
                {"2025-06", "583.333333", "0", "0", "0", "0", "200", "383.333333", "4", "95.83"}};
        for (int i = 0; i < 6; i++) {
            JsonNode r = rows.get(i);
            String[] e = expect[i];
            assertEquals(e[0], r.get("month").asText());
            money(e[1], r, "startMrr");
            money(e[2], r, "newMrr");
            money(e[3], r, "expansionMrr");
            money(e[4], r, "reactivationMrr");
            money(e[5], r, "contractionMrr");
            money(e[6], r, "churnedMrr");
            money(e[7], r, "mrr");
            assertEquals(Integer.parseInt(e[8]), r.get("customers").asInt(), e[0]);
            money(e[9], r, "arpa");
        }
        assertTrue(rows.get(0).get("customerChurnRate").isNull()); // no customer at the start of January
        money("0.25", rows.get(2), "customerChurnRate");
        money("0.150000", rows.get(2), "grossMrrChurn");
        money("0", rows.get(2), "netMrrChurn"); // churned 50 = expansion 50
        money("0.056250", rows.get(4), "netMrrChurn");
        assertEquals(1, rows.get(4).get("reactivatedCustomers").asInt());
        money("0.2", rows.get(5), "customerChurnRate");
        money("0.342857", rows.get(5), "grossMrrChurn");
        JsonNode t = j.get("total");
        money("0", t, "startMrr");
        money("533.333333", t, "newMrr");
        money("50", t, "expansionMrr");
        money("80", t, "reactivationMrr");
        money("30", t, "contractionMrr");
        money("250", t, "churnedMrr");
        money("383.333333", t, "netNewMrr");
        money("383.333333", t, "mrr");
        assertEquals(5, t.get("newCustomers").asInt());
        assertEquals(2, t.get("churnedCustomers").asInt());
        assertEquals(4, t.get("customers").asInt());
        money("109.03", t, "arpa");
        money("2616.666667", t, "arpaNumerator");
        assertEquals(24, t.get("arpaDenominator").asInt());
        money("0.1", t, "customerChurnRate");
        assertEquals(20, t.get("customerChurnRateDenominator").asInt());
        money("0.111940", t, "grossMrrChurn");
        money("2233.333333", t, "grossMrrChurnDenominator");
        money("0.102985", t, "netMrrChurn");
    }

    @Test void stripeAndChargebeeSubscriptionExportsExpandToTheSameLedger() throws Exception {
        // stripe_subscriptions.csv is the hand-built ledger as Stripe exports it: one row per subscription.
        // Alder (A) has Pro 100 from 10 Jan (set to cancel: "Canceled At" 5 Jun with no "Ended At", so still
        // active), seats 50 from 12 Mar ended 10 May, seats 20 from 10 May; Birch (B) a yearly 1,200; Cedar (C)
        // Basic 50 from 5 Jan ended 5 Mar (active on 31 Jan and 28 Feb, not on 31 Mar), then 2 × 40 from 2 May;
        // Dogwood (D) 200 from 1 Mar ended 1 Jun; Elm (E) yearly 1,000 with a trial to 3 Feb (paying from
        // February); Fir incomplete_expired (never paid, left out); Gum trialing until 24 Jun (not paying by the
        // as-of date 10 Jun, the latest start or renewal in the file). A month counts a subscription active
        // on its last day (on 10 Jun for June).
        KpiRun s = KpiRun.run("clv", "--subscriptions", RES + "stripe_subscriptions.csv", "--gross-margin", "80%",
                "--cac", "300", "--format", "json");
        JsonNode sj = json(s);
        checkLedger(sj);
        assertEquals("USD", sj.get("currency").asText());
        assertTrue(sj.get("to").isNull(), "no --to was given");
        assertEquals("2025-06-10", sj.get("coveredTo").asText());
        assertTrue(s.err.contains("1 subscription was left out: status incomplete_expired"), s.err);
        money("872.22", sj.get("clv"), "clvSubscription");
        // chargebee_subscriptions.csv: the same, with Chargebee's dotted columns, plan_unit_price × plan_quantity per
        // billing_period_unit, "non_renewing" whose cancelled_at (10 Jul) is still ahead, and subscriptions.mrr that
        // reads 0 for cancelled subscriptions (kpi uses the plan price, not that column)
        JsonNode cj = json(KpiRun.run("clv", "--subscriptions", RES + "chargebee_subscriptions.csv", "--gross-margin", "0.8",
                "--cac", "300", "--format", "json"));
        checkLedger(cj);
        assertEquals("EUR", cj.get("currency").asText());
        // --to moves the as-of date: at 2025-06-30 Gum has paid since 24 June (100 new in June)
        JsonNode later = json(KpiRun.run("clv", "--subscriptions", RES + "stripe_subscriptions.csv", "--to", "2025-06-30",
                "--format", "json", "-q"));
        money("100", later.get("rows").get(5), "newMrr");
        money("483.333333", later.get("rows").get(5), "mrr");
    }

    @Test void cohortTableByMonthOfFirstMrr() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--subscriptions", RES + "subscriptions_ledger.csv", "--cohorts", "--format", "json"));
        JsonNode cohorts = j.get("cohorts");
        // Jan cohort (A, B, C): 6 months; Feb (E): 5; Mar (D): 4 → 15 rows
        assertEquals(15, cohorts.size());
        JsonNode mar = cohorts.get(2); // Jan cohort, offset 2: C has stopped; A 150 + B 100
        assertEquals("2025-01", mar.get("cohort").asText());
        assertEquals(2, mar.get("monthsSinceStart").asInt());
        assertEquals(2, mar.get("activeCustomers").asInt());
        money("0.666667", mar, "customerRetention"); // 2 / 3
        money("250", mar, "mrr");
        JsonNode may = cohorts.get(4); // C is back: A 120 + B 100 + C 80 = 300 against 250 in January
        assertEquals(3, may.get("activeCustomers").asInt());
        money("1", may, "customerRetention");
        money("1.2", may, "revenueRetention");
        JsonNode dJun = cohorts.get(14); // Mar cohort (D) in June: gone
        assertEquals("2025-03", dJun.get("cohort").asText());
        assertEquals(0, dJun.get("activeCustomers").asInt());
        money("0", dJun, "revenueRetention");
    }

    @Test void windowAndChurnOverride() throws Exception {
        // --from 2025-03-01: the window is Mar..Jun; at its start (February) A, B, C, E pay 333.333333
        JsonNode j = json(KpiRun.run("clv", "--subscriptions", RES + "subscriptions_ledger.csv", "--from", "2025-03-01",
                "--churn", "5%", "--format", "json", "-q"));
        assertEquals(4, j.get("rows").size());
        money("333.333333", j.get("total"), "startMrr");
        assertEquals(4, j.get("total").get("customersAtStart").asInt());
        // C is in the starting base and left in March: 1 of 4 starting customers lost
        assertEquals(1, j.get("clv").get("startingCustomersLost").asInt());
        // --churn 5 % replaces the measured churn: lifespan 20 months; ARPA Mar..Jun =
        // (533.333333 × 2 + 583.333333 + 383.333333) / (4 + 4 + 5 + 4) = 2,033.333332 / 17; × 20 = 2,392.16
        money("20", j.get("clv"), "lifespanMonths");
        money("2392.16", j.get("clv"), "clvSubscription");
        assertEquals("revenue", j.get("clv").get("basis").asText());
    }

    @Test void tableSaysRevenueClvWithoutGrossMargin() {
        KpiRun r = KpiRun.run("clv", "--subscriptions", RES + "subscriptions_ledger.csv");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("revenue CLV"), r.out);
        assertTrue(r.out.contains("CLV (subscription) = ARPA / customer churn rate (revenue CLV: no gross margin given)"), r.out);
        assertTrue(r.out.contains("1,090.28"), r.out); // 2,616.666665 × 20 / 48, no margin
    }

    /**
     * The sample company's Stripe subscriptions (samples/stripe_subscriptions.csv, written by
     * samples/generate_samples.py, which also computes MRR by month independently with Python's decimal
     * module and printed for Q3 2025):
     * <pre>
     * MRR 2025-07: start 28690.000000 new 2000.000000 expansion 0.000000 reactivation 980.000000 contraction 0.000000 churned 1490.000000 end 30180.000000; customers 32 -> 34, churned 1
     * MRR 2025-08: start 30180.000000 new 5350.000000 expansion 0.000000 reactivation 0.000000 contraction 0.000000 churned 0.000000 end 35530.000000; customers 34 -> 36, churned 0
     * MRR 2025-09: start 35530.000000 new 9000.000000 expansion 2416.666667 reactivation 0.000000 contraction 0.000000 churned 1980.000000 end 44966.666667; customers 36 -> 37, churned 2
     * Q3 ARPA 1034.36 (110676.666667 / 107); customer churn 3 / 102; revenue CLV 35168.29; gross MRR churn 3470.000000 / 94400.000000
     * (yearly plans' MRR is summed exactly and rounded to the micro once, as kpi does)
     * </pre>
     * The config also names the spend, costs and deals, so CAC is computed as kpi cac does for Q3: 40,001.42.
     */
    @Test void sampleCompanyMrrMatchesTheIndependentComputation() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--config", "samples/kpi.yaml", "--from", "2025-07-01", "--to", "2025-09-30",
                "--format", "json", "-q"));
        JsonNode rows = j.get("rows");
        assertEquals(3, rows.size());
        money("28690.00", rows.get(0), "startMrr");
        money("980", rows.get(0), "reactivationMrr");
        money("1490", rows.get(0), "churnedMrr");
        money("30180.00", rows.get(0), "mrr");
        money("5350", rows.get(1), "newMrr");
        money("2416.666667", rows.get(2), "expansionMrr");
        money("1980", rows.get(2), "churnedMrr");
        money("44966.666667", rows.get(2), "mrr");
        assertEquals(37, rows.get(2).get("customers").asInt());
        JsonNode t = j.get("total");
        money("1034.36", t, "arpa");
        money("110676.666667", t, "arpaNumerator");
        assertEquals(107, t.get("arpaDenominator").asInt());
        assertEquals(3, t.get("customerChurnRateNumerator").asInt());
        assertEquals(102, t.get("customerChurnRateDenominator").asInt());
        money("3470", t, "grossMrrChurnNumerator");
        money("94400.00", t, "grossMrrChurnDenominator");
        money("35168.29", j.get("clv"), "clvSubscription");
        money("40001.42", j.get("clv"), "cac"); // as in the CAC tests: 240,008.53 / 6
        assertEquals("USD", j.get("currency").asText());
    }

    @Test void sampleCardPaymentsFitTheModels() throws Exception {
        JsonNode j = json(KpiRun.run("clv", "--transactions", "samples/stripe_payments.csv", "--model", "bgnbd,gamma-gamma",
                "--to", "2025-06-30", "--holdout-to", "2025-09-30", "--time-unit", "week", "--format", "json"));
        assertTrue(j.get("models").get("bgnbd").get("converged").asBoolean());
        assertTrue(j.get("models").get("gammaGamma").get("converged").asBoolean());
        // 1,091 charges: every 41st from the 8th failed (27), every 97th from the 14th refunded; purchases
        // after 2025-06-30 are the holdout
        assertEquals(13.142857, j.get("rfm").get("holdoutDuration").asDouble(), 1e-9); // 92 days (Jul–Sep) / 7
        assertEquals(10, j.get("rows").size());
    }

    // ---- purchases without a model ----------------------------------------------------------------

    /**
     * stripe_payments.csv: 9 charges. Not purchases: ch_3Qa03 (Failed) and ch_3Qa06 (Refunded). ch_3Qa05 is 200
     * with 50 refunded: 150. By month: Jan 120 (cus_Ra1) + 80 (cus_Rb2) = 200, 2 orders, 2 customers, both new;
     * Feb 60 (Ra1) + 150 (Rc3) = 210, 2 orders, 2 customers, 1 new (Rc3), ARPC 105; Mar 40 (Rb2) + 100 + 25 (Ra1,
     * two orders the same day) = 165, 3 orders, 2 customers, none new, average order 55, ARPC 82.50.
     * Total 575 from 7 orders and 3 customers: average order 575 / 7 = 82.142857 → 82.14, ARPC 575 / 3 = 191.67;
     * value per month 575 / (3 × 3) = 63.89; with --churn 5 %: lifespan 20, value × lifespan 575 / (9 × 0.05)
     * = 1,277.78; with --gross-margin 0.6: 766.67.
     */
    @Test void revenueByMonthFromStripePayments() throws Exception {
        KpiRun r = KpiRun.run("clv", "--transactions", RES + "stripe_payments.csv", "--churn", "0.05", "--gross-margin", "0.6",
                "--format", "json");
        JsonNode j = json(r);
        assertEquals("USD", j.get("currency").asText());
        JsonNode rows = j.get("rows");
        assertEquals(3, rows.size());
        money("200", rows.get(0), "revenue");
        assertEquals(2, rows.get(0).get("newCustomers").asInt());
        money("210", rows.get(1), "revenue");
        assertEquals(1, rows.get(1).get("newCustomers").asInt());
        assertEquals(1, rows.get(1).get("returningCustomers").asInt());
        money("105", rows.get(1), "arpc");
        money("165", rows.get(2), "revenue");
        assertEquals(3, rows.get(2).get("orders").asInt());
        money("55", rows.get(2), "averageOrderValue");
        money("82.50", rows.get(2), "arpc");
        JsonNode t = j.get("total");
        money("575", t, "revenue");
        assertEquals(7, t.get("orders").asInt());
        assertEquals(3, t.get("customers").asInt());
        money("82.14", t, "averageOrderValue");
        money("191.67", t, "arpc");
        money("63.89", j.get("clv"), "averageMonthlyValue");
        money("766.67", j.get("clv"), "clvValueTimesLifespan");
        assertFalse(j.get("clv").has("clvSubscription")); // ARPA × margin / churn needs subscriptions
        KpiRun table = KpiRun.run("clv", "--transactions", RES + "stripe_payments.csv");
        assertTrue(table.out.contains("Transactions that are not purchases were left out: 1 failed, 1 refunded."), table.out);
        // the generic kpi-transactions file with the same purchases gives the same totals
        JsonNode g = json(KpiRun.run("clv", "--transactions", RES + "transactions.csv", "--format", "json"));
        money("575", g.get("total"), "revenue");
        assertTrue(g.get("clv").get("lifespanMonths").isNull()); // purchases alone do not say when customers left
    }

    @Test void invoicesCountOnlyWhenPaid() throws Exception {
        // stripe_invoices.csv: paid 100 (Ra1, Jan), 70 (Rb2, Feb), 100 (Ra1, Feb); open, void, uncollectible, draft left out
        JsonNode s = json(KpiRun.run("clv", "--transactions", RES + "stripe_invoices.csv", "--format", "json"));
        money("270", s.get("total"), "revenue");
        assertEquals(3, s.get("total").get("orders").asInt());
        assertEquals(2, s.get("total").get("customers").asInt());
        money("170", s.get("rows").get(1), "revenue");
        // chargebee_invoices.csv: paid 100 + 1,200 (Jan), 100 (Feb), in EUR; payment_due, voided, not_paid left out
        JsonNode c = json(KpiRun.run("clv", "--transactions", RES + "chargebee_invoices.csv", "--format", "json"));
        money("1400", c.get("total"), "revenue");
        assertEquals("EUR", c.get("currency").asText());
        money("1300", c.get("rows").get(0), "revenue");
    }

    @Test void wonDealsArePurchasesAndCacIsComputedAsKpiCacDoes(@TempDir Path dir) throws Exception {
        // deals: acme wins twice (Jan 200, Mar 300), beta once (Feb 500), gamma's deal is lost; costs Jan..Mar
        // 600 marketing + 400 sales = 1,000. kpi cac: 2 new customers (acme, beta), CAC = 1,000 / 2 = 500.
        Files.writeString(dir.resolve("deals.csv"), "id,account,stage,closed,amount\n"
                + "d1,acme,Closed Won,2025-01-10,200.00\nd2,beta,Closed Won,2025-02-12,500.00\n"
                + "d3,gamma,Closed Lost,2025-02-20,900.00\nd4,acme,Closed Won,2025-03-05,300.00\n");
        Files.writeString(dir.resolve("costs.csv"), "month,team,amount\n2025-01,marketing,600.00\n2025-02,sales,400.00\n");
        JsonNode j = json(KpiRun.run("clv", "--deals", dir.resolve("deals.csv").toString(), "--costs",
                dir.resolve("costs.csv").toString(), "--churn", "0.1", "--format", "json"));
        // purchases: Jan 200 (acme, new), Feb 500 (beta, new), Mar 300 (acme, returning); 1,000 from 2 customers
        money("1000", j.get("total"), "revenue");
        assertEquals(2, j.get("total").get("customers").asInt());
        assertEquals(1, j.get("rows").get(2).get("returningCustomers").asInt());
        JsonNode clv = j.get("clv");
        money("500", clv, "cac");
        assertTrue(clv.get("cacSource").asText().contains("1000.00 / 2 new customers"), clv.toString());
        // value per month 1,000 / (2 × 3) = 166.666…; × lifespan 10 = 1,666.67; LTV:CAC = 1,666.67 / 500 = 3.3333
        money("1666.67", clv, "clvValueTimesLifespan");
        money("3.3333", clv, "ltvToCac");
        // payback = 500 / 166.666… = 3 months
        money("3", clv, "paybackMonths");
    }

    // ---- errors -----------------------------------------------------------------------------------

    @Test void aFitThatCannotConvergeIsAnErrorWithAdvice(@TempDir Path dir) throws Exception {
        // one purchase each: with no repeat purchase the BG/NBD likelihood rises as r → 0 (no interior optimum)
        Files.writeString(dir.resolve("once.csv"), "customer_id,date,amount\nc1,2025-01-01,10\nc2,2025-01-05,20\n"
                + "c3,2025-02-01,15\nc4,2025-03-01,30\n");
        KpiRun r = KpiRun.run("clv", "--transactions", dir.resolve("once.csv").toString(), "--model", "bgnbd",
                "--to", "2025-06-30");
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("BG/NBD fit did not converge"), r.err);
        assertTrue(r.err.contains("0 of 4 customers bought more than once"), r.err);
        assertTrue(r.err.contains("Try a later --to"), r.err);
        assertEquals("", r.out);
        KpiRun gg = KpiRun.run("clv", "--transactions", dir.resolve("once.csv").toString(), "--model", "gamma-gamma");
        assertEquals(3, gg.exit, gg.toString());
        assertTrue(gg.err.contains("gamma-gamma needs repeat buyers"), gg.err);
    }

    @Test void missingColumnsAndBadValues(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("noamount.csv"), "customer_id,date,note\nc1,2025-01-01,x\n");
        KpiRun r = KpiRun.run("clv", "--transactions", dir.resolve("noamount.csv").toString());
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("no column for 'amount'"), r.err);
        assertTrue(r.err.contains("inputs.transactions.columns.amount"), r.err);

        Files.writeString(dir.resolve("nostart.csv"), "customer_id,plan,amount\nc1,pro,10\n");
        KpiRun s = KpiRun.run("clv", "--subscriptions", dir.resolve("nostart.csv").toString());
        assertEquals(4, s.exit, s.toString());
        assertTrue(s.err.contains("no column for 'start'"), s.err);

        // a bad date and an unknown interval: reported with line and column, the rows skipped; --strict fails
        Files.writeString(dir.resolve("bad.csv"), "customer_id,start,amount,interval\nc1,2025-01-10,10,month\n"
                + "c2,2025-13-45,10,month\nc3,2025-02-01,10,fortnightly\n");
        KpiRun b = KpiRun.run("clv", "--subscriptions", dir.resolve("bad.csv").toString(), "--to", "2025-03-31", "--format", "json");
        assertEquals(0, b.exit, b.toString());
        assertTrue(b.err.contains("bad.csv:3") && b.err.contains("bad.csv:4"), b.err);
        assertTrue(b.err.contains("fortnightly"), b.err);
        money("10", CliTest.JSON.readTree(b.out).get("total"), "mrr"); // only c1 remains
        KpiRun strict = KpiRun.run("clv", "--subscriptions", dir.resolve("bad.csv").toString(), "--strict");
        assertEquals(3, strict.exit, strict.toString());
    }

    @Test void usageErrors(@TempDir Path dir) {
        assertEquals(2, KpiRun.run("clv").exit);
        KpiRun m = KpiRun.run("clv", "--model", "bgnbd2", "--transactions", RES + "transactions.csv");
        assertEquals(2, m.exit);
        assertTrue(m.err.contains("unknown model 'bgnbd2'"), m.err);
        KpiRun from = KpiRun.run("clv", "--model", "bgnbd", "--transactions", RES + "transactions.csv", "--from", "2025-01-01");
        assertEquals(2, from.exit);
        assertTrue(from.err.contains("--from does not apply"), from.err);
        assertEquals(2, KpiRun.run("clv", "--subscriptions", RES + "subscriptions_ledger.csv", "--retention", "100,50,30").exit);
        assertEquals(2, KpiRun.run("clv", "--model", "sbg", "--retention", "100,abc,30").exit);
        assertEquals(2, KpiRun.run("clv", "--subscriptions", RES + "subscriptions_ledger.csv", "--top", "5").exit);
        assertEquals(2, KpiRun.run("clv", "--model", "bgnbd", "--transactions", RES + "transactions.csv",
                "--holdout-to", "2025-06-30").exit); // needs --to
        assertEquals(2, KpiRun.run("clv", "--transactions", RES + "transactions.csv", "--time-unit", "fortnight").exit);
        assertEquals(2, KpiRun.run("clv", "--transactions", RES + "transactions.csv", "--subscriptions",
                RES + "subscriptions_ledger.csv").exit);
        assertEquals(2, KpiRun.run("clv", "--transactions", RES + "transactions.csv", "--cac", "100", "--costs",
                RES + "transactions.csv", "--deals", RES + "transactions.csv").exit);
    }

    @Test void badRetentionSeriesAndMixedCurrencies(@TempDir Path dir) throws Exception {
        KpiRun up = KpiRun.run("clv", "--model", "sbg", "--retention", "100,80,85,60");
        assertEquals(3, up.exit, up.toString());
        assertTrue(up.err.contains("cannot increase"), up.err);
        KpiRun flat = KpiRun.run("clv", "--model", "sbg", "--retention", "100,100,100");
        assertEquals(3, flat.exit, flat.toString());
        assertTrue(flat.err.contains("no customer churned"), flat.err);

        Files.writeString(dir.resolve("mixed.csv"), "customer_id,date,amount,currency\nc1,2025-01-01,10,USD\nc2,2025-01-02,10,EUR\n");
        KpiRun mix = KpiRun.run("clv", "--transactions", dir.resolve("mixed.csv").toString());
        assertEquals(4, mix.exit, mix.toString());
        assertTrue(mix.err.contains("no reporting currency is set"), mix.err);
        // with a reporting currency and a rate: 10 + 10 × 1.08 = 20.80
        Files.writeString(dir.resolve("kpi.yaml"), "currency: USD\nfx: { EUR: 1.08 }\n");
        KpiRun ok = KpiRun.run("clv", "--config", dir.resolve("kpi.yaml").toString(), "--transactions",
                dir.resolve("mixed.csv").toString(), "--format", "json");
        money("20.80", json(ok).get("total"), "revenue");
        Files.writeString(dir.resolve("norate.yaml"), "currency: USD\n");
        KpiRun norate = KpiRun.run("clv", "--config", dir.resolve("norate.yaml").toString(), "--transactions",
                dir.resolve("mixed.csv").toString());
        assertEquals(4, norate.exit, norate.toString());
        assertTrue(norate.err.contains("fx: { EUR"), norate.err);
    }
}
