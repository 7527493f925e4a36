package dev.kpi.records;

/**
 * What a consumer of records reads, so that a reader can skip work on the rest. A calculator states it.
 * <ul>
 *   <li>{@link #combineSpend}: the reader may hand over one {@link Spend} per set of rows that agree on
 *       every field the consumer reads, with the additive fields (cost, impressions, clicks, conversions,
 *       conversion value, leads) summed. Rows always agree on platform, channel, currency and which metrics
 *       are present; on the date only when {@link #spendDate}, on the campaign only when
 *       {@link #spendCampaign}. The other fields of a combined record are those of one of its rows. This is
 *       valid for a consumer whose {@code add} is a sum over rows of what those fields decide (adding two
 *       such rows one by one gives what adding their sum gives), as {@code kpi ads} and {@code kpi cac}
 *       are.</li>
 *   <li>{@link #wonDealsOnly}: of a deal that is not won the consumer reads only its outcome, stage,
 *       whether it has an amount and its currency; the reader may hand over a stand-in with only those
 *       fields (and may hand the same stand-in for many rows). Every row is still read and checked as
 *       before: bad values are reported, and channel names count in file order.</li>
 * </ul>
 * Rows a reader cannot treat cheaply are handed over whole, one by one, as always.
 */
public record Projection(boolean combineSpend, boolean spendDate, boolean spendCampaign, boolean wonDealsOnly) {
    /** Every field of every record is read: nothing is combined or replaced. */
    public static final Projection ALL = new Projection(false, true, true, false);

    public Projection withWonDealsOnly() { return new Projection(combineSpend, spendDate, spendCampaign, true); }
}
