package dev.kpi.calc.funnel;

import java.util.Arrays;

/** The {@code long} counterpart of {@link IntColumn}: allocated on the first value, 0 when unset. */
public final class LongColumn {
    private long[] values;

    public long get(int i) { return values == null || i >= values.length ? 0L : values[i]; }

    public void set(int i, long v) {
        if (values == null) {
            if (v == 0) return;
            values = new long[Math.max(16, i + 1)];
        } else if (i >= values.length) {
            values = Arrays.copyOf(values, Math.max(i + 1, values.length + (values.length >> 1)));
        }
        values[i] = v;
    }

    public void or(int i, long bits) { if (bits != 0) set(i, get(i) | bits); }
}
