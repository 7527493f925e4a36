package dev.kpi.input;

import dev.kpi.records.Projection;
import dev.kpi.records.Spend;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Sums the spend rows that agree on everything the consumer reads (see {@link Projection}), straight from
 * the bytes: one {@link Spend} per distinct key instead of one per row. Each chunk of the file fills its
 * own table; tables are merged by key as chunks are merged, in file order ({@link #absorb}), and records
 * are made once at the end of the file (or whenever a table holds {@link #maxEntries} keys). On a 10M-row
 * export grouped by campaign that is ~10k records in all, so neither a record nor the calculator's
 * per-row (or per-chunk) work is paid for each row.
 *
 * <p>The key is the raw bytes (and the kind) of the cells that decide what the consumer reads: platform,
 * channel and currency always, campaign and date when the projection asks, the campaign also when rows
 * without one are skipped. Equal bytes give equal values, so the first row with a key is mapped by the
 * {@link FastLane.SpendLane} as usual and stands for the key; later rows with the same key only add their
 * numbers. A row is combined only when the lane would read it: its date and numbers must be plain
 * (the checks below are the lane's), and the first row of a key must be one the lane maps. Every other
 * row returns false and goes the ordinary way (lane, else mapper, which reports bad values).
 *
 * <p>Channel spellings stay right: every distinct channel spelling is part of a key, so it reaches
 * {@link ChannelNames#normalize} at its first row, in file order, as without combining.
 */
final class SpendCombiner {
    /** Keys kept before the table is emitted and cleared, so memory stays flat however many keys a file has (tests lower it). */
    static int maxEntries = 1 << 16;
    /** Test hook: false reads every row on its own (the reference for {@code CombinedReadTest}). */
    static boolean enabled = true;
    /** Sums per key: the lane's metrics, in its order. */
    private static final int SUMS = FastLane.SpendLane.METRICS;

    private final FastLane.SpendLane lane;
    private final int date;
    private final int[] keyColumns;
    /** The current row: its metrics, and its key in {@link #keyOf}'s layout. */
    private final long[] read = new long[SUMS];
    private byte[] key = new byte[256];

    private int[] slots = new int[1 << 12];
    private int[] hashes = new int[1 << 11];
    private int[] keyAt = new int[1 << 11];
    private Spend[] first = new Spend[1 << 11];
    private long[] sums = new long[(1 << 11) * SUMS];
    private long[] rows = new long[1 << 11];
    /** Keys of the entries, one after the other in entry order. */
    private byte[] keys = new byte[1 << 14];
    private int keysLength;
    private int size;

    private SpendCombiner(FastLane.SpendLane lane, int[] keyColumns) {
        this.lane = lane;
        this.date = lane.date;
        this.keyColumns = keyColumns;
    }

    /** A combiner for a chunk read by {@code lane}, or null when the projection does not allow combining. */
    static SpendCombiner of(FastLane lane, Projection projection) {
        if (!enabled || !(lane instanceof FastLane.SpendLane) || !projection.combineSpend()) return null;
        FastLane.SpendLane l = (FastLane.SpendLane) lane;
        int[] cols = {l.platform, l.channel, l.currency,
                projection.spendCampaign() || l.skipEmptyCampaign ? l.campaign : -1,
                projection.spendDate() ? l.date : -1};
        return new SpendCombiner(l, Arrays.stream(cols).filter(c -> c >= 0).toArray());
    }

    /**
     * Adds a row to its key's sums; false when the row must be mapped on its own (not plain enough, or
     * the first of its key and not one the lane maps).
     */
    boolean add(RawRow row, ChannelNames channels) {
        if (!row.isBytes()) return false;
        int present;
        try {
            if (FastLane.empty(row, date)) return false;
            FastLane.checkDate(row, date); // only checked: a date the lane cannot read goes to the mapper
            present = lane.metrics(row, read);
        } catch (FastLane.Fallback f) {
            return false;
        }
        int len = keyOf(row, present);
        if (len < 0) return false;
        int h = ByteRanges.finish(ByteRanges.mix(len, key, 0, len));
        int slot = slot(h, key, 0, len);
        int e = slots[slot] - 1;
        if (e >= 0) {
            add(e, read, 0, 1);
            return true;
        }
        Object rec = lane.map(row, channels);
        if (!(rec instanceof Spend)) return false;
        if (((Spend) rec).present() != present) throw new IllegalStateException("combiner and lane disagree at line " + row.line());
        append(slot, h, key, 0, len, (Spend) rec, read, 0, 1);
        return true;
    }

    /**
     * Writes the row's key into {@link #key}: the metrics present (1 byte), then per key column its kind
     * (1 byte, -1 when the row is too short to have the column), length (2 bytes) and bytes. Returns its
     * length, or -1 for a cell too long to key (such a row is mapped on its own).
     */
    private int keyOf(RawRow row, int present) {
        int need = 1;
        for (int c : keyColumns) {
            if (c >= row.size()) {
                need++;
                continue;
            }
            int len = row.end(c) - row.start(c);
            if (len > 0xffff) return -1;
            need += 3 + len;
        }
        if (need > key.length) key = new byte[Math.max(need, 2 * key.length)];
        byte[] k = key;
        byte[] b = row.bytes();
        int p = 0;
        k[p++] = (byte) present;
        for (int c : keyColumns) {
            if (c >= row.size()) {
                k[p++] = -1;
                continue;
            }
            int s = row.start(c);
            int len = row.end(c) - s;
            k[p++] = row.kind(c);
            k[p++] = (byte) (len >>> 8);
            k[p++] = (byte) len;
            System.arraycopy(b, s, k, p, len);
            p += len;
        }
        return p;
    }

    /** The slot of the entry whose key is {@code b[from, from + len)}, or of the free slot where it would go. */
    private int slot(int h, byte[] b, int from, int len) {
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int e = slots[i] - 1;
            if (e < 0 || hashes[e] == h && keyLength(e) == len && ByteRanges.equal(keys, keyAt[e], b, from, len)) return i;
        }
    }

    /** Adds {@code n} rows' metrics {@code v[at, at + SUMS)} to entry {@code e}. */
    private void add(int e, long[] v, int at, long n) {
        int to = e * SUMS;
        for (int k = 0; k < SUMS; k++) sums[to + k] = Math.addExact(sums[to + k], v[at + k]);
        rows[e] += n;
    }

    /** A new entry in free slot {@code slot}: its key, the row that stands for it, and the sums of its {@code n} rows. */
    private void append(int slot, int h, byte[] b, int from, int len, Spend firstRow, long[] v, int at, long n) {
        if (size == first.length) growEntries();
        if (keysLength + len > keys.length) keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysLength + len));
        int e = size++;
        keyAt[e] = keysLength;
        System.arraycopy(b, from, keys, keysLength, len);
        keysLength += len;
        hashes[e] = h;
        first[e] = firstRow;
        System.arraycopy(v, at, sums, e * SUMS, SUMS);
        rows[e] = n;
        slots[slot] = e + 1;
        if (size * 2 > slots.length) rehash();
    }

    /**
     * Adds another table's sums (from a later chunk of the same file, read with the same columns) by key.
     * A key this table lacks comes with the other table's first row.
     */
    void absorb(SpendCombiner o) {
        for (int e = 0; e < o.size; e++) {
            int from = o.keyAt[e];
            int len = o.keyLength(e);
            int h = o.hashes[e];
            int slot = slot(h, o.keys, from, len);
            int mine = slots[slot] - 1;
            if (mine >= 0) {
                add(mine, o.sums, e * SUMS, o.rows[e]);
            } else {
                append(slot, h, o.keys, from, len, o.first[e], o.sums, e * SUMS, o.rows[e]);
            }
        }
    }

    /** Bytes of entry {@code e}'s key: keys are stored one after the other in entry order. */
    private int keyLength(int e) { return (e + 1 < size ? keyAt[e + 1] : keysLength) - keyAt[e]; }

    private void growEntries() {
        int n = first.length * 2;
        hashes = Arrays.copyOf(hashes, n);
        keyAt = Arrays.copyOf(keyAt, n);
        first = Arrays.copyOf(first, n);
        sums = Arrays.copyOf(sums, n * SUMS);
        rows = Arrays.copyOf(rows, n);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int e = 0; e < size; e++) {
            int i = hashes[e] & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = e + 1;
        }
    }

    /** True when the table is big enough to be emitted before reading on. */
    boolean full() { return size >= maxEntries; }

    /**
     * Sends one record per key to {@code sink} (its first row's fields, with the sums) and empties the
     * table. Returns the number of rows they stand for.
     */
    long emit(Consumer<Object> sink) {
        long n = 0;
        for (int e = 0; e < size; e++) {
            Spend f = first[e];
            int at = e * SUMS;
            sink.accept(rows[e] == 1 ? f : new Spend(f.date(), f.dateEnd(), f.platform(), f.channel(), f.campaign(), f.adGroup(),
                    f.currency(), sums[at + FastLane.SpendLane.COST], sums[at + FastLane.SpendLane.IMPRESSIONS],
                    sums[at + FastLane.SpendLane.CLICKS], sums[at + FastLane.SpendLane.CONVERSIONS],
                    sums[at + FastLane.SpendLane.VALUE], sums[at + FastLane.SpendLane.LEADS], f.present()));
            n += rows[e];
            first[e] = null;
        }
        size = 0;
        keysLength = 0;
        Arrays.fill(slots, 0);
        return n;
    }
}
