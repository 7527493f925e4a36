package dev.kpi.input.value;

/** Which characters count as blank around and inside cells, and trimming by index without copying. */
final class Spaces {
    private Spaces() {}

    /**
     * Blank characters: ASCII space and controls up to U+0020, no-break space U+00A0, figure space U+2007,
     * thin space U+2009, narrow no-break space U+202F and a stray byte-order mark U+FEFF.
     */
    static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\u2009' || c == '\uFEFF';
    }

    /** Index of the first non-blank character in [from, to), or {@code to} when there is none. */
    static int skip(CharSequence s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) from++;
        return from;
    }

    /** One past the last non-blank character in [from, to), or {@code from} when there is none. */
    static int skipBack(CharSequence s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) to--;
        return to;
    }

    /** True when {@code s[from, to)} equals {@code word} ignoring ASCII and Unicode case. */
    static boolean equalsIgnoreCase(CharSequence s, int from, int to, String word) {
        if (to - from != word.length()) return false;
        for (int i = 0; i < word.length(); i++) {
            char a = s.charAt(from + i);
            char b = word.charAt(i);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) return false;
        }
        return true;
    }
}
