package dev.kpi.calc.funnel;

import java.util.Arrays;

/**
 * A growable {@code int} per entity index that costs nothing until a first value is set: columns of
 * optional fields (a meeting count, a response time) stay unallocated when no row has them.
 */
public final class IntColumn {
    private final int missing;
    private int[] values;

    public IntColumn(int missing) { this.missing = missing; }

    public int get(int i) { return values == null || i >= values.length ? missing : values[i]; }

    public void set(int i, int v) {
        if (values == null) {
            if (v == missing) return;
            values = new int[Math.max(16, i + 1)];
            if (missing != 0) Arrays.fill(values, missing);
        } else if (i >= values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, Math.max(i + 1, old + (old >> 1)));
            if (missing != 0) Arrays.fill(values, old, values.length, missing);
        }
        values[i] = v;
    }

    /** Keeps the smaller of the stored and the given value; {@code missing} never replaces a value. */
    public void min(int i, int v) {
        if (v == missing) return;
        int cur = get(i);
        if (cur == missing || v < cur) set(i, v);
    }

    public boolean isEmpty() { return values == null; }

    public int missing() { return missing; }
}
