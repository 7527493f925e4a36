package dev.kpi.input;

import dev.kpi.records.RecordType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical fields of each record type (see the "Canonical records" table of the KPI catalogue).
 * Field names are the keys users write under {@code columns:} in the config.
 */
public final class Schema {
    private final RecordType type;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();

    private Schema(RecordType type, FieldDef... defs) {
        this.type = type;
        for (FieldDef d : defs) fields.put(d.name(), d);
    }

    public RecordType type() { return type; }

    public List<FieldDef> fields() { return List.copyOf(fields.values()); }

    public FieldDef field(String name) { return fields.get(name); }

    public static Schema of(RecordType type) {
        switch (type) {
            case SPEND: return SPEND;
            case COSTS: return COSTS;
            case LEADS: return LEADS;
            case DEALS: return DEALS;
            case TRANSACTIONS: return TRANSACTIONS;
            case SUBSCRIPTIONS: return SUBSCRIPTIONS;
            case TOUCHPOINTS: return TOUCHPOINTS;
            case PATHS: return PATHS;
            case TRAFFIC: return TRAFFIC;
            case EMAIL: return EMAIL;
            default: throw new IllegalArgumentException(type.toString());
        }
    }

    private static FieldDef f(String name, FieldType t, String description) { return new FieldDef(name, t, description); }

    static final Schema SPEND = new Schema(RecordType.SPEND,
            f("date", FieldType.DATE, "day of the row (or start of its reporting period)"),
            f("dateEnd", FieldType.DATE, "end of the row's reporting period, for exports without a day segment"),
            f("month", FieldType.MONTH, "month of the row, for monthly exports"),
            f("platform", FieldType.TEXT, "ad platform (Google Ads, Meta Ads, …)"),
            f("channel", FieldType.TEXT, "marketing channel (Paid Search, Paid Social, …)"),
            f("campaign", FieldType.TEXT, "campaign name"),
            f("adGroup", FieldType.TEXT, "ad group / ad set name"),
            f("cost", FieldType.MONEY, "amount spent"),
            f("impressions", FieldType.COUNT, "impressions"),
            f("clicks", FieldType.COUNT, "clicks"),
            f("conversions", FieldType.DECIMAL, "conversions as the platform reports them"),
            f("conversionValue", FieldType.MONEY, "conversion value"),
            f("leads", FieldType.COUNT, "platform-reported leads"),
            f("currency", FieldType.CURRENCY, "currency of cost and conversion value"));

    static final Schema COSTS = new Schema(RecordType.COSTS,
            f("date", FieldType.DATE, "day of the cost"),
            f("month", FieldType.MONTH, "month of the cost"),
            f("team", FieldType.TEXT, "sales or marketing"),
            f("category", FieldType.TEXT, "salaries, tools, agency, …"),
            f("channel", FieldType.TEXT, "channel the cost belongs to, when it belongs to one"),
            f("amount", FieldType.MONEY, "amount"),
            f("currency", FieldType.CURRENCY, "currency of the amount"));

    static final Schema LEADS = new Schema(RecordType.LEADS,
            f("id", FieldType.ID, "lead or contact id"),
            f("created", FieldType.DATETIME, "when the lead was created"),
            f("channel", FieldType.TEXT, "source / channel of the lead"),
            f("campaign", FieldType.TEXT, "campaign the lead came from"),
            f("lifecycleStage", FieldType.TEXT, "current lifecycle stage"),
            f("mqlDate", FieldType.DATETIME, "when it became a marketing-qualified lead"),
            f("sqlDate", FieldType.DATETIME, "when it became a sales-qualified lead"),
            f("opportunityDate", FieldType.DATETIME, "when it became an opportunity"),
            f("customerDate", FieldType.DATETIME, "when it became a customer"),
            f("accountId", FieldType.ID_LIST, "account / company id (first of a ;-list)"),
            f("owner", FieldType.TEXT, "owner"),
            f("marketingTouched", FieldType.BOOL, "had a marketing touch"),
            f("firstResponseAt", FieldType.DATETIME, "first response by sales"),
            f("meetingsBooked", FieldType.COUNT, "meetings booked with the lead"),
            f("meetingsAttended", FieldType.COUNT, "meetings the lead attended"));

    static final Schema DEALS = new Schema(RecordType.DEALS,
            f("id", FieldType.ID, "deal / opportunity id"),
            f("accountId", FieldType.ID_LIST, "account / company id (first of a ;-list)"),
            f("contactIds", FieldType.ID_LIST, "contact ids (;-list)"),
            f("created", FieldType.DATETIME, "when the deal was created"),
            f("closed", FieldType.DATETIME, "close date (won or lost)"),
            f("stage", FieldType.TEXT, "deal stage"),
            f("status", FieldType.TEXT, "won / lost / open status, when the export has one"),
            f("won", FieldType.BOOL, "won flag, when the export has one"),
            f("amount", FieldType.MONEY, "deal amount"),
            f("currency", FieldType.CURRENCY, "currency of the amount"),
            f("channel", FieldType.TEXT, "source / channel of the deal"),
            f("campaign", FieldType.TEXT, "campaign the deal is attributed to"),
            f("owner", FieldType.TEXT, "owner"),
            f("pipeline", FieldType.TEXT, "pipeline"),
            f("lostReason", FieldType.TEXT, "lost reason"));

    static final Schema TRANSACTIONS = new Schema(RecordType.TRANSACTIONS,
            f("id", FieldType.ID, "order, payment or invoice id"),
            f("customerId", FieldType.ID, "customer (or account) id"),
            f("date", FieldType.DATE, "day of the purchase (a date-time keeps its date)"),
            f("amount", FieldType.MONEY, "amount paid"),
            f("refunded", FieldType.MONEY, "amount refunded, taken off the amount"),
            f("currency", FieldType.CURRENCY, "currency of the amount"),
            f("status", FieldType.TEXT, "payment or invoice status (paid, failed, void, …)"));

    static final Schema SUBSCRIPTIONS = new Schema(RecordType.SUBSCRIPTIONS,
            f("id", FieldType.ID, "subscription id"),
            f("customerId", FieldType.ID, "customer (or account) id"),
            f("month", FieldType.MONTH, "month of a ledger row (one row per customer and month)"),
            f("date", FieldType.DATE, "a day in the month of a ledger row"),
            f("start", FieldType.DATE, "start of a subscription (one row per subscription)"),
            f("end", FieldType.DATE, "when the subscription ended"),
            f("canceledAt", FieldType.DATE, "when it was canceled: its end when the status says it has ended"),
            f("currentPeriodStart", FieldType.DATE, "start of the current billing period"),
            f("trialEnd", FieldType.DATE, "end of the free trial: paying starts then"),
            f("mrr", FieldType.MONEY, "monthly recurring revenue"),
            f("amount", FieldType.MONEY, "price per billing interval (per unit when there is a quantity)"),
            f("quantity", FieldType.DECIMAL, "units (seats) the amount is multiplied by"),
            f("interval", FieldType.TEXT, "billing interval: month, year, week, day, quarterly, 3 months, …"),
            f("intervalCount", FieldType.COUNT, "billing intervals per charge (every 3 months: 3)"),
            f("annual", FieldType.BOOL, "yes when the amount is yearly (an annual plan)"),
            f("plan", FieldType.TEXT, "plan or price name"),
            f("status", FieldType.TEXT, "subscription status (active, canceled, trialing, …)"),
            f("currency", FieldType.CURRENCY, "currency of the amounts"));
    static final Schema TOUCHPOINTS = new Schema(RecordType.TOUCHPOINTS,
            f("journeyId", FieldType.ID, "contact, account or visitor the touch belongs to (first of a ;-list)"),
            f("accountId", FieldType.ID_LIST, "account / company of that contact, for joining deals per account"),
            f("timestamp", FieldType.DATETIME, "when the touch happened"),
            f("channel", FieldType.TEXT, "channel / source of the touch"),
            f("campaign", FieldType.TEXT, "campaign of the touch"),
            f("cost", FieldType.MONEY, "cost of the touch (e.g. a paid click), counted as channel cost"),
            f("currency", FieldType.CURRENCY, "currency of the cost"),
            f("latestChannel", FieldType.TEXT, "a second, later touch on the same row (HubSpot Latest Source)"),
            f("latestTimestamp", FieldType.DATETIME, "when the second touch happened (HubSpot Latest Source Date)"),
            f("latestCampaign", FieldType.TEXT, "campaign of the second touch"));

    static final Schema PATHS = new Schema(RecordType.PATHS,
            f("path", FieldType.TEXT, "channels of the path in order, separated by > (A > B > C)"),
            f("conversions", FieldType.COUNT, "journeys on this path that converted"),
            f("value", FieldType.DECIMAL, "total conversion value of the path"),
            f("nulls", FieldType.COUNT, "journeys on this path that did not convert"));

    static final Schema TRAFFIC = new Schema(RecordType.TRAFFIC,
            f("date", FieldType.DATE, "day of the row (GA4 Date, yyyyMMdd)"),
            f("month", FieldType.MONTH, "month of the row (GA4 Year month, yyyyMM)"),
            f("page", FieldType.TEXT, "landing page"),
            f("channel", FieldType.TEXT, "channel group of the sessions"),
            f("source", FieldType.TEXT, "session source / medium (google / cpc); gives the channel when no channel group is mapped"),
            f("campaign", FieldType.TEXT, "session campaign"),
            f("sessions", FieldType.COUNT, "sessions (visits)"),
            f("users", FieldType.COUNT, "users (visitors)"),
            f("engagedSessions", FieldType.COUNT, "engaged sessions"),
            f("conversions", FieldType.DECIMAL, "conversions / key events (signups)"));

    static final Schema EMAIL = new Schema(RecordType.EMAIL,
            f("date", FieldType.DATE, "send date"),
            f("campaign", FieldType.TEXT, "campaign title"),
            f("list", FieldType.TEXT, "list / audience name"),
            f("channel", FieldType.TEXT, "channel of the send (default Email Marketing)"),
            f("sent", FieldType.COUNT, "emails sent (recipients)"),
            f("delivered", FieldType.COUNT, "emails delivered"),
            f("opens", FieldType.COUNT, "unique opens"),
            f("clicks", FieldType.COUNT, "unique clicks"),
            f("forwards", FieldType.COUNT, "times forwarded"),
            f("unsubscribes", FieldType.COUNT, "unsubscribes"),
            f("listSize", FieldType.COUNT, "audience size at the send"));
}
