package dev.kpi.calc.attribution;

import dev.kpi.calc.attribution.JourneyBuilder.InputOrder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class JourneyBuilderTest {
    private static final LocalDateTime T = LocalDateTime.of(2024, 3, 1, 12, 0);

    private static List<String> channels(Journey j) { return j.channels(); }

    /**
     * Account a: touches on day −100 (outside a 90-day lookback), −10, −2, 0 (same instant as the
     * conversion: counts) and +1 (after the conversion: dropped) → path [Seo, Ads, Email].
     * Account b: no conversion, touches on days −200 and −5 relative to its last touch → the old one is
     * outside the window anchored at the last touch. Account c: a conversion with no touches → empty path.
     */
    @Test void appliesLookbackConversionCutoffAndUnattributed() {
        List<Journey> out = new ArrayList<>();
        Map<String, List<Conversion>> conv = Map.of(
                "a", List.of(Conversion.of(T, 5_000_000)),
                "c", List.of(Conversion.of(T, 7_000_000)));
        JourneyBuilder b = new JourneyBuilder(conv, Duration.ofDays(90), null, InputOrder.SORTED, out::add);
        b.accept("a", Touch.of("Old", T.minusDays(100)));
        b.accept("a", Touch.of("Seo", T.minusDays(10)));
        b.accept("a", Touch.of("Email", T));
        b.accept("a", Touch.of("Ads", T.minusDays(2)));
        b.accept("a", Touch.of("Late", T.plusDays(1)));
        b.accept("b", Touch.of("X", T.minusDays(200)));
        b.accept("b", Touch.of("Y", T.minusDays(5)));
        b.accept("b", Touch.of("Z", T));
        b.finish();
        assertEquals(3, out.size());
        Journey a = out.get(0);
        assertEquals("a", a.id());
        assertTrue(a.converted());
        assertEquals(List.of("Seo", "Ads", "Email"), channels(a));
        assertEquals(5_000_000, a.valueMicros());
        Journey bj = out.get(1);
        assertFalse(bj.converted());
        assertEquals(List.of("Y", "Z"), channels(bj));
        Journey c = out.get(2);
        assertEquals("c", c.id());
        assertTrue(c.touches().isEmpty());
        assertEquals(1, b.conversionsUnattributed());
        assertEquals(8, b.touchesRead());
        assertEquals(5, b.touchesKept());
    }

    @Test void equalTimestampsKeepInputOrder() {
        List<Journey> out = new ArrayList<>();
        JourneyBuilder b = new JourneyBuilder(Map.of("a", List.of(Conversion.of(T, 0))), null, null, InputOrder.GROUPED, out::add);
        b.accept("a", Touch.of("Later", T.minusHours(1)));
        b.accept("a", Touch.of("B", T.minusDays(1)));
        b.accept("a", Touch.of("A", T.minusDays(1)));
        b.finish();
        assertEquals(List.of("B", "A", "Later"), channels(out.get(0)));
    }

    @Test void severalConversionsSplitTheJourney() {
        List<Journey> out = new ArrayList<>();
        Map<String, List<Conversion>> conv = Map.of("a", List.of(Conversion.of(T.plusDays(10), 2), Conversion.of(T, 1)));
        JourneyBuilder b = new JourneyBuilder(conv, null, null, InputOrder.GROUPED, out::add);
        b.accept("a", Touch.of("A", T.minusDays(1)));
        b.accept("a", Touch.of("B", T));
        b.accept("a", Touch.of("C", T.plusDays(5)));
        b.accept("a", Touch.of("D", T.plusDays(11)));
        b.finish();
        assertEquals(2, out.size());
        assertEquals("a#1", out.get(0).id());
        assertEquals(List.of("A", "B"), channels(out.get(0)));
        assertEquals(1, out.get(0).valueMicros());
        assertEquals("a#2", out.get(1).id());
        assertEquals(List.of("C"), channels(out.get(1)));
    }

    @Test void asOfAnchorsNonConvertingJourneys() {
        List<Journey> out = new ArrayList<>();
        JourneyBuilder b = new JourneyBuilder(Map.of(), Duration.ofDays(30), T, InputOrder.GROUPED, out::add);
        b.accept("x", Touch.of("TooOld", T.minusDays(31)));
        b.accept("x", Touch.of("In", T.minusDays(29)));
        b.accept("x", Touch.of("AfterAsOf", T.plusDays(1)));
        b.accept("y", Touch.of("Gone", T.minusDays(40)));
        b.finish();
        assertEquals(1, out.size());
        assertEquals(List.of("In"), channels(out.get(0)));
    }

    @Test void unsortedInputIsGroupedByMapAndSortedInputIsChecked() {
        List<Journey> out = new ArrayList<>();
        JourneyBuilder any = new JourneyBuilder(Map.of("a", List.of(Conversion.of(T, 0))), null, null, InputOrder.ANY, out::add);
        any.accept("a", Touch.of("A1", T.minusDays(3)));
        any.accept("b", Touch.of("B1", T.minusDays(3)));
        any.accept("a", Touch.of("A2", T.minusDays(2)));
        any.finish();
        assertEquals(2, out.size());
        assertEquals(List.of("A1", "A2"), channels(out.get(0)));

        JourneyBuilder sorted = new JourneyBuilder(Map.of(), null, null, InputOrder.SORTED, j -> {});
        sorted.accept("b", Touch.of("x", T));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sorted.accept("a", Touch.of("x", T)));
        assertTrue(e.getMessage().contains("not sorted by journey id"));
    }

    /** Grouped input is streamed, and an id that comes back after other ids fails instead of splitting its journey. */
    @Test void groupedInputIsCheckedForAdjacency() {
        List<Journey> out = new ArrayList<>();
        JourneyBuilder grouped = new JourneyBuilder(Map.of(), null, null, InputOrder.GROUPED, out::add);
        grouped.accept("b", Touch.of("x", T));
        grouped.accept("b", Touch.of("y", T.plusDays(1)));
        grouped.accept("a", Touch.of("x", T)); // not sorted, but grouped: fine
        assertEquals(1, out.size(), "b is emitted as soon as a starts");
        JourneyBuilder.NotGroupedException e = assertThrows(JourneyBuilder.NotGroupedException.class,
                () -> grouped.accept("b", Touch.of("z", T)));
        assertEquals("b", e.journeyId());
        assertTrue(e.getMessage().contains("not grouped by journey id"), e.getMessage());

        JourneyBuilder sorted = new JourneyBuilder(Map.of(), null, null, InputOrder.SORTED, j -> {});
        sorted.accept("b", Touch.of("x", T));
        assertThrows(JourneyBuilder.NotGroupedException.class, () -> sorted.accept("a", Touch.of("x", T)));
    }

    /** The compact id set: membership after growth, and distinct hashes for similar ids. */
    @Test void seenIdsGrowAndRemember() {
        SeenIds ids = new SeenIds();
        for (int i = 0; i < 50_000; i++) assertTrue(ids.add("J" + i));
        assertEquals(50_000, ids.size());
        for (int i = 0; i < 50_000; i++) assertTrue(ids.contains("J" + i));
        assertFalse(ids.contains("J50000"));
        assertFalse(ids.add("J7"));
        assertNotEquals(SeenIds.hash("ab"), SeenIds.hash("ba"));
    }
}
