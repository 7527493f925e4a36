package dev.kpi.calc.attribution;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A conversion joined to a journey id (a won deal's account, a lead's contact): when it happened and
 * its value in micros of the reporting currency. {@code leadAt} and {@code opportunityAt} are the
 * lead-creation and opportunity-creation times used as the middle anchors of the W-shaped and
 * full-path models; both may be null.
 */
public record Conversion(LocalDateTime at, long valueMicros, boolean hasValue,
                         LocalDateTime leadAt, LocalDateTime opportunityAt) {
    public Conversion {
        Objects.requireNonNull(at, "conversion time");
    }

    /** A conversion with a value and no lead/opportunity anchors. */
    public static Conversion of(LocalDateTime at, long valueMicros) {
        return new Conversion(at, valueMicros, true, null, null);
    }

    /** A conversion without a value (counted, but no revenue to attribute). */
    public static Conversion withoutValue(LocalDateTime at) {
        return new Conversion(at, 0, false, null, null);
    }
}
