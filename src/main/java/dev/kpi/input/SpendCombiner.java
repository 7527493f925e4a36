package dev.kpi.input;

import dev.kpi.records.Projection;
import dev.kpi.records.Spend;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private static final int SUMS = 6;

    private final FastLane.SpendLane lane;
    private final int[] keyColumns;
    private final int date;
    private final int cost;
    private final int value;
    private final int impressions;
    private final int clicks;
    private final int conversions;
    private final int leads;

    private int[] slots = new int[1 << 12];
    private int[] hashes = new int[1 << 11];
    private int[] keyAt = new int[1 << 11];
    private Spend[] first = new Spend[1 << 11];
    private long[] sums = new long[(1 << 11) * SUMS];
    private long[] rows = new long[1 << 11];
    private byte[] keys = new byte[1 << 14];
    private int keysLength;
    private int size;

    private SpendCombiner(FastLane.SpendLane lane, int[] keyColumns) {
        this.lane = lane;
        this.keyColumns = keyColumns;
        this.date = lane.date;
        this.cost = lane.cost;
        this.value = lane.value;
        this.impressions = lane.impressions;
        this.clicks = lane.clicks;
        this.conversions = lane.conversions;
        this.leads = lane.leads;
    }

    /** A combiner for a chunk read by {@code lane}, or null when the projection does not allow combining. */
    static SpendCombiner of(FastLane lane, Projection projection) {
        if (!enabled || !(lane instanceof FastLane.SpendLane) || projection == null || !projection.combineSpend()) return null;
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
        long c, v, imp, clk, conv, ld;
        int present = 0;
        try {
            if (FastLane.empty(row, date)) return false;
            FastLane.checkDate(row, date); // only checked: a date the lane cannot read goes to the mapper
            c = 0;
            if (!FastLane.empty(row, cost)) {
                c = FastLane.micros(row, cost);
                present |= Spend.COST;
            }
            v = 0;
            if (!FastLane.empty(row, value)) {
                v = FastLane.micros(row, value);
                present |= Spend.CONVERSION_VALUE;
            }
            imp = 0;
            if (!FastLane.empty(row, impressions)) {
                imp = FastLane.count(row, impressions);
                present |= Spend.IMPRESSIONS;
            }
            clk = 0;
            if (!FastLane.empty(row, clicks)) {
                clk = FastLane.count(row, clicks);
                present |= Spend.CLICKS;
            }
            conv = 0;
            if (!FastLane.empty(row, conversions)) {
                conv = FastLane.micros(row, conversions);
                present |= Spend.CONVERSIONS;
            }
            ld = 0;
            if (!FastLane.empty(row, leads)) {
                ld = FastLane.count(row, leads);
                present |= Spend.LEADS;
            }
        } catch (FastLane.Fallback f) {
            return false;
        }
        byte[] b = row.bytes();
        long hl = present;
        for (int k : keyColumns) hl = hashCell(hl, row, k, b);
        hl = (hl ^ (hl >>> 32)) * M;
        int h = (int) (hl ^ (hl >>> 29));
        int mask = slots.length - 1;
        int i = h & mask;
        while (true) {
            int e = slots[i] - 1;
            if (e < 0) break;
            if (hashes[e] == h && sameKey(e, row, b, present)) {
                long[] s = sums;
                int at = e * SUMS;
                s[at] = Math.addExact(s[at], c);
                s[at + 1] += imp;
                s[at + 2] += clk;
                s[at + 3] = Math.addExact(s[at + 3], conv);
                s[at + 4] = Math.addExact(s[at + 4], v);
                s[at + 5] += ld;
                rows[e]++;
                return true;
            }
            i = (i + 1) & mask;
        }
        int need = 1;
        for (int k : keyColumns) need += k >= row.size() ? 1 : 3 + row.end(k) - row.start(k);
        if (need > 0xffff) return false; // absurdly long cells: mapped on their own
        Object rec = lane.map(row, channels);
        if (!(rec instanceof Spend)) return false;
        Spend s = (Spend) rec;
        if (s.present() != present) throw new IllegalStateException("combiner and lane disagree at line " + row.line());
        insert(i, h, row, b, need, s);
        return true;
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M = 0x9E3779B97F4A7C15L;

    /** Mixes a cell (its kind, length and bytes, eight at a time) into {@code h}. */
    private static long hashCell(long h, RawRow row, int c, byte[] b) {
        if (c >= row.size()) return Long.rotateLeft((h ^ 0xFF) * M, 29);
        int s = row.start(c);
        int e = row.end(c);
        h = Long.rotateLeft((h ^ ((long) row.kind(c) << 32 | (e - s))) * M, 29);
        int i = s;
        for (; i + 8 <= e; i += 8) h = Long.rotateLeft((h ^ (long) LONG.get(b, i)) * M, 29);
        if (i < e) {
            long w = 0;
            for (int j = e - 1; j >= i; j--) w = w << 8 | (b[j] & 0xff);
            h = Long.rotateLeft((h ^ w) * M, 29);
        }
        return h;
    }

    /** Key layout: present (1 byte), then per key column its kind (1 byte, -1 when absent), length (2 bytes) and bytes. */
    private boolean sameKey(int e, RawRow row, byte[] b, int present) {
        byte[] k = keys;
        int p = keyAt[e];
        if (k[p++] != present) return false;
        for (int c : keyColumns) {
            if (c >= row.size()) {
                if (k[p++] != -1) return false;
                continue;
            }
            if (k[p++] != row.kind(c)) return false;
            int s = row.start(c);
            int len = row.end(c) - s;
            if (((k[p] & 0xff) << 8 | (k[p + 1] & 0xff)) != len) return false;
            p += 2;
            int j = 0;
            for (; j + 8 <= len; j += 8) if ((long) LONG.get(k, p + j) != (long) LONG.get(b, s + j)) return false;
            for (; j < len; j++) if (k[p + j] != b[s + j]) return false;
            p += len;
        }
        return true;
    }

    private void insert(int slot, int h, RawRow row, byte[] b, int need, Spend s) {
        if (size == first.length) growEntries();
        if (keysLength + need > keys.length) keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysLength + need));
        int e = size++;
        keyAt[e] = keysLength;
        byte[] k = keys;
        int p = keysLength;
        k[p++] = (byte) s.present();
        for (int c : keyColumns) {
            if (c >= row.size()) {
                k[p++] = -1;
                continue;
            }
            k[p++] = row.kind(c);
            int st = row.start(c);
            int len = row.end(c) - st;
            k[p++] = (byte) (len >>> 8);
            k[p++] = (byte) len;
            System.arraycopy(b, st, k, p, len);
            p += len;
        }
        keysLength = p;
        hashes[e] = h;
        first[e] = s;
        int at = e * SUMS;
        sums[at] = s.cost();
        sums[at + 1] = s.impressions();
        sums[at + 2] = s.clicks();
        sums[at + 3] = s.conversions();
        sums[at + 4] = s.conversionValue();
        sums[at + 5] = s.leads();
        rows[e] = 1;
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
            int at = e * SUMS;
            int mask = slots.length - 1;
            int i = h & mask;
            int found = -1;
            for (int m; (m = slots[i] - 1) >= 0; i = (i + 1) & mask) {
                if (hashes[m] == h && keyLength(m) == len && Arrays.equals(keys, keyAt[m], keyAt[m] + len, o.keys, from, from + len)) {
                    found = m;
                    break;
                }
            }
            if (found >= 0) {
                int to = found * SUMS;
                sums[to] = Math.addExact(sums[to], o.sums[at]);
                sums[to + 1] += o.sums[at + 1];
                sums[to + 2] += o.sums[at + 2];
                sums[to + 3] = Math.addExact(sums[to + 3], o.sums[at + 3]);
                sums[to + 4] = Math.addExact(sums[to + 4], o.sums[at + 4]);
                sums[to + 5] += o.sums[at + 5];
                rows[found] += o.rows[e];
                continue;
            }
            if (size == first.length) growEntries();
            if (keysLength + len > keys.length) keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysLength + len));
            int n = size++;
            keyAt[n] = keysLength;
            System.arraycopy(o.keys, from, keys, keysLength, len);
            keysLength += len;
            hashes[n] = h;
            first[n] = o.first[e];
            System.arraycopy(o.sums, at, sums, n * SUMS, SUMS);
            rows[n] = o.rows[e];
            slots[i] = n + 1;
            if (size * 2 > slots.length) rehash();
        }
    }

    /** Bytes of entry {@code e}'s key: entries are laid out in the arena in order. */
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
                    f.currency(), sums[at], sums[at + 1], sums[at + 2], sums[at + 3], sums[at + 4], sums[at + 5], f.present()));
            n += rows[e];
            first[e] = null;
        }
        size = 0;
        keysLength = 0;
        Arrays.fill(slots, 0);
        return n;
    }
}
