package dev.kpi.calc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds group keys: one value per {@code --by} dimension, time dimensions from a record's period. */
public final class Buckets {
    private Buckets() {}

    /**
     * The time bucket of a record covering {@code start..end}: it must fall within one bucket of the
     * grain, or {@link PeriodException} (an aggregate row cannot be split by month without inventing
     * numbers).
     */
    public static String timeKey(Dimension d, LocalDate start, LocalDate end, String what) {
        return timeKey(d, start, end, what, Function.identity());
    }

    /**
     * {@link #timeKey(Dimension, LocalDate, LocalDate, String)} for the per-row path: the record's name
     * is built by {@code describe.apply(subject)} only when an exception needs it.
     */
    public static <T> String timeKey(Dimension d, LocalDate start, LocalDate end, T subject, Function<? super T, String> describe) {
        if (start == null) {
            throw new PeriodException(describe.apply(subject) + " has no date, so it cannot be grouped by " + d.key()
                    + "; map a date column");
        }
        String k = d.grain().key(start);
        if (end != null && !end.equals(start) && !d.grain().key(end).equals(k)) {
            throw new PeriodException(describe.apply(subject) + " covers " + start + " to " + end + ", more than one " + d.key()
                    + "; export it with a " + d.key() + " (or day) breakdown to group by " + d.key());
        }
        return k;
    }

    /** Lexicographic order of keys, with {@link Dimension#NONE} after real values. */
    public static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x.equals(y)) continue;
            if (Dimension.NONE.equals(x)) return 1;
            if (Dimension.NONE.equals(y)) return -1;
            int c = x.compareToIgnoreCase(y);
            if (c != 0) return c;
            return x.compareTo(y);
        }
        return Integer.compare(a.size(), b.size());
    }

    public static List<String> keyOf(String... values) {
        List<String> out = new ArrayList<>(values.length);
        for (String v : values) out.add(v == null || v.isBlank() ? Dimension.NONE : v);
        return out;
    }
}
