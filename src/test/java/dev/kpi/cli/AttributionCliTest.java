package dev.kpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpi.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.kpi.cli.CliTest.JSON;
import static org.junit.jupiter.api.Assertions.*;

/** {@code kpi attribution} end to end, in-process: every input route, the output contract and the error paths. */
class AttributionCliTest {
    private static final String FORMATS = "src/test/resources/formats/";
    private static final String[] Q3 = {"--config", "samples/kpi.yaml", "--touchpoints", "samples/touchpoints.csv",
            "--from", "2025-07-01", "--to", "2025-09-30", "--lookback", "90d"};

    private static JsonNode json(KpiRun r) throws Exception {
        assertEquals(0, r.exit, r.toString());
        return JSON.readTree(r.out);
    }

    /** model → channel → row. */
    private static Map<String, Map<String, JsonNode>> byModel(JsonNode j) {
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        for (JsonNode row : j.get("rows")) {
            out.computeIfAbsent(row.get("model").asText(), k -> new LinkedHashMap<>()).put(row.get("channel").asText(), row);
        }
        return out;
    }

    private static BigDecimal dec(JsonNode row, String key) { return row.get(key).decimalValue(); }

    private static void assertDec(String expected, JsonNode row, String key) {
        assertNotNull(row.get(key), key + " missing in " + row);
        assertEquals(0, new BigDecimal(expected).compareTo(dec(row, key)), key + " in " + row);
    }

    private static void assertNear(double expected, JsonNode row, String key, double tolerance) {
        assertEquals(expected, row.get(key).asDouble(), tolerance, key + " in " + row);
    }

    /** Sums each model's credits and checks them against the total row, exactly. */
    private static void assertCreditsAddUp(JsonNode j) {
        JsonNode total = j.get("total");
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (JsonNode row : j.get("rows")) {
            BigDecimal[] s = sums.computeIfAbsent(row.get("model").asText(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(dec(row, "attributedConversions"));
            if (row.has("attributedRevenue")) s[1] = s[1].add(dec(row, "attributedRevenue"));
        }
        assertFalse(sums.isEmpty());
        for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) {
            assertEquals(0, e.getValue()[0].compareTo(dec(total, "attributedConversions")), e.getKey() + " conversions");
            if (total.has("attributedRevenue")) {
                assertEquals(0, e.getValue()[1].compareTo(dec(total, "attributedRevenue")), e.getKey() + " revenue");
            }
        }
        for (JsonNode t : j.get("modelTotals")) assertTrue(t.get("addsUp").asBoolean(), t.toString());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    // ------------------------------------------------------------------ path tables

    /**
     * The contract, on the three-channel example of Sergey Bryl ("Marketing Multi-Channel Attribution model
     * with R (part 1: Markov chain concept)", analyzecore.com, 2016): paths C1 > C2 > C3 (1 conversion, value
     * 1000), C1 (1 null), C2 > C3 (1 null). Published: removal effects C1 0.5, C2 1, C3 1 and Markov credit
     * 0.2 / 0.4 / 0.4. By hand: first gives C1 the conversion, last C3, linear 1/3 each (0.333334 to the
     * first channel in name order takes the rounding residual: 0.333333 × 3 + 0.000001).
     */
    @Test void pathsContractReproducesBrylMarkovExample(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "paths.csv", "path,total_conversions,total_conversion_value,total_null\n"
                + "C1 > C2 > C3,1,1000,0\nC1,0,0,1\nC2>C3,0,0,1\n");
        JsonNode j = json(KpiRun.run("attribution", "--paths", paths.toString(), "--model", "first,last,linear,markov",
                "--format", "json"));
        assertEquals("attribution", j.get("command").asText());
        assertEquals(List.of("first", "last", "linear", "markov"), JSON.convertValue(j.get("models"), List.class));
        Map<String, Map<String, JsonNode>> m = byModel(j);
        for (JsonNode row : j.get("rows")) {
            assertTrue(row.has("model") && row.has("channel") && row.has("attributedConversions") && row.has("attributedRevenue"), row.toString());
            boolean markov = row.get("model").asText().equals("markov");
            assertEquals(markov, row.has("removalEffect"), row.toString());
            assertEquals(markov, row.has("order"), row.toString());
        }
        assertDec("1", m.get("first").get("C1"), "attributedConversions");
        assertDec("0", m.get("first").get("C3"), "attributedConversions");
        assertDec("1000", m.get("last").get("C3"), "attributedRevenue");
        assertDec("0.333334", m.get("linear").get("C1"), "attributedConversions");
        assertDec("0.333333", m.get("linear").get("C2"), "attributedConversions");
        assertDec("0.2", m.get("markov").get("C1"), "attributedConversions");
        assertDec("0.4", m.get("markov").get("C2"), "attributedConversions");
        assertDec("0.4", m.get("markov").get("C3"), "attributedConversions");
        assertDec("200", m.get("markov").get("C1"), "attributedRevenue");
        assertDec("400", m.get("markov").get("C3"), "attributedRevenue");
        assertDec("0.5", m.get("markov").get("C1"), "removalEffect");
        assertDec("1", m.get("markov").get("C2"), "removalEffect");
        assertEquals(1, m.get("markov").get("C1").get("order").asInt());
        // the transition matrix as ChannelAttribution prints it for this data
        JsonNode markov = j.get("markov");
        assertEquals(1.0 / 3, markov.get("conversionProbability").asDouble(), 1e-15);
        Map<String, Double> p = new HashMap<>();
        for (JsonNode t : markov.get("transitions")) p.put(t.get("from").asText() + "→" + t.get("to").asText(), t.get("probability").asDouble());
        assertEquals(7, p.size());
        assertEquals(2.0 / 3, p.get("(start)→C1"), 1e-15);
        assertEquals(0.5, p.get("C1→C2"), 1e-15);
        assertEquals(0.5, p.get("C3→(conversion)"), 1e-15);
        assertEquals(0.5, p.get("C3→(null)"), 1e-15);
        assertCreditsAddUp(j);
        assertDec("1", j.get("total"), "attributedConversions");
        assertDec("1000", j.get("total"), "attributedRevenue");
    }

    /**
     * Serhii Puzyrov, "Markov Chain Attribution – Simple Explanation Of Removal Effect" (2019): google ads
     * (2 conv, 1 null), mailing (1 conv), google ads > mailing (1 conv). By hand: P = 0.8, removal effects
     * 0.75 and 0.5, credits 2.4 and 1.6. No value column: no revenue in the rows.
     */
    @Test void pathsWithoutValuesReproducePuzyrovExample(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "p.csv", "path;conversions;nulls\ngoogle ads;2;1\nmailing;1;0\ngoogle ads > mailing;1;0\n");
        JsonNode j = json(KpiRun.run("attribution", "--paths", paths.toString(), "--model", "markov", "--format", "json"));
        Map<String, JsonNode> rows = byModel(j).get("markov");
        assertDec("2.4", rows.get("google ads"), "attributedConversions");
        assertDec("1.6", rows.get("mailing"), "attributedConversions");
        assertDec("0.75", rows.get("google ads"), "removalEffect");
        assertFalse(rows.get("mailing").has("attributedRevenue"));
        assertFalse(j.get("total").has("attributedRevenue"));
        assertEquals(0.8, j.get("markov").get("conversionProbability").asDouble(), 1e-15);
    }

    /**
     * The Shapley example of "Data-driven marketing attribution" (Towards Data Science; notebook in
     * github.com/tomgorb/misc): 100 conversions on channel sets F 20, O 10, L 17, F+O 17, F+L 30, F+O+L 6,
     * published values F 45.5 %, O 20.5 %, L 34 %. No nulls, so the default game is the conversion game.
     */
    @Test void pathsReproducePublishedShapleyExample(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "p.csv", "path,conversions\nF,20\nO,10\nL,17\nO > F,17\nF > L > F,30\nF > O > L,6\n");
        JsonNode j = json(KpiRun.run("attribution", "--paths", paths.toString(), "--model", "shapley", "--format", "json"));
        Map<String, JsonNode> rows = byModel(j).get("shapley");
        assertDec("45.5", rows.get("F"), "attributedConversions");
        assertDec("20.5", rows.get("O"), "attributedConversions");
        assertDec("34", rows.get("L"), "attributedConversions");
        assertDec("0.455", rows.get("F"), "share");
        assertEquals("unordered", j.get("settings").get("shapley").get("players").asText());
        // ordered players and the conversion game give each touch an equal share (= linear per touch):
        // F 20 + 17/2 + 30·2/3 + 6/3 = 50.5, O 10 + 8.5 + 2 = 20.5, L 17 + 10 + 2 = 29
        JsonNode o = json(KpiRun.run("attribution", "--paths", paths.toString(), "--model", "shapley", "--shapley", "ordered",
                "--format", "json"));
        assertDec("50.5", byModel(o).get("shapley").get("F"), "attributedConversions");
        assertDec("29", byModel(o).get("shapley").get("L"), "attributedConversions");
    }

    /**
     * ChannelAttribution's PathData (10,000 paths), recognised by its headers without config. First, last
     * and linear against a short Python computation with exact fractions (per channel: conversions, value);
     * Markov order 1 against the numpy solution quoted in MarkovAttributionTest. Totals: 19785 conversions,
     * value 74802.97158721083631036 (the exact sum of the file's values).
     */
    @Test void channelAttributionPathData() throws Exception {
        JsonNode j = json(KpiRun.run("attribution", "--paths", SharedData.file("channelattribution_paths.csv").toString(),
                "--model", "first,last,linear,markov", "--format", "json"));
        Map<String, Map<String, JsonNode>> m = byModel(j);
        assertDec("6308", m.get("first").get("alpha"), "attributedConversions");
        assertNear(19121.272356, m.get("first").get("alpha"), "attributedRevenue", 2e-6);
        assertDec("8447", m.get("last").get("alpha"), "attributedConversions");
        assertNear(28414.214274, m.get("last").get("alpha"), "attributedRevenue", 2e-6);
        assertDec("2", m.get("last").get("mi"), "attributedConversions");
        assertNear(7574.718594, m.get("linear").get("alpha"), "attributedConversions", 2e-6);
        assertNear(8954.266717, m.get("linear").get("beta"), "attributedRevenue", 2e-6);
        assertNear(2.222222, m.get("linear").get("mi"), "attributedConversions", 2e-6);
        assertNear(5344.947682085, m.get("markov").get("alpha"), "attributedConversions", 2e-6);
        assertNear(0.558399489507747, m.get("markov").get("alpha"), "removalEffect", 1e-12);
        assertNear(12991.736666695, m.get("markov").get("eta"), "attributedRevenue", 2e-6);
        assertDec("19785", j.get("total"), "attributedConversions");
        assertDec("74802.97158721083631036", j.get("total"), "attributedRevenue");
        assertCreditsAddUp(j);
    }

    /** {@code --model all} on a path table: time-decay is skipped with a warning, the other eleven run. */
    @Test void allModelsOnPathsSkipTimeDecay(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "p.csv", "path,total_conversions,total_conversion_value,total_null\nA > B,3,30,1\nB,1,5,2\nA > C > B,2,12.5,0\n");
        KpiRun r = KpiRun.run("attribution", "--paths", paths.toString(), "--model", "all", "--format", "json");
        JsonNode j = json(r);
        assertEquals(11, j.get("models").size());
        assertFalse(byModel(j).containsKey("time-decay"));
        assertTrue(r.err.contains("time-decay needs touch timestamps"), r.err);
        assertCreditsAddUp(j);
        // the default table view is the channels × models comparison
        KpiRun t = KpiRun.run("attribution", "--paths", paths.toString(), "--model", "all", "-q");
        assertEquals(0, t.exit, t.toString());
        assertTrue(t.out.startsWith("Attributed conversions by channel and model"), t.out);
        assertTrue(t.out.contains("Attributed revenue by channel and model"), t.out);
        assertTrue(t.out.contains("last-non-direct") && t.out.contains("shapley"), t.out);
        assertFalse(t.out.contains("Model  "), "no long rows in the comparison view:\n" + t.out);
    }

    // ------------------------------------------------------------------ touchpoints joined to deals

    /**
     * The sample company: touchpoints per account joined to the won HubSpot deals of Q3 with a 90-day lookback.
     * Expected values from samples/generate_samples.py, which computes first/last/linear with exact fractions
     * from the data it writes: 8 conversions, 213,200 revenue; first: Paid Search 2 / 36,000, Paid Social
     * 3 / 124,200, (unattributed) 1 / 8,000 (Acorn's expansion has no touch after its first win); last:
     * Referrals 2 / 64,200 (Cedarpoint's two touches at the same minute keep file order, Referrals last);
     * linear: Email Marketing 1.052381 / 34,514.285714, Paid Social 1.628571 / 65,871.428571. Costs from
     * kpi.yaml's spend and costs: Paid Search 15,784.93 (its ad spend), Paid Social 18,928.10 + 3,000.00
     * agency fee = 21,928.10; first-touch ROI Paid Search (36,000 − 15,784.93) / 15,784.93 = 1.2806563 → 1.280656,
     * ROAS 2.2807, cost per conversion 7,892.47 (15,784.93 / 2 = 7,892.465, half-even to cents: 7,892.46).
     * Marketing return: revenue 213,200 over marketing cost 107,733.03 → ROI 0.9789660 → 0.978966, ratio 1.9790,
     * "not profitable (below 2:1)". With --gross-margin 80 %: COGS 42,640, ROMI (213,200 − 42,640 −
     * 107,733.03) / 107,733.03 = 0.5831728 → 0.583173 (Python decimal, 40 digits).
     */
    @Test void touchpointsJoinedToWonDealsOnTheSamples() throws Exception {
        KpiRun r = KpiRun.run(CliTest.args(new String[] {"attribution"}, CliTest.args(Q3, "--model", "first,last,linear",
                "--gross-margin", "80%", "--format", "json")));
        JsonNode j = json(r);
        assertEquals("USD", j.get("currency").asText());
        Map<String, Map<String, JsonNode>> m = byModel(j);
        assertDec("2", m.get("first").get("Paid Search"), "attributedConversions");
        assertDec("36000", m.get("first").get("Paid Search"), "attributedRevenue");
        assertDec("3", m.get("first").get("Paid Social"), "attributedConversions");
        assertDec("124200", m.get("first").get("Paid Social"), "attributedRevenue");
        assertDec("1", m.get("first").get("(unattributed)"), "attributedConversions");
        assertDec("8000", m.get("first").get("(unattributed)"), "attributedRevenue");
        assertDec("2", m.get("last").get("Referrals"), "attributedConversions");
        assertDec("64200", m.get("last").get("Referrals"), "attributedRevenue");
        assertNear(1.052381, m.get("linear").get("Email Marketing"), "attributedConversions", 1.5e-6);
        assertNear(34514.285714, m.get("linear").get("Email Marketing"), "attributedRevenue", 1.5e-6);
        assertNear(65871.428571, m.get("linear").get("Paid Social"), "attributedRevenue", 1.5e-6);
        JsonNode ps = m.get("first").get("Paid Search");
        assertDec("15784.93", ps, "cost");
        assertDec("1.280656", ps, "roi");
        assertDec("20215.07", ps, "roiNumerator");
        assertDec("2.2807", ps, "roas");
        assertDec("7892.46", ps, "costPerConversion");
        assertDec("21928.10", m.get("first").get("Paid Social"), "cost");
        assertTrue(m.get("first").get("Organic Search").get("cost").isNull());
        assertTrue(m.get("first").get("Organic Search").get("roi").isNull());
        assertDec("8", j.get("total"), "attributedConversions");
        assertDec("213200", j.get("total"), "attributedRevenue");
        assertCreditsAddUp(j);
        JsonNode mr = j.get("marketingReturn");
        assertDec("107733.03", mr, "marketingCost");
        assertDec("0.978966", mr, "roi");
        assertDec("1.9790", mr, "revenueToCostRatio");
        assertEquals("not profitable (below 2:1)", mr.get("revenueToCostGuide").asText());
        assertDec("42640", mr, "costOfGoods");
        assertDec("0.583173", mr, "romi");
        assertEquals(1, j.get("inputs").get("conversionsOutsidePeriod").asInt(), "Fernhill's June win");
        assertTrue(r.err.contains("1 of 8 conversions had no touch in the lookback window"), r.err);
        assertTrue(r.err.contains("no cost for Direct Traffic, Email Marketing, Organic Search, Referrals"), r.err);
        // the table view carries the guide
        KpiRun table = KpiRun.run(CliTest.args(new String[] {"attribution"}, CliTest.args(Q3, "--model", "linear", "-q")));
        assertTrue(table.out.contains("5:1 strong, below 2:1 not profitable"), table.out);
        assertTrue(table.out.contains("not profitable (below 2:1)"), table.out);
    }

    /** Every model on the samples: twelve models, and each one's credits add up to the totals exactly. */
    @Test void allModelsOnTouchpointsAddUp() throws Exception {
        JsonNode j = json(KpiRun.run(CliTest.args(new String[] {"attribution"}, CliTest.args(Q3, "--model", "all",
                "--order", "2", "--format", "json", "-q"))));
        assertEquals(12, j.get("models").size());
        assertEquals(2, j.get("markov").get("order").asInt());
        assertTrue(j.get("markov").get("transitions").size() > 0);
        assertNotNull(j.get("comparisonRevenue"));
        assertCreditsAddUp(j);
    }

    /**
     * By campaign, costs meet credits per campaign: last touch gives Paid Search's one conversion (24,000)
     * to "GA | PMax | Free Trial" (from the generator's data: Acorn's last touch before its first win),
     * whose Q3 spend is 4,943.28; a campaign with spend and no credit shows ROI −100 %.
     */
    @Test void byCampaignMatchesSpendPerCampaign() throws Exception {
        JsonNode j = json(KpiRun.run(CliTest.args(new String[] {"attribution"}, CliTest.args(Q3, "--model", "last,markov",
                "--by", "campaign", "--format", "json", "-q"))));
        JsonNode pmax = null, brand = null;
        int markovRows = 0;
        for (JsonNode row : j.get("rows")) {
            if (!row.get("model").asText().equals("last")) { markovRows++; continue; }
            if ("GA | PMax | Free Trial".equals(row.get("campaign").asText())) pmax = row;
            if ("GA | Search | Brand".equals(row.get("campaign").asText())) brand = row;
        }
        assertNotNull(pmax);
        assertDec("24000", pmax, "attributedRevenue");
        assertDec("4943.28", pmax, "cost");
        assertDec("-1", brand, "roi");
        assertTrue(markovRows > 0);
        assertCreditsAddUp(j);
    }

    /**
     * A HubSpot contacts export as touchpoints (preset detected): Original Source at Create Date, then
     * Latest Source when it differs, joined per company to the won HubSpot deals. A short Python script over
     * the two fixtures (sort each company's touches by time, file order on ties; keep those up to the close
     * date) gives: first Paid Search 2 / 57,600, Paid Social 2 / 80,880, Offline Sources 1 / 96,000, Organic
     * Search 1 / 18,500; last Direct Traffic 2 / 86,880; linear Organic Search 4/3 / 34,500 (Acme: Paid Search,
     * Organic Search, Direct Traffic for 48,000; Northbeam: Organic Search for 18,500).
     */
    @Test void hubspotContactsAsTwoTouchJourneys() throws Exception {
        KpiRun r = KpiRun.run("attribution", "--touchpoints", FORMATS + "hubspot_contacts.csv", "--deals",
                FORMATS + "hubspot_deals.csv", "--model", "first,last,linear", "--format", "json", "-q");
        JsonNode j = json(r);
        Map<String, Map<String, JsonNode>> m = byModel(j);
        assertDec("2", m.get("first").get("Paid Search"), "attributedConversions");
        assertDec("57600", m.get("first").get("Paid Search"), "attributedRevenue");
        assertDec("80880", m.get("first").get("Paid Social"), "attributedRevenue");
        assertDec("96000", m.get("first").get("Offline Sources"), "attributedRevenue");
        assertDec("2", m.get("last").get("Direct Traffic"), "attributedConversions");
        assertDec("86880", m.get("last").get("Direct Traffic"), "attributedRevenue");
        assertNear(4.0 / 3, m.get("linear").get("Organic Search"), "attributedConversions", 1.5e-6);
        assertDec("34500", m.get("linear").get("Organic Search"), "attributedRevenue");
        assertDec("252980", j.get("total"), "attributedRevenue");
        assertEquals("account", j.get("settings").get("join").asText());
        assertEquals(6, j.get("inputs").get("convertingJourneys").asInt());
        assertCreditsAddUp(j);
    }

    /**
     * Salesforce: the leads report (Lead Source at Create Date) and the opportunities report (Lead Source at
     * Created Date) as touchpoints per account name, joined to the won opportunities. Acme Freight: Paid
     * Search (lead, 1/8), Web (lead, 1/15), Paid Search (opportunity, 1/22) → first and last Paid Search;
     * Müller & Söhne's EUR 36,000 deal is 38,880 USD at the configured 1.08.
     */
    @Test void salesforceLeadsAndOpportunitiesAsTouchpoints(@TempDir Path dir) throws Exception {
        Path cfg = write(dir, "kpi.yaml", "currency: USD\nfx: { EUR: 1.08 }\n");
        Path leads = Path.of(FORMATS + "salesforce_leads.csv").toAbsolutePath();
        Path opps = Path.of(FORMATS + "salesforce_opportunities.csv").toAbsolutePath();
        JsonNode j = json(KpiRun.run("attribution", "--config", cfg.toString(), "--touchpoints", leads.toString(), opps.toString(),
                "--deals", opps.toString(), "--model", "first,last", "--format", "json", "-q"));
        Map<String, Map<String, JsonNode>> m = byModel(j);
        assertDec("6", j.get("total"), "attributedConversions");
        assertDec("252980", j.get("total"), "attributedRevenue");
        assertTrue(m.get("first").containsKey("Paid Search"));
        assertTrue(m.get("first").containsKey("Web"));
        assertCreditsAddUp(j);
    }

    /**
     * Time decay through the CLI, the worked example of the README: Paid Search (Jan 1) → Direct (Jan 8) →
     * Email (Jan 15) → Direct (Jan 22), won Jan 29 for 1,000, half-life 7 days: weights 1/16, 1/8, 1/4, 1/2
     * → Paid Search 1/15, Direct 10/15, Email 4/15 (66.666667 / 666.666666 / 266.666667 after the residual).
     * With --half-life 14d: 2^-2, 2^-1.5, 2^-1, 2^-0.5 normalised → Paid Search 0.25 / (0.25 + 0.353553 +
     * 0.5 + 0.707107) = 0.138071. A touch after the conversion (Feb 2) and one 100 days before it with
     * --lookback 90d are ignored.
     */
    @Test void timeDecayAndLookbackOnTouchpoints(@TempDir Path dir) throws Exception {
        Path t = write(dir, "t.csv", "journey_id,timestamp,channel\nacme,2023-09-21 09:00,Referral\nacme,2024-01-01 09:00,Paid Search\n"
                + "acme,2024-01-08 09:00,Direct\nacme,2024-01-15 09:00,Email\nacme,2024-01-22 09:00,Direct\nacme,2024-02-02 09:00,Email\n"
                + "zeta,2024-01-03 10:00,Email\n");
        Path d = write(dir, "d.csv", "id,account,stage,closed,amount\n1,acme,Closed Won,2024-01-29 09:00,1000\n");
        JsonNode j = json(KpiRun.run("attribution", "--touchpoints", t.toString(), "--deals", d.toString(), "--model",
                "time-decay,first,last-non-direct", "--lookback", "90d", "--format", "json", "-q"));
        Map<String, Map<String, JsonNode>> m = byModel(j);
        assertDec("66.666667", m.get("time-decay").get("Paid Search"), "attributedRevenue");
        assertDec("666.666666", m.get("time-decay").get("Direct"), "attributedRevenue");
        assertDec("266.666667", m.get("time-decay").get("Email"), "attributedRevenue");
        assertNull(m.get("time-decay").get("Referral"), "the touch before the lookback window is not in any journey");
        assertDec("1", m.get("first").get("Paid Search"), "attributedConversions");
        assertDec("1", m.get("last-non-direct").get("Email"), "attributedConversions");
        assertEquals(1, j.get("inputs").get("nonConvertingJourneys").asInt());
        JsonNode slow = json(KpiRun.run("attribution", "--touchpoints", t.toString(), "--deals", d.toString(), "--model",
                "time-decay", "--lookback", "90d", "--half-life", "14d", "--format", "json", "-q"));
        assertNear(0.138071, byModel(slow).get("time-decay").get("Paid Search"), "attributedConversions", 1.5e-6);
    }

    /**
     * Leads as conversions (no deal amounts): customers among the leads convert at their customer date;
     * rows carry conversions only. The fixture has 6 contacts with a customer date; with contact join,
     * each journey is the contact's own two touches.
     */
    @Test void leadsAsConversionsHaveNoRevenue() throws Exception {
        KpiRun r = KpiRun.run("attribution", "--touchpoints", FORMATS + "hubspot_contacts.csv", "--leads",
                FORMATS + "hubspot_contacts.csv", "--join", "contact", "--model", "first", "--format", "json");
        JsonNode j = json(r);
        assertEquals("leads", j.get("settings").get("conversions").asText());
        assertFalse(j.get("total").has("attributedRevenue"));
        BigDecimal total = dec(j.get("total"), "attributedConversions");
        assertTrue(total.signum() > 0);
        assertCreditsAddUp(j);
    }

    /** Weights from the config's attribution section, overridden by the command line. */
    @Test void configWeightsAndCommandLineOverride(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "p.csv", "path,conversions\nA > B > C,10\n");
        write(dir, "kpi.yaml", "attribution:\n  models: [position]\n  weights:\n    position: [30, 40, 30]\n");
        JsonNode j = json(KpiRun.in(dir, new byte[0], Map.of(), "attribution", "--paths", paths.toString(), "--format", "json"));
        assertDec("4", byModel(j).get("position").get("B"), "attributedConversions");
        JsonNode o = json(KpiRun.in(dir, new byte[0], Map.of(), "attribution", "--paths", paths.toString(),
                "--position-weights", "0.5,0,0.5", "--format", "json"));
        assertDec("0", byModel(o).get("position").get("B"), "attributedConversions");
        assertDec("5", byModel(o).get("position").get("A"), "attributedConversions");
    }

    // ------------------------------------------------------------------ errors

    @Test void usageErrors(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "p.csv", "path,conversions\nA,1\n");
        Path t = write(dir, "t.csv", "journey_id,timestamp,channel\na,2024-01-01,A\n");
        Object[][] cases = {
            {new String[] {"attribution"}, "needs journeys"},
            {new String[] {"attribution", "--paths", paths.toString(), "--touchpoints", t.toString()}, "not both"},
            {new String[] {"attribution", "--touchpoints", t.toString()}, "needs conversions"},
            {new String[] {"attribution", "--paths", paths.toString(), "--model", "first,lastt"}, "unknown attribution model 'lastt'"},
            {new String[] {"attribution", "--paths", paths.toString(), "--order", "5"}, "--order must be 1, 2, 3 or 4"},
            {new String[] {"attribution", "--paths", paths.toString(), "--lookback", "3m"}, "write days"},
            {new String[] {"attribution", "--paths", paths.toString(), "--by", "campaign"}, "--by campaign needs --touchpoints"},
            {new String[] {"attribution", "--paths", paths.toString(), "--model", "time-decay"}, "needs touch timestamps"},
            {new String[] {"attribution", "--paths", paths.toString(), "--position-weights", "40,20,30"}, "add up to 100"},
            {new String[] {"attribution", "--paths", paths.toString(), "--join", "company"}, "not one of account, contact"},
        };
        for (Object[] c : cases) {
            KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), (String[]) c[0]);
            assertEquals(2, r.exit, String.join(" ", (String[]) c[0]) + "\n" + r);
            assertTrue(r.err.contains((String) c[1]), r.err);
            assertEquals("", r.out);
        }
    }

    @Test void configErrorsExitFour(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "p.csv", "path,conversions\nA,1\n");
        write(dir, "kpi.yaml", "attribution:\n  lookbak: 90d\n");
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), "attribution", "--paths", paths.toString());
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.err.contains("did you mean 'lookback'?"), r.err);
        write(dir, "kpi.yaml", "attribution:\n  weights: { wShaped: [30, 30, 30] }\n");
        KpiRun w = KpiRun.in(dir, new byte[0], Map.of(), "attribution", "--paths", paths.toString());
        assertEquals(4, w.exit, w.toString());
        assertTrue(w.err.contains("expected 4 shares"), w.err);
        write(dir, "kpi.yaml", "attribution:\n  models: [first, markof]\n");
        KpiRun m = KpiRun.in(dir, new byte[0], Map.of(), "attribution", "--paths", paths.toString());
        assertEquals(4, m.exit, m.toString());
        assertTrue(m.err.contains("attribution.models"), m.err);
        // a path table without a path column names the field to map
        Path bad = write(dir, "bad.csv", "route,conversions\nA,1\n");
        write(dir, "kpi.yaml", "currency: USD\n");
        KpiRun c = KpiRun.in(dir, new byte[0], Map.of(), "attribution", "--paths", bad.toString());
        assertEquals(4, c.exit, c.toString());
        assertTrue(c.err.contains("inputs.paths.columns.path"), c.err);
    }

    /** Grouped touchpoint input that is not grouped fails with exit 3 and advice; the default (any) reads it. */
    @Test void groupedOrderViolationIsADataError(@TempDir Path dir) throws Exception {
        Path t = write(dir, "t.csv", "journey_id,timestamp,channel\na,2024-01-01,A\nb,2024-01-02,B\na,2024-01-03,C\n");
        Path d = write(dir, "d.csv", "id,account,stage,closed,amount\n1,a,Closed Won,2024-01-05,10\n");
        KpiRun r = KpiRun.run("attribution", "--touchpoints", t.toString(), "--deals", d.toString(), "--touch-order", "grouped");
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("journey 'a' appears again") && r.err.contains("--touch-order any"), r.err);
        JsonNode j = json(KpiRun.run("attribution", "--touchpoints", t.toString(), "--deals", d.toString(), "--model", "linear",
                "--format", "json"));
        assertDec("0.5", byModel(j).get("linear").get("A"), "attributedConversions");
        assertDec("0.5", byModel(j).get("linear").get("C"), "attributedConversions");
    }

    /** Bad rows are reported and skipped; --strict turns them into exit 3. */
    @Test void badPathRowsAreReported(@TempDir Path dir) throws Exception {
        Path paths = write(dir, "p.csv", "path,conversions\nA > > B,1\nA,x\nA,2\n");
        KpiRun r = KpiRun.run("attribution", "--paths", paths.toString(), "--model", "first", "--format", "json");
        JsonNode j = json(r);
        assertDec("2", j.get("total"), "attributedConversions");
        assertTrue(r.err.contains("empty channel name"), r.err);
        KpiRun strict = KpiRun.run("attribution", "--paths", paths.toString(), "--strict");
        assertEquals(3, strict.exit, strict.toString());
    }
}
