package dev.kpi.calc.clv;

import dev.kpi.records.BillingInterval;
import dev.kpi.records.Subscription;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns subscription records into monthly MRR lines for an {@link MrrLedger}. Mergeable.
 *
 * <p><b>MRR of an amount</b> ({@link #monthlyMrr}): the amount charged every interval spread over the
 * months it pays for, rounded half-even to the micro: monthly ÷ 1, every n months ÷ n, yearly ÷ 12
 * (the catalogue's decision for annual plans; the same rounding as {@link AnnualPlan}), weekly × 52 ÷ 12,
 * daily × 365 ÷ 12.
 *
 * <p><b>Ledger lines</b> (a customer's amount in a month) go to the ledger as they are.
 *
 * <p><b>Spans</b> (one row per subscription, as Stripe and Chargebee export them) are expanded at
 * {@link #finish}: a subscription counts in a month when it is active on the month's last day (on the
 * as-of date for the month that contains it), i.e. started on or before that day and not ended by it.
 * So a subscription ending on 15 March is churned in March, one starting on 20 March is new in March,
 * and one that starts and ends within a month never counts. Paying starts at the end of a trial when
 * the trial end is after the start. Rows whose status says they were never paid (Stripe
 * {@code incomplete_expired}), trials with no trial end and ended ones (canceled, expired, …) with no
 * end date are left out and counted.
 *
 * <p><b>As-of date</b>: running subscriptions count up to {@code --to} when given, else up to the latest
 * date the export shows as past (a start, a renewal, an end), which estimates the day it was exported.
 *
 * <p>Memory: the ledger (one entry per customer and month) plus one small object per span.
 */
public final class SubscriptionSchedule {
    /** Never paid: left out. */
    private static final Set<String> NEVER_PAID = Set.of("incomplete_expired", "incomplete expired");
    private static final Set<String> TRIAL = Set.of("trialing", "in_trial", "trial");
    /** Ended: without an end date there is no telling when MRR stopped, so such rows are left out. */
    private static final Set<String> ENDED = Set.of("canceled", "cancelled", "ended", "expired", "churned", "terminated");

    /** {@code mrr} in micros (rounded), {@code twelfths} = MRR × 12 in micros (exact; see {@link SubscriptionLine}). */
    private record Span(String customerId, LocalDate payingFrom, LocalDate end, long mrr, long twelfths) {}

    private final ReportingAmounts amounts;
    private final MrrLedger ledger = new MrrLedger();
    private final List<Span> spans = new ArrayList<>();
    private final Map<String, Integer> leftOut = new TreeMap<>();
    private LocalDate latest;
    private LocalDate firstMonth;
    private long lines;

    public SubscriptionSchedule(ReportingAmounts amounts) {
        this.amounts = amounts;
    }

    public void add(Subscription s) {
        if (s.observed() != null && (latest == null || s.observed().isAfter(latest))) latest = s.observed();
        long amount = amounts.convert(s.currency(), s.amount());
        long mrr = monthlyMrr(amount, s.interval());
        long twelfths = monthlyMrrTwelfths(amount, s.interval());
        lines++;
        if (s.isLedgerLine()) {
            ledger.add(new SubscriptionLine(s.customerId(), s.month(), mrr, twelfths));
            noteMonth(s.month());
            return;
        }
        String status = s.status() == null ? "" : s.status().strip().toLowerCase(Locale.ROOT);
        if (NEVER_PAID.contains(status)) {
            leftOut.merge("status " + s.status() + " (never paid)", 1, Integer::sum);
            return;
        }
        if (s.end() == null && ENDED.contains(status)) {
            leftOut.merge("status " + s.status() + " without an end date", 1, Integer::sum);
            return;
        }
        LocalDate from = s.start();
        if (s.trialEnd() != null && s.trialEnd().isAfter(from)) {
            from = s.trialEnd();
        } else if (TRIAL.contains(status) && (s.trialEnd() == null)) {
            leftOut.merge("trialing without a trial end date", 1, Integer::sum);
            return;
        }
        if (s.end() != null && !s.end().isAfter(from)) {
            leftOut.merge("ended before paying started", 1, Integer::sum);
            return;
        }
        spans.add(new Span(s.customerId(), from, s.end(), mrr, twelfths));
        noteMonth(from);
    }

    private void noteMonth(LocalDate d) {
        LocalDate m = d.withDayOfMonth(1);
        if (firstMonth == null || m.isBefore(firstMonth)) firstMonth = m;
    }

    /** Adds everything {@code other} holds; {@code other} is left unchanged. */
    public void merge(SubscriptionSchedule other) {
        ledger.merge(other.ledger);
        spans.addAll(other.spans);
        other.leftOut.forEach((k, v) -> leftOut.merge(k, v, Integer::sum));
        if (other.latest != null && (latest == null || other.latest.isAfter(latest))) latest = other.latest;
        if (other.firstMonth != null) noteMonth(other.firstMonth);
        lines += other.lines;
    }

    /** The latest date the records show as past, or null when there was none. */
    public LocalDate latestDate() { return latest; }

    /** The first month with a ledger line or a paying span, or null. */
    public YearMonth firstMonth() { return firstMonth == null ? null : YearMonth.from(firstMonth); }

    /** Records read (ledger lines and spans, left out or not). */
    public long records() { return lines; }

    /** Why records were left out, with counts. */
    public Map<String, Integer> leftOut() { return new TreeMap<>(leftOut); }

    /**
     * The ledger with every span expanded up to {@code asOf} (null = {@link #latestDate()}); ledger lines
     * are kept whatever their month. The schedule may keep receiving records afterwards.
     */
    public MrrLedger finish(LocalDate asOf) {
        LocalDate until = asOf != null ? asOf : latest;
        MrrLedger out = new MrrLedger();
        out.merge(ledger);
        if (until == null) return out;
        YearMonth last = YearMonth.from(until);
        for (Span s : spans) {
            for (YearMonth m = YearMonth.from(s.payingFrom()); !m.isAfter(last); m = m.plusMonths(1)) {
                LocalDate snapshot = m.equals(last) ? until : m.atEndOfMonth();
                if (snapshot.isBefore(s.payingFrom())) continue; // starts after the as-of date in its month
                if (s.end() != null && !s.end().isAfter(snapshot)) break;
                out.add(new SubscriptionLine(s.customerId(), m.atDay(1), s.mrr(), s.twelfths()));
            }
        }
        return out;
    }

    /**
     * MRR × 12 of an amount charged every {@code interval}, in micros: exact for monthly (× 12 / n), yearly
     * (/ n), weekly (× 52 / n) and daily (× 365 / n) billing whenever n divides evenly, else half-even.
     */
    public static long monthlyMrrTwelfths(long amountMicros, BillingInterval interval) {
        if (interval == null) return Math.multiplyExact(amountMicros, 12L);
        long n = interval.count();
        BigDecimal a = BigDecimal.valueOf(amountMicros);
        BigDecimal times;
        switch (interval.unit()) {
            case MONTH: times = a.multiply(BigDecimal.valueOf(12)); break;
            case YEAR: times = a; break;
            case WEEK: times = a.multiply(BigDecimal.valueOf(52)); break;
            case DAY: times = a.multiply(BigDecimal.valueOf(365)); break;
            default: throw new AssertionError(interval);
        }
        return times.divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** MRR of an amount charged every {@code interval}, half-even to the micro (see the class comment). */
    public static long monthlyMrr(long amountMicros, BillingInterval interval) {
        if (interval == null) return amountMicros;
        long n = interval.count();
        BigDecimal a = BigDecimal.valueOf(amountMicros);
        BigDecimal monthly;
        switch (interval.unit()) {
            case MONTH: monthly = a.divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN); break;
            case YEAR: monthly = a.divide(BigDecimal.valueOf(12 * n), 0, RoundingMode.HALF_EVEN); break;
            case WEEK: monthly = a.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12 * n), 0, RoundingMode.HALF_EVEN); break;
            case DAY: monthly = a.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(12 * n), 0, RoundingMode.HALF_EVEN); break;
            default: throw new AssertionError(interval);
        }
        return monthly.longValueExact();
    }
}
