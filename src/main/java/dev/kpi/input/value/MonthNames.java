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
    private static final TextStyle[] STYLES = {
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

    private void add(Locale l) {
        for (Month m : Month.values()) {
            for (TextStyle style : STYLES) {
                String name = normalise(m.getDisplayName(style, l));
                if (name.isEmpty() || Character.isDigit(name.charAt(0))) continue;
                months.put(name, m.getValue());
                if (style == TextStyle.FULL || style == TextStyle.FULL_STANDALONE) {
                    fullNames.add(name);
                    fullMonths.add(m.getValue());
                }
            }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            for (TextStyle style : STYLES) weekdays.add(normalise(d.getDisplayName(style, l)));
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
