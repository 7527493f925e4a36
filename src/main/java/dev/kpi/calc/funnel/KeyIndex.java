package dev.kpi.calc.funnel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each distinct identifier (lead id, deal id, account id) a dense index 0, 1, 2, … in order of
 * first sight, so per-entity values can live in primitive arrays. Identifiers made of up to 18 digits
 * without a leading zero (HubSpot, Pipedrive and most CRM ids) are held as {@code long}s in an
 * open-addressing table (about 25 bytes per id); other identifiers (Salesforce's 18-character ids, e-mail
 * addresses) use a hash map. {@link #key(int)} gives the identifier back exactly as written.
 */
public final class KeyIndex {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = new long[16];
    private int[] slotIndex = new int[16];
    private int numericCount;
    private final Map<String, Integer> text = new HashMap<>();
    /** Per index: the numeric id, or {@code -1 - position} in {@link #texts}. */
    private long[] reverse = new long[16];
    private String[] texts = new String[4];
    private int textCount;
    private int size;

    public KeyIndex() { Arrays.fill(slots, EMPTY); }

    /** Number of distinct identifiers. */
    public int size() { return size; }

    /** The index of {@code key}, or -1 when it has not been added. */
    public int indexOf(String key) {
        long n = numeric(key);
        if (n >= 0) {
            int s = find(n);
            return slots[s] == EMPTY ? -1 : slotIndex[s];
        }
        Integer i = text.get(key);
        return i == null ? -1 : i;
    }

    /** The index of {@code key}, adding it when new; {@link #size()} tells whether it was new. */
    public int add(String key) {
        long n = numeric(key);
        if (n >= 0) {
            int s = find(n);
            if (slots[s] != EMPTY) return slotIndex[s];
            slots[s] = n;
            slotIndex[s] = size;
            numericCount++;
            grow(n);
            if (numericCount * 10L > slots.length * 7L) rehash(); // load factor 0.7
            return size++;
        }
        Integer i = text.get(key);
        if (i != null) return i;
        text.put(key, size);
        if (textCount == texts.length) texts = Arrays.copyOf(texts, textCount * 2);
        texts[textCount] = key;
        grow(-1L - textCount);
        textCount++;
        return size++;
    }

    /** The identifier at {@code index}, as it was written. */
    public String key(int index) {
        long r = reverse[index];
        return r >= 0 ? Long.toString(r) : texts[(int) (-1 - r)];
    }

    private void grow(long reverseValue) {
        if (size == reverse.length) reverse = Arrays.copyOf(reverse, size * 2);
        reverse[size] = reverseValue;
    }

    /** The id as a non-negative long when it is 1–18 plain digits without a leading zero; -1 otherwise. */
    static long numeric(String key) {
        int len = key.length();
        if (len == 0 || len > 18) return -1;
        if (key.charAt(0) == '0' && len > 1) return -1;
        long v = 0;
        for (int i = 0; i < len; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private int find(long n) {
        int mask = slots.length - 1;
        int s = (int) (mix(n) & mask);
        while (slots[s] != EMPTY && slots[s] != n) s = (s + 1) & mask;
        return s;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    private void rehash() {
        long[] oldSlots = slots;
        int[] oldIndex = slotIndex;
        slots = new long[oldSlots.length * 2];
        slotIndex = new int[oldSlots.length * 2];
        Arrays.fill(slots, EMPTY);
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] == EMPTY) continue;
            int s = find(oldSlots[i]);
            slots[s] = oldSlots[i];
            slotIndex[s] = oldIndex[i];
        }
    }
}
