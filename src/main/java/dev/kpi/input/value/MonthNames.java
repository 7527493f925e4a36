package dev.kpi.input.value;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Month and weekday names of English plus one other language, as the JDK's CLDR data spells them (full and short,
 * format and stand-alone forms, so Polish "stycznia" and "styczeń" both work), matched ignoring case and a trailing
 * dot. A word of three or more letters that begins exactly one month's full name also matches ("Sept", "Janv").
 */
final class MonthNames {
    private static final Map<Locale, MonthNames> CACHE = new ConcurrentHashMap<>();
    static final TextStyle[] STYLES = {
        TextStyle.FULL, TextStyle.SHORT, TextStyle.FULL_STANDALONE, TextStyle.SHORT_STANDALONE
    };

    private final Map<String, Integer> months = new HashMap<>();
    private final List<String> fullNames = new ArrayList<>();
    private final List<Integer> fullMonths = new ArrayList<>();
    private final Set<String> weekdays = new HashSet<>();

    private MonthNames(Locale locale) {
        add(Locale.ENGLISH);
        if (locale != null && !locale.getLanguage().equals("en")) add(locale);
        months.put("sept", 9);
        if (locale != null && locale.getLanguage().equals("de")) months.put("mrz", 3);
    }

    static MonthNames of(Locale locale) {
        Locale key = locale == null ? Locale.ENGLISH : locale;
        return CACHE.computeIfAbsent(key, MonthNames::new);
    }

    /**
     * English month names (full, short) and weekday names (full, short) as the JDK's CLDR data gives them for
     * {@link Locale#ENGLISH}, normalised; {@code MonthNamesTest} checks them against the JDK. Written out
     * because loading the JDK's locale data costs ~10 ms of a small job's start-up, and every file with a
     * date range in its preamble needs English.
     */
    private static final String[][] ENGLISH = {
        {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
        {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
        {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
        {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}};

    /** A style's name for a month (1-12) or, with {@code day}, a weekday (1-7, Monday first), normalised. */
    static String name(boolean day, int value, TextStyle style, Locale l) {
        if (l.equals(Locale.ENGLISH)) {
            boolean full = style == TextStyle.FULL || style == TextStyle.FULL_STANDALONE;
            return ENGLISH[(day ? 2 : 0) + (full ? 0 : 1)][value - 1];
        }
        return jdkName(day, value, style, l);
    }

    /** The name from the JDK's locale data. */
    static String jdkName(boolean day, int value, TextStyle style, Locale l) {
        return normalise(day ? DayOfWeek.of(value).getDisplayName(style, l) : Month.of(value).getDisplayName(style, l));
    }

    private void add(Locale l) {
        for (Month m : Month.values()) {
            for (TextStyle style : STYLES) {
                String name = name(false, m.getValue(), style, l);
                if (name.isEmpty() || Character.isDigit(name.charAt(0))) continue;
                months.put(name, m.getValue());
                if (style == TextStyle.FULL || style == TextStyle.FULL_STANDALONE) {
                    fullNames.add(name);
                    fullMonths.add(m.getValue());
                }
            }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            for (TextStyle style : STYLES) weekdays.add(name(true, d.getValue(), style, l));
        }
    }

    /** The month 1-12 named by {@code word}, or 0. */
    int month(String word) {
        String w = normalise(word);
        Integer m = months.get(w);
        if (m != null) return m;
        if (w.length() < 3) return 0;
        int found = 0;
        for (int i = 0; i < fullNames.size(); i++) {
            if (fullNames.get(i).startsWith(w)) {
                int candidate = fullMonths.get(i);
                if (found != 0 && found != candidate) return 0;
                found = candidate;
            }
        }
        return found;
    }

    boolean isWeekday(String word) {
        return weekdays.contains(normalise(word));
    }

    private static String normalise(String s) {
        String w = s.toLowerCase(Locale.ROOT).trim();
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }
}
