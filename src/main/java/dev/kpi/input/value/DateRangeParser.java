package dev.kpi.input.value;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the reporting period in the lines before a report's header.
 *
 * <p>Recognised:
 * <ul>
 *   <li>a line that is a range: {@code January 1, 2025 - March 31, 2025} (Google Ads), {@code 27 January 2026 -
 *       23 February 2026}, {@code 9 mei 2020 - 7 juni 2020} (Dutch), {@code 1 de janeiro de 2026 - 30 de setembro de
 *       2026} (Portuguese), {@code # 20260701-20260731} (GA4); also after a key: {@code Report Time:
 *       1/1/2025,3/31/2025} (Microsoft). The two dates may be separated by {@code " - "}, an en or em dash,
 *       {@code " to "}, {@code ","}, {@code ";"} or a bare {@code "-"}; a split counts only when both sides are
 *       dates and the first is not after the second;</li>
 *   <li>a start line and an end line: a key whose words start with "start" or "begin" (or are "from", "von",
 *       "vanaf", "desde", "inicio", "début"…) and one whose words start with "end" or "eind" (or are "until", "bis",
 *       "fin", "fim", "hasta"…): {@code # Start date: 20250101} / {@code # End date: 20250331} (GA4),
 *       {@code Report Start: January 1, 2025, 12:00 AM} / {@code Report End: March 31, 2025, 11:59 PM} (LinkedIn; the
 *       time is dropped), {@code Begindatum van rapport: 23 september 2026 00:00} (LinkedIn, Dutch).</li>
 * </ul>
 * Lines are cleaned first: a BOM, leading {@code #}, trailing delimiters ({@code ,;} and tabs) and enclosing quotes
 * are removed, so raw CSV lines work. The first range found wins. {@code All time} and lines without dates give
 * nothing; when nothing is found the result is null.
 *
 * <p>Dates are read with {@link DateParser} in English and {@code locale}. Numeric day/month order is decided per range:
 * the locale's order is tried first, then month-first, then day-first, and the first order under which both dates
 * parse and are in order wins. So {@code 6/10/2026,6/16/2026} is June whatever the locale (16 is no month), and
 * {@code 1/2/2025,1/3/2025} follows the locale.
 */
public final class DateRangeParser {
    private static final String[] SEPARATORS = {" - ", " \u2013 ", " \u2014 ", "\u2013", "\u2014", " to ", ",", ";", "-"};
    private static final Set<String> START_WORDS = Set.of(
            "from", "von", "vanaf", "desde", "inicio", "in\u00EDcio", "d\u00E9but", "debut", "du", "anfang", "dal");
    private static final Set<String> END_WORDS = Set.of(
            "until", "to", "bis", "fin", "fim", "hasta", "at\u00E9", "au", "tot", "t\u00E9rmino", "termino", "al");

    private DateRangeParser() {}

    /** The period named in {@code preambleLines}, or null; see the class comment. A null locale means English. */
    public static DateRange find(List<String> preambleLines, Locale locale) {
        if (preambleLines == null || preambleLines.isEmpty()) return null;
        Locale l = locale == null ? Locale.ENGLISH : locale;
        List<DateParser> parsers = new ArrayList<>();
        for (DateOrder o : new DateOrder[] {DateOrder.forLocale(l), DateOrder.MDY, DateOrder.DMY}) {
            if (parsers.stream().noneMatch(p -> p.order() == o)) parsers.add(new DateParser(o, null, ZoneOffset.UTC, l));
        }
        String start = null;
        String end = null;
        for (String line : preambleLines) {
            String text = clean(line);
            if (text.isEmpty()) continue;
            int colon = keyColon(text);
            String value = colon >= 0 ? text.substring(colon + 1).trim() : text;
            if (colon >= 0) {
                int kind = keyKind(text.substring(0, colon));
                if (kind != 0) {
                    if (kind == 1 && start == null) start = value;
                    if (kind == 2 && end == null) end = value;
                    if (start != null && end != null) {
                        DateRange r = pair(start, end, parsers);
                        if (r != null) return r;
                    }
                    continue;
                }
            }
            DateRange r = rangeIn(value, parsers);
            if (r != null) return r;
        }
        return null;
    }

    private static DateRange rangeIn(String text, List<DateParser> parsers) {
        for (String sep : SEPARATORS) {
            for (int k = text.indexOf(sep); k >= 0; k = text.indexOf(sep, k + 1)) {
                String left = text.substring(0, k).trim();
                String right = text.substring(k + sep.length()).trim();
                if (left.isEmpty() || right.isEmpty() || !Character.isLetterOrDigit(left.charAt(0))) continue;
                DateRange r = pair(left, right, parsers);
                if (r != null) return r;
            }
        }
        return null;
    }

    private static DateRange pair(String first, String second, List<DateParser> parsers) {
        for (DateParser p : parsers) {
            try {
                LocalDate s = p.parseDate(first);
                LocalDate e = p.parseDate(second);
                if (!e.isBefore(s)) return new DateRange(s, e);
            } catch (ValueException ignored) {
                // try the next order; preamble lines are few, so exceptions are affordable here
            }
        }
        return null;
    }

    /** 1 for a start key, 2 for an end key, 0 otherwise (or both). */
    private static int keyKind(String key) {
        boolean start = false;
        boolean end = false;
        for (String w : key.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.isEmpty()) continue;
            if (w.startsWith("start") || w.startsWith("begin") || START_WORDS.contains(w)) start = true;
            if (w.startsWith("end") || w.startsWith("eind") || END_WORDS.contains(w)) end = true;
        }
        return start == end ? 0 : start ? 1 : 2;
    }

    /** The colon ending a "Key: value" prefix (letters, no digits), or -1. */
    private static int keyColon(String text) {
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '\uFF1A') return i > 0 && hasLetter(text, i) ? i : -1;
            if (Character.isDigit(c)) return -1;
        }
        return -1;
    }

    private static boolean hasLetter(String s, int to) {
        for (int i = 0; i < to; i++) if (Character.isLetter(s.charAt(i))) return true;
        return false;
    }

    private static String clean(String line) {
        if (line == null) return "";
        String t = line.replace("\uFEFF", "").strip();
        int end = t.length();
        while (end > 0 && (t.charAt(end - 1) == ',' || t.charAt(end - 1) == ';' || Character.isWhitespace(t.charAt(end - 1)))) {
            end--;
        }
        t = t.substring(0, end);
        int start = 0;
        while (start < t.length() && (t.charAt(start) == '#' || Character.isWhitespace(t.charAt(start)))) start++;
        t = t.substring(start);
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return t.strip();
    }
}
