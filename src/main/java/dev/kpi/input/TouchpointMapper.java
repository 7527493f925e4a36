package dev.kpi.input;

import dev.kpi.input.value.MoneyValue;
import dev.kpi.records.Touchpoint;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Maps touchpoint rows. A row gives one touch ({@code journeyId}, {@code timestamp}, {@code channel},
 * optional {@code campaign} and {@code cost}) and, when a {@code latestChannel} column is mapped, a second,
 * later touch on the same row: how CRM exports that keep only first and last touch become two-touch
 * journeys.
 *
 * <p>The second touch: channel {@code latestChannel}, time {@code latestTimestamp} (when that column is
 * missing or empty, the first touch's time, so it still comes second), campaign {@code latestCampaign}.
 * It is left out when its channel is empty, or when it repeats the first touch (same channel, same or
 * no time): a contact with a single session has Latest Source = Original Source. It carries no cost.
 *
 * <p>With the HubSpot preset the campaigns come from the source drill-downs, as for contacts: Drill-Down 1
 * for paid search, email and other campaigns, Drill-Down 2 for social ({@code Original Source Drill-Down
 * n} for the first touch, {@code Latest Source Drill-Down n} for the second).
 */
final class TouchpointMapper extends RowMapper<Touchpoint> {
    private final int[] originalDrillDown;
    private final int[] latestDrillDown;
    private Touchpoint second;

    TouchpointMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("journeyId")) throw MissingColumn.of(ctx, "journeyId", "the contact, account or visitor of the touch");
        if (!mapping.has("timestamp")) throw MissingColumn.of(ctx, "timestamp", "when the touch happened");
        if (!mapping.has("channel")) throw MissingColumn.of(ctx, "channel", "the channel or source of the touch");
        List<String> header = mapping.header();
        boolean hubspot = ctx.preset() != null && ctx.preset().has(Preset.Option.HUBSPOT_SOURCE_DRILL_DOWN);
        originalDrillDown = hubspot ? drillDowns(header, "Original Source") : new int[] {-1, -1};
        latestDrillDown = hubspot ? drillDowns(header, "Latest Source") : new int[] {-1, -1};
    }

    private static int[] drillDowns(List<String> header, String prefix) {
        return new int[] {
            Preset.find(header, List.of(prefix + " Drill-Down 1", prefix + " Data 1", prefix + " Drill Down 1")),
            Preset.find(header, List.of(prefix + " Drill-Down 2", prefix + " Data 2", prefix + " Drill Down 2"))};
    }

    @Override
    public long mapInto(RawRow row, Consumer<Object> sink) {
        second = null;
        Touchpoint first = map(row);
        if (first == null) return 0;
        sink.accept(first);
        if (second == null) return 1;
        sink.accept(second);
        second = null;
        return 2;
    }

    @Override
    protected Touchpoint read(RawRow row) throws SkipRow {
        String journey = id(row, "journeyId");
        if (journey == null) throw bad(row, "journeyId", null, "required value is empty", true);
        int semicolon = journey.indexOf(';');
        if (semicolon >= 0) journey = journey.substring(0, semicolon).strip();
        LocalDateTime at = dateTime(row, "timestamp", true);
        if (at == null) throw SkipRow.INSTANCE; // unreadable, already reported
        String source = text(row, "channel");
        if (source == null) throw bad(row, "channel", null, "required value is empty", true);
        List<String> accounts = ids(row, "accountId");
        String account = accounts.isEmpty() ? null : accounts.get(0);
        String campaign = text(row, "campaign");
        if (campaign == null && !mapping.has("campaign")) campaign = drillDownCampaign(row, source, originalDrillDown);

        MoneyValue cost = money(row, "cost", false);
        String currency = null;
        if (cost != null) {
            currency = cost.currency();
            if (currency == null) currency = currencyCode(row, "currency");
            if (currency == null) currency = ctx.defaultCurrency("cost");
        }
        String channel = ctx.channels().normalize(source);
        Touchpoint first = new Touchpoint(journey, account, at, channel, source, campaign,
                cost == null ? 0 : cost.micros(), cost != null, currency);

        if (mapping.has("latestChannel")) {
            String latestSource = text(row, "latestChannel");
            if (latestSource != null) {
                LocalDateTime latestAt = dateTime(row, "latestTimestamp", false);
                String latestChannel = ctx.channels().normalize(latestSource);
                boolean repeat = latestChannel.equals(channel) && (latestAt == null || latestAt.equals(at));
                if (!repeat) {
                    String latestCampaign = text(row, "latestCampaign");
                    if (latestCampaign == null && !mapping.has("latestCampaign")) {
                        latestCampaign = drillDownCampaign(row, latestSource, latestDrillDown);
                    }
                    second = new Touchpoint(journey, account, latestAt == null ? at : latestAt, latestChannel, latestSource,
                            latestCampaign, 0, false, null);
                }
            }
        }
        return first;
    }

    /** HubSpot's layout: the drill-down that holds the campaign depends on the source. */
    private static String drillDownCampaign(RawRow row, String source, int[] columns) {
        if (columns[0] < 0 && columns[1] < 0) return null;
        String s = source.toLowerCase(Locale.ROOT).replace('_', ' ');
        int col;
        switch (s) {
            case "paid search": case "email marketing": case "other campaigns":
                col = columns[0];
                break;
            case "paid social": case "organic social": case "social media":
                col = columns[1];
                break;
            default:
                return null;
        }
        String v = row.cell(col);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
