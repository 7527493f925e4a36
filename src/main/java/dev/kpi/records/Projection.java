package dev.kpi.records;

/**
 * What a consumer of spend records reads, so that a reader can skip work on the rest. A calculator states
 * it. With {@link #combineSpend} the reader may hand over one {@link Spend} per set of rows that agree on
 * every field the consumer reads, with the additive fields (cost, impressions, clicks, conversions,
 * conversion value, leads) summed. Rows always agree on platform, channel, currency and which metrics are
 * present; on the date only when {@link #spendDate}, on the campaign only when {@link #spendCampaign}. The
 * other fields of a combined record are those of one of its rows. This is valid for a consumer whose
 * {@code add} is a sum over rows of what those fields decide (adding two such rows one by one gives what
 * adding their sum gives), as {@code kpi ads} and {@code kpi cac} are. Rows a reader cannot combine
 * cheaply are handed over one by one, as always.
 */
public record Projection(boolean combineSpend, boolean spendDate, boolean spendCampaign) {
    /** Every field of every record is read: nothing is combined. */
    public static final Projection ALL = new Projection(false, true, true);
}
