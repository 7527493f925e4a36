package dev.kpi.calc;

/**
 * A column of a report: its JSON key (lowerCamelCase, as in the KPI catalogue), a human label for
 * tables and its kind. {@code key} is also what {@code --fail-if} expressions name.
 */
public record Column(String key, String label, Kind kind) {
    public static Column text(String key, String label) { return new Column(key, label, Kind.TEXT); }
}
