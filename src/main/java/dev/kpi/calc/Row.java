package dev.kpi.calc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output row: keys in display order mapped to values. A value is one of String, Long, BigDecimal,
 * Ratio, Boolean, LocalDate, null, a nested {@code List<Row>} or a nested Row. Group keys come first.
 */
public final class Row {
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    public Row put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    public Object get(String key) { return values.get(key); }

    public boolean has(String key) { return values.containsKey(key); }

    public Map<String, Object> values() { return values; }

    @Override public String toString() { return values.toString(); }
}
