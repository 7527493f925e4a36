package dev.kpi.calc.funnel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of stage evidence an entity can carry, one bit each in a {@code long}: the five lead dates,
 * "has a deal", "has a won deal", and each stage value named by the funnels in use. An entity's evidence
 * is a bit mask plus, per bit, the earliest date it was seen (when known). At most 64 kinds.
 */
public final class Atoms {
    public static final int DEAL = LeadField.values().length;
    public static final int WON = DEAL + 1;
    private static final int FIRST_VALUE = WON + 1;

    private final Map<String, Integer> valueBits = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when the funnels name more than 57 distinct stage values */
    public Atoms(Collection<Funnel> funnels) {
        for (Funnel f : funnels) {
            for (Stage s : f.stages()) {
                for (String v : s.values()) {
                    if (valueBits.containsKey(v)) continue;
                    if (FIRST_VALUE + valueBits.size() >= 64) {
                        throw new IllegalArgumentException("the funnel names more than " + (64 - FIRST_VALUE)
                                + " distinct stage values; kpi supports up to that many");
                    }
                    valueBits.put(v, FIRST_VALUE + valueBits.size());
                }
            }
        }
    }

    public static int field(LeadField f) { return f.ordinal(); }

    /** The bit of a stage value (given raw: it is normalised here), or -1 when no funnel stage uses it. */
    public int value(String raw) {
        if (raw == null) return -1;
        Integer cached = seen.get(raw);
        if (cached != null) return cached;
        Integer b = valueBits.get(Stage.norm(raw));
        int bit = b == null ? -1 : b;
        if (seen.size() < 10_000) seen.put(raw, bit); // stage names repeat on every row; cap against odd data
        return bit;
    }

    /** Raw stage names already looked up (exports repeat a handful of them on every row). */
    private final Map<String, Integer> seen = new java.util.HashMap<>();

    /** Bits that are evidence for {@code s}. */
    public long mask(Stage s) {
        long m = 0;
        for (LeadField f : s.leadFields()) m |= 1L << field(f);
        for (String v : s.values()) m |= 1L << valueBits.get(v);
        if (s.anyDeal()) m |= 1L << DEAL;
        if (s.won()) m |= 1L << WON;
        return m;
    }

    public int count() { return FIRST_VALUE + valueBits.size(); }

    /** True when both give every stage value the same bit. */
    public boolean sameAs(Atoms o) { return valueBits.equals(o.valueBits); }
}
