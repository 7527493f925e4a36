package dev.kpi.input;

import dev.kpi.input.value.MoneyValue;
import dev.kpi.input.value.NumberParser;
import dev.kpi.input.value.ValueException;
import dev.kpi.records.BillingInterval;
import dev.kpi.records.Micros;
import dev.kpi.records.Subscription;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Maps billing exports to {@link Subscription}. A file with a {@code month} (or {@code date}) column is a
 * ledger, one row per customer and month; otherwise a {@code start} column makes each row one
 * subscription running from its start to its end.
 *
 * <ul>
 *   <li>Amount: the {@code amount} column (price per billing interval) when mapped, else {@code mrr};
 *       times {@code quantity} when there is one (rounded half-even to the micro).</li>
 *   <li>Interval: the {@code interval} cell, times {@code intervalCount}; else yearly when {@code annual}
 *       says yes; else monthly. An {@code mrr} amount is monthly whatever the interval column says.</li>
 *   <li>End: the {@code end} cell; else {@code canceledAt}, unless the status says the subscription still
 *       runs (Stripe keeps the request date in "Canceled At" while a subscription set to cancel at the
 *       period end is still active); for Chargebee's "non_renewing" it is the scheduled end.</li>
 * </ul>
 */
final class SubscriptionMapper extends RowMapper<Subscription> {
    /** Statuses of a subscription that has not ended, whatever its cancellation date says. */
    static final Set<String> RUNNING = Set.of("active", "trialing", "in_trial", "past_due", "non_renewing",
            "future", "paused", "unpaid", "incomplete");

    /** Running statuses whose cancellation date is the scheduled end (Chargebee's "non_renewing"). */
    static final Set<String> SCHEDULED_END = Set.of("non_renewing");

    private final boolean ledger;
    private final boolean amountIsMrr;

    SubscriptionMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("customerId")) throw MissingColumn.of(ctx, "customerId", "the customer or account id");
        ledger = mapping.has("month") || mapping.has("date");
        if (!ledger && !mapping.has("start")) {
            throw MissingColumn.of(ctx, "start", "a start date per subscription, or a month column for a monthly ledger");
        }
        if (!mapping.has("amount") && !mapping.has("mrr")) throw MissingColumn.of(ctx, "mrr", "the monthly recurring revenue or the plan amount");
        amountIsMrr = !mapping.has("amount");
        if (!ledger && !amountIsMrr && !mapping.has("interval") && !mapping.has("annual")) {
            ctx.diagnostics().note(ctx.fileName() + ": no billing interval column: amounts are read as monthly"
                    + " (map inputs.subscriptions.columns.interval for annual plans)");
        }
    }

    @Override
    protected Subscription read(RawRow row) throws SkipRow {
        String customer = customer(row);
        LocalDate month = null;
        LocalDate start = null;
        if (ledger) {
            if (mapping.has("month") && raw(row, "month") != null) month = month(row, "month", true);
            else month = date(row, "date", true);
            month = month.withDayOfMonth(1);
        } else {
            start = date(row, "start", true);
        }
        String amountField = amountIsMrr ? "mrr" : "amount";
        MoneyValue amount = money(row, amountField, true);
        if (amount == null) throw bad(row, amountField, null, "required amount is empty", true);
        long micros = amount.micros();
        if (mapping.has("quantity")) {
            String q = raw(row, "quantity");
            if (q != null && !NumberParser.isMissing(q)) {
                long qty;
                try {
                    qty = ctx.numbers().parseMicros(q);
                } catch (ValueException e) {
                    throw bad(row, "quantity", q, e.reason(), true);
                }
                micros = BigDecimal.valueOf(micros).multiply(BigDecimal.valueOf(qty, Micros.SCALE))
                        .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            }
        }
        BillingInterval interval = BillingInterval.MONTHLY;
        if (!amountIsMrr) {
            String text = text(row, "interval");
            if (text != null) {
                interval = BillingInterval.parse(text);
                if (interval == null) {
                    throw bad(row, "interval", text, "not a billing interval (month, year, week, day, quarterly, 3 months, …)", true);
                }
                Long n = count(row, "intervalCount");
                if (n != null) {
                    if (n < 1 || n > 1000) throw bad(row, "intervalCount", n.toString(), "interval count must be 1 or more", true);
                    interval = interval.times(n.intValue());
                }
            } else if (Boolean.TRUE.equals(bool(row, "annual"))) {
                interval = BillingInterval.YEARLY;
            }
        } else if (Boolean.TRUE.equals(bool(row, "annual")) && ledger) {
            interval = BillingInterval.YEARLY; // a ledger's yearly amount, to be spread as 1/12 a month
        }
        String currency = amount.currency();
        if (currency == null) currency = currencyCell(row);
        if (currency == null) currency = ctx.defaultCurrency(amountField);

        String status = text(row, "status");
        LocalDate end = null;
        LocalDate trialEnd = null;
        if (!ledger) {
            end = date(row, "end", false);
            if (end == null) {
                LocalDate canceled = date(row, "canceledAt", false);
                String st = status == null ? null : status.toLowerCase(Locale.ROOT);
                if (canceled != null && (st == null || !RUNNING.contains(st) || SCHEDULED_END.contains(st))) end = canceled;
            }
            if (end != null && end.isBefore(start)) {
                throw bad(row, mapping.has("end") ? "end" : "canceledAt", end.toString(), "the subscription ends before it starts (" + start + ")", true);
            }
            trialEnd = date(row, "trialEnd", false);
        }
        LocalDate observed = ledger ? month.withDayOfMonth(month.lengthOfMonth()) : latest(start, end != null && !isFutureEnd(status) ? end : null,
                date(row, "currentPeriodStart", false));
        return new Subscription(id(row, "id"), customer, month, start, end, trialEnd, micros, interval, currency,
                text(row, "plan"), status, observed);
    }

    private static boolean isFutureEnd(String status) {
        return status != null && RUNNING.contains(status.toLowerCase(Locale.ROOT));
    }

    private static LocalDate latest(LocalDate... ds) {
        LocalDate best = null;
        for (LocalDate d : ds) if (d != null && (best == null || d.isAfter(best))) best = d;
        return best;
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
