package dev.kpi.input;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-level cell readers of the fast lanes against independent oracles: {@code micros} against
 * {@link BigDecimal} on the grammar it promises ({@code -?digits{1,12}(.digits{1,6})?}, anything else
 * goes to the mapper), {@code checkDate} against {@link LocalDate#parse} for every day the lanes accept and
 * the invalid ones around them.
 */
class FastLaneCellsTest {
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,6})?");

    private static RawRow cell(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        RawRow r = RawRow.view(StandardCharsets.UTF_8);
        r.set(1, true, b, new int[] {0}, new int[] {b.length}, new byte[] {RawRow.ASCII}, 1);
        return r;
    }

    private static void assertMicros(String s) {
        if (PLAIN.matcher(s).matches()) {
            long expected = new BigDecimal(s).movePointRight(6).longValueExact();
            try {
                assertEquals(expected, FastLane.micros(cell(s), 0), s);
            } catch (FastLane.Fallback f) {
                throw new AssertionError("fell back on " + s);
            }
        } else {
            assertThrows(FastLane.Fallback.class, () -> FastLane.micros(cell(s), 0), s);
        }
    }

    @Test
    void microsFollowsItsGrammarExactly() {
        String[] cases = {"0", "-0", "7", "7.", ".5", "-", "-.5", "1.5", "12.34", "-5.00", "0.1234567", "0.123456",
                "999999999999", "1000000000000", "999999999999.999999", "-999999999999.999999", "1..2", "1.2.3", "1-2",
                "--1", "+1", "1e3", "1,234", " 1", "1 ", "", "00012.500"};
        for (String c : cases) assertMicros(c);
        Random rnd = new Random(42);
        String alphabet = "0123456789012345678901234567890123456789.-x";
        for (int i = 0; i < 200_000; i++) {
            int len = 1 + rnd.nextInt(22);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < len; j++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            assertMicros(sb.toString());
        }
    }

    /**
     * What the lanes promise to read as a date-time: {@code yyyy-MM-dd}, or that with {@code ' '} or {@code T}
     * and {@code HH:mm:ss}, a real date and time of the years kpi accepts; null for anything else.
     */
    private static LocalDateTime oracle(String s) {
        if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}:[0-9]{2})?")) return null;
        try {
            LocalDateTime t = s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
            return t.getYear() >= 1900 && t.getYear() <= 2199 ? t : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** dateTime reads exactly the oracle's date-times, to the second; checkDateTime accepts exactly those. */
    @Test
    void dateTimeAndCheckDateTimeFollowTheOracle() {
        FastLane lane = new FastLane(null) {
            @Override
            Object map(RawRow row, ChannelNames channels) { return null; }
        };
        java.util.List<String> cases = new java.util.ArrayList<>(java.util.List.of("2025-01-02", "2025-01-02 10:00:00",
                "2025-01-02T23:59:59", "2025-01-02 24:00:00", "2025-01-02 10:60:00", "2025-01-02 10:00:60", "2025-02-30 10:00:00",
                "2024-02-29 00:00:00", "2025-01-02x10:00:00", "2025-01-02 10:00", "1899-12-31", "2199-12-31 23:59:59"));
        Random rnd = new Random(3);
        String alphabet = "0123456789012345-: T";
        for (int i = 0; i < 100_000; i++) {
            char[] c = (rnd.nextBoolean() ? "2025-03-04 05:06:07" : "2025-03-04").toCharArray();
            for (int k = rnd.nextInt(3); k > 0; k--) c[rnd.nextInt(c.length)] = alphabet.charAt(rnd.nextInt(alphabet.length()));
            cases.add(new String(c));
        }
        int read = 0;
        for (String s : cases) {
            LocalDateTime expected = oracle(s);
            LocalDateTime got;
            try {
                got = lane.dateTime(cell(s), 0);
            } catch (FastLane.Fallback f) {
                got = null;
            }
            assertEquals(expected, got, s);
            if (expected != null) {
                read++;
                assertDoesNotThrow(() -> FastLane.checkDateTime(cell(s), 0), s);
            } else {
                assertThrows(FastLane.Fallback.class, () -> FastLane.checkDateTime(cell(s), 0), s);
            }
        }
        assertTrue(read > 20_000 && read < cases.size() - 20_000, read + " of " + cases.size() + " read"); // both sides tried
    }

    @Test
    void asciiWhitespaceIsCharacterIsWhitespace() {
        for (int c = -128; c < 128; c++) {
            assertEquals(c >= 0 && Character.isWhitespace(c), FastLane.asciiWhitespace((byte) c), "byte " + c);
        }
    }

    @Test
    void checkDateAcceptsExactlyTheDaysTheLaneReads() throws FastLane.Fallback {
        for (LocalDate d = LocalDate.of(1900, 1, 1); !d.isAfter(LocalDate.of(2199, 12, 31)); d = d.plusDays(1)) {
            FastLane.checkDate(cell(d.toString()), 0);
        }
        // every yyyy-MM-dd with days 00..39 in some years: valid exactly when LocalDate.parse says so
        for (int y : new int[] {1899, 1900, 1904, 2000, 2023, 2024, 2025, 2100, 2199, 2200}) {
            for (int m = 0; m <= 13; m++) {
                for (int dd = 0; dd <= 39; dd++) {
                    String s = String.format("%04d-%02d-%02d", y, m, dd);
                    boolean valid;
                    try {
                        LocalDate.parse(s);
                        valid = y >= 1900 && y <= 2199;
                    } catch (DateTimeParseException e) {
                        valid = false;
                    }
                    if (valid) FastLane.checkDate(cell(s), 0);
                    else assertThrows(FastLane.Fallback.class, () -> FastLane.checkDate(cell(s), 0), s);
                }
            }
        }
        for (String s : new String[] {"2025-1-05", "2025/01/05", "2025-01-5 ", "20250105", "2025-01-0x", "x025-01-05", "2025-01-050"}) {
            assertThrows(FastLane.Fallback.class, () -> FastLane.checkDate(cell(s), 0), s);
        }
    }
}
