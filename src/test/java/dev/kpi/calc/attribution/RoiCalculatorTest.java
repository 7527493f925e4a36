package dev.kpi.calc.attribution;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class RoiCalculatorTest {
    /** Cost 100, revenue 500, 4 conversions: ROI (500 − 100)/100 = 4, ROAS 5, cost per conversion 25. */
    @Test void channelReturn() {
        RoiCalculator.ChannelReturn r = RoiCalculator.channel(new BigDecimal("100"), new BigDecimal("500"), new BigDecimal("4"));
        assertEquals(0, r.roi().value().compareTo(BigDecimal.valueOf(4)));
        assertEquals(0, r.roas().value().compareTo(BigDecimal.valueOf(5)));
        assertEquals(new BigDecimal("25.00"), r.costPerConversion().value());
    }

    @Test void zeroCostGivesNullWithReason() {
        RoiCalculator.ChannelReturn r = RoiCalculator.channel(BigDecimal.ZERO, new BigDecimal("500"), BigDecimal.ZERO);
        assertNull(r.roi().value());
        assertEquals("no cost for this channel", r.roi().nullReason());
        assertNull(r.roas().value());
        assertEquals("no attributed conversions", r.costPerConversion().nullReason());
        assertNull(RoiCalculator.channel(BigDecimal.TEN, null, BigDecimal.ONE).roas().value());
    }

    /**
     * Catalogue seed: 10,000 of cost and 50,000 of growth give ROI 4 and a 5:1 ratio (strong). With a 60 %
     * gross margin COGS = 50,000 × 0.4 = 20,000 and ROMI = (50,000 − 20,000 − 10,000)/10,000 = 2.
     */
    @Test void overallReturn() {
        RoiCalculator.MarketingReturn m = RoiCalculator.overall(new BigDecimal("50000"), new BigDecimal("10000"), null, new BigDecimal("0.6"));
        assertEquals(0, m.roi().value().compareTo(BigDecimal.valueOf(4)));
        assertEquals(0, m.revenueToCostRatio().value().compareTo(BigDecimal.valueOf(5)));
        assertTrue(m.revenueToCostGuide().startsWith("strong"));
        assertEquals(0, m.costOfGoods().compareTo(new BigDecimal("20000")));
        assertEquals(0, m.romi().value().compareTo(BigDecimal.valueOf(2)));
        RoiCalculator.MarketingReturn weak = RoiCalculator.overall(new BigDecimal("15000"), new BigDecimal("10000"), new BigDecimal("1000"), null);
        assertTrue(weak.revenueToCostGuide().startsWith("not profitable"));
        assertEquals(0, weak.romi().value().compareTo(new BigDecimal("0.4"))); // (15000 − 1000 − 10000)/10000
        assertNull(RoiCalculator.overall(BigDecimal.TEN, BigDecimal.ONE, null, null).romi());
        assertNull(RoiCalculator.overall(BigDecimal.TEN, BigDecimal.ZERO, null, null).roi().value());
    }
}
