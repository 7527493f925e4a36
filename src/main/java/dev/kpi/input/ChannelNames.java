package dev.kpi.input;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises raw source values into channels. Config {@code channels:} maps names to the raw values
 * that mean them (case-insensitive). HubSpot's internal source values ({@code PAID_SEARCH}, …) map to
 * their labels. Anything else passes through as written, compared case-insensitively: the first
 * spelling seen names the channel ("paid search" and "Paid Search" are one channel).
 */
public final class ChannelNames {
    private static final Map<String, String> BUILT_IN = new HashMap<>();

    static {
        String[][] hubspot = {
                {"ORGANIC_SEARCH", "Organic Search"}, {"PAID_SEARCH", "Paid Search"},
                {"EMAIL_MARKETING", "Email Marketing"}, {"SOCIAL_MEDIA", "Organic Social"},
                {"ORGANIC_SOCIAL", "Organic Social"}, {"REFERRALS", "Referrals"},
                {"OTHER_CAMPAIGNS", "Other Campaigns"}, {"DIRECT_TRAFFIC", "Direct Traffic"},
                {"OFFLINE", "Offline Sources"}, {"PAID_SOCIAL", "Paid Social"}, {"AI_REFERRALS", "AI Referrals"}};
        for (String[] p : hubspot) BUILT_IN.put(p[0].toLowerCase(Locale.ROOT), p[1]);
    }

    private final Map<String, String> configured;
    /** Lower-case value → the spelling that names the channel: the first one seen in file order. */
    private final Map<String, String> seen;
    /**
     * Raw cell text → channel, so a repeated value costs one hash lookup (bounded: distinct values only).
     * A chunk view keeps its own, for values the names seen so far did not know (one thread reads a chunk).
     */
    private final Map<String, String> byRaw;
    /** For a chunk view: the names everything else comes from. */
    private final ChannelNames parent;

    public ChannelNames(Map<String, List<String>> config) {
        this.configured = new HashMap<>();
        this.seen = new java.util.concurrent.ConcurrentHashMap<>();
        this.byRaw = new java.util.concurrent.ConcurrentHashMap<>();
        this.parent = null;
        if (config != null) {
            config.forEach((name, raws) -> {
                configured.put(name.toLowerCase(Locale.ROOT).strip(), name);
                for (String r : raws) configured.put(r.toLowerCase(Locale.ROOT).strip(), name);
            });
        }
    }

    private ChannelNames(ChannelNames parent) {
        this.parent = parent;
        this.configured = parent.configured;
        this.seen = new HashMap<>();
        this.byRaw = new HashMap<>();
    }

    /**
     * A view for one chunk of a file read in parallel. It answers from the names seen so far and keeps the
     * spellings it meets first to itself; {@link #commit} adds them when the chunk is merged, in file order.
     */
    public ChannelNames chunkView() {
        return new ChannelNames(this);
    }

    /**
     * Adds a chunk view's first spellings, in file order. False, and nothing added, when a value the chunk
     * spelled one way was meanwhile named differently by an earlier chunk: the chunk is then read again.
     */
    public synchronized boolean commit(ChannelNames view) {
        for (Map.Entry<String, String> e : view.seen.entrySet()) {
            String earlier = seen.get(e.getKey());
            if (earlier != null && !earlier.equals(e.getValue())) return false;
        }
        view.seen.forEach(seen::putIfAbsent);
        return true;
    }

    /**
     * The channel for a raw value; null for null/blank. Safe for the reader's threads: a known value is a
     * lock-free lookup, a new one is resolved under a lock (so one spelling names each channel).
     */
    public String normalize(String raw) {
        if (raw == null) return null;
        String cached = parent != null ? parent.byRaw.get(raw) : null;
        if (cached == null) cached = byRaw.get(raw);
        if (cached != null) return cached;
        String c = resolve(raw);
        if (c != null && byRaw.size() < 100_000) byRaw.put(raw, c);
        return c;
    }

    /** Configured names, then HubSpot's built-in ones, then the first spelling seen (by a view: earlier chunks' first). */
    private String resolve(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        String key = s.toLowerCase(Locale.ROOT);
        String c = configured.get(key);
        if (c == null) c = BUILT_IN.get(key);
        if (c == null && parent != null) c = parent.seen.get(key);
        if (c == null) c = seen.get(key); // a known value needs no lock
        if (c != null) return c;
        if (parent != null) return seen.computeIfAbsent(key, k -> s); // a view: its chunk's thread only
        synchronized (this) {
            return seen.computeIfAbsent(key, k -> s);
        }
    }
}
