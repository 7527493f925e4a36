package dev.kpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The same export given twice must not double the numbers. The sample deals hold 9 won deals: the 8
 * the generator's "attribution Q3" line counts (213,200.00 in company currency) plus Fernhill Foods'
 * 6,000.00 June pilot, 219,200.00 in all (no window here).
 */
class DuplicateInputsTest {
    static final String DEALS = "samples/hubspot_deals.csv";

    @Test void attributionCountsARepeatedDealOnce() throws Exception {
        KpiRun r = KpiRun.run("attribution", "--config", "samples/kpi.yaml", "--deals", DEALS, DEALS, "--model", "first",
                "--format", "json");
        assertEquals(0, r.exit, r.toString());
        JsonNode t = CliTest.JSON.readTree(r.out).get("total");
        assertEquals(0, new BigDecimal("9").compareTo(t.get("attributedConversions").decimalValue()));
        assertEquals(0, new BigDecimal("219200").compareTo(t.get("attributedRevenue").decimalValue()));
        assertTrue(r.err.contains("9 won deal rows repeat deal ids already read"), r.err);
    }

    @Test void clvCountsARepeatedDealOnce() throws Exception {
        KpiRun once = KpiRun.run("clv", "--deals", DEALS, "--format", "json", "-q");
        KpiRun twice = KpiRun.run("clv", "--deals", DEALS, DEALS, "--format", "json");
        assertEquals(0, twice.exit, twice.toString());
        assertEquals(CliTest.JSON.readTree(once.out).get("total").toString(), CliTest.JSON.readTree(twice.out).get("total").toString());
        assertTrue(twice.err.contains("9 records repeat ids already read"), twice.err);
    }
}
