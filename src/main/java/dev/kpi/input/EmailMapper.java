package dev.kpi.input;

import dev.kpi.records.Email;

import java.time.LocalDate;

/**
 * Maps email-tool campaign rows (Mailchimp's campaign report export, or kpi's own columns) to
 * {@link Email}. A send needs its delivered count (the denominator of every email rate); opens and
 * clicks are the unique counts. The channel is the row's, else the input's, else the preset's
 * ({@code Email Marketing}).
 */
final class EmailMapper extends RowMapper<Email> {
    EmailMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("delivered") && !mapping.has("sent")) {
            throw MissingColumn.of(ctx, "delivered", "emails delivered (or sent)");
        }
    }

    @Override
    protected Email read(RawRow row) throws SkipRow {
        LocalDate date = mapping.has("date") ? date(row, "date", false) : null;
        int present = 0;
        Long sent = count(row, "sent");
        if (sent != null) present |= Email.SENT;
        Long delivered = count(row, "delivered");
        if (delivered != null) present |= Email.DELIVERED;
        Long opens = count(row, "opens");
        if (opens != null) present |= Email.OPENS;
        Long clicks = count(row, "clicks");
        if (clicks != null) present |= Email.CLICKS;
        Long forwards = count(row, "forwards");
        if (forwards != null) present |= Email.FORWARDS;
        Long unsubscribes = count(row, "unsubscribes");
        if (unsubscribes != null) present |= Email.UNSUBSCRIBES;
        Long listSize = count(row, "listSize");
        if (listSize != null) present |= Email.LIST_SIZE;
        if (sent == null && delivered == null) {
            throw bad(row, mapping.has("delivered") ? "delivered" : "sent", null, "a send needs its delivered (or sent) count", true);
        }
        String channel = text(row, "channel");
        if (channel == null) channel = ctx.defaultChannel();
        if (channel == null) channel = "Email Marketing";
        return new Email(date, text(row, "campaign"), text(row, "list"), ctx.channels().normalize(channel),
                sent == null ? 0 : sent, delivered == null ? 0 : delivered, opens == null ? 0 : opens,
                clicks == null ? 0 : clicks, forwards == null ? 0 : forwards, unsubscribes == null ? 0 : unsubscribes,
                listSize == null ? 0 : listSize, present);
    }
}
