package dev.kpi.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …" for keys, presets, headers: the closest candidate by edit distance, if close enough. */
public final class Suggestions {
    private Suggestions() {}

    public static String closest(Collection<String> candidates, String wrong) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(c.toLowerCase(Locale.ROOT), w);
            if (d < bestD) { bestD = d; best = c; }
        }
        return bestD <= Math.max(2, wrong.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
