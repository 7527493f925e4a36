package dev.kpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Marketing influence from touchpoints and opportunity conversion, on a dataset small enough to check by hand:
 * <pre>
 * leads: L1 (Organic Search, account A1) customer 2025-02-10; L2 (Direct, A2) customer 2025-02-15; L3 (Direct, A3)
 * touchpoints (marketing channel: Paid Search): L1 on 2025-01-20 — before its conversion;
 *                                               L2 on 2025-03-01 — after its conversion, so no influence;
 *                                               account A3 on 2025-01-09 — L3 never converts
 * → customers 2, marketing-originated 0 / 2 (no lead has a marketing source), influenced 1 / 2 = 0.5;
 * a second file whose journey ids are accounts (A2 touched on 2025-01-30, before L2's conversion) makes
 * L2 influenced too: 2 / 2
 * deals: D1 A1 created 01-10 won 02-10; D2 A2 created 01-12 won 02-15; D3 A3 created 01-15 lost 02-20;
 *        D4 A3 created 02-01, open
 * → win rate 2 / (2 + 1) = 0.666667; opportunity conversion (won / created) 2 / 4 = 0.5;
 *   with --from 2025-01-01 --to 2025-01-31: created in January D1, D2, D3, two won → 0.666667,
 *   and no deal closed in January → win rate null
 * </pre>
 */
class CvrTouchpointsTest {
    @TempDir Path dir;

    void files() throws Exception {
        Files.writeString(dir.resolve("kpi.yaml"), "marketingChannels: [ Paid Search ]\n");
        Files.writeString(dir.resolve("leads.csv"), "id,created,channel,account_id,customer_date\n"
                + "L1,2025-01-05,Organic Search,A1,2025-02-10\nL2,2025-01-06,Direct,A2,2025-02-15\nL3,2025-01-07,Direct,A3,\n");
        Files.writeString(dir.resolve("touch.csv"), "journey_id,account_id,timestamp,channel\n"
                + "L1,,2025-01-20 10:00,Paid Search\nL2,,2025-03-01 10:00,Paid Search\nX9,A3,2025-01-09 10:00,Paid Search\n");
        Files.writeString(dir.resolve("deals.csv"), "id,account_id,created,closed,stage\n"
                + "D1,A1,2025-01-10,2025-02-10,Closed Won\nD2,A2,2025-01-12,2025-02-15,Closed Won\n"
                + "D3,A3,2025-01-15,2025-02-20,Closed Lost\nD4,A3,2025-02-01,,Qualified\n");
    }

    JsonNode run(String... extra) throws Exception {
        String[] base = {"cvr", "--leads", "leads.csv", "--deals", "deals.csv", "--touchpoints", "touch.csv", "--format", "json",
                "--as-of", "2026-06-30"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), args);
        assertEquals(0, r.exit, r.toString());
        return CliTest.JSON.readTree(r.out).get("total");
    }

    @Test void influenceCountsOnlyTouchesBeforeTheConversion() throws Exception {
        files();
        JsonNode t = run();
        assertEquals(2, t.get("customers").asInt());
        assertEquals(0, t.get("marketingOriginatedShareNumerator").asInt());
        assertEquals(1, t.get("marketingInfluencedShareNumerator").asInt());
        assertEquals(2, t.get("marketingInfluencedShareDenominator").asInt());
        assertEquals(new BigDecimal("0.500000"), t.get("marketingInfluencedShare").decimalValue());
    }

    @Test void journeyIdsThatAreAccountsMatchTheLeadsAccount() throws Exception {
        files();
        Files.writeString(dir.resolve("touch.csv"), "journey_id,timestamp,channel\n"
                + "L1,2025-01-20 10:00,Paid Search\nA2,2025-01-30 10:00,Paid Search\n");
        JsonNode t = run();
        assertEquals(2, t.get("marketingInfluencedShareNumerator").asInt());
    }

    @Test void trafficToLeadCountsOnlyLeadsInMonthsWithTraffic() throws Exception {
        // traffic covers February (60 + 40 sessions); leads L1–L3 are from January and L4 from February → 1 / 100
        files();
        Files.writeString(dir.resolve("leads.csv"), Files.readString(dir.resolve("leads.csv")) + "L4,2025-02-03,Direct,A4,\n");
        Files.writeString(dir.resolve("traffic.csv"), "date,sessions\n2025-02-06,60\n2025-02-07,40\n");
        KpiRun r = KpiRun.in(dir, new byte[0], Map.of(), "cvr", "--leads", "leads.csv", "--traffic", "traffic.csv",
                "--format", "json", "-q");
        assertEquals(0, r.exit, r.toString());
        JsonNode t = CliTest.JSON.readTree(r.out).get("total");
        assertEquals(1, t.get("trafficToLeadRatioNumerator").asInt());
        assertEquals(100, t.get("trafficToLeadRatioDenominator").asInt());
        assertEquals(new BigDecimal("0.010000"), t.get("trafficToLeadRatio").decimalValue());
    }

    @Test void opportunityConversionCountsDealsByCreation() throws Exception {
        files();
        JsonNode all = run();
        assertEquals(new BigDecimal("0.666667"), all.get("winRate").decimalValue());
        assertEquals(new BigDecimal("0.500000"), all.get("opportunityConversion").decimalValue());
        assertEquals(4, all.get("opportunityConversionDenominator").asInt());
        JsonNode jan = run("--from", "2025-01-01", "--to", "2025-01-31");
        assertEquals(new BigDecimal("0.666667"), jan.get("opportunityConversion").decimalValue());
        assertEquals(3, jan.get("opportunityConversionDenominator").asInt());
        assertTrue(jan.get("winRate").isNull());
    }
}
