package dev.kpi.input;

import dev.kpi.input.value.MoneyValue;
import dev.kpi.records.Spend;

import java.time.LocalDate;

/**
 * Maps ad-platform rows to {@link Spend}. The period of a row comes from, in order: a day column; a
 * reporting start/end pair (Meta without a day breakdown); a month column; the report range in the
 * preamble (Google Ads or LinkedIn exports without a time segment). A row is never booked to one day
 * when it stands for a longer period.
 */
final class SpendMapper extends RowMapper<Spend> {
    /** How a LinkedIn-style "start date" column is to be read, decided per file from its first rows. */
    enum StartDateMeaning { DAY, MONTH, WHOLE_RANGE }

    private final StartDateMeaning startMeaning;

    SpendMapper(ReadContext ctx, StartDateMeaning startMeaning) {
        super(ctx);
        this.startMeaning = startMeaning;
        if (!mapping.has("cost")) {
            throw MissingColumn.of(ctx, "cost", "the amount spent");
        }
    }

    @Override
    protected Spend read(RawRow row) throws SkipRow {
        String campaign = text(row, "campaign");
        if (campaign == null && ctx.preset() != null && ctx.preset().has(Preset.Option.SKIP_EMPTY_CAMPAIGN)) {
            ctx.diagnostics().note(ctx.fileName() + ":" + row.exactLine() + ": skipped an account summary row (no campaign name)");
            return null;
        }
        LocalDate date = null;
        LocalDate end = null;
        if (mapping.has("date")) {
            date = date(row, "date", true);
            // A platform export with both a day column and reporting start/end (Meta with a Day breakdown)
            // has one-day rows; elsewhere a mapped dateEnd closes the row's period.
            boolean pairs = ctx.preset() == null || !ctx.preset().hasPeriodStart()
                    || ctx.preset().isPeriodStart(mapping.headerOf("date"));
            if (mapping.has("dateEnd") && pairs) {
                end = date(row, "dateEnd", false);
            }
            if (startMeaning == StartDateMeaning.MONTH) {
                end = date.withDayOfMonth(date.lengthOfMonth());
                if (ctx.reportRange() != null && ctx.reportRange().end().isBefore(end)) end = ctx.reportRange().end();
            } else if (startMeaning == StartDateMeaning.WHOLE_RANGE && ctx.reportRange() != null) {
                end = ctx.reportRange().end();
            }
        } else if (mapping.has("month")) {
            date = month(row, "month", true);
            end = date.withDayOfMonth(date.lengthOfMonth());
        } else if (ctx.reportRange() != null) {
            date = ctx.reportRange().start();
            end = ctx.reportRange().end();
        }
        if (end != null && date != null) {
            if (end.isBefore(date)) throw bad(row, "dateEnd", end.toString(), "period ends before it starts", true);
            if (end.equals(date)) end = null;
        }

        int present = 0;
        MoneyValue cost = money(row, "cost", true);
        long costMicros = 0;
        String currency = null;
        if (cost != null) {
            present |= Spend.COST;
            costMicros = cost.micros();
            currency = cost.currency();
        }
        MoneyValue value = money(row, "conversionValue", false);
        long valueMicros = 0;
        if (value != null) {
            present |= Spend.CONVERSION_VALUE;
            valueMicros = value.micros();
            if (currency == null) currency = value.currency();
        }
        if (currency == null) currency = currencyCode(row, "currency");
        if (currency == null) currency = ctx.defaultCurrency("cost");

        Long impressions = count(row, "impressions");
        if (impressions != null) present |= Spend.IMPRESSIONS;
        Long clicks = count(row, "clicks");
        if (clicks != null) present |= Spend.CLICKS;
        Long conversions = decimalMicros(row, "conversions");
        if (conversions != null) present |= Spend.CONVERSIONS;
        Long leads = count(row, "leads");
        if (leads != null) present |= Spend.LEADS;

        String platform = text(row, "platform");
        if (platform == null) platform = ctx.defaultPlatform();
        String channel = text(row, "channel");
        if (channel == null) channel = ctx.defaultChannel();

        return new Spend(date, end, platform, ctx.channels().normalize(channel), campaign, text(row, "adGroup"),
                currency, costMicros, impressions == null ? 0 : impressions, clicks == null ? 0 : clicks,
                conversions == null ? 0 : conversions, valueMicros, leads == null ? 0 : leads, present);
    }
}
