package dev.kpi.records;

import java.util.Locale;

/**
 * The kinds of input kpi reads. The lower-case name is used everywhere a user names one: the
 * {@code --spend}, {@code --deals}, … options and the {@code inputs:} keys of the config.
 */
public enum RecordType {
    SPEND, COSTS, LEADS, DEALS, TRANSACTIONS, SUBSCRIPTIONS, TRAFFIC, EMAIL;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static RecordType fromKey(String key) {
        for (RecordType t : values()) if (t.key().equalsIgnoreCase(key)) return t;
        return null;
    }
}
