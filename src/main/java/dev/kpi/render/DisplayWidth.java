package dev.kpi.render;

/**
 * How many terminal columns a string takes, for aligning tables: East Asian wide and fullwidth
 * characters (CJK, Hangul, fullwidth forms, most emoji) take 2, combining marks and format characters
 * take 0, everything else 1. Ambiguous-width characters (such as the em dash or box drawing) count
 * as 1, as most Western terminals show them. A simplified form of Markus Kuhn's {@code wcwidth}.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    /** Terminal columns of {@code s}; 0 for null or empty. */
    public static int of(String s) {
        if (s == null) return 0;
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += ofCodePoint(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Terminal columns of one code point (0, 1 or 2). */
    public static int ofCodePoint(int cp) {
        if (cp == 0 || Character.isISOControl(cp)) return 0;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if (cp >= 0x1160 && cp <= 0x11FF) return 0; // Hangul medial vowels and final consonants join the syllable
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F                // Hangul Jamo initial consonants
                || cp == 0x2329 || cp == 0x232A                // angle brackets
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) // CJK radicals ... Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)              // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)              // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19)              // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F)              // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)              // fullwidth forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)            // pictographs, emoticons
                || (cp >= 0x1F900 && cp <= 0x1F9FF)            // supplemental symbols and pictographs
                || (cp >= 0x20000 && cp <= 0x2FFFD)            // CJK extension B and later
                || (cp >= 0x30000 && cp <= 0x3FFFD));
    }
}
