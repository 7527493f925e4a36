package dev.kpi.calc.attribution;

import java.util.Arrays;

/** An immutable sequence of small ints (channel ids) usable as a hash key. */
final class IntTuple {
    final int[] values;
    private final int hash;

    IntTuple(int[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    int length() { return values.length; }

    @Override public boolean equals(Object o) {
        return o instanceof IntTuple && hash == ((IntTuple) o).hash && Arrays.equals(values, ((IntTuple) o).values);
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() { return Arrays.toString(values); }
}
