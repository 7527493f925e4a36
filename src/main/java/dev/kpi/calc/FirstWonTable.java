package dev.kpi.calc;

import dev.kpi.calc.funnel.TextCodes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Each customer's first won deal, for {@link CacCalculator}: per customer key, the won deal with the
 * earliest close time (UTC epoch second, then nanosecond), ties broken by the smaller deal id
 * ({@link String#compareTo}), with its channel, campaign, first contact id and account id.
 *
 * <p>Why not a {@code HashMap<String, record>}: a 5M-row deals export has ~900k customers, and a map node,
 * a record, a key String and a deal-id String per customer cost ~160 MB and, measured with JFR, ~870 ms of
 * serial-GC pauses in a 2.5 s run (every young collection traced and copied them, and the per-chunk
 * calculators' maps were copied again when merged into the main one). This table holds no object per
 * customer: texts are bytes in one growable {@code byte[]} arena and the rest sits in parallel primitive
 * arrays indexed by a dense entry number, so the collector has (almost) nothing to trace; an entry costs
 * about 45 bytes plus its texts. Arrays and arena grow by half (not double) to keep the slack small.
 *
 * <p>Layout. Entry {@code i} has its key's hash ({@link String#hashCode}, kept so growing never re-reads
 * the bytes), the arena offset of its key, its close time as nanoseconds since the epoch (one {@code long}
 * orders like second then nanosecond; kpi's years 1900-2199 are well inside its range), channel and campaign as codes
 * of a {@link TextCodes} ({@link TextCodes#NONE} = null), and the arena offset of its <em>payload</em>: deal
 * id, contact id and account id, each written as a varint tag (0 = null, 1 = "the same as the key", n + 2 =
 * n bytes follow) and its bytes. Only the account id uses tag 1: {@link dev.kpi.records.Deal#customerKey}
 * is the account id whenever that is non-empty. A key is a varint length and its bytes; it is never moved.
 * A replaced entry's payload is rewritten in place when the new one fits, else appended (the old bytes stay
 * as waste: replacements are few). Lookup is open addressing with linear probing over an {@code int[]} of
 * slots (entry + 1, 0 = free), a power of two at most half full.
 *
 * <p>Texts are encoded as UTF-8, except that an unpaired surrogate is written as its own 3-byte sequence
 * (WTF-8) where {@link String#getBytes} would write {@code ?}: the encoding stays injective on every Java
 * string, so equal bytes mean equal keys, and decoding gives back the exact string. Byte order is
 * <em>not</em> {@link String#compareTo} order (U+FFFD encodes below U+1F600 but sorts above its surrogate
 * pair), so ids are decoded and compared as strings, which only a tie on the close time needs.
 *
 * <p>The rule is that of the map it replaces, {@code map.merge(key, offered, (a, b) -> a.before(b) ? a : b)}:
 * the stored entry stays only if it is strictly first, so on a full tie (same time and id) the offered one
 * replaces it; a null deal id meeting a tie throws {@link NullPointerException} as {@code compareTo} did.
 * With ties broken fully the result does not depend on the order of offers and merges.
 * Not thread-safe.
 */
final class FirstWonTable {
    /** Largest array the VM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int MAX_SLOTS = 1 << 30;

    private static final int NULL_TAG = 0;
    private static final int KEY_TAG = 1;

    private byte[] arena;
    private int arenaSize;
    /** Entry index + 1, 0 = free; length a power of two. */
    private int[] slots;
    private int shift;
    private int size;

    private int[] hashes;
    private int[] keyAt;
    /** Close times as nanoseconds since the epoch, UTC: one {@code long} orders them as (second, nanosecond) did. */
    private long[] times;
    private int[] payloadAt;
    private int[] channels;
    private int[] campaigns;

    /** Channels and campaigns: few distinct values, stored as codes. */
    private final TextCodes texts = new TextCodes();

    /** Scratch for an offered key and payload (reused: an offer allocates nothing once they are large enough). */
    private byte[] keyBytes = new byte[64];
    private byte[] payloadBytes = new byte[64];

    FirstWonTable() {
        this(16);
    }

    /** A table sized for about {@code expected} entries (it grows past that). */
    FirstWonTable(int expected) {
        int cap = Math.max(4, Math.min(MAX_SLOTS / 2, expected));
        int slotCount = 8;
        while (slotCount < 2 * cap) slotCount <<= 1;
        slots = new int[slotCount];
        shift = 32 - Integer.numberOfTrailingZeros(slotCount);
        hashes = new int[cap];
        keyAt = new int[cap];
        times = new long[cap];
        payloadAt = new int[cap];
        channels = new int[cap];
        campaigns = new int[cap];
        arena = new byte[Math.max(256, Math.min(cap, 1 << 24) * 32)];
    }

    int size() { return size; }

    private static final long NANOS = 1_000_000_000L;
    /** Seconds either side of the epoch that nanoseconds in a {@code long} can hold (years 1678 to 2262). */
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS - 1;

    /** A close time as nanoseconds since the epoch; kpi reads years 1900 to 2199, well inside the range. */
    private static long nanos(long second, int nano) {
        if (second > MAX_SECONDS || second < -MAX_SECONDS) {
            throw new IllegalArgumentException("close time out of range (years 1678 to 2262): epoch second " + second);
        }
        return second * NANOS + nano;
    }

    /**
     * Keeps the earlier of the stored entry of {@code key} and this one: earlier close second, then nanosecond,
     * then the smaller deal id; on a full tie this one replaces the stored one. Null texts are allowed except
     * {@code key}.
     */
    void offer(String key, long closedSecond, int closedNano, String dealId, String channel, String campaign,
               String contactId, String accountId) {
        long most = 3L * key.length();
        if (most > keyBytes.length) keyBytes = new byte[grownCapacity(keyBytes.length, most)];
        int keyLen = encode(key, keyBytes, 0);
        int hash = key.hashCode();
        long time = nanos(closedSecond, closedNano);
        int e = find(hash, keyBytes, 0, keyLen);
        boolean fresh = e < 0;
        if (fresh) {
            e = append(hash, keyBytes, 0, keyLen);
        } else {
            // negative: the stored deal closed first; at the same instant the stored one stays only with a smaller id
            int c = Long.compare(times[e], time);
            if (c < 0 || c == 0 && dealId(e).compareTo(dealId) < 0) return;
        }
        times[e] = time;
        channels[e] = texts.code(channel);
        campaigns[e] = texts.code(campaign);
        int n = payloadField(0, dealId);
        n = payloadField(n, contactId);
        if (accountId != null && accountId.equals(key)) {
            n = ensurePayload(n, 1);
            payloadBytes[n++] = KEY_TAG;
        } else {
            n = payloadField(n, accountId);
        }
        storePayload(e, fresh, payloadBytes, 0, n);
    }

    /** Offers every entry of {@code o}, as {@link #offer} with its values would. */
    void mergeFrom(FirstWonTable o) {
        if (o == this) return; // every entry would replace itself
        int[] recode = new int[o.texts.size()];
        for (int c = 0; c < recode.length; c++) recode[c] = texts.code(o.texts.text(c));
        for (int i = 0; i < o.size; i++) {
            int keyStart = o.keyAt[i];
            int keyLen = readVarint(o.arena, keyStart);
            int keyFrom = keyStart + varintSize(keyLen);
            int e = find(o.hashes[i], o.arena, keyFrom, keyLen);
            boolean fresh = e < 0;
            if (fresh) {
                e = append(o.hashes[i], o.arena, keyFrom, keyLen);
            } else {
                int c = Long.compare(times[e], o.times[i]);
                if (c < 0 || c == 0 && dealId(e).compareTo(o.dealId(i)) < 0) continue;
            }
            times[e] = o.times[i];
            channels[e] = o.channels[i] == TextCodes.NONE ? TextCodes.NONE : recode[o.channels[i]];
            campaigns[e] = o.campaigns[i] == TextCodes.NONE ? TextCodes.NONE : recode[o.campaigns[i]];
            int from = o.payloadAt[i];
            storePayload(e, fresh, o.arena, from, o.payloadLength(from));
        }
    }

    // ---- reading, by entry index in [0, size) ----

    String key(int i) {
        int at = keyAt[i];
        int len = readVarint(arena, at);
        return decode(arena, at + varintSize(len), len);
    }

    long closedSecond(int i) { return Math.floorDiv(times[i], NANOS); }

    int closedNano(int i) { return (int) Math.floorMod(times[i], NANOS); }

    LocalDate closedDay(int i) { return LocalDate.ofEpochDay(Math.floorDiv(closedSecond(i), 86_400L)); }

    String channel(int i) { return texts.text(channels[i]); }

    String campaign(int i) { return texts.text(campaigns[i]); }

    String dealId(int i) { return payloadText(i, 0); }

    String contactId(int i) { return payloadText(i, 1); }

    String accountId(int i) { return payloadText(i, 2); }

    /** Field {@code field} (0 deal id, 1 contact id, 2 account id) of entry {@code i}'s payload. */
    private String payloadText(int i, int field) {
        int at = payloadAt[i];
        for (int f = 0; ; f++) {
            int tag = readVarint(arena, at);
            at += varintSize(tag);
            if (f == field) {
                if (tag == NULL_TAG) return null;
                if (tag == KEY_TAG) return key(i);
                return decode(arena, at, tag - 2);
            }
            if (tag >= 2) at += tag - 2;
        }
    }

    /** Bytes of the payload starting at {@code from}: three tagged fields. */
    private int payloadLength(int from) {
        int at = from;
        for (int f = 0; f < 3; f++) {
            int tag = readVarint(arena, at);
            at += varintSize(tag);
            if (tag >= 2) at += tag - 2;
        }
        return at - from;
    }

    // ---- hashing ----

    private int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** The entry whose key is {@code bytes[from, from + len)}, else -1. */
    private int find(int hash, byte[] bytes, int from, int len) {
        int mask = slots.length - 1;
        for (int s = slotOf(hash); ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) return -1;
            if (hashes[e] != hash) continue;
            int at = keyAt[e];
            int storedLen = readVarint(arena, at);
            if (storedLen != len) continue;
            int start = at + varintSize(storedLen);
            if (Arrays.equals(arena, start, start + len, bytes, from, from + len)) return e;
        }
    }

    /** A new entry with this key (its values are set by the caller). */
    private int append(int hash, byte[] bytes, int from, int len) {
        if (size + 1 > slots.length / 2) growSlots();
        if (size == hashes.length) growEntries();
        // The key's bytes are the scratch buffer or another table's arena, never this arena: a resize is safe.
        int at = reserve(varintSize(len) + len);
        at = writeVarint(arena, at, len);
        System.arraycopy(bytes, from, arena, at, len);
        int e = size++;
        hashes[e] = hash;
        keyAt[e] = at - varintSize(len);
        int mask = slots.length - 1;
        int s = slotOf(hash);
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = e + 1;
        return e;
    }

    private void growSlots() {
        if (slots.length >= MAX_SLOTS) {
            throw new IllegalStateException("first-won table full: more than " + (MAX_SLOTS / 2) + " customers");
        }
        int[] bigger = new int[slots.length * 2];
        slots = bigger;
        shift--;
        int mask = bigger.length - 1;
        for (int e = 0; e < size; e++) {
            int s = slotOf(hashes[e]);
            while (bigger[s] != 0) s = (s + 1) & mask;
            bigger[s] = e + 1;
        }
    }

    private void growEntries() {
        int cap = (int) Math.min(MAX_ARRAY, (long) hashes.length + (hashes.length >> 1) + 1);
        hashes = Arrays.copyOf(hashes, cap);
        keyAt = Arrays.copyOf(keyAt, cap);
        times = Arrays.copyOf(times, cap);
        payloadAt = Arrays.copyOf(payloadAt, cap);
        channels = Arrays.copyOf(channels, cap);
        campaigns = Arrays.copyOf(campaigns, cap);
    }

    // ---- arena ----

    /** Reserves {@code n} bytes at the end of the arena; returns their offset. */
    private int reserve(int n) {
        long end = (long) arenaSize + n;
        if (end > arena.length) arena = Arrays.copyOf(arena, grownCapacity(arena.length, end));
        int at = arenaSize;
        arenaSize = (int) end;
        return at;
    }

    /**
     * The arena length after growing from {@code current} to hold {@code needed} bytes: half as much again, or more if that
     * is not enough; more than an array can hold is an {@link IllegalStateException}, never a silent wrap.
     */
    static int grownCapacity(int current, long needed) {
        if (needed > MAX_ARRAY) {
            throw new IllegalStateException("first-won table: customer and deal ids need more than "
                    + MAX_ARRAY + " bytes (" + needed + ")");
        }
        return (int) Math.max(needed, Math.min(MAX_ARRAY, (long) current + (current >> 1) + 1));
    }

    /** Points entry {@code e} at this payload: over its old one when it fits, else appended. */
    private void storePayload(int e, boolean fresh, byte[] src, int from, int len) {
        if (!fresh && payloadLength(payloadAt[e]) >= len) {
            System.arraycopy(src, from, arena, payloadAt[e], len); // the rest of the old payload is never read
            return;
        }
        int at = reserve(len);
        System.arraycopy(src, from, arena, at, len);
        payloadAt[e] = at;
    }

    private int payloadField(int n, String s) {
        if (s == null) {
            n = ensurePayload(n, 1);
            payloadBytes[n++] = NULL_TAG;
            return n;
        }
        int len = encodedLength(s);
        n = ensurePayload(n, 5 + len);
        n = writeVarint(payloadBytes, n, len + 2);
        return encode(s, payloadBytes, n);
    }

    private int ensurePayload(int n, int more) {
        long need = (long) n + more;
        if (need > payloadBytes.length) payloadBytes = Arrays.copyOf(payloadBytes, grownCapacity(payloadBytes.length, need));
        return n;
    }

    // ---- text encoding: UTF-8, unpaired surrogates as 3 bytes (WTF-8) ----

    /** Bytes {@link #encode} writes for {@code s}. */
    static int encodedLength(String s) {
        int n = s.length();
        long len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) continue;
            if (c < 0x800) {
                len += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 2; // two chars, four bytes
                i++;
            } else {
                len += 2;
            }
        }
        if (len > MAX_ARRAY) throw new IllegalStateException("first-won table: an id of " + len + " bytes");
        return (int) len;
    }

    /**
     * Writes {@code s} at {@code b[at]} (room for {@link #encodedLength} bytes, at most 3 a char, is the caller's
     * concern); returns the end offset.
     */
    static int encode(String s, byte[] b, int at) {
        int p = at;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    /** The string {@link #encode} wrote as {@code b[from, from + len)}. */
    static String decode(byte[] b, int from, int len) {
        int end = from + len;
        int i = from;
        while (i < end && b[i] >= 0) i++;
        if (i == end) return new String(b, from, len, StandardCharsets.ISO_8859_1); // ASCII
        char[] out = new char[len];
        int n = 0;
        for (i = from; i < end; ) {
            int x = b[i] & 0xFF;
            if (x < 0x80) {
                out[n++] = (char) x;
                i++;
            } else if (x < 0xE0) {
                out[n++] = (char) ((x & 0x1F) << 6 | b[i + 1] & 0x3F);
                i += 2;
            } else if (x < 0xF0) {
                out[n++] = (char) ((x & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F);
                i += 3;
            } else {
                int cp = (x & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }

    // ---- varints (7 bits a byte, low first) ----

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) n++;
        return n;
    }

    private static int writeVarint(byte[] b, int at, int v) {
        while ((v & ~0x7F) != 0) {
            b[at++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    private static int readVarint(byte[] b, int at) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[at++];
            v |= (x & 0x7F) << shift;
            if (x >= 0) return v;
        }
    }
}
