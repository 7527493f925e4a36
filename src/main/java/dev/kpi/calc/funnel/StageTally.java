package dev.kpi.calc.funnel;

import dev.kpi.calc.MoneySum;

/**
 * Counts for one group of a funnel: entities per stage (reached, imputed), where entities stopped
 * (lost or still open at their furthest stage), the days between consecutive stage entries, and the
 * won deals with their revenue (exact, per currency). Entities that did not reach the first stage are
 * only counted in {@link #outside()}.
 */
public final class StageTally {
    public static final int OPEN = 0, LOST = 1, WON = 2;

    private final long[] reached;
    private final long[] imputed;
    private final long[] lostAt;
    private final long[] openAt;
    private final Durations[] minutesFromPrevious;
    private long entities;
    private long won;
    private long lost;
    private long open;
    private long outside;
    private long negative;
    private long wonDeals;
    private final MoneySum wonRevenue = new MoneySum();
    private long wonWithoutAmount;
    private long leads;

    public StageTally(int stages) {
        reached = new long[stages];
        imputed = new long[stages];
        lostAt = new long[stages];
        openAt = new long[stages];
        minutesFromPrevious = new Durations[stages];
        for (int k = 0; k < stages; k++) minutesFromPrevious[k] = new Durations();
    }

    /** Adds one entity as {@code r} evaluated it, with its outcome ({@link #OPEN}, {@link #LOST}, {@link #WON}). */
    public void add(Reach r, int outcome) {
        if (r.furthest < 0) {
            outside++;
            return;
        }
        entities++;
        for (int k = 0; k <= r.furthest; k++) {
            if (!r.reached[k]) continue;
            reached[k]++;
            if (r.imputed[k]) imputed[k]++;
            if (k > 0 && r.direct[k] && r.direct[k - 1] && r.entry[k] != Minutes.NONE && r.entry[k - 1] != Minutes.NONE) {
                long d = (long) r.entry[k] - r.entry[k - 1];
                if (d >= 0) minutesFromPrevious[k].add((int) Math.min(Integer.MAX_VALUE, d)); else negative++;
            }
        }
        if (outcome == WON) won++;
        else if (outcome == LOST) { lost++; lostAt[r.furthest]++; }
        else { open++; openAt[r.furthest]++; }
    }

    /** A won deal of this group, for the average deal size. */
    public void addWonDeal(boolean hasAmount, String currency, long micros) {
        wonDeals++;
        if (hasAmount) wonRevenue.add(currency, micros); else wonWithoutAmount++;
    }

    public void addLead() { leads++; }

    public void merge(StageTally o) {
        for (int k = 0; k < reached.length; k++) {
            reached[k] += o.reached[k];
            imputed[k] += o.imputed[k];
            lostAt[k] += o.lostAt[k];
            openAt[k] += o.openAt[k];
            minutesFromPrevious[k].addAll(o.minutesFromPrevious[k]);
        }
        entities += o.entities;
        won += o.won;
        lost += o.lost;
        open += o.open;
        outside += o.outside;
        negative += o.negative;
        wonDeals += o.wonDeals;
        wonRevenue.merge(o.wonRevenue);
        wonWithoutAmount += o.wonWithoutAmount;
        leads += o.leads;
    }

    public int stages() { return reached.length; }
    public long reached(int k) { return reached[k]; }
    public long imputed(int k) { return imputed[k]; }
    public long lostAt(int k) { return lostAt[k]; }
    public long openAt(int k) { return openAt[k]; }
    public Durations minutesFromPrevious(int k) { return minutesFromPrevious[k]; }
    public long entities() { return entities; }
    public long won() { return won; }
    public long lost() { return lost; }
    public long open() { return open; }
    public long outside() { return outside; }
    /** Consecutive stage entries in the wrong order (left out of the day statistics). */
    public long negative() { return negative; }
    public long wonDeals() { return wonDeals; }
    /** Won deals with an amount (the denominator of the average deal size). */
    public long wonDealsWithAmount() { return wonDeals - wonWithoutAmount; }
    public MoneySum wonRevenue() { return wonRevenue; }
    public long leads() { return leads; }
}
