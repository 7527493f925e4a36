package dev.kpi.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisplayWidthTest {
    @Test void countsTerminalColumns() {
        assertEquals(0, DisplayWidth.of(null));
        assertEquals(6, DisplayWidth.of("google"));
        assertEquals(10, DisplayWidth.of("Ștefănescu"));        // precomposed letters: 1 each
        assertEquals(3, DisplayWidth.of("Ste\u0301"));          // combining acute: 0
        assertEquals(4, DisplayWidth.of("北京"));                // CJK ideographs: 2 each
        assertEquals(4, DisplayWidth.of("한국"));                // Hangul syllables: 2 each
        assertEquals(4, DisplayWidth.of("ＡＢ"));                // fullwidth forms
        assertEquals(2, DisplayWidth.of("\uD83D\uDE00"));       // 😀, a surrogate pair, one wide code point
        assertEquals(1, DisplayWidth.of("—"));                  // ambiguous width counts 1
        assertEquals(2, DisplayWidth.of("a\u200Db"));           // zero-width joiner
    }
}
