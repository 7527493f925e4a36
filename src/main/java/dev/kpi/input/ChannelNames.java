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

    private final Map<String, String> configured = new HashMap<>();
    private final Map<String, String> seen = new HashMap<>();

    public ChannelNames(Map<String, List<String>> config) {
        if (config != null) {
            config.forEach((name, raws) -> {
                configured.put(name.toLowerCase(Locale.ROOT).strip(), name);
                for (String r : raws) configured.put(r.toLowerCase(Locale.ROOT).strip(), name);
            });
        }
    }

    /** Raw cell text → channel, so a repeated value costs one hash lookup (bounded: distinct values only). */
    private final Map<String, String> byRaw = new HashMap<>();

    /** The channel for a raw value; null for null/blank. */
    public synchronized String normalize(String raw) {
        if (raw == null) return null;
        String cached = byRaw.get(raw);
        if (cached != null) return cached;
        String c = lookup(raw);
        if (c != null && byRaw.size() < 100_000) byRaw.put(raw, c);
        return c;
    }

    private String lookup(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        String key = s.toLowerCase(Locale.ROOT);
        String c = configured.get(key);
        if (c != null) return c;
        c = BUILT_IN.get(key);
        if (c != null) return c;
        return seen.computeIfAbsent(key, k -> s);
    }
}
