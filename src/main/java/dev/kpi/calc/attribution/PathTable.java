package dev.kpi.calc.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinct channel paths with their counts: conversions, conversion value and nulls (journeys on that
 * path that did not convert). This is the input of the Markov and Shapley models and of the
 * position-only heuristics; their cost grows with the number of distinct paths, not with journeys.
 *
 * <p>Rows added twice for the same path are merged (counts and values summed). Conversion value is kept
 * as an exact {@link BigDecimal}; {@link #hasValue()} is true when any row carried a value (rows without
 * one count as zero). A row with an empty path holds conversions that had no touch: every model credits
 * them to {@link #UNATTRIBUTED}; nulls on an empty path carry no information and are ignored by models.
 *
 * <p>Channels are interned to ids in order of first appearance; rows keep insertion order, so results
 * are deterministic for a given input.
 */
public final class PathTable {
    /** The bucket for conversions with no touch inside the window. */
    public static final String UNATTRIBUTED = "(unattributed)";

    /** One distinct path: channel ids in order (do not modify the array) and its totals. */
    public record Row(int[] path, long conversions, BigDecimal value, long nulls) {}

    private final Map<String, Integer> channelIds = new HashMap<>();
    private final List<String> channelNames = new ArrayList<>();
    private final LinkedHashMap<IntTuple, Entry> entries = new LinkedHashMap<>();
    private long totalConversions;
    private long totalNulls;
    private BigDecimal totalValue = BigDecimal.ZERO;
    private boolean hasValue;

    private static final class Entry {
        final int[] path;
        long conversions;
        BigDecimal value = BigDecimal.ZERO;
        long nulls;

        Entry(int[] path) { this.path = path; }
    }

    /**
     * Splits a path string such as {@code "A > B > C"} on {@code >}; spaces around names are trimmed. A
     * blank string is the empty path; an empty element ({@code "A > > B"}, {@code "A >"}) is rejected.
     */
    public static List<String> parsePath(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '>') {
                String name = text.substring(start, i).strip();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty channel name in path '" + text + "' at position " + (out.size() + 1));
                }
                out.add(name);
                start = i + 1;
            }
        }
        return out;
    }

    /** Formats a path the way {@link #parsePath} reads it: names joined by {@code " > "}. */
    public static String formatPath(List<String> path) { return String.join(" > ", path); }

    /**
     * Adds a pre-aggregated row. {@code value} may be null (no value column); counts must not be
     * negative.
     */
    public void add(List<String> path, long conversions, BigDecimal value, long nulls) {
        if (conversions < 0 || nulls < 0) throw new IllegalArgumentException("negative count for path " + formatPath(path));
        int[] ids = new int[path.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = channelId(path.get(i));
        addIds(ids, conversions, value, nulls);
    }

    /** Adds one journey: a conversion (with its value when it has one) or a null. */
    public void add(Journey journey) {
        List<Touch> touches = journey.touches();
        int[] ids = new int[touches.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = channelId(touches.get(i).channel());
        if (journey.converted()) {
            addIds(ids, 1, journey.hasValue() ? BigDecimal.valueOf(journey.valueMicros(), 6) : null, 0);
        } else {
            addIds(ids, 0, null, 1);
        }
    }

    private void addIds(int[] ids, long conversions, BigDecimal value, long nulls) {
        Entry e = entries.computeIfAbsent(new IntTuple(ids), k -> new Entry(ids));
        e.conversions = Math.addExact(e.conversions, conversions);
        e.nulls = Math.addExact(e.nulls, nulls);
        totalConversions = Math.addExact(totalConversions, conversions);
        totalNulls = Math.addExact(totalNulls, nulls);
        if (value != null) {
            hasValue = true;
            e.value = e.value.add(value);
            totalValue = totalValue.add(value);
        }
    }

    /** The id of a channel name, interning it when new. */
    int channelId(String name) {
        Integer id = channelIds.get(name);
        if (id == null) {
            id = channelNames.size();
            channelIds.put(name, id);
            channelNames.add(name);
        }
        return id;
    }

    /** The distinct paths in insertion order. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) out.add(new Row(e.path, e.conversions, e.value, e.nulls));
        return out;
    }

    public int size() { return entries.size(); }

    public String channel(int id) { return channelNames.get(id); }

    /** Channel names indexed by id. */
    public List<String> channels() { return Collections.unmodifiableList(channelNames); }

    public List<String> names(int[] path) {
        List<String> out = new ArrayList<>(path.length);
        for (int id : path) out.add(channelNames.get(id));
        return out;
    }

    public long totalConversions() { return totalConversions; }

    public long totalNulls() { return totalNulls; }

    /** Exact sum of conversion values (zero when there are none). */
    public BigDecimal totalValue() { return totalValue; }

    public boolean hasValue() { return hasValue; }

    public boolean hasNulls() { return totalNulls > 0; }
}
