package dev.kpi.input.value;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads date and date-time cells of CRM and ad exports.
 *
 * <h2>Accepted forms</h2>
 * <ul>
 *   <li>Year first (always year-month-day): {@code 2025-01-14}, {@code 2025/01/22}, {@code 2025.01.22}, one- or
 *       two-digit month and day.</li>
 *   <li>Year last, separators {@code /}, {@code -} or {@code .} (the same one twice), one- or two-digit day and month,
 *       two- or four-digit year: {@code 1/22/2025}, {@code 22/1/2025}, {@code 23-9-2026}, {@code 22.01.2025},
 *       {@code 1/22/25}. Slashes and dashes follow the {@link DateOrder}; dots are always day.month.year (no locale
 *       writes month.day.year).</li>
 *   <li>{@code yyyyMMdd} (8 digits, GA4): {@code 20250101}.</li>
 *   <li>Epoch time, the only other all-digit forms: 10 digits are seconds (2001-09-09 to 2286), 12 or 13 digits are
 *       milliseconds (HubSpot, {@code 1736846400000}; 1973 to 2286). Other digit counts are errors: 8 digits are
 *       always a calendar date, and 9 or 11 digits would be epochs before 2001 or ambiguous.</li>
 *   <li>Month names in English and in the parser's locale, full or abbreviated, any case, with or without a dot:
 *       {@code Jan 5, 2025}, {@code January 5th, 2025}, {@code 5 Jan 2025}, {@code 5-Jan-25} (Excel),
 *       {@code 9 mei 2020}, {@code 5. März 2025}, {@code 10 de dez. de 2022}, {@code Tuesday, January 14, 2025}
 *       (the weekday is ignored).</li>
 *   <li>An optional time after any date, separated by {@code T}, blanks or a comma: {@code H:mm}, {@code H:mm:ss},
 *       fractions of a second with {@code .} or {@code ,} (up to 9 digits), {@code AM}/{@code PM}
 *       ({@code a.m.} too; {@code 12:00 AM} is midnight), then an optional offset {@code Z}, {@code +02:00},
 *       {@code -0400}, {@code +02}, {@code UTC}, {@code GMT}.</li>
 * </ul>
 *
 * <h2>Zones</h2>
 * A value with an offset, and an epoch, names an instant: it is converted to the parser's zone and its local
 * date-time there is returned ({@code 2025-03-30T01:30:00Z} in Europe/Berlin is 03:30, summer time having begun at
 * 01:00 UTC). A value without an offset is returned as written. A null zone means UTC.
 *
 * <h2>Day/month order</h2>
 * Under MDY, {@code 22/1/2025} is an error ("day/month order: 22 is not a month…; set dateFormat"), not silently
 * read as day-first: a file that mixes orders would otherwise get its ambiguous rows wrong without notice. Under
 * YMD or a null order, a year-last date is read only when one part is above 12 or both are equal, otherwise it is an
 * error ("ambiguous date…").
 *
 * <h2>Two-digit years</h2>
 * {@code 25} is 2025: two-digit years are 2000-2099, without a sliding window. Marketing and CRM data is from this
 * century, and a window (Excel's 1930-2029) would turn 2030 into 1930.
 *
 * <h2>Explicit pattern</h2>
 * A java.time pattern from config ({@code dd-MM-yyyy}, {@code d MMM yyyy HH:mm}) is tried first; {@code y} and
 * {@code Y} mean the proleptic year ({@code u}), parsing ignores case and is strict (no 30 February). A cell the
 * pattern does not match is still read by the forms above, with the pattern's day/month order replacing the given
 * order, so under {@code dd/MM/yyyy} the cell {@code 2025-01-14} is accepted and {@code 5-9-2026} is 5 September.
 * Simple numeric patterns ({@code dd.MM.yyyy}, {@code M/d/yy h:mm a}, {@code yyyy-MM-dd HH:mm:ss}) are handled by the
 * hand-written reader with the pattern's order, which gives the same result, so no formatter runs per cell.
 *
 * <h2>Speed</h2>
 * Numeric forms are read by hand in one pass without allocation besides the result; the day/month order is fixed per
 * parser, so there is no per-shape setup to remember between cells. Month names and non-simple patterns take a slower
 * path. Instances are immutable and thread-safe.
 */
public final class DateParser {
    private static final long NOT_TIME = -1;
    private static final long HAS_OFFSET = 1L << 59;
    private static final long NANO_MASK = (1L << 47) - 1;

    /** Patterns the hand-written reader handles exactly (with the pattern's day/month order). */
    private static final Pattern SIMPLE_PATTERN = Pattern.compile(
            "(?:(?:dd?([-/.])MM?\\1|MM?([-/])dd?\\2)(?:yy|yyyy|uu|uuuu)|(?:yyyy|uuuu)([-/.])MM?\\3dd?)"
                    + "(?:(?:[ T]|'T'|, ?)(?:HH?|hh?):mm(?::ss(?:[.,]S{1,9})?)?(?: ?a)?(?: ?(?:XXX|XX|X|Z|xxx|xx))?)?");

    private static final Set<String> FILLERS = Set.of(
            "de", "del", "of", "the", "at", "um", "\u00E0", "\u00E0s", "a", "le", "el", "den", "der", "en", "y");
    private static final Set<String> ORDINALS = Set.of("st", "nd", "rd", "th", "er", "e", "\u00BA", "\u00AA", "o");

    private final DateOrder order;
    private final String pattern;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    private final Locale locale;
    /** Looked up on the first date written with a word: loading the JDK's month names costs ~5 ms of start-up. */
    private MonthNames names;

    /**
     * @param order   how to read year-last numeric dates ({@code 5/9/2026}); null reads them only when unambiguous.
     *                {@link DateOrder#forLocale} gives a default, {@link #inferOrder} one from the data.
     * @param pattern optional java.time pattern from config, tried first (see the class comment); null or blank for none
     * @param zone    zone into which values with an offset and epochs are converted; null means UTC
     * @param locale  language of month names besides English; null means English only
     * @throws IllegalArgumentException when the pattern is not a valid java.time pattern
     */
    public DateParser(DateOrder order, String pattern, ZoneId zone, Locale locale) {
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.locale = locale;
        if (pattern != null && !pattern.isBlank()) {
            this.pattern = pattern.trim();
            DateOrder fromPattern = DateOrder.ofPattern(this.pattern);
            this.order = fromPattern != null ? fromPattern : order;
            this.formatter = SIMPLE_PATTERN.matcher(this.pattern).matches() ? null
                    : new DateTimeFormatterBuilder()
                            .parseCaseInsensitive()
                            .appendPattern(prolepticYears(this.pattern))
                            .toFormatter(locale == null ? Locale.ENGLISH : locale)
                            .withResolverStyle(ResolverStyle.STRICT);
        } else {
            this.pattern = null;
            this.order = order;
            this.formatter = null;
        }
    }

    /** A parser with the given order, no pattern, UTC and English month names. */
    public DateParser(DateOrder order) {
        this(order, null, ZoneOffset.UTC, Locale.ENGLISH);
    }

    /** The order used for year-last numeric dates (the pattern's, when the pattern has one). */
    public DateOrder order() {
        return order;
    }

    /** A date-time cell; date-only values give the start of the day. See the class comment for the forms. */
    public LocalDateTime parseDateTime(CharSequence raw) throws ValueException {
        if (raw == null) throw new ValueException("empty");
        int from = Spaces.skip(raw, 0, raw.length());
        int to = Spaces.skipBack(raw, from, raw.length());
        if (from == to) throw new ValueException("empty");
        if (formatter != null) {
            LocalDateTime p = byPattern(raw, from, to, false);
            if (p != null) return p;
        }
        LocalDateTime t = numeric(raw, from, to, false);
        if (t != null) return t;
        if (hasLetter(raw, from, to)) {
            t = named(raw, from, to, false);
            if (t != null) return t;
        }
        throw noMatch(raw);
    }

    /** A date cell: the date of {@link #parseDateTime} (after zone conversion, for values with an offset). */
    public LocalDate parseDate(CharSequence raw) throws ValueException {
        return parseDateTime(raw).toLocalDate();
    }

    /**
     * A month cell, as the first day of the month: {@code 2025-01}, {@code 2025/01}, {@code 202501} (GA4 year-month),
     * {@code 01/2025}, {@code Jan 2025}, {@code January 2025}, {@code Jan-25}, or any date ({@code 2025-01-01},
     * {@code 1/1/2025}), whose month is taken. For a year-last numeric date whose two readings differ, the reading that
     * falls on the first of a month wins, because month columns hold first days: Microsoft's monthly {@code 2/1/2025}
     * is February under any order. Otherwise the order rules of {@link #parseDate} apply.
     */
    public LocalDate parseMonth(CharSequence raw) throws ValueException {
        if (raw == null) throw new ValueException("empty");
        int from = Spaces.skip(raw, 0, raw.length());
        int to = Spaces.skipBack(raw, from, raw.length());
        if (from == to) throw new ValueException("empty");
        LocalDate ym = yearMonth(raw, from, to);
        if (ym != null) return ym;
        if (formatter != null) {
            LocalDateTime p = byPattern(raw, from, to, true);
            if (p != null) return p.toLocalDate().withDayOfMonth(1);
        }
        LocalDateTime t = numeric(raw, from, to, true);
        if (t == null && hasLetter(raw, from, to)) t = named(raw, from, to, true);
        if (t == null) throw new ValueException("not a month");
        return t.toLocalDate().withDayOfMonth(1);
    }

    /**
     * Infers the day/month order from sample cells: a year-last date ({@code a/b/yyyy}, {@code a-b-yyyy},
     * {@code a.b.yyyy}, optionally followed by a time) with {@code a > 12} votes DMY, one with {@code b > 12} (not for
     * dots, which are always day first) votes MDY. Votes for both, or none, give null.
     */
    public static DateOrder inferOrder(Iterable<String> samples) {
        int dmy = 0;
        int mdy = 0;
        for (String s : samples) {
            if (s == null) continue;
            int from = Spaces.skip(s, 0, s.length());
            int to = Spaces.skipBack(s, from, s.length());
            int i = from;
            int a = 0, b = 0, aLen = 0, bLen = 0, cLen = 0;
            while (i < to && isDigit(s.charAt(i)) && aLen < 3) { a = a * 10 + s.charAt(i++) - '0'; aLen++; }
            if (aLen < 1 || aLen > 2 || i >= to) continue;
            char sep = s.charAt(i++);
            if (sep != '/' && sep != '-' && sep != '.') continue;
            while (i < to && isDigit(s.charAt(i)) && bLen < 3) { b = b * 10 + s.charAt(i++) - '0'; bLen++; }
            if (bLen < 1 || bLen > 2 || i >= to || s.charAt(i++) != sep) continue;
            while (i < to && isDigit(s.charAt(i))) { i++; cLen++; }
            if (cLen != 2 && cLen != 4) continue;
            if (i < to && !Spaces.isSpace(s.charAt(i)) && s.charAt(i) != 'T' && s.charAt(i) != ',') continue;
            if (a > 12 && b >= 1 && b <= 12) dmy++;
            else if (b > 12 && a >= 1 && a <= 12 && sep != '.') mdy++;
        }
        if (dmy > 0 && mdy > 0) return null;
        if (dmy > 0) return DateOrder.DMY;
        if (mdy > 0) return DateOrder.MDY;
        return null;
    }

    // ---- numeric forms -------------------------------------------------------------------------------------------

    /**
     * Reads the numeric forms; null when s[from, to) has none of their shapes, an exception when it has one but is
     * not a valid date or time. In month mode a year-last date prefers the reading that falls on a first day.
     */
    private LocalDateTime numeric(CharSequence s, int from, int to, boolean monthMode) throws ValueException {
        int i = from;
        long a = 0;
        int aLen = 0;
        while (i < to && isDigit(s.charAt(i)) && aLen < 14) {
            a = a * 10 + (s.charAt(i++) - '0');
            aLen++;
        }
        if (aLen == 0) return null;
        if (i == to) return allDigits(a, aLen);
        char sep = s.charAt(i);
        if (sep != '-' && sep != '/' && sep != '.') return null;
        i++;
        int b = 0, bLen = 0;
        while (i < to && isDigit(s.charAt(i)) && bLen < 3) {
            b = b * 10 + (s.charAt(i++) - '0');
            bLen++;
        }
        if (bLen < 1 || bLen > 2 || i >= to || s.charAt(i) != sep) return null;
        i++;
        int c = 0, cLen = 0;
        while (i < to && isDigit(s.charAt(i)) && cLen < 5) {
            c = c * 10 + (s.charAt(i++) - '0');
            cLen++;
        }
        int year, month, day;
        if (aLen == 4 && cLen >= 1 && cLen <= 2) {
            year = (int) a;
            month = b;
            day = c;
        } else if (aLen <= 2 && (cLen == 4 || cLen == 2)) {
            year = cLen == 2 ? 2000 + c : c;
            int md = dayMonth((int) a, b, sep, monthMode);
            month = md >>> 8;
            day = md & 0xFF;
        } else {
            return null;
        }
        long time = timeTail(s, i, to, true);
        if (time == NOT_TIME) return null;
        return at(year, month, day, time);
    }

    /** 8 digits yyyyMMdd, 10 digits epoch seconds, 12-13 digits epoch milliseconds. */
    private LocalDateTime allDigits(long v, int len) throws ValueException {
        if (len == 8) {
            return at((int) (v / 10000), (int) (v / 100 % 100), (int) (v % 100), 0);
        }
        if (len == 10) return fromEpoch(v, 0);
        if (len == 12 || len == 13) return fromEpoch(Math.floorDiv(v, 1000L), (int) Math.floorMod(v, 1000L) * 1_000_000);
        return null;
    }

    /** Month and day of a year-last date a?b?year, packed month << 8 | day. */
    private int dayMonth(int a, int b, char sep, boolean monthMode) throws ValueException {
        DateOrder o = sep == '.' ? DateOrder.DMY : order;
        if (monthMode && a != b && a >= 1 && a <= 12 && b >= 1 && b <= 12 && (a == 1) != (b == 1)) {
            // one reading is the first of a month: month columns hold first days
            return b == 1 ? (a << 8 | b) : (b << 8 | a);
        }
        if (o == DateOrder.MDY) {
            if (a > 12) throw orderError(a, "month/day/year");
            return a << 8 | b;
        }
        if (o == DateOrder.DMY) {
            if (b > 12) throw orderError(b, "day/month/year");
            return b << 8 | a;
        }
        if (a == b || (a > 12 && b <= 12)) return b << 8 | a;
        if (b > 12 && a <= 12) return a << 8 | b;
        if (a > 12) throw new ValueException("invalid date");
        throw new ValueException("ambiguous date: " + a + " and " + b + " could each be the day or the month; set dateFormat");
    }

    private static ValueException orderError(int notMonth, String readAs) {
        return new ValueException("day/month order: " + notMonth + " is not a month (dates read as " + readAs
                + "); set dateFormat");
    }

    /** yyyyMM, yyyy-MM, yyyy/MM, yyyy.MM, MM/yyyy, MM-yyyy, MM.yyyy as the first of the month; null for other shapes. */
    private static LocalDate yearMonth(CharSequence s, int from, int to) throws ValueException {
        int i = from;
        int a = 0, aLen = 0;
        while (i < to && isDigit(s.charAt(i)) && aLen < 7) {
            a = a * 10 + (s.charAt(i++) - '0');
            aLen++;
        }
        int year, month;
        if (i == to && aLen == 6) {
            year = a / 100;
            month = a % 100;
        } else {
            if (aLen == 0 || i >= to) return null;
            char sep = s.charAt(i++);
            if (sep != '-' && sep != '/' && sep != '.') return null;
            int b = 0, bLen = 0;
            while (i < to && isDigit(s.charAt(i)) && bLen < 5) {
                b = b * 10 + (s.charAt(i++) - '0');
                bLen++;
            }
            if (i != to) return null;
            if (aLen == 4 && (bLen == 1 || bLen == 2)) {
                year = a;
                month = b;
            } else if ((aLen == 1 || aLen == 2) && bLen == 4) {
                year = b;
                month = a;
            } else {
                return null;
            }
        }
        if (month < 1 || month > 12) throw new ValueException("not a month");
        return LocalDate.of(year, month, 1);
    }

    // ---- time of day and offset ----------------------------------------------------------------------------------

    /**
     * Reads the rest s[i, to) after a date: nothing (midnight), or a separator and H:mm[:ss[.fff]] [am/pm] [offset].
     * Returns nano-of-day (bits 0-46), offset minutes + 2048 (bits 47-58) and {@link #HAS_OFFSET}, or
     * {@link #NOT_TIME} when the rest is not a time.
     */
    private static long timeTail(CharSequence s, int i, int to, boolean needSeparator) throws ValueException {
        if (i == to) return 0;
        if (needSeparator) {
            char c = s.charAt(i);
            if (c == 'T' || c == 't') {
                i++;
            } else {
                int j = Spaces.skip(s, i, to);
                if (j < to && s.charAt(j) == ',') j = Spaces.skip(s, j + 1, to);
                if (j == i) return NOT_TIME;
                i = j;
            }
        }
        int hour = 0, hLen = 0;
        while (i < to && isDigit(s.charAt(i)) && hLen < 3) {
            hour = hour * 10 + (s.charAt(i++) - '0');
            hLen++;
        }
        if (hLen < 1 || hLen > 2 || i >= to || s.charAt(i) != ':') return NOT_TIME;
        i++;
        if (i + 2 > to || !isDigit(s.charAt(i)) || !isDigit(s.charAt(i + 1))) return NOT_TIME;
        int minute = (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
        i += 2;
        int second = 0;
        long nanos = 0;
        if (i < to && s.charAt(i) == ':') {
            if (i + 3 > to || !isDigit(s.charAt(i + 1)) || !isDigit(s.charAt(i + 2))) return NOT_TIME;
            second = (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
            i += 3;
            if (i + 1 < to && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
                i++;
                int fLen = 0;
                while (i < to && isDigit(s.charAt(i))) {
                    if (fLen < 9) {
                        nanos = nanos * 10 + (s.charAt(i) - '0');
                        fLen++;
                    }
                    i++;
                }
                nanos *= NumberParser.POW10[9 - fLen];
            }
        }
        i = Spaces.skip(s, i, to);
        if (i < to) {
            char c = (char) (s.charAt(i) | 0x20);
            if (c == 'a' || c == 'p') {
                int j = i + 1;
                if (j < to && s.charAt(j) == '.') j = Spaces.skip(s, j + 1, to);
                if (j < to && (s.charAt(j) | 0x20) == 'm') {
                    j++;
                    if (j < to && s.charAt(j) == '.') j++;
                    if (j == to || !Character.isLetter(s.charAt(j))) {
                        if (hour < 1 || hour > 12) throw new ValueException("invalid time");
                        hour = hour % 12 + (c == 'p' ? 12 : 0);
                        i = Spaces.skip(s, j, to);
                    }
                }
            }
        }
        long offset = 0;
        if (i < to) {
            offset = offset(s, i, to);
            if (offset == NOT_TIME) return NOT_TIME;
        }
        if (hour > 23 || minute > 59 || second > 59) throw new ValueException("invalid time");
        long nanoOfDay = ((hour * 60L + minute) * 60L + second) * 1_000_000_000L + nanos;
        return nanoOfDay | offset;
    }

    /** Z, UTC, GMT, ±hh, ±hhmm, ±hh:mm (also after UTC/GMT) running to the end; packed as in timeTail, or NOT_TIME. */
    private static long offset(CharSequence s, int i, int to) {
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == to) return packOffset(0);
        if (i + 3 <= to && (Spaces.equalsIgnoreCase(s, i, i + 3, "UTC") || Spaces.equalsIgnoreCase(s, i, i + 3, "GMT"))) {
            i += 3;
            if (i == to) return packOffset(0);
            c = s.charAt(i);
        }
        if (c != '+' && c != '-' && c != '\u2212') return NOT_TIME;
        int sign = c == '+' ? 1 : -1;
        i++;
        int hh = 0, hLen = 0;
        while (i < to && isDigit(s.charAt(i)) && hLen < 2) {
            hh = hh * 10 + (s.charAt(i++) - '0');
            hLen++;
        }
        if (hLen == 0) return NOT_TIME;
        int mm = 0;
        if (i < to && s.charAt(i) == ':') i++;
        if (i < to) {
            if (i + 2 != to || !isDigit(s.charAt(i)) || !isDigit(s.charAt(i + 1))) return NOT_TIME;
            mm = (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
        }
        if (hh > 18 || mm > 59) return NOT_TIME;
        return packOffset(sign * (hh * 60 + mm));
    }

    private static long packOffset(int minutes) {
        return HAS_OFFSET | ((long) (minutes + 2048) << 47);
    }

    // ---- building the result -------------------------------------------------------------------------------------

    private LocalDateTime at(int year, int month, int day, long time) throws ValueException {
        if (month < 1 || month > 12) throw new ValueException("invalid date: no month " + month);
        if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            throw new ValueException("invalid date: no day " + day + " in " + year + "-" + (month < 10 ? "0" : "") + month);
        }
        LocalDateTime local = LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.ofNanoOfDay(time & NANO_MASK));
        if ((time & HAS_OFFSET) == 0) return local;
        int offsetMinutes = (int) ((time >>> 47) & 0xFFF) - 2048;
        return fromEpoch(local.toEpochSecond(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)), local.getNano());
    }

    private LocalDateTime fromEpoch(long epochSecond, int nano) {
        ZoneOffset offset = zone instanceof ZoneOffset
                ? (ZoneOffset) zone : zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
        return LocalDateTime.ofEpochSecond(epochSecond, nano, offset);
    }

    // ---- month names -------------------------------------------------------------------------------------------

    private MonthNames names() {
        MonthNames n = names;
        if (n == null) names = n = MonthNames.of(locale);
        return n;
    }

    /** Reads dates with a month name; null when the cell is not of that kind. */
    private LocalDateTime named(CharSequence s, int from, int to, boolean monthMode) throws ValueException {
        int month = 0;
        int[] nums = new int[2];
        int[] lens = new int[2];
        int n = 0;
        long time = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Spaces.isSpace(c) || c == ',' || c == '-' || c == '/' || c == '.') {
                i++;
            } else if (isDigit(c)) {
                int j = i;
                int v = 0;
                while (j < to && isDigit(s.charAt(j)) && j - i < 5) v = v * 10 + (s.charAt(j++) - '0');
                if (j < to && s.charAt(j) == ':') {
                    time = timeTail(s, i, to, false);
                    if (time == NOT_TIME) return null;
                    break;
                }
                if (n == 2 || (j < to && isDigit(s.charAt(j)))) return null;
                nums[n] = v;
                lens[n++] = j - i;
                int k = j;
                while (k < to && Character.isLetter(s.charAt(k))) k++;
                if (k > j && !ORDINALS.contains(s.subSequence(j, k).toString().toLowerCase(Locale.ROOT))) return null;
                i = k;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < to && Character.isLetter(s.charAt(j))) j++;
                String word = s.subSequence(i, j).toString().toLowerCase(Locale.ROOT);
                i = j;
                if (FILLERS.contains(word)) continue;
                int m = names().month(word);
                if (m != 0) {
                    if (month != 0) return null;
                    month = m;
                } else if (!names().isWeekday(word)) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (month == 0) return null;
        int year, day;
        if (n == 2) {
            if (lens[0] == 4 && lens[1] <= 2) {
                year = nums[0];
                day = nums[1];
            } else if (lens[1] == 4 && lens[0] <= 2) {
                day = nums[0];
                year = nums[1];
            } else if (lens[0] <= 2 && lens[1] == 2) {
                day = nums[0];
                year = 2000 + nums[1];
            } else {
                return null;
            }
        } else if (n == 1 && monthMode && (lens[0] == 4 || lens[0] == 2)) {
            year = lens[0] == 2 ? 2000 + nums[0] : nums[0];
            day = 1;
        } else if (n == 1) {
            throw new ValueException(lens[0] <= 2 ? "date without a year" : "date without a day");
        } else {
            return null;
        }
        return at(year, month, day, time);
    }

    // ---- explicit pattern ----------------------------------------------------------------------------------------

    /** Reads s[from, to) with the configured formatter; null when it does not match. */
    private LocalDateTime byPattern(CharSequence raw, int from, int to, boolean monthMode) throws ValueException {
        String text = raw.subSequence(from, to).toString();
        ParsePosition pos = new ParsePosition(0);
        if (formatter.parseUnresolved(text, pos) == null || pos.getErrorIndex() >= 0 || pos.getIndex() != text.length()) {
            return null;
        }
        TemporalAccessor t;
        try {
            t = formatter.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValueException("invalid date");
        }
        if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
            return fromEpoch(t.getLong(ChronoField.INSTANT_SECONDS), t.get(ChronoField.NANO_OF_SECOND));
        }
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date == null) {
            if (monthMode && t.isSupported(ChronoField.YEAR) && t.isSupported(ChronoField.MONTH_OF_YEAR)) {
                return LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR), 1).atStartOfDay();
            }
            throw new ValueException("dateFormat '" + pattern + "' gives no full date");
        }
        LocalTime time = t.query(TemporalQueries.localTime());
        return time == null ? date.atStartOfDay() : date.atTime(time);
    }

    /** Replaces y (year of era, which STRICT cannot resolve without an era) and Y (week year) by u outside quotes. */
    private static String prolepticYears(String p) {
        StringBuilder b = new StringBuilder(p.length());
        boolean quoted = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\'') quoted = !quoted;
            b.append(!quoted && (c == 'y' || c == 'Y') ? 'u' : c);
        }
        return b.toString();
    }

    private ValueException noMatch(CharSequence raw) {
        if (pattern != null) return new ValueException("not a date (dateFormat '" + pattern + "')");
        return new ValueException("not a date");
    }

    private static boolean hasLetter(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isLetter(s.charAt(i))) return true;
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
