package dev.kpi.calc.clv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streaming, mergeable RFM summary of purchases: the frequency / recency / T / monetary value table
 * that the BG/NBD, Pareto/NBD and gamma-gamma models take, defined as lifetimes'
 * {@code summary_data_from_transaction_data} and {@code calibration_and_holdout_data} define it.
 *
 * <p>Rules, for each customer:
 * <ul>
 *   <li>Purchases are first combined per <em>purchase period</em>: per calendar day with
 *       {@link Grouping#DAY} (lifetimes {@code freq='D'}, the default), per period of the time unit with
 *       {@link Grouping#PERIOD} (lifetimes {@code freq='W'} or {@code 'M'}: ISO weeks Monday to Sunday,
 *       calendar months). Amounts in one period are summed.</li>
 *   <li>frequency = number of purchase periods − 1 (repeat purchase periods);</li>
 *   <li>recency = last period − first period; T = period of the calibration end − first period. With
 *       DAY grouping both are day differences divided by the days of the time unit (7 for a week,
 *       365.25 / 12 for a month), which is lifetimes' {@code freq='D', freq_multiplier=7} and exactly what
 *       the CDNOW summary of Fader and Hardie holds (T = 38.86 weeks for a first purchase on
 *       1997-01-01 and a calibration end of 1997-09-30); with PERIOD grouping they are whole numbers of
 *       periods;</li>
 *   <li>monetary value = mean value of the repeat purchase periods, the first period excluded; 0 when
 *       frequency is 0;</li>
 *   <li>purchases after the calibration end (inclusive day) are ignored, unless an observation end is
 *       given: purchases in (calibrationEnd, observationEnd] then make the holdout columns (holdout
 *       frequency = holdout purchase periods; holdout duration = periods between the two ends).
 *       Customers whose first purchase is in the holdout window are left out, as in lifetimes.</li>
 * </ul>
 * Two documented differences from lifetimes: with PERIOD grouping a purchase after the end date but in
 * the end date's period is ignored (lifetimes keeps it, as it compares period starts), and the holdout
 * monetary value is the mean per purchase period like the calibration one (lifetimes averages the raw
 * holdout rows).
 *
 * <p>Memory: per customer a few fields plus one {@code int} per distinct purchase period (needed to count
 * distinct periods when input is not sorted); input sorted by date is appended in O(1).
 * Without a calibration end, the latest purchase date seen becomes the end (lifetimes' default).
 */
public final class RfmSummary {

    /** How purchases are combined before counting: per calendar day, or per period of the time unit. */
    public enum Grouping { DAY, PERIOD }

    /**
     * @param calibrationEnd last day of the calibration period, inclusive; null = the latest purchase date
     * @param observationEnd last day of the holdout window, inclusive; null = no holdout window
     * @param unit           time unit of recency, T and the holdout duration
     * @param grouping       how same-period purchases are combined
     */
    public record Options(LocalDate calibrationEnd, LocalDate observationEnd, ClvTimeUnit unit, Grouping grouping) {
        public Options {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(grouping, "grouping");
            if (observationEnd != null) {
                if (calibrationEnd == null) {
                    throw new IllegalArgumentException("a holdout window needs a calibration end date");
                }
                if (!observationEnd.isAfter(calibrationEnd)) {
                    throw new IllegalArgumentException("the observation end " + observationEnd
                            + " must be after the calibration end " + calibrationEnd);
                }
            }
        }

        /** Calibration only, purchases combined per day. */
        public static Options of(LocalDate calibrationEnd, ClvTimeUnit unit) {
            return new Options(calibrationEnd, null, unit, Grouping.DAY);
        }
    }

    private final Options options;
    private final LinkedHashMap<String, State> customers = new LinkedHashMap<>();
    private long purchasesUsed;
    private long purchasesIgnored;
    private LocalDate latest;

    public RfmSummary(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() { return options; }

    public void add(Purchase p) {
        LocalDate end = options.calibrationEnd();
        LocalDate d = p.date();
        boolean calibration = end == null || !d.isAfter(end);
        boolean holdout = !calibration && options.observationEnd() != null && !d.isAfter(options.observationEnd());
        if (!calibration && !holdout) {
            purchasesIgnored++;
            return;
        }
        purchasesUsed++;
        if (latest == null || d.isAfter(latest)) latest = d;
        State s = customers.computeIfAbsent(p.customerId(), k -> new State());
        int bucket = bucket(d);
        if (calibration) {
            s.calibration(bucket, Math.toIntExact(d.toEpochDay()), p.amountMicros());
        } else {
            s.holdout(bucket, p.amountMicros());
        }
    }

    /** Adds everything {@code other} has seen (same options required); {@code other} is left unchanged. */
    public void merge(RfmSummary other) {
        if (!options.equals(other.options)) {
            throw new IllegalArgumentException("cannot merge RFM summaries built with different options");
        }
        purchasesUsed += other.purchasesUsed;
        purchasesIgnored += other.purchasesIgnored;
        if (other.latest != null && (latest == null || other.latest.isAfter(latest))) latest = other.latest;
        for (Map.Entry<String, State> e : other.customers.entrySet()) {
            State mine = customers.get(e.getKey());
            if (mine == null) {
                customers.put(e.getKey(), e.getValue().copy());
            } else {
                mine.merge(e.getValue());
            }
        }
    }

    /** The per-customer table; the summary may keep receiving purchases afterwards. */
    public RfmTable finish() {
        LocalDate calEnd = options.calibrationEnd() != null ? options.calibrationEnd() : latest;
        double scale = options.grouping() == Grouping.DAY ? options.unit().days() : 1.0;
        List<CustomerRfm> out = new ArrayList<>(customers.size());
        int onlyHoldout = 0;
        Double durationHoldout = null;
        if (options.observationEnd() != null) {
            durationHoldout = (bucket(options.observationEnd()) - bucket(calEnd)) / scale;
        }
        if (calEnd == null) {
            return new RfmTable(out, options.unit(), options.grouping(), null, options.observationEnd(),
                    durationHoldout, purchasesUsed, purchasesIgnored, 0);
        }
        int endBucket = bucket(calEnd);
        for (Map.Entry<String, State> e : customers.entrySet()) {
            State s = e.getValue();
            if (s.calSize == 0) {
                onlyHoldout++;
                continue;
            }
            int x = s.calSize - 1;
            int first = s.calBuckets[0];
            int last = s.calBuckets[s.calSize - 1];
            long repeat = Math.subtractExact(s.calTotal, s.firstAmount);
            Integer hf = null;
            BigDecimal hm = null;
            if (options.observationEnd() != null) {
                hf = s.holdSize;
                hm = mean(s.holdTotal, s.holdSize);
            }
            out.add(new CustomerRfm(e.getKey(), x, (last - first) / scale, (endBucket - first) / scale,
                    mean(repeat, x), LocalDate.ofEpochDay(s.firstDay), LocalDate.ofEpochDay(s.lastDay), repeat,
                    hf, hm));
        }
        return new RfmTable(out, options.unit(), options.grouping(), calEnd, options.observationEnd(),
                durationHoldout, purchasesUsed, purchasesIgnored, onlyHoldout);
    }

    private static BigDecimal mean(long sumMicros, int n) {
        if (n == 0) return BigDecimal.ZERO.setScale(6);
        return BigDecimal.valueOf(sumMicros, 6).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
    }

    private int bucket(LocalDate d) {
        return options.grouping() == Grouping.DAY ? Math.toIntExact(d.toEpochDay()) : options.unit().periodIndex(d);
    }

    /** Per-customer accumulator. Buckets are kept sorted and distinct. */
    private static final class State {
        int[] calBuckets = new int[2];
        int calSize;
        long firstAmount; // sum of the purchases in the earliest calibration bucket
        long calTotal;
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        int[] holdBuckets;
        int holdSize;
        long holdTotal;

        void calibration(int bucket, int day, long amount) {
            calTotal = Math.addExact(calTotal, amount);
            firstDay = Math.min(firstDay, day);
            lastDay = Math.max(lastDay, day);
            if (calSize == 0 || bucket < calBuckets[0]) {
                firstAmount = amount;
            } else if (bucket == calBuckets[0]) {
                firstAmount = Math.addExact(firstAmount, amount);
            }
            calBuckets = insert(calBuckets, calSize, bucket);
            if (inserted) calSize++;
        }

        void holdout(int bucket, long amount) {
            holdTotal = Math.addExact(holdTotal, amount);
            if (holdBuckets == null) holdBuckets = new int[2];
            holdBuckets = insert(holdBuckets, holdSize, bucket);
            if (inserted) holdSize++;
        }

        private boolean inserted;

        /** Inserts {@code v} into the sorted prefix a[0..n) unless present; sets {@link #inserted}. */
        private int[] insert(int[] a, int n, int v) {
            int pos;
            if (n == 0 || v > a[n - 1]) {
                pos = n; // sorted input: append
            } else {
                int i = Arrays.binarySearch(a, 0, n, v);
                if (i >= 0) {
                    inserted = false;
                    return a;
                }
                pos = -i - 1;
            }
            if (n == a.length) a = Arrays.copyOf(a, Math.max(4, n * 2));
            System.arraycopy(a, pos, a, pos + 1, n - pos);
            a[pos] = v;
            inserted = true;
            return a;
        }

        void merge(State o) {
            if (o.calSize > 0) {
                if (calSize == 0 || o.calBuckets[0] < calBuckets[0]) {
                    firstAmount = o.firstAmount;
                } else if (o.calBuckets[0] == calBuckets[0]) {
                    firstAmount = Math.addExact(firstAmount, o.firstAmount);
                }
                calTotal = Math.addExact(calTotal, o.calTotal);
                firstDay = Math.min(firstDay, o.firstDay);
                lastDay = Math.max(lastDay, o.lastDay);
                for (int i = 0; i < o.calSize; i++) {
                    calBuckets = insert(calBuckets, calSize, o.calBuckets[i]);
                    if (inserted) calSize++;
                }
            }
            if (o.holdSize > 0) {
                holdTotal = Math.addExact(holdTotal, o.holdTotal);
                if (holdBuckets == null) holdBuckets = new int[Math.max(2, o.holdSize)];
                for (int i = 0; i < o.holdSize; i++) {
                    holdBuckets = insert(holdBuckets, holdSize, o.holdBuckets[i]);
                    if (inserted) holdSize++;
                }
            }
        }

        State copy() {
            State c = new State();
            c.calBuckets = Arrays.copyOf(calBuckets, Math.max(2, calSize));
            c.calSize = calSize;
            c.firstAmount = firstAmount;
            c.calTotal = calTotal;
            c.firstDay = firstDay;
            c.lastDay = lastDay;
            c.holdBuckets = holdBuckets == null ? null : Arrays.copyOf(holdBuckets, Math.max(2, holdSize));
            c.holdSize = holdSize;
            c.holdTotal = holdTotal;
            return c;
        }
    }
}
