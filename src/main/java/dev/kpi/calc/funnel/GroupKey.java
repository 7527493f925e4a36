package dev.kpi.calc.funnel;

import dev.kpi.calc.Dimension;

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
                default: v = date == null ? null : d.grain().key(date); break;
            }
            key.add(v == null || v.isBlank() ? Dimension.NONE : v);
        }
        return key;
    }

    public static boolean needsTime(List<Dimension> dims) {
        for (Dimension d : dims) if (d.isTime()) return true;
        return false;
    }
}
