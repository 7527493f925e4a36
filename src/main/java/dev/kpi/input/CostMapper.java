package dev.kpi.input;

import dev.kpi.input.value.MoneyValue;
import dev.kpi.records.Cost;
import dev.kpi.records.Team;

import java.time.LocalDate;

/** Maps a finance sheet's rows to {@link Cost}: a date or a month, a team, an amount. */
final class CostMapper extends RowMapper<Cost> {
    CostMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("amount")) throw MissingColumn.of(ctx, "amount", "the cost amount");
        if (!mapping.has("team")) throw MissingColumn.of(ctx, "team", "sales or marketing");
        if (!mapping.has("date") && !mapping.has("month")) throw MissingColumn.of(ctx, "month", "the month (or a date column)");
    }

    @Override
    protected Cost read(RawRow row) throws SkipRow {
        LocalDate date;
        LocalDate end = null;
        if (mapping.has("date") && raw(row, "date") != null) {
            date = date(row, "date", true);
        } else {
            date = month(row, "month", true);
            end = date.withDayOfMonth(date.lengthOfMonth());
        }
        String teamText = text(row, "team");
        Team team = Team.parse(teamText);
        if (team == null) throw bad(row, "team", teamText, "team must be 'sales' or 'marketing'", true);
        MoneyValue amount = money(row, "amount", true);
        if (amount == null) throw bad(row, "amount", null, "required amount is empty", true);
        String currency = amount.currency();
        if (currency == null) currency = currencyCode(row, "currency");
        if (currency == null) currency = ctx.defaultCurrency("amount");
        return new Cost(date, end, team, text(row, "category"), ctx.channels().normalize(text(row, "channel")),
                currency, amount.micros());
    }
}
