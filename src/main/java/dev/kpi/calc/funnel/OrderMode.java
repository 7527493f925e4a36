package dev.kpi.calc.funnel;

import java.util.Locale;

/**
 * How an entity must move through the stages to count as having reached stage k. Every mode gives
 * counts that never rise from one stage to the next, so step conversions are proportions.
 */
public enum OrderMode {
    /**
     * (default) Stage k or any later stage is recorded: a later stage implies the earlier ones, even when
     * they have no record ("imputed"). A deal that moved backwards keeps the furthest stage it reached.
     */
    SEQUENTIAL,
    /** Every stage 1..k is recorded, in funnel order where both entry dates are known. */
    STRICT,
    /** Every stage 1..k is recorded, in any order. */
    ANY;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static OrderMode parse(String s) {
        for (OrderMode m : values()) if (m.key().equalsIgnoreCase(s.strip())) return m;
        throw new IllegalArgumentException(s);
    }
}
