package dev.kpi.input;

import dev.kpi.input.value.MoneyValue;
import dev.kpi.records.Transaction;

/**
 * Maps orders, payments and invoices to {@link Transaction}: a customer, a day and an amount, all three
 * required (a row without one is reported and skipped). A refunded amount (Stripe's "Amount Refunded") is
 * taken off the amount. The status is passed through as written; the calculator decides which statuses
 * are paid.
 */
final class TransactionMapper extends RowMapper<Transaction> {
    TransactionMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("customerId")) throw MissingColumn.of(ctx, "customerId", "the customer or account id");
        if (!mapping.has("date")) throw MissingColumn.of(ctx, "date", "the day of the purchase");
        if (!mapping.has("amount")) throw MissingColumn.of(ctx, "amount", "the amount paid");
    }

    @Override
    protected Transaction read(RawRow row) throws SkipRow {
        String customer = customer(row);
        var date = date(row, "date", true);
        MoneyValue amount = money(row, "amount", true);
        if (amount == null) throw bad(row, "amount", null, "required amount is empty", true);
        long micros = amount.micros();
        String currency = amount.currency();
        MoneyValue refunded = money(row, "refunded", false);
        if (refunded != null) {
            if (refunded.currency() != null && currency != null && !refunded.currency().equals(currency)) {
                throw bad(row, "refunded", refunded.currency(), "refund is in another currency than the amount (" + currency + ")", true);
            }
            micros = Math.subtractExact(micros, refunded.micros());
        }
        if (currency == null) currency = currencyCell(row);
        if (currency == null) currency = ctx.defaultCurrency("amount");
        return new Transaction(id(row, "id"), customer, date, micros, currency, text(row, "status"));
    }

    /** The customer id; the scientific-notation check of {@link #id} only runs on cells with an e/E. */
    private String customer(RawRow row) throws SkipRow {
        String v = text(row, "customerId");
        if (v == null) throw bad(row, "customerId", null, "required customer id is empty", true);
        return v.indexOf('e') >= 0 || v.indexOf('E') >= 0 ? id(row, "customerId") : v;
    }

    /** A 3-letter currency cell upper-cased; anything else through {@link #currencyCode} (which reports it). */
    private String currencyCell(RawRow row) throws SkipRow {
        String v = text(row, "currency");
        if (v != null && v.length() == 3 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))
                && Character.isLetter(v.charAt(2)) && v.charAt(0) < 128 && v.charAt(1) < 128 && v.charAt(2) < 128) {
            return v.toUpperCase(java.util.Locale.ROOT);
        }
        return currencyCode(row, "currency");
    }
}
