package dev.kpi.calc;

import dev.kpi.records.TimeGrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code --by} can group on. Time dimensions bucket a record's date; the others read a field. */
public enum Dimension {
    CHANNEL(null), CAMPAIGN(null), PLATFORM(null), SOURCE(null), OWNER(null),
    DAY(TimeGrain.DAY), WEEK(TimeGrain.WEEK), MONTH(TimeGrain.MONTH), QUARTER(TimeGrain.QUARTER), YEAR(TimeGrain.YEAR);

    /** The group value for records that lack the field. */
    public static final String NONE = "(none)";

    private final TimeGrain grain;

    Dimension(TimeGrain grain) { this.grain = grain; }

    public TimeGrain grain() { return grain; }

    public boolean isTime() { return grain != null; }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Parses {@code channel,month}; null with the unknown name in the exception message when invalid. */
    public static List<Dimension> parseList(String spec, List<Dimension> allowed) {
        List<Dimension> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) return out;
        for (String part : spec.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            Dimension found = null;
            for (Dimension d : allowed) if (d.key().equals(p)) found = d;
            if (found == null) throw new IllegalArgumentException(p);
            if (!out.contains(found)) out.add(found);
        }
        return out;
    }

    public static boolean anyNonTime(List<Dimension> dims) {
        for (Dimension d : dims) if (!d.isTime()) return true;
        return false;
    }
}
