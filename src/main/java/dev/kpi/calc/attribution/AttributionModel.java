package dev.kpi.calc.attribution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The attribution models and their contract names (as printed in every output row). */
public enum AttributionModel {
    FIRST("first"),
    LAST("last"),
    LAST_NON_DIRECT("last-non-direct"),
    LINEAR("linear"),
    POSITION("position"),
    W_SHAPED("w-shaped"),
    FULL_PATH("full-path"),
    TIME_DECAY("time-decay"),
    J_SHAPED("j-shaped"),
    INVERSE_J("inverse-j"),
    MARKOV("markov"),
    SHAPLEY("shapley");

    private final String key;

    AttributionModel(String key) { this.key = key; }

    /** The contract name, e.g. {@code last-non-direct}. */
    public String key() { return key; }

    /** True for the rule-based models (everything but Markov and Shapley). */
    public boolean isHeuristic() { return this != MARKOV && this != SHAPLEY; }

    /** True when the model needs touch timestamps (it cannot run on a path table). */
    public boolean needsTimestamps() { return this == TIME_DECAY; }

    public static AttributionModel of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (AttributionModel m : values()) if (m.key.equals(n)) return m;
        throw new IllegalArgumentException("unknown attribution model '" + name + "'; known: " + names() + ", all");
    }

    /** Parses {@code "first,last,markov"} or {@code "all"} (every model, in declaration order). */
    public static List<AttributionModel> parseList(String csv) {
        Set<AttributionModel> out = new LinkedHashSet<>();
        for (String part : csv.split(",")) {
            if (part.isBlank()) continue;
            if (part.strip().equalsIgnoreCase("all")) out.addAll(List.of(values()));
            else out.add(of(part));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no attribution model given");
        return new ArrayList<>(out);
    }

    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (AttributionModel m : values()) n.add(m.key);
        return n;
    }
}
