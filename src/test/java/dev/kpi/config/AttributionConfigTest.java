package dev.kpi.config;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class AttributionConfigTest {
    @Test void durations() {
        assertEquals(Duration.ofDays(90), DurationParser.parse("90d"));
        assertEquals(Duration.ofDays(84), DurationParser.parse("12w"));
        assertEquals(Duration.ofHours(36), DurationParser.parse("36 h"));
        assertEquals(Duration.ofDays(7), DurationParser.parse("P7D"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DurationParser.parse("3m")).getMessage().contains("write days"));
        assertThrows(IllegalArgumentException.class, () -> DurationParser.parse("0d"));
        assertThrows(IllegalArgumentException.class, () -> DurationParser.parse("ninety days"));
        assertEquals("12w", DurationParser.format(Duration.ofDays(84)));
        assertEquals("90d", DurationParser.format(Duration.ofDays(90)));
    }

    @Test void sharesAsPercentagesOrFractions() {
        assertArrayEquals(new double[] {0.4, 0.2, 0.4}, AttributionConfig.shares("40,20,40", 3), 1e-15);
        assertArrayEquals(new double[] {0.4, 0.2, 0.4}, AttributionConfig.shares("40/20/40", 3), 1e-15);
        assertArrayEquals(new double[] {0.225, 0.225, 0.225, 0.225, 0.1}, AttributionConfig.shares("22.5, 22.5, 22.5, 22.5, 10", 5), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.2, 0.2}, AttributionConfig.shares("0.6,0.2,0.2", 3), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> AttributionConfig.shares("40,20", 3));
        assertThrows(IllegalArgumentException.class, () -> AttributionConfig.shares("40,20,41", 3));
        assertThrows(IllegalArgumentException.class, () -> AttributionConfig.shares("-10,60,50", 3));
        assertEquals(new BigDecimal("0.8"), AttributionConfig.fraction("80%").stripTrailingZeros());
        assertThrows(IllegalArgumentException.class, () -> AttributionConfig.fraction("80"));
    }

    @Test void bindsTheSection() {
        String yaml = "attribution:\n  models: [first, markov]\n  order: 2\n  lookback: 90d\n  halfLife: 14d\n  join: contact\n"
                + "  touchOrder: grouped\n  directChannels: [Direct, Typed]\n  wShapedMiddle: opportunity\n"
                + "  weights: { position: [30, 40, 30], wShaped: [0.4, 0.2, 0.3, 0.1] }\n"
                + "  shapley: { players: ordered, game: probability, samples: 500, seed: 7 }\n  grossMargin: 75%\n";
        AttributionConfig a = KpiConfig.parse(new StringReader(yaml), "kpi.yaml", false).attribution();
        assertEquals("first,markov", a.models());
        assertEquals(2, a.order());
        assertEquals(Duration.ofDays(90), a.lookback());
        assertEquals(Duration.ofDays(14), a.halfLife());
        assertEquals("contact", a.join());
        assertEquals("grouped", a.touchOrder());
        assertEquals("opportunity", a.wShapedMiddle());
        assertArrayEquals(new double[] {0.3, 0.4, 0.3}, a.position(), 1e-15);
        assertArrayEquals(new double[] {0.4, 0.2, 0.3, 0.1}, a.wShaped(), 1e-15);
        assertEquals("ordered", a.shapleyPlayers());
        assertEquals(500, a.shapleySamples());
        assertEquals(7L, a.shapleySeed());
        assertEquals(0, new BigDecimal("0.75").compareTo(a.grossMargin()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> KpiConfig.parse(new StringReader("attribution:\n  order: 6\n"), "kpi.yaml", false));
        assertTrue(e.getMessage().contains("kpi.yaml:2") && e.getMessage().contains("between 1 and 4"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> KpiConfig.parse(new StringReader("attribution:\n  join: company\n"), "kpi.yaml", false));
        assertTrue(e.getMessage().contains("not one of account, contact"), e.getMessage());
    }
}
