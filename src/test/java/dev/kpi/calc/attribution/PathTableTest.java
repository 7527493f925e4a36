package dev.kpi.calc.attribution;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PathTableTest {
    @Test void parsesPathsWithOptionalSpaces() {
        assertEquals(List.of("A", "B", "C"), PathTable.parsePath("A > B>C "));
        assertEquals(List.of("Paid Search", "Email"), PathTable.parsePath("  Paid Search  >Email"));
        assertEquals(List.of(), PathTable.parsePath("  "));
        assertEquals(List.of("x"), PathTable.parsePath("x"));
    }

    @Test void rejectsEmptyElements() {
        assertThrows(IllegalArgumentException.class, () -> PathTable.parsePath("A > > B"));
        assertThrows(IllegalArgumentException.class, () -> PathTable.parsePath("A >"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathTable.parsePath("> A"));
        assertTrue(e.getMessage().contains("position 1"));
    }

    @Test void mergesRepeatedPathsAndKeepsExactTotals() {
        PathTable t = new PathTable();
        t.add(List.of("beta", "eta"), 1, new BigDecimal("2.402"), 3);
        t.add(List.of("beta", "eta"), 1, new BigDecimal("3.492"), 3);
        t.add(List.of("iota"), 10, new BigDecimal("30.7346153846154"), 38);
        assertEquals(2, t.size());
        assertEquals(2, t.rows().get(0).conversions());
        assertEquals(6, t.rows().get(0).nulls());
        assertEquals(0, new BigDecimal("5.894").compareTo(t.rows().get(0).value()));
        assertEquals(new BigDecimal("36.6286153846154"), t.totalValue());
        assertEquals(12, t.totalConversions());
        assertEquals(44, t.totalNulls());
        assertTrue(t.hasValue());
        assertEquals(List.of("beta", "eta", "iota"), t.channels());
    }

    @Test void addsJourneys() {
        PathTable t = new PathTable();
        LocalDateTime d = LocalDateTime.of(2024, 1, 1, 0, 0);
        t.add(Journey.converting("a", List.of(Touch.of("A", d)), d, 1_500_000));
        t.add(Journey.nonConverting("b", List.of(Touch.of("A", d))));
        assertEquals(1, t.size());
        assertEquals(1, t.rows().get(0).nulls());
        assertEquals(0, new BigDecimal("1.5").compareTo(t.totalValue()));
        assertFalse(new PathTable().hasValue());
    }

    @Test void rejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new PathTable().add(List.of("A"), -1, null, 0));
    }

    @Test void modelNamesFollowTheContract() {
        assertEquals(List.of("first", "last", "last-non-direct", "linear", "position", "w-shaped", "full-path",
                "time-decay", "j-shaped", "inverse-j", "markov", "shapley"), AttributionModel.names());
        assertEquals(List.of(AttributionModel.FIRST, AttributionModel.MARKOV), AttributionModel.parseList("first, Markov,first"));
        assertEquals(12, AttributionModel.parseList("all").size());
        assertThrows(IllegalArgumentException.class, () -> AttributionModel.parseList("u-shaped"));
    }
}
