package dev.kpi.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time, for the byte-level reader: little-endian word reads, and hashing and comparing
 * ranges of a byte array (cells, interned names, keys of the spend combiner). Cells are short, so these
 * skip the set-up cost of the vectorised {@code Arrays} methods.
 */
final class ByteRanges {
    private ByteRanges() {}

    /** Reads the eight bytes at an index of a {@code byte[]} as a little-endian {@code long}. */
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long M = 0x9E3779B97F4A7C15L;

    /** Mixes one value into a running hash. */
    static long mix(long h, long v) {
        return Long.rotateLeft((h ^ v) * M, 29);
    }

    /** Mixes {@code b[s, e)} into a running hash, eight bytes at a time (the last word padded with zeros). */
    static long mix(long h, byte[] b, int s, int e) {
        int i = s;
        for (; i + 8 <= e; i += 8) h = mix(h, (long) LONG.get(b, i));
        if (i < e) {
            long w = 0;
            for (int j = e - 1; j >= i; j--) w = w << 8 | (b[j] & 0xff);
            h = mix(h, w);
        }
        return h;
    }

    /** A running hash folded to 32 well-mixed bits. */
    static int finish(long h) {
        h = (h ^ (h >>> 32)) * M;
        return (int) (h ^ (h >>> 29));
    }

    /** Whether {@code a[as, as + len)} and {@code b[bs, bs + len)} hold the same bytes. */
    static boolean equal(byte[] a, int as, byte[] b, int bs, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) if ((long) LONG.get(a, as + i) != (long) LONG.get(b, bs + i)) return false;
        for (; i < len; i++) if (a[as + i] != b[bs + i]) return false;
        return true;
    }
}
