package dev.kpi.calc.clv;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streaming, mergeable ledger of subscription MRR per customer and calendar month, from which
 * {@link #finish} derives the monthly MRR movements ({@link MrrMonth}) and the window summary
 * ({@link MrrSummary}). Lines of a customer in the same month are summed; a month whose sum is ≤ 0 counts
 * as no subscription. A customer churns in month m when they had MRR in m − 1 and none in m (less MRR
 * but some is contraction); a customer with MRR again after a gap is a reactivation, not a new customer.
 * Memory: one map entry per customer and month with MRR. Amounts are held as MRR × 12 in micros (see
 * {@link SubscriptionLine}); {@link MrrMonth#money} turns them into money.
 */
public final class MrrLedger {
    private final Map<String, TreeMap<Integer, Long>> customers = new HashMap<>();

    public void add(SubscriptionLine line) {
        int m = index(YearMonth.from(line.month()));
        customers.computeIfAbsent(line.customerId(), k -> new TreeMap<>()).merge(m, line.mrrTwelfths(), Math::addExact);
    }

    public void addAll(Iterable<SubscriptionLine> lines) {
        for (SubscriptionLine l : lines) add(l);
    }

    /** Adds everything {@code other} holds; {@code other} is left unchanged. */
    public void merge(MrrLedger other) {
        other.customers.forEach((c, months) -> {
            TreeMap<Integer, Long> mine = customers.computeIfAbsent(c, k -> new TreeMap<>());
            months.forEach((m, v) -> mine.merge(m, v, Math::addExact));
        });
    }

    /** From the first to the last month with any line; null when the ledger is empty. */
    public MrrSummary finish() {
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (TreeMap<Integer, Long> m : customers.values()) {
            if (m.isEmpty()) continue;
            lo = Math.min(lo, m.firstKey());
            hi = Math.max(hi, m.lastKey());
        }
        if (lo > hi) return null;
        return finish(month(lo), month(hi));
    }

    /** Movements for every month of [from, to]; customers' earlier history decides new versus reactivation. */
    public MrrSummary finish(YearMonth from, YearMonth to) {
        int lo = index(from);
        int hi = index(to);
        if (hi < lo) throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        int n = hi - lo + 1;
        long[] startMrr = new long[n], newMrr = new long[n], expansion = new long[n], contraction = new long[n],
                churned = new long[n], reactivation = new long[n], mrr = new long[n];
        int[] atStart = new int[n], newC = new int[n], reactC = new int[n], churnC = new int[n], atEnd = new int[n];
        int startingLost = 0, joinedAndChurned = 0, paying = 0, atWindowStart = 0;
        long revenue = 0;
        long[] v = new long[n + 1]; // v[0] = month before the window
        for (TreeMap<Integer, Long> months : customers.values()) {
            Integer firstActive = null;
            for (Map.Entry<Integer, Long> e : months.entrySet()) {
                if (e.getValue() > 0) {
                    firstActive = e.getKey();
                    break;
                }
            }
            if (firstActive == null || firstActive > hi) continue;
            for (int i = 0; i <= n; i++) {
                Long x = months.get(lo - 1 + i);
                v[i] = x == null || x <= 0 ? 0 : x;
            }
            boolean startedActive = v[0] > 0;
            if (startedActive) atWindowStart++;
            boolean churnedInWindow = false, paid = false;
            for (int i = 1; i <= n; i++) {
                int k = i - 1;
                long prev = v[i - 1], cur = v[i];
                startMrr[k] += prev;
                mrr[k] += cur;
                revenue += cur;
                if (prev > 0) atStart[k]++;
                if (cur > 0) {
                    atEnd[k]++;
                    paid = true;
                }
                if (prev == 0 && cur > 0) {
                    if (firstActive < lo - 1 + i) {
                        reactivation[k] += cur;
                        reactC[k]++;
                    } else {
                        newMrr[k] += cur;
                        newC[k]++;
                    }
                } else if (prev > 0 && cur == 0) {
                    churned[k] += prev;
                    churnC[k]++;
                    churnedInWindow = true;
                } else if (prev > 0 && cur > prev) {
                    expansion[k] += cur - prev;
                } else if (prev > 0 && cur < prev) {
                    contraction[k] += prev - cur;
                }
            }
            if (paid) paying++;
            if (churnedInWindow) {
                if (startedActive) startingLost++;
                else joinedAndChurned++;
            }
        }
        List<MrrMonth> out = new ArrayList<>(n);
        long tNew = 0, tExp = 0, tCon = 0, tChurn = 0, tReact = 0;
        int tNewC = 0, tReactC = 0, tChurnC = 0;
        for (int k = 0; k < n; k++) {
            out.add(new MrrMonth(month(lo + k), startMrr[k], newMrr[k], expansion[k], contraction[k], churned[k],
                    reactivation[k], mrr[k], atStart[k], newC[k], reactC[k], churnC[k], atEnd[k]));
            tNew += newMrr[k];
            tExp += expansion[k];
            tCon += contraction[k];
            tChurn += churned[k];
            tReact += reactivation[k];
            tNewC += newC[k];
            tReactC += reactC[k];
            tChurnC += churnC[k];
        }
        return new MrrSummary(from, to, out, startMrr[0], mrr[n - 1], tNew, tExp, tCon, tChurn, tReact,
                atWindowStart, atEnd[n - 1], tNewC, tReactC, tChurnC, startingLost, joinedAndChurned, paying, revenue);
    }

    /**
     * Cohorts by month of first MRR, for the cohorts starting in [from, to], each followed to {@code to}.
     * Cohorts are in start order.
     */
    public List<MrrCohort> cohorts(YearMonth from, YearMonth to) {
        int lo = index(from);
        int hi = index(to);
        if (hi < lo) throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        int n = hi - lo + 1;
        int[] size = new int[n];
        int[][] active = new int[n][];
        int[][] surviving = new int[n][];
        long[][] mrr = new long[n][];
        for (TreeMap<Integer, Long> months : customers.values()) {
            Integer first = null;
            for (Map.Entry<Integer, Long> e : months.entrySet()) {
                if (e.getValue() > 0) {
                    first = e.getKey();
                    break;
                }
            }
            if (first == null || first < lo || first > hi) continue;
            int c = first - lo;
            if (active[c] == null) {
                active[c] = new int[hi - first + 1];
                surviving[c] = new int[hi - first + 1];
                mrr[c] = new long[hi - first + 1];
            }
            size[c]++;
            for (int k = 0; first + k <= hi; k++) {
                Long v = months.get(first + k);
                if (v == null || v <= 0) break;
                surviving[c][k]++;
            }
            for (Map.Entry<Integer, Long> e : months.subMap(first, true, hi, true).entrySet()) {
                if (e.getValue() > 0) {
                    active[c][e.getKey() - first]++;
                    mrr[c][e.getKey() - first] += e.getValue();
                }
            }
        }
        List<MrrCohort> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (size[c] == 0) continue;
            List<MrrCohort.Month> rows = new ArrayList<>(active[c].length);
            for (int k = 0; k < active[c].length; k++) {
                rows.add(new MrrCohort.Month(k, month(lo + c + k), active[c][k], surviving[c][k], mrr[c][k], mrr[c][0],
                        size[c]));
            }
            out.add(new MrrCohort(month(lo + c), size[c], rows));
        }
        return out;
    }

    /**
     * A customer paying in a month: their MRR there and for how many consecutive months, that month
     * included, they have paid (counted from their latest start or return).
     */
    public record ActiveCustomer(String customerId, int consecutiveMonths, long mrr) {}

    /** The customers with MRR &gt; 0 in {@code month}, in no particular order. */
    public List<ActiveCustomer> activeIn(YearMonth month) {
        int m = index(month);
        List<ActiveCustomer> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Long>> e : customers.entrySet()) {
            TreeMap<Integer, Long> months = e.getValue();
            Long v = months.get(m);
            if (v == null || v <= 0) continue;
            int k = 1;
            while (true) {
                Long p = months.get(m - k);
                if (p == null || p <= 0) break;
                k++;
            }
            out.add(new ActiveCustomer(e.getKey(), k, v));
        }
        return out;
    }

    /** Number of customers with at least one line. */
    public int customerCount() { return customers.size(); }

    private static int index(YearMonth m) {
        return Math.toIntExact(m.getYear() * 12L + m.getMonthValue() - 1);
    }

    private static YearMonth month(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
