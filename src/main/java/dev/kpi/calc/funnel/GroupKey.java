package dev.kpi.calc.funnel;

import dev.kpi.calc.Dimension;
import dev.kpi.records.TimeGrain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The {@code --by} key of a CRM entity: text dimensions from its fields, time dimensions from one date. */
public final class GroupKey {
    private GroupKey() {}

    /** Missing texts and a missing date give {@link Dimension#NONE}. */
    public static List<String> of(List<Dimension> dims, String channel, String campaign, String source, String owner,
                                  LocalDate date) {
        List<String> key = new ArrayList<>(dims.size());
        for (Dimension d : dims) {
            String v;
            switch (d) {
                case CHANNEL: v = channel; break;
                case CAMPAIGN: v = campaign; break;
                case SOURCE: v = source; break;
                case OWNER: v = owner; break;
                case PLATFORM: v = null; break;
                default: v = date == null ? null : timeKey(d.grain(), date); break;
            }
            key.add(v == null || v.isBlank() ? Dimension.NONE : v);
        }
        return key;
    }

    /** {@link TimeGrain#key} without {@code String.format} (it runs once per lead or deal). */
    static String timeKey(TimeGrain g, LocalDate d) {
        int y = d.getYear();
        switch (g) {
            case DAY: return d.toString();
            case MONTH: {
                int m = d.getMonthValue();
                return y >= 1000 && y <= 9999 ? y + (m < 10 ? "-0" : "-") + m : g.key(d);
            }
            case QUARTER: return y + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case YEAR: return Integer.toString(y);
            default: return g.key(d);
        }
    }

    public static boolean needsTime(List<Dimension> dims) {
        for (Dimension d : dims) if (d.isTime()) return true;
        return false;
    }
}
