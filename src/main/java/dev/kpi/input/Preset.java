package dev.kpi.input;

import dev.kpi.records.RecordType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A built-in mapping for one platform's export: which headers (in the UI languages seen in real files)
 * feed which canonical field, which headers identify the export, and the platform/channel its rows
 * belong to. Header names match case- and space-insensitively; a trailing {@code *} matches a prefix
 * ({@code Amount spent*} covers {@code Amount spent (USD)}).
 */
public final class Preset {
    private final String name;
    private final RecordType type;
    private final String platform;
    private final String channel;
    private final Map<String, List<String>> aliases;
    private final Set<String> coalesced;
    private final List<String> signature;
    private final Set<Option> options;
    private final String description;
    private final List<String> periodStart;

    /** Behaviours that a few exports need. */
    public enum Option {
        /** Rows with an empty campaign are account summaries (Meta puts one first), not data. */
        SKIP_EMPTY_CAMPAIGN,
        /** Without a date column, rows cover the report range written in the preamble. */
        PERIOD_FROM_PREAMBLE,
        /** The date column holds the start of the row's period (LinkedIn's "Start Date"). */
        DATE_IS_PERIOD_START,
        /** HubSpot: the campaign is in a source drill-down whose position depends on the source. */
        HUBSPOT_SOURCE_DRILL_DOWN,
        /** HubSpot deals: "Date entered …" columns are stage-entry timestamps. */
        STAGE_ENTRY_COLUMNS
    }

    private Preset(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.platform = b.platform;
        this.channel = b.channel;
        this.aliases = Collections.unmodifiableMap(b.aliases);
        this.coalesced = Set.copyOf(b.coalesced);
        this.signature = List.copyOf(b.signature);
        this.options = Set.copyOf(b.options);
        this.description = b.description;
        this.periodStart = List.copyOf(b.periodStart);
    }

    public String name() { return name; }
    public RecordType type() { return type; }
    /** Platform every row of this export belongs to, or null. */
    public String platform() { return platform; }
    /** Default channel of every row (a {@code channel} column or config wins), or null. */
    public String channel() { return channel; }
    public Map<String, List<String>> aliases() { return aliases; }
    public List<String> aliases(String field) { return aliases.getOrDefault(field, List.of()); }
    /** Fields whose present columns are all read, first non-empty cell wins (e.g. won time / lost time). */
    public boolean coalesces(String field) { return coalesced.contains(field); }
    /** Fields that must all resolve for the preset to be recognised. */
    public List<String> signature() { return signature; }
    public boolean has(Option o) { return options.contains(o); }
    public String description() { return description; }
    /**
     * Headers that hold the start of a row's reporting period (Meta's "Reporting starts"): a {@code date}
     * read from one of them pairs with {@code dateEnd}; a day column does not.
     */
    public boolean hasPeriodStart() { return !periodStart.isEmpty(); }

    public boolean isPeriodStart(String header) {
        for (String a : periodStart) if (matches(a, header)) return true;
        return false;
    }

    /** True when {@code header} (as written in a file) matches the alias pattern. */
    public static boolean matches(String alias, String header) {
        return matchesNormalized(Headers.normalize(alias), Headers.normalize(header));
    }

    /** {@link #matches} on names already normalised: equal, or for {@code name*} a header starting with it. */
    static boolean matchesNormalized(String alias, String header) {
        if (alias.endsWith("*")) return header.startsWith(alias.substring(0, alias.length() - 1));
        return alias.equals(header);
    }

    /** Index of the first header matching any of the aliases, in alias priority order; -1 when none. */
    public static int find(List<String> header, List<String> aliases) {
        for (String a : aliases) {
            for (int i = 0; i < header.size(); i++) if (matches(a, header.get(i))) return i;
        }
        return -1;
    }

    /** Every header index matching any alias, in alias order (for coalesced fields). */
    public static List<Integer> findAll(List<String> header, List<String> aliases) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String a : aliases) {
            for (int i = 0; i < header.size(); i++) if (matches(a, header.get(i))) out.add(i);
        }
        return new ArrayList<>(out);
    }

    /** How many of the signature fields resolve against {@code header}; -1 when one is missing. */
    public int signatureScore(List<String> header) {
        int score = 0;
        for (String f : signature) {
            if (find(header, aliases(f)) < 0) return -1;
            score++;
        }
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            if (!signature.contains(e.getKey()) && find(header, e.getValue()) >= 0) score++;
        }
        return score;
    }

    public static Builder builder(String name, RecordType type) { return new Builder(name, type); }

    public static final class Builder {
        private final String name;
        private final RecordType type;
        private String platform;
        private String channel;
        private final Map<String, List<String>> aliases = new LinkedHashMap<>();
        private final Set<String> coalesced = new LinkedHashSet<>();
        private final List<String> signature = new ArrayList<>();
        private final Set<Option> options = new LinkedHashSet<>();
        private String description = "";
        private final List<String> periodStart = new ArrayList<>();

        private Builder(String name, RecordType type) {
            this.name = name;
            this.type = type;
        }

        public Builder platform(String p) { this.platform = p; return this; }
        public Builder channel(String c) { this.channel = c; return this; }
        public Builder describe(String d) { this.description = d; return this; }
        public Builder map(String field, String... headers) { aliases.put(field, List.of(headers)); return this; }
        public Builder coalesce(String field, String... headers) { map(field, headers); coalesced.add(field); return this; }
        /** Date headers that start a period; they are appended to the {@code date} aliases, after day columns. */
        public Builder periodStart(String... headers) {
            periodStart.addAll(List.of(headers));
            List<String> dates = new ArrayList<>(aliases.getOrDefault("date", List.of()));
            dates.addAll(List.of(headers));
            aliases.put("date", List.copyOf(dates));
            return this;
        }
        public Builder signature(String... fields) { signature.addAll(List.of(fields)); return this; }
        public Builder option(Option... o) { options.addAll(List.of(o)); return this; }
        public Preset build() { return new Preset(this); }
    }
}
