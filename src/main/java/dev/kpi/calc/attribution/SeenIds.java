package dev.kpi.calc.attribution;

/**
 * A compact set of journey ids already closed, for checking that grouped input really is grouped: each
 * id is kept as a 64-bit hash in an open-addressing table filled at most half (16 to 32 bytes per id, no
 * objects), so two million ids take 32 to 64 MB. Two different ids share a hash with probability about n²/2⁶⁵ (1e-7
 * for two million ids); a collision can only raise a false "not grouped" error, never change a result.
 */
final class SeenIds {
    private long[] slots = new long[1 << 10];
    private int size;

    /** Adds the id; false when it (or an id with the same 64-bit hash) was added before. */
    boolean add(String id) {
        long h = hash(id);
        if (2 * (size + 1) > slots.length) grow();
        if (!insert(slots, h)) return false;
        size++;
        return true;
    }

    /** True when the id (or an id with the same 64-bit hash) was added. */
    boolean contains(String id) {
        long h = hash(id);
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != 0) {
            if (slots[i] == h) return true;
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() { return size; }

    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) return false;
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long h : slots) if (h != 0) insert(bigger, h);
        slots = bigger;
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finaliser (splitmix64); 0 is reserved for empty slots. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }
}
