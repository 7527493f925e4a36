package dev.kpi.calc.funnel;

/**
 * Decides which stages of a funnel one entity reached, from its evidence bits and their dates, under an
 * {@link OrderMode} and an optional conversion window. One instance is reused for every entity (its
 * arrays are overwritten by each {@link #evaluate} call); not thread-safe.
 *
 * <p>Per stage k: {@code direct[k]} — the entity carries evidence for k (for a deal entity the first
 * stage always holds: the deal exists, and the stage counts as imputed when nothing else records it);
 * {@code entry[k]} — the earliest date of that evidence
 * ({@link Minutes#NONE} when undated); with a window W, evidence dated more than W after the first
 * stage's entry does not count (undated evidence does, and {@link #undatedInWindow} says so);
 * {@code reached[k]} by the order mode; {@code imputed[k]} — reached without evidence of its own
 * (a later stage implied it in sequential mode, or a deal entity reached the first stage by existing);
 * {@link #furthest} — the last stage reached, -1 when the entity is not in the
 * funnel (it did not reach the first stage).
 */
public final class Reach {
    /** The dates of an entity's evidence bits. */
    public interface Dates {
        int date(int atom);
    }

    private final long[] stageMasks;
    private final OrderMode mode;
    private final int windowMinutes;
    public final boolean[] direct;
    public final boolean[] reached;
    public final boolean[] imputed;
    public final int[] entry;
    public int furthest;
    public boolean undatedInWindow;

    /** @param windowMinutes the conversion window from the first stage, or a negative number for none */
    public Reach(Funnel funnel, Atoms atoms, OrderMode mode, int windowMinutes) {
        int n = funnel.stages().size();
        stageMasks = new long[n];
        for (int k = 0; k < n; k++) stageMasks[k] = atoms.mask(funnel.stages().get(k));
        this.mode = mode;
        this.windowMinutes = windowMinutes;
        direct = new boolean[n];
        reached = new boolean[n];
        imputed = new boolean[n];
        entry = new int[n];
    }

    public int stages() { return stageMasks.length; }

    public long stageMask(int k) { return stageMasks[k]; }

    /** Union of every stage's evidence bits. */
    public long allStages() {
        long m = 0;
        for (long s : stageMasks) m |= s;
        return m;
    }

    /**
     * @param exists  true for a deal entity: it reached the first stage by existing, entered at {@code anchor}
     *                when its evidence gives no date
     */
    public void evaluate(long mask, Dates dates, boolean exists, int anchor) {
        int n = stageMasks.length;
        undatedInWindow = false;
        for (int k = 0; k < n; k++) {
            long m = stageMasks[k] & mask;
            direct[k] = m != 0;
            int e = Minutes.NONE;
            while (m != 0) {
                int bit = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                int d = dates.date(bit);
                if (d != Minutes.NONE && (e == Minutes.NONE || d < e)) e = d;
            }
            entry[k] = e;
        }
        boolean byExistence = exists && !direct[0];
        if (byExistence) {
            direct[0] = true;
            entry[0] = anchor;
        } else if (exists && entry[0] == Minutes.NONE) {
            entry[0] = anchor;
        }
        if (windowMinutes >= 0) {
            int first = entry[0];
            for (int k = 1; k < n; k++) {
                if (!direct[k]) continue;
                if (entry[k] == Minutes.NONE || first == Minutes.NONE) {
                    undatedInWindow = true;
                } else if ((long) entry[k] - first > windowMinutes) {
                    direct[k] = false;
                    entry[k] = Minutes.NONE;
                }
            }
        }
        furthest = -1;
        switch (mode) {
            case SEQUENTIAL:
                for (int k = n - 1; k >= 0; k--) if (direct[k]) { furthest = k; break; }
                for (int k = 0; k < n; k++) {
                    reached[k] = k <= furthest;
                    imputed[k] = reached[k] && !direct[k];
                }
                break;
            case STRICT: {
                int last = Minutes.NONE;
                boolean ok = true;
                for (int k = 0; k < n; k++) {
                    ok = ok && direct[k] && (entry[k] == Minutes.NONE || last == Minutes.NONE || entry[k] >= last);
                    reached[k] = ok;
                    imputed[k] = false;
                    if (ok) {
                        furthest = k;
                        if (entry[k] != Minutes.NONE) last = entry[k];
                    }
                }
                break;
            }
            case ANY: {
                boolean ok = true;
                for (int k = 0; k < n; k++) {
                    ok = ok && direct[k];
                    reached[k] = ok;
                    imputed[k] = false;
                    if (ok) furthest = k;
                }
                break;
            }
            default:
                throw new IllegalStateException(mode.toString());
        }
        if (byExistence && reached[0]) imputed[0] = true;
    }
}
