package dev.kpi.records;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BillingIntervalTest {
    private static BillingInterval b(BillingInterval.Unit u, int n) { return new BillingInterval(u, n); }

    @Test void spellingsOfBillingExports() {
        assertEquals(BillingInterval.MONTHLY, BillingInterval.parse("month"));     // Stripe
        assertEquals(BillingInterval.MONTHLY, BillingInterval.parse("Monthly"));
        assertEquals(BillingInterval.YEARLY, BillingInterval.parse("year"));       // Stripe, Chargebee
        assertEquals(BillingInterval.YEARLY, BillingInterval.parse(" Annual "));
        assertEquals(BillingInterval.YEARLY, BillingInterval.parse("annually"));
        assertEquals(b(BillingInterval.Unit.WEEK, 1), BillingInterval.parse("weekly"));
        assertEquals(b(BillingInterval.Unit.DAY, 1), BillingInterval.parse("day"));
        assertEquals(b(BillingInterval.Unit.MONTH, 3), BillingInterval.parse("quarterly"));
        assertEquals(b(BillingInterval.Unit.MONTH, 6), BillingInterval.parse("semi-annual"));
        assertEquals(b(BillingInterval.Unit.MONTH, 3), BillingInterval.parse("3 months"));
        assertEquals(b(BillingInterval.Unit.WEEK, 2), BillingInterval.parse("every 2 weeks"));
        assertEquals(b(BillingInterval.Unit.YEAR, 1), BillingInterval.parse("1 year"));
        assertEquals(b(BillingInterval.Unit.MONTH, 6), BillingInterval.parse("2 quarters"));
        assertEquals(b(BillingInterval.Unit.YEAR, 2), BillingInterval.YEARLY.times(2));
        assertNull(BillingInterval.parse("fortnightly"));
        assertNull(BillingInterval.parse(""));
        assertNull(BillingInterval.parse(null));
        assertThrows(IllegalArgumentException.class, () -> b(BillingInterval.Unit.MONTH, 0));
    }
}
