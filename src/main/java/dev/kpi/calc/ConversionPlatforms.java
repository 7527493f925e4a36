package dev.kpi.calc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ad platforms whose conversions were summed into one figure. Platforms count conversions each their
 * own way (attribution window, model, view-through), so a sum over several is not a count of customers:
 * the catalogue requires a warning whenever that happens. Cheap per row: the usual single platform is
 * one field compared by reference, then by equals; a set exists only once a second platform shows up.
 */
final class ConversionPlatforms {
    private String first;
    private TreeSet<String> more;

    void add(String platform) {
        if (platform == null) return;
        if (first == null) {
            first = platform;
        } else if (first != platform && !first.equals(platform)) {
            if (more == null) more = new TreeSet<>();
            more.add(platform);
        }
    }

    void merge(ConversionPlatforms o) {
        add(o.first);
        if (o.more != null) for (String p : o.more) add(p);
    }

    boolean several() { return more != null; }

    Set<String> names() {
        TreeSet<String> out = new TreeSet<>();
        if (first != null) out.add(first);
        if (more != null) out.addAll(more);
        return out;
    }

    static final String WHY = "platforms attribute independently, so one customer can be counted by several";

    /** The warning for the total row, worded as it always was. */
    static void warnTotal(Report r, ConversionPlatforms total) {
        if (total.several()) {
            r.warn("the total's conversions add up what " + String.join(", ", total.names()) + " each claim; " + WHY);
        }
    }

    /**
     * One warning per set of platforms, naming the report's rows whose conversions add up what those
     * platforms claim. {@code platforms} is parallel to {@code r.rows()}.
     */
    static void warnRows(Report r, List<ConversionPlatforms> platforms) {
        LinkedHashMap<Set<String>, List<String>> bySet = new LinkedHashMap<>();
        for (int i = 0; i < platforms.size(); i++) {
            ConversionPlatforms p = platforms.get(i);
            if (p.several()) bySet.computeIfAbsent(p.names(), k -> new ArrayList<>()).add(r.label(r.rows().get(i)));
        }
        bySet.forEach((names, rows) ->
                r.warn("conversions add up what " + String.join(", ", names) + " each claim (" + Report.few(rows) + "); " + WHY));
    }
}
