package dev.kpi.input;

import dev.kpi.config.Suggestions;

import java.util.List;
import java.util.Locale;

/** Header-name matching: case-, space-, underscore- and hyphen-insensitive, BOM and quotes stripped. */
public final class Headers {
    private Headers() {}

    public static String normalize(String header) {
        if (header == null) return "";
        StringBuilder sb = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '_' || c == '-' || c == '\uFEFF') continue;
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code normalize(header).equals(normalized)}, without building the normalised string (runs on every row). */
    public static boolean normalizesTo(String header, String normalized) {
        if (header == null) return normalized.isEmpty();
        int j = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '_' || c == '-' || c == '\uFEFF') continue;
            if (j >= normalized.length()) return false;
            char n = normalized.charAt(j);
            if (c != n) {
                if (c < 128 && n < 128) {
                    if (Character.toLowerCase(c) != n) return false;
                } else {
                    return normalize(header).equals(normalized); // non-ASCII case folding: the exact rule
                }
            }
            j++;
        }
        return j == normalized.length();
    }

    /** Index of the first header matching {@code name} (normalised), or -1. */
    public static int indexOf(List<String> header, String name) {
        String n = normalize(name);
        for (int i = 0; i < header.size(); i++) if (normalize(header.get(i)).equals(n)) return i;
        return -1;
    }

    /** The header closest to {@code name} (normalised), for "did you mean" advice; null when none is close. */
    public static String closest(List<String> candidates, String name) {
        String n = normalize(name);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            String nc = normalize(c);
            int d = nc.contains(n) || n.contains(nc) ? 1 : Suggestions.distance(n, nc);
            if (d < bestD) { bestD = d; best = c; }
        }
        return best != null && bestD <= Math.max(2, n.length() / 3) ? best : null;
    }
}
