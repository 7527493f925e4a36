package dev.kpi.records;

import java.util.Locale;

/**
 * The kinds of input kpi reads. The lower-case name is used everywhere a user names one: the
 * {@code --spend}, {@code --deals}, … options and the {@code inputs:} keys of the config.
 */
public enum RecordType {
    SPEND, COSTS, LEADS, DEALS, TRAFFIC, EMAIL, TOUCHPOINTS, PATHS, TRANSACTIONS, SUBSCRIPTIONS;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** "spend, costs, leads, …": every key, for messages. */
    public static String allKeys() {
        StringBuilder sb = new StringBuilder();
        for (RecordType t : values()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(t.key());
        }
        return sb.toString();
    }

    public static RecordType fromKey(String key) {
        for (RecordType t : values()) if (t.key().equalsIgnoreCase(key)) return t;
        return null;
    }
}
