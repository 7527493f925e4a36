package dev.kpi.calc.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A growable list of whole-number durations (minutes or seconds) with exact order statistics: the
 * median (the middle value, or the mean of the two middle values) and the nearest-rank p-th percentile
 * (the value at rank ⌈p·n⌉ of the sorted list). Empty lists give null.
 */
public final class Durations {
    private int[] values = new int[8];
    private int size;
    private boolean sorted = true;

    public void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
        sorted = false;
    }

    public void addAll(Durations o) {
        for (int i = 0; i < o.size; i++) add(o.values[i]);
    }

    public int size() { return size; }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }

    /** The median divided by {@code unit}, rounded half-even to {@code scale} decimals; null when empty. */
    public BigDecimal median(long unit, int scale) {
        if (size == 0) return null;
        sort();
        BigDecimal m = size % 2 == 1 ? BigDecimal.valueOf(values[size / 2])
                : BigDecimal.valueOf((long) values[size / 2 - 1] + values[size / 2]).divide(BigDecimal.valueOf(2));
        return m.divide(BigDecimal.valueOf(unit), scale, RoundingMode.HALF_EVEN);
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 1) divided by {@code unit}; null when empty. */
    public BigDecimal percentile(double p, long unit, int scale) {
        if (size == 0) return null;
        sort();
        int rank = (int) Math.ceil(p * size - 1e-9);
        int v = values[Math.max(0, Math.min(size, rank) - 1)];
        return BigDecimal.valueOf(v).divide(BigDecimal.valueOf(unit), scale, RoundingMode.HALF_EVEN);
    }

    /** The arithmetic mean divided by {@code unit}; null when empty. */
    public BigDecimal mean(long unit, int scale) {
        if (size == 0) return null;
        long sum = 0;
        for (int i = 0; i < size; i++) sum += values[i];
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(size * unit), scale, RoundingMode.HALF_EVEN);
    }

    /** How many values are at most {@code limit}. */
    public long countAtMost(long limit) {
        long n = 0;
        for (int i = 0; i < size; i++) if (values[i] <= limit) n++;
        return n;
    }
}
