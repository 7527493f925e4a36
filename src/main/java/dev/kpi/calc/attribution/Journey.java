package dev.kpi.calc.attribution;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered touches of one customer journey and how it ended. For a converting journey the touches
 * are those inside the lookback window up to the conversion time (an empty list means the conversion
 * had no touch: it is credited to {@link PathTable#UNATTRIBUTED}); {@code valueMicros} is the
 * conversion value in micros when {@code hasValue}. A non-converting journey has
 * {@code converted == false}, a null conversion time and no value. {@code leadAt} and
 * {@code opportunityAt} (nullable) anchor the W-shaped and full-path models.
 */
public record Journey(String id, List<Touch> touches, boolean converted, LocalDateTime conversionAt,
                      long valueMicros, boolean hasValue, LocalDateTime leadAt, LocalDateTime opportunityAt) {

    public Journey {
        touches = List.copyOf(touches);
        if (converted && conversionAt == null) throw new IllegalArgumentException("converting journey " + id + " needs a conversion time");
    }

    public static Journey converting(String id, List<Touch> touches, LocalDateTime at, long valueMicros) {
        return new Journey(id, touches, true, at, valueMicros, true, null, null);
    }

    public static Journey nonConverting(String id, List<Touch> touches) {
        return new Journey(id, touches, false, null, 0, false, null, null);
    }

    /** The channel sequence of the touches, in order. */
    public List<String> channels() {
        List<String> out = new ArrayList<>(touches.size());
        for (Touch t : touches) out.add(t.channel());
        return out;
    }
}
