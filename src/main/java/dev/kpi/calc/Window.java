package dev.kpi.calc;

import java.time.LocalDate;
import java.util.function.Function;

/** The reporting window {@code --from}/{@code --to}, both inclusive; a null end is open. */
public record Window(LocalDate from, LocalDate to) {
    public static final Window ALL = new Window(null, null);

    public boolean isOpen() { return from == null && to == null; }

    public boolean contains(LocalDate d) {
        return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }

    /**
     * Whether a record covering {@code start..end} counts: true when it lies inside, false when
     * outside; a record that straddles an edge cannot be split honestly and raises
     * {@link PeriodException}. {@code what} names the record in that message.
     */
    public boolean includes(LocalDate start, LocalDate end, String what) {
        return includes(start, end, what, Function.identity());
    }

    /**
     * {@link #includes(LocalDate, LocalDate, String)} for the per-row path: the record's name is built
     * by {@code describe.apply(subject)} only when an exception needs it, so a method reference such as
     * {@code AdsCalculator::describe} costs nothing on the rows that pass.
     */
    public <T> boolean includes(LocalDate start, LocalDate end, T subject, Function<? super T, String> describe) {
        if (start == null) {
            if (isOpen()) return true;
            throw new PeriodException(describe.apply(subject) + " has no date, so --from/--to cannot place it; map a date column");
        }
        LocalDate e = end == null ? start : end;
        boolean startIn = contains(start);
        boolean endIn = contains(e);
        if (startIn && endIn) return true;
        boolean before = to != null && start.isAfter(to);
        boolean after = from != null && e.isBefore(from);
        if (before || after) return false;
        throw new PeriodException(describe.apply(subject) + " covers " + start + " to " + e + ", which --from/--to cuts through; "
                + "export it with a day (or month) breakdown, or choose --from/--to on its period boundaries");
    }
}
