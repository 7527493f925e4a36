package dev.kpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.kpi.cli.CliTest.JSON;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code kpi cvr} and {@code kpi funnel} end to end. Expected values for the sample company come from
 * samples/generate_samples.py, which computes them independently from the data it writes (its output ends
 * with: cohorts as of 2025-09-30 June 9 leads / 4 customers, July 14/2, August 13/3, September 8/2, total
 * 44/11; sessions July 10,923, August 9,976, September 11,176; lead funnel reached 44, 36, 24, 17, 7).
 */
class CvrFunnelCliTest {
    static final String[] CONFIG = {"--config", "samples/kpi.yaml"};

    static String[] args(String cmd, String... more) {
        String[] a = CliTest.args(new String[] {cmd}, CONFIG);
        return CliTest.args(a, more);
    }

    static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode r : rows) if (value.equals(r.get(key).asText())) return r;
        throw new AssertionError(value + " not in " + rows);
    }

    @Test void cvrCohortByMonthOnTheSamples() throws Exception {
        KpiRun r = KpiRun.run(args("cvr", "--by", "month", "--format", "json"));
        assertEquals(0, r.exit, r.toString());
        JsonNode j = JSON.readTree(r.out);
        assertEquals("cvr", j.get("command").asText());
        assertEquals("cohort", j.get("mode").asText());
        assertEquals("2025-09-30", j.get("asOf").asText());
        assertEquals(365, j.get("windowDays").asInt());
        JsonNode rows = j.get("rows");
        int[][] expected = {{9, 4}, {14, 2}, {13, 3}, {8, 2}};
        String[] months = {"2025-06", "2025-07", "2025-08", "2025-09"};
        for (int i = 0; i < months.length; i++) {
            JsonNode m = row(rows, "month", months[i]);
            assertEquals(expected[i][0], m.get("leads").asInt(), months[i]);
            assertEquals(expected[i][1], m.get("customers").asInt(), months[i]);
            assertEquals(expected[i][1], m.get("cohortCvrNumerator").asInt());
            assertEquals(expected[i][0], m.get("cohortCvrDenominator").asInt());
            assertEquals(new BigDecimal(expected[i][1]).divide(new BigDecimal(expected[i][0]), 6, java.math.RoundingMode.HALF_EVEN),
                    m.get("cohortCvr").decimalValue());
            assertTrue(m.has("cohortCvrCiLow") && m.has("cohortCvrCiHigh"));
            assertTrue(m.get("cohortCvrLowSample").asBoolean(), "fewer than 30 leads");
            assertFalse(m.get("mature").asBoolean(), "as of 2025-09-30 no 365-day window has elapsed");
            assertFalse(m.has("cvr"));
        }
        JsonNode t = j.get("total");
        assertEquals(44, t.get("leads").asInt());
        assertEquals(11, t.get("customers").asInt());
        assertEquals(new BigDecimal("0.250000"), t.get("cohortCvr").decimalValue());
        // traffic by month, leads / sessions: July 14 / 10,923
        assertEquals(10923, row(rows, "month", "2025-07").get("sessions").asInt());
        assertEquals(new BigDecimal("0.001282"), row(rows, "month", "2025-07").get("trafficToLeadRatio").decimalValue());
        // the report names what it left out, and why, on stderr
        assertTrue(r.err.contains("kpi: note: skipped inbound response time: needs a first-response date"), r.err);
        assertTrue(j.get("leadVelocity").isArray());
        assertTrue(j.get("landingPages").isArray());
        assertTrue(j.get("listGrowth").isArray());
    }

    @Test void cvrPeriodModeGivesTheUnlinkedRate() throws Exception {
        KpiRun r = KpiRun.run(args("cvr", "--by", "month", "--mode", "period", "--format", "json", "-q"));
        assertEquals(0, r.exit, r.toString());
        JsonNode j = JSON.readTree(r.out);
        assertEquals("period", j.get("mode").asText());
        JsonNode t = j.get("total");
        assertFalse(t.has("cohortCvr"));
        assertFalse(t.has("mature"));
        assertTrue(t.has("cvr") && t.has("cvrNumerator") && t.has("cvrDenominator"));
        // new customers by first won deal (the generator's 6 Q3 customers plus Fernhill Foods in June) / 44 leads
        assertEquals(7, t.get("customers").asInt());
        assertEquals(new BigDecimal("0.159091"), t.get("cvr").decimalValue());
        assertEquals(6, row(j.get("rows"), "month", "2025-09").get("customers").asInt() + row(j.get("rows"), "month", "2025-08")
                .get("customers").asInt() + row(j.get("rows"), "month", "2025-07").get("customers").asInt());
    }

    @Test void cvrTableGroupsTheKpiFamilies() {
        KpiRun r = KpiRun.run(args("cvr", "--by", "month", "-q"));
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("Month    Leads  Customers"), r.out);
        assertTrue(r.out.contains("\nDeals (win rate by close date; opportunity conversion, match and closing rates by creation date)\n"), r.out);
        assertTrue(r.out.contains("\nTraffic\n"), r.out);
        assertTrue(r.out.contains("\nEmail\n"), r.out);
        assertTrue(r.out.contains("25.0% [14.6–39.4]"), "the total cohort CVR with its interval:\n" + r.out);
    }

    @Test void duplicateLeadsAcrossTwoFilesAndLeadsWithoutSource(@TempDir Path dir) throws Exception {
        String header = "\"Record ID\",\"Create Date\",\"Lifecycle Stage\",\"Original Source\",\"Became a Customer Date\"\n";
        Files.writeString(dir.resolve("a.csv"), header
                + "\"1\",\"2025-01-05 10:00\",\"customer\",\"Paid Search\",\"2025-02-01 10:00\"\n"
                + "\"2\",\"2025-01-06 10:00\",\"lead\",\"\",\"\"\n");
        // the second export repeats contact 1 and adds contact 3
        Files.writeString(dir.resolve("b.csv"), header
                + "\"1\",\"2025-01-05 10:00\",\"customer\",\"Paid Search\",\"2025-02-01 10:00\"\n"
                + "\"3\",\"2025-02-10 10:00\",\"lead\",\"Organic Search\",\"\"\n");
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), "cvr", "--leads", "a.csv", "b.csv", "--by", "channel", "--format", "json");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("kpi: warning: 1 lead row repeats an id seen before (e.g. 1)"), r.err);
        JsonNode j = JSON.readTree(r.out);
        // 3 distinct leads, 1 customer
        assertEquals(3, j.get("total").get("leads").asInt());
        assertEquals(1, j.get("total").get("customers").asInt());
        JsonNode none = row(j.get("rows"), "channel", "(none)");
        assertEquals(1, none.get("leads").asInt());
        assertEquals(1, row(j.get("rows"), "channel", "Paid Search").get("customers").asInt());
        assertTrue(r.err.contains("kpi: note: skipped winRate, matchRate, closingRate: need --deals"), r.err);
    }

    @Test void funnelOverTheSampleDeals() throws Exception {
        // The generator's plan: 19 deals — 9 Closed Won (with Fernhill's June win), 5 Closed Lost, and one open deal
        // each at Contract Sent, Decision Maker Bought-In, Presentation Scheduled, Qualified To Buy, Appointment
        // Scheduled. No stage history, so a deal reached its current stage and, sequentially, every earlier one;
        // lost deals reached the first stage only. Reached: 19, 13 (19 − 1 at AS − 5 lost), 12, 11, 10, 9.
        KpiRun r = KpiRun.run("funnel", "--deals", "samples/hubspot_deals.csv", "--format", "json", "--target", "1000000");
        assertEquals(0, r.exit, r.toString());
        JsonNode j = JSON.readTree(r.out);
        assertEquals("HubSpot default pipeline", j.get("funnel").asText());
        JsonNode stages = j.get("stages");
        List<String> names = new ArrayList<>();
        List<Integer> reached = new ArrayList<>();
        for (JsonNode s : stages) {
            names.add(s.get("stage").asText());
            reached.add(s.get("reached").asInt());
            for (String k : new String[] {"stage", "reached", "stepConversion", "dropOff", "conversionFromFirst", "medianDaysFromPrevious"}) {
                assertTrue(s.has(k), k + " in " + s);
            }
        }
        assertEquals(List.of("Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Decision Maker Bought-In",
                "Contract Sent", "Closed Won"), names);
        assertEquals(List.of(19, 13, 12, 11, 10, 9), reached);
        assertEquals(6, stages.get(1).get("dropOff").asInt());
        assertEquals(5, stages.get(0).get("lost").asInt(), "Closed Lost is an outcome at the furthest stage");
        assertEquals(new BigDecimal("0.684211"), stages.get(1).get("stepConversion").decimalValue());
        // won revenue in company currency: 6,000 + 24,000 + 48,000 + 16,200 + 36,000 + 12,000 + 60,000 + 9,000 + 8,000
        // = 219,200 over 9 won deals → 24,355.56; 1,000,000 needs 1,000,000 × 9 / 219,200 = 41.06 won deals, so
        // ⌈41.06 × 19 / 9⌉ = 87 at the first stage and ⌈41.06⌉ = 42 won
        assertEquals(new BigDecimal("24355.56"), j.get("total").get("averageDealSize").decimalValue());
        JsonNode req = j.get("required");
        assertEquals("Appointment Scheduled", req.get(0).get("stage").asText());
        assertEquals(87, req.get(0).get("count").asInt());
        assertEquals(42, req.get(5).get("count").asInt());
        assertEquals(2, req.get(0).size(), "stage and count");
    }

    @Test void funnelByChannelRowsHoldTheirOwnStages() throws Exception {
        KpiRun r = KpiRun.run(args("funnel", "--by", "channel", "--format", "json", "-q"));
        assertEquals(0, r.exit, r.toString());
        JsonNode j = JSON.readTree(r.out);
        assertEquals("lead lifecycle", j.get("funnel").asText());
        List<Integer> reached = new ArrayList<>();
        for (JsonNode s : j.get("stages")) reached.add(s.get("reached").asInt());
        assertEquals(List.of(44, 36, 24, 17, 7), reached);
        int sum = 0;
        for (JsonNode row : j.get("rows")) {
            assertTrue(row.get("stages").isArray());
            assertEquals(5, row.get("stages").size());
            sum += row.get("stages").get(0).get("reached").asInt();
        }
        assertEquals(44, sum, "the groups' first stages add up to the total");
    }

    @Test void funnelTableDrawsBars() {
        KpiRun r = KpiRun.run("funnel", "--deals", "samples/hubspot_deals.csv", "-q");
        assertEquals(0, r.exit, r.toString());
        // 9 of 19 reached Closed Won: 47.4 % of 20 blocks ≈ 9 full blocks
        assertTrue(r.out.contains("█████████░░░░░░░░░░░ 47.4%"), r.out);
        assertTrue(r.out.contains("Funnel: HubSpot default pipeline"), r.out);
    }

    @Test void configuredFunnelWithStrictOrder(@TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Files.copy(root.resolve("samples/hubspot_deals.csv"), dir.resolve("deals.csv"));
        Files.writeString(dir.resolve("kpi.yaml"), "funnel:\n  stages:\n    - { name: Meeting, field: dealCreated }\n"
                + "    - { name: Proposal, values: [ Contract Sent ] }\n    - Closed Won\n"
                + "  matchRate: { from: Meeting, to: Proposal }\n  closingRate: { from: Proposal, to: Closed Won }\n");
        KpiRun seq = KpiRun.in(dir, new byte[0], Map.of(), "funnel", "--deals", "deals.csv", "--format", "json", "-q");
        assertEquals(0, seq.exit, seq.toString());
        JsonNode s = JSON.readTree(seq.out).get("stages");
        // every deal is a meeting; Proposal: the Contract Sent deal plus the 9 won ones (implied); 9 won
        assertEquals(19, s.get(0).get("reached").asInt());
        assertEquals(10, s.get(1).get("reached").asInt());
        assertEquals(9, s.get(2).get("reached").asInt());
        KpiRun strict = KpiRun.in(dir, new byte[0], Map.of(), "funnel", "--deals", "deals.csv", "--order", "strict", "--format", "json", "-q");
        JsonNode st = JSON.readTree(strict.out).get("stages");
        // strict needs a record of Proposal: only the Contract Sent deal has one, and it is not won
        assertEquals(1, st.get(1).get("reached").asInt());
        assertEquals(0, st.get(2).get("reached").asInt());
        // cvr uses the same stages for the match rate (proposals / meetings = 10 / 19) and closing rate (9 / 10)
        KpiRun cvr = KpiRun.in(dir, new byte[0], Map.of(), "cvr", "--deals", "deals.csv", "--format", "json", "-q");
        assertEquals(0, cvr.exit, cvr.toString());
        JsonNode t = JSON.readTree(cvr.out).get("total");
        assertEquals(10, t.get("matchRateNumerator").asInt());
        assertEquals(19, t.get("matchRateDenominator").asInt());
        assertEquals(new BigDecimal("0.900000"), t.get("closingRate").decimalValue());
        // win rate: 9 won / (9 + 5 lost)
        assertEquals(new BigDecimal("0.642857"), t.get("winRate").decimalValue());
    }

    @Test void configErrorsNameTheLineAndTheFix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kpi.yaml"), "funnel:\n  stages: [ Lead, MQL, Closed Lost, Closed Won ]\n");
        KpiRun lost = KpiRun.in(dir, new byte[0], Map.of(), "funnel", "--deals", Path.of("samples/hubspot_deals.csv").toAbsolutePath().toString());
        assertEquals(4, lost.exit, lost.toString());
        assertTrue(lost.err.contains("'Closed Lost' is an outcome, not a stage"), lost.err);

        Files.writeString(dir.resolve("kpi.yaml"), "funnel:\n  stages: [ Lead, MQL, Customer ]\n  matchRate: { from: Lead, to: Proposal }\n");
        KpiRun pair = KpiRun.in(dir, new byte[0], Map.of(), "funnel", "--deals", Path.of("samples/hubspot_deals.csv").toAbsolutePath().toString());
        assertEquals(4, pair.exit, pair.toString());
        assertTrue(pair.err.contains("kpi.yaml:3"), pair.err);
        assertTrue(pair.err.contains("funnel.matchRate: 'Proposal' is not a stage of funnel.stages (Lead, MQL, Customer)"), pair.err);

        Files.writeString(dir.resolve("kpi.yaml"), "funnel:\n  stage: [ Lead ]\n");
        KpiRun typo = KpiRun.in(dir, new byte[0], Map.of(), "funnel", "--deals", "x.csv");
        assertEquals(4, typo.exit, typo.toString());
        assertTrue(typo.err.contains("did you mean 'stages'?"), typo.err);

        Files.writeString(dir.resolve("kpi.yaml"), "qualified:\n  mql: { fields: [ mqlDat ] }\n");
        KpiRun field = KpiRun.in(dir, new byte[0], Map.of(), "cvr", "--leads", "x.csv");
        assertEquals(4, field.exit, field.toString());
        assertTrue(field.err.contains("unknown field 'mqlDat' (did you mean 'mqlDate'?)"), field.err);
    }

    @Test void usageErrors() {
        assertEquals(2, KpiRun.run("cvr", "--leads", "samples/hubspot_contacts.csv", "--mode", "weekly").exit);
        assertEquals(2, KpiRun.run("cvr", "--leads", "samples/hubspot_contacts.csv", "--window", "a year").exit);
        assertEquals(2, KpiRun.run("funnel", "--deals", "samples/hubspot_deals.csv", "--order", "random").exit);
        assertEquals(2, KpiRun.run("funnel", "--leads", "samples/hubspot_contacts.csv", "--target", "1000000").exit);
        KpiRun none = KpiRun.run("cvr");
        assertEquals(2, none.exit);
        assertTrue(none.err.contains("kpi cvr needs --leads FILE"), none.err);
        KpiRun by = KpiRun.run("cvr", "--leads", "samples/hubspot_contacts.csv", "--by", "platform");
        assertEquals(2, by.exit);
        assertTrue(by.err.contains("choose from channel, campaign, source, owner, day, week, month, quarter, year"), by.err);
        for (String cmd : new String[] {"cvr", "funnel"}) {
            KpiRun h = KpiRun.run(cmd, "--help");
            assertEquals(0, h.exit);
            assertTrue(h.out.contains("Exit codes:"), h.out);
        }
    }

    @Test void failIfWorksOnEveryCvrColumnWhateverTheFormat() {
        KpiRun r = KpiRun.run(args("cvr", "--fail-if", "winRate < 70%", "-q"));
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.err.contains("total: winRate = 0.642857"), r.err);
    }
}
