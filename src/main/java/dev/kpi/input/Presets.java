package dev.kpi.input;

import dev.kpi.records.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.kpi.input.Preset.Option.*;

/**
 * The built-in presets. Header spellings come from real exports and importers' fixtures (English plus
 * the UI languages that were seen: German, French, Dutch, Spanish, Portuguese, Chinese, Japanese).
 * Every record type also has a generic preset, {@code kpi-<type>}, whose headers are the canonical
 * field names themselves ({@code date, channel, campaign, cost, …}, camelCase or snake_case).
 */
public final class Presets {
    private static final List<Preset> ALL = new ArrayList<>();

    static {
        ALL.add(Preset.builder("google-ads", RecordType.SPEND).platform("Google Ads").channel("Paid Search")
                .describe("Google Ads report download (CSV or Excel .csv), any segment")
                .map("date", "Day", "Date", "Tag", "Jour", "Dag", "Dia", "Día", "日", "天")
                .map("month", "Month", "Monat", "Mois", "Maand", "Mês", "Mes", "月")
                .map("campaign", "Campaign", "Kampagne", "Campagne", "Campaña", "Campanha", "Campagna", "广告系列")
                .map("adGroup", "Ad group", "Anzeigengruppe", "Groupe d'annonces", "Advertentiegroep", "Grupo de anúncios", "广告组")
                .map("cost", "Cost", "Kosten", "Coût", "Custo", "Costo", "费用")
                .map("impressions", "Impr.", "Impressions", "Impressionen", "Vertoningen", "Impresiones", "展示次数")
                .map("clicks", "Clicks", "Klicks", "Clics", "Aantal klikken", "Klikken", "Cliques", "点击次数")
                .map("conversions", "Conversions", "Conversies", "Conversões", "Conversoes", "Conversiones", "转化次数")
                .map("conversionValue", "Conv. value", "Conversion value", "Conv.waarde", "Conv.-Wert", "Valeur de conv.", "转化价值")
                .map("currency", "Currency code", "Currency", "Währungscode", "Code de la devise", "Valutacode", "Código da moeda", "货币代码")
                .signature("campaign", "cost", "impressions")
                .option(PERIOD_FROM_PREAMBLE)
                .build());
        ALL.add(Preset.builder("meta-ads", RecordType.SPEND).platform("Meta Ads").channel("Paid Social")
                .describe("Meta Ads Manager export (Export table data, .csv)")
                .map("date", "Day", "Tag", "Jour", "Día", "Dia", "Giorno", "Dag", "日")
                .periodStart("Reporting starts", "Début des rapports", "Berichtsbeginn", "Inicio del informe",
                        "Início dos relatórios", "Awal pelaporan", "レポート開始日")
                .map("dateEnd", "Reporting ends", "Fin des rapports", "Berichtsende", "Fin del informe",
                        "Término dos relatórios", "Akhir pelaporan", "レポート終了日")
                .map("campaign", "Campaign name", "Nom de la campagne", "Kampagnenname", "Nombre de la campaña",
                        "Nome da campanha", "Nama kampanye", "キャンペーン名")
                .map("adGroup", "Ad set name", "Nom de l'ensemble de publicités", "Name der Anzeigengruppe")
                .map("cost", "Amount spent*", "Montant dépensé*", "Ausgegebener Betrag*", "Importe gastado*",
                        "Valor usado*", "Jumlah yang dibelanjakan*", "消化金額*")
                .map("impressions", "Impressions", "Impressionen", "Impresiones", "Impressões", "Impresi", "インプレッション数")
                .map("clicks", "Link clicks", "Clics sur un lien", "Clics sur le lien", "Link-Klicks", "Clics en el enlace",
                        "Cliques no link", "Clicks (all)")
                .map("conversions", "Leads", "Prospects", "Clientes potenciales")
                .map("leads", "Leads", "Prospects", "Clientes potenciales")
                .map("currency", "Currency")
                .signature("campaign", "cost", "date")
                .option(SKIP_EMPTY_CAMPAIGN)
                .build());
        ALL.add(Preset.builder("linkedin-ads", RecordType.SPEND).platform("LinkedIn Ads").channel("Paid Social")
                .describe("LinkedIn Campaign Manager campaign export (UTF-16, tab-separated)")
                .map("date", "Start Date (in UTC)", "Begindatum (in UTC)", "Startdatum (in UTC)", "Date de début (UTC)")
                .map("campaign", "Campaign Name", "Campagnenaam", "Kampagnenname", "Nom de la campagne")
                .map("adGroup", "Ad Set Name")
                .map("cost", "Total Spent", "Totaal besteed", "Ausgaben insgesamt", "Total dépensé", "Amount Spent")
                .map("impressions", "Impressions", "Weergaven", "Impressionen")
                .map("clicks", "Clicks", "Klikken", "Klicks", "Clics")
                .map("conversions", "Conversions", "Conversies", "Konversionen")
                .map("leads", "Leads")
                .map("currency", "Currency", "Valuta", "Währung", "Devise")
                .signature("campaign", "cost", "date")
                .option(PERIOD_FROM_PREAMBLE, DATE_IS_PERIOD_START)
                .build());
        ALL.add(Preset.builder("microsoft-ads", RecordType.SPEND).platform("Microsoft Ads").channel("Paid Search")
                .describe("Microsoft Advertising report download (UI or API column names)")
                .map("date", "Gregorian date", "TimePeriod", "Day", "Date")
                .map("month", "Month")
                .map("campaign", "Campaign name", "CampaignName", "Campaign")
                .map("adGroup", "Ad group", "AdGroupName")
                .map("cost", "Spend")
                .map("impressions", "Impressions", "Impr.")
                .map("clicks", "Clicks")
                .map("conversions", "Conversions", "Conv.")
                .map("conversionValue", "Revenue", "Conversion value")
                .map("currency", "Currency code", "CurrencyCode")
                .signature("campaign", "cost", "impressions")
                .option(PERIOD_FROM_PREAMBLE)
                .build());
        ALL.add(Preset.builder("hubspot-contacts", RecordType.LEADS)
                .describe("HubSpot contacts export")
                .map("id", "Record ID", "Contact ID", "Datensatz-ID", "ID de l'enregistrement", "Record-ID")
                .map("created", "Create Date", "Erstellungsdatum", "Date de création", "Aanmaakdatum", "Fecha de creación")
                .map("channel", "Original Source", "Original Source Type", "Originalquelle", "Source d'origine")
                .map("lifecycleStage", "Lifecycle Stage", "Lebenszyklusphase", "Phase du cycle de vie")
                .map("mqlDate", "Became a Marketing Qualified Lead Date", "Became A Marketing Qualified Lead Date",
                        "Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"")
                .map("sqlDate", "Became a Sales Qualified Lead Date", "Became A Sales Qualified Lead Date",
                        "Date entered \"Sales Qualified Lead (Lifecycle Stage Pipeline)\"")
                .map("opportunityDate", "Became an Opportunity Date", "Became An Opportunity Date",
                        "Date entered \"Opportunity (Lifecycle Stage Pipeline)\"")
                .map("customerDate", "Became a Customer Date", "Became A Customer Date",
                        "Date entered \"Customer (Lifecycle Stage Pipeline)\"")
                .map("accountId", "Associated Company IDs", "Primary Associated Company ID", "Associated Company ID",
                        "Company ID")
                .map("owner", "Contact owner", "Kontaktinhaber", "Propriétaire du contact")
                .map("firstResponseAt", "First Response Date", "Sales first response date")
                .map("meetingsBooked", "Meetings booked", "Number of meetings booked", "Meetings Booked Count")
                .map("meetingsAttended", "Meetings attended", "Number of meetings attended", "Meetings Attended Count")
                .signature("id", "created", "lifecycleStage")
                .option(HUBSPOT_SOURCE_DRILL_DOWN)
                .build());
        ALL.add(Preset.builder("hubspot-deals", RecordType.DEALS)
                .describe("HubSpot deals export")
                .map("id", "Record ID", "Deal ID", "Datensatz-ID", "ID de l'enregistrement")
                .map("accountId", "Associated Company IDs", "Associated Company ID", "Associated Company (Primary) ID")
                .map("contactIds", "Associated Contact IDs", "Associated Contact ID")
                .map("created", "Create Date", "Erstellungsdatum", "Date de création")
                .map("closed", "Close Date", "Abschlussdatum", "Date de fermeture")
                .map("stage", "Deal Stage", "Deal-Phase", "Phase de la transaction")
                .map("amount", "Amount in company currency", "Amount", "Betrag", "Montant")
                .map("currency", "Currency", "Währung", "Devise")
                .map("channel", "Original Source Type", "Original Source", "Originalquelle")
                .map("campaign", "Original Source Drill-Down 1", "Campaign")
                .map("owner", "Deal owner", "Deal Owner", "Deal-Inhaber")
                .map("pipeline", "Pipeline")
                .map("lostReason", "Closed Lost Reason", "Grund für verlorenen Deal")
                .signature("id", "stage", "closed")
                .option(STAGE_ENTRY_COLUMNS)
                .build());
        ALL.add(Preset.builder("salesforce-opportunities", RecordType.DEALS)
                .describe("Salesforce opportunities report (Details Only, CSV)")
                .map("id", "Opportunity ID", "Opportunity ID (18)", "Id")
                .map("accountId", "Account ID", "Account Name")
                .map("created", "Created Date", "Create Date")
                .map("closed", "Close Date")
                .map("stage", "Stage")
                .map("won", "Won")
                .map("amount", "Amount", "Total Amount", "Amount (converted)")
                .map("currency", "Amount Currency", "Total Amount Currency", "Opportunity Currency")
                .map("channel", "Lead Source")
                .map("campaign", "Primary Campaign Source", "Primary Campaign", "Campaign Name")
                .map("owner", "Opportunity Owner")
                .map("lostReason", "Loss Reason", "Closed Lost Reason")
                .signature("id", "stage", "closed")
                .build());
        ALL.add(Preset.builder("salesforce-leads", RecordType.LEADS)
                .describe("Salesforce leads report (Details Only, CSV); Converted Date is read as the opportunity date")
                .map("id", "Lead ID", "Id")
                .map("created", "Create Date", "Created Date")
                .map("channel", "Lead Source")
                .map("campaign", "Primary Campaign Source", "Campaign Name")
                .map("lifecycleStage", "Lead Status")
                .map("opportunityDate", "Converted Date")
                .map("accountId", "Company / Account", "Company")
                .map("owner", "Lead Owner")
                .signature("created", "channel", "lifecycleStage")
                .build());
        ALL.add(Preset.builder("pipedrive-deals", RecordType.DEALS)
                .describe("Pipedrive deals export")
                .map("id", "Deal - ID", "Obchod - ID")
                .map("accountId", "Deal - Organization", "Organization - Name", "Obchod - Organizace")
                .map("contactIds", "Deal - Contact person", "Person - Name")
                .map("created", "Deal - Deal created", "Deal - Add time", "Obchod - Obchod vytvořen")
                .coalesce("closed", "Deal - Deal closed on", "Deal - Won time", "Deal - Lost time", "Deal - Close time")
                .map("stage", "Deal - Stage", "Obchod - Fáze")
                .map("status", "Deal - Status", "Obchod - Stav")
                .map("amount", "Deal - Value", "Obchod - Hodnota")
                .map("currency", "Deal - Currency of Value", "Deal - Currency", "Deal - Currency of value")
                .map("channel", "Deal - Lead source", "Deal - Source", "Deal - Source channel", "Deal - Source origin")
                .map("owner", "Deal - Owner")
                .map("pipeline", "Deal - Pipeline")
                .map("lostReason", "Deal - Lost reason")
                .signature("id", "stage", "status")
                .build());
        // Billing exports (kpi clv). Header names checked against public code that reads these files:
        // Stripe's payments export (Dashboard → Payments → Export) starts "id,Description,Created (UTC),
        // Amount,Amount Refunded,Currency,Converted Amount,…,Status,Statement Descriptor,Customer ID,
        // Customer Description,Customer Email,…,Invoice ID" (older files: "Created" without "(UTC)").
        // Stripe's subscriptions export has "id, Customer ID, Customer Name, Customer Email, Status,
        // Cancellation Reason, Created (UTC), Start (UTC) or Start Date (UTC), Current Period Start (UTC),
        // Current Period End (UTC), Trial Start (UTC), Trial End (UTC), Canceled At (UTC), Ended At (UTC)"
        // plus the plan: "Plan, Quantity, Interval, Amount" (older: "Plan Amount, Plan Currency,
        // Plan Interval, Plan Interval Count"). Stripe's invoices export names the customer "Customer" and
        // has "Date (UTC)", "Amount Paid", "Total", "Currency", "Status". Chargebee's "Export Data" files
        // use dotted names ("subscriptions.id", "subscriptions.customer_id", "customers.id",
        // "subscriptions.plan_id", "subscriptions.mrr", "subscriptions.status", "subscriptions.started_at",
        // "subscriptions.cancelled_at", …) and its import-friendly files bracketed ones ("customer[id]",
        // "subscription[id]", "subscription[plan_id]", "subscription[plan_quantity]",
        // "subscription[plan_unit_price]", "currency", "subscription[status]", "subscription[started_at]",
        // "subscription[current_term_start]", "subscription[cancelled_at]",
        // "subscription_items[item_price_id][0]", "subscription_items[unit_price][0]"), both accepted;
        // Chargebee's report UI labels ("Canceled On", "Plan Quantity", "Current Billing Term Start Date")
        // too. The Chargebee invoice names follow the same dotted pattern (not seen in a real file).
        ALL.add(Preset.builder("stripe-payments", RecordType.TRANSACTIONS).platform("Stripe")
                .describe("Stripe payments export (Payments → Export); refunds are taken off the amount")
                .map("id", "id", "Payment ID", "Charge ID")
                .map("customerId", "Customer ID", "Customer")
                .map("date", "Created (UTC)", "Created date (UTC)", "Created", "Created (Local)")
                .map("amount", "Amount")
                .map("refunded", "Amount Refunded")
                .map("currency", "Currency")
                .map("status", "Status")
                .signature("customerId", "date", "amount", "refunded")
                .build());
        ALL.add(Preset.builder("stripe-invoices", RecordType.TRANSACTIONS).platform("Stripe")
                .describe("Stripe invoices export (Invoices → Export); only paid invoices count")
                .map("id", "id", "Number", "Invoice Number")
                .map("customerId", "Customer", "Customer ID")
                .coalesce("date", "Paid At (UTC)", "Date (UTC)", "Finalized At (UTC)", "Created (UTC)", "Date")
                .map("amount", "Amount Paid", "Total")
                .map("currency", "Currency")
                .map("status", "Status")
                .signature("customerId", "date", "amount")
                .build());
        ALL.add(Preset.builder("chargebee-invoices", RecordType.TRANSACTIONS).platform("Chargebee")
                .describe("Chargebee invoices export (dotted or import-friendly column names); only paid invoices count")
                .map("id", "invoices.id", "invoice[id]", "Invoice Number")
                .map("customerId", "invoices.customer_id", "customers.id", "invoice[customer_id]", "customer[id]",
                        "Customer Id")
                .coalesce("date", "invoices.paid_at", "invoices.date", "invoice[paid_at]", "invoice[date]", "Paid On",
                        "Invoice Date")
                .map("amount", "invoices.amount_paid", "invoices.total", "invoice[amount_paid]", "invoice[total]",
                        "Amount Paid")
                .map("currency", "invoices.currency_code", "invoice[currency_code]", "currency")
                .map("status", "invoices.status", "invoice[status]")
                .signature("customerId", "date", "amount")
                .build());
        ALL.add(Preset.builder("stripe-subscriptions", RecordType.SUBSCRIPTIONS).platform("Stripe")
                .describe("Stripe subscriptions export: one row per subscription, expanded into monthly MRR")
                .map("id", "id", "Subscription ID")
                .map("customerId", "Customer ID", "Customer")
                .map("start", "Start (UTC)", "Start Date (UTC)", "Start Date", "Created (UTC)")
                .map("end", "Ended At (UTC)", "Ended At")
                .map("canceledAt", "Canceled At (UTC)", "Canceled At")
                .map("currentPeriodStart", "Current Period Start (UTC)", "Current Period Start")
                .map("trialEnd", "Trial End (UTC)", "Trial End")
                .map("amount", "Amount", "Plan Amount", "Price Amount")
                .map("quantity", "Quantity", "Plan Quantity")
                .map("interval", "Interval", "Plan Interval", "Billing Interval")
                .map("intervalCount", "Interval Count", "Plan Interval Count")
                .map("plan", "Plan", "Plan Nickname", "Plan Name", "Product", "Plan ID", "Plan price ID", "Price ID")
                .map("status", "Status")
                .map("currency", "Currency", "Plan Currency")
                .signature("customerId", "start", "currentPeriodStart")
                .build());
        ALL.add(Preset.builder("chargebee-subscriptions", RecordType.SUBSCRIPTIONS).platform("Chargebee")
                .describe("Chargebee subscriptions export (dotted or import-friendly column names), expanded into monthly MRR")
                .map("id", "subscriptions.id", "subscription[id]", "Subscription Id")
                .map("customerId", "subscriptions.customer_id", "customers.id", "customer[id]", "Customer Id")
                .map("start", "subscriptions.started_at", "subscriptions.activated_at", "subscription[started_at]",
                        "subscriptions.created_at", "Started At", "Activated At")
                .map("canceledAt", "subscriptions.cancelled_at", "subscription[cancelled_at]", "Cancelled At", "Canceled On")
                .map("currentPeriodStart", "subscriptions.current_term_start", "subscription[current_term_start]",
                        "Current Billing Term Start Date")
                .map("trialEnd", "subscriptions.trial_end", "subscription[trial_end]", "Trial End")
                .map("mrr", "subscriptions.mrr", "MRR")
                .map("amount", "subscriptions.plan_unit_price", "subscriptions.plan_amount", "subscription[plan_unit_price]",
                        "subscription_items[unit_price][0]", "subscriptions.item_price_price")
                .map("quantity", "subscriptions.plan_quantity", "subscription[plan_quantity]",
                        "subscription_items[quantity][0]", "Plan Quantity")
                .map("interval", "subscriptions.billing_period_unit", "subscription[billing_period_unit]",
                        "subscriptions.plan_period_unit", "Subscription Billing Period")
                .map("intervalCount", "subscriptions.billing_period", "subscription[billing_period]",
                        "subscriptions.plan_period")
                .map("plan", "subscriptions.plan_id", "subscription[plan_id]", "subscription_items[item_price_id][0]",
                        "subscriptions.item_price_id", "Current Plan")
                .map("status", "subscriptions.status", "subscription[status]")
                .map("currency", "subscriptions.currency_code", "subscription[currency_code]", "currency")
                .signature("customerId", "start", "status")
                .build());
        // Touchpoints from CRM exports that carry only first and last touch (see TouchpointMapper).
        ALL.add(Preset.builder("hubspot-contacts-touchpoints", RecordType.TOUCHPOINTS)
                .describe("HubSpot contacts export as touches: Original Source at Create Date, Latest Source at Latest Source Date")
                .map("journeyId", "Record ID", "Contact ID", "Datensatz-ID", "ID de l'enregistrement", "Record-ID")
                .map("accountId", "Associated Company IDs", "Primary Associated Company ID", "Associated Company ID",
                        "Company ID")
                .map("timestamp", "Create Date", "Erstellungsdatum", "Date de création", "Aanmaakdatum", "Fecha de creación")
                .map("channel", "Original Source", "Original Source Type", "Originalquelle", "Source d'origine")
                .map("latestChannel", "Latest Source", "Neueste Quelle", "Source la plus récente")
                .map("latestTimestamp", "Latest Source Date", "Latest Source Timestamp")
                .signature("journeyId", "timestamp", "channel")
                .option(HUBSPOT_SOURCE_DRILL_DOWN)
                .build());
        ALL.add(Preset.builder("salesforce-leads-touchpoints", RecordType.TOUCHPOINTS)
                .describe("Salesforce leads report as touches: Lead Source at Create Date, journey = Company / Account")
                .map("journeyId", "Company / Account", "Company")
                .map("timestamp", "Create Date", "Created Date")
                .map("channel", "Lead Source")
                .map("campaign", "Primary Campaign Source", "Campaign Name")
                .signature("journeyId", "timestamp", "channel")
                .build());
        ALL.add(Preset.builder("salesforce-opportunities-touchpoints", RecordType.TOUCHPOINTS)
                .describe("Salesforce opportunities report as touches: Lead Source and Primary Campaign Source at Created Date,"
                        + " journey = account")
                .map("journeyId", "Account ID", "Account Name")
                .map("timestamp", "Created Date", "Create Date")
                .map("channel", "Lead Source")
                .map("campaign", "Primary Campaign Source", "Primary Campaign", "Campaign Name")
                .signature("journeyId", "timestamp", "channel")
                .build());
        ALL.add(Preset.builder("channelattribution-paths", RecordType.PATHS)
                .describe("path table of the R/Python package ChannelAttribution (path, total_conversions, …)")
                .map("path", "path")
                .map("conversions", "total_conversions")
                .map("value", "total_conversion_value")
                .map("nulls", "total_null")
                .signature("path", "conversions")
                .build());
        // GA4 report downloads (Share → Download file → CSV) and Data API column names. A landing-page
        // report also matches the traffic-acquisition preset; its page column makes it score higher.
        ALL.add(Preset.builder("ga4-landing-pages", RecordType.TRAFFIC).platform("GA4")
                .describe("GA4 Landing page report download (CSV); the preamble's date range is the period without a Date column")
                .map("date", "Date", "date")
                .map("month", "Year month", "yearMonth")
                .map("page", "Landing page", "Landing page + query string", "landingPage", "landingPagePlusQueryString",
                        "Zielseite", "Page de destination", "Página de destino")
                .map("channel", "Session default channel group", "Session primary channel group (Default Channel Group)",
                        "Session primary channel group", "sessionDefaultChannelGroup", "sessionPrimaryChannelGroup")
                .map("source", "Session source / medium", "Session source/medium", "sessionSourceMedium")
                .map("campaign", "Session campaign", "sessionCampaignName")
                .map("sessions", "Sessions", "sessions", "Sitzungen")
                .map("users", "Active users", "Total users", "Users", "activeUsers", "totalUsers", "Aktive Nutzer")
                .map("engagedSessions", "Engaged sessions", "engagedSessions", "Sitzungen mit Interaktion")
                .map("conversions", "Key events", "Conversions", "keyEvents", "Schlüsselereignisse", "Conversions (all)")
                .signature("page", "sessions")
                .option(PERIOD_FROM_PREAMBLE)
                .build());
        ALL.add(Preset.builder("ga4-traffic-acquisition", RecordType.TRAFFIC).platform("GA4")
                .describe("GA4 Traffic acquisition report download (CSV): sessions by channel group or source / medium")
                .map("date", "Date", "date")
                .map("month", "Year month", "yearMonth")
                .map("channel", "Session primary channel group (Default Channel Group)", "Session default channel group",
                        "Session primary channel group", "sessionDefaultChannelGroup", "sessionPrimaryChannelGroup")
                .map("source", "Session source / medium", "Session source/medium", "sessionSourceMedium")
                .map("campaign", "Session campaign", "sessionCampaignName")
                .map("sessions", "Sessions", "sessions", "Sitzungen")
                .map("users", "Users", "Active users", "Total users", "activeUsers", "totalUsers", "Aktive Nutzer")
                .map("engagedSessions", "Engaged sessions", "engagedSessions", "Sitzungen mit Interaktion")
                .map("conversions", "Key events", "Conversions", "keyEvents", "Schlüsselereignisse")
                .signature("sessions", "engagedSessions")
                .option(PERIOD_FROM_PREAMBLE)
                .build());
        ALL.add(Preset.builder("mailchimp-campaigns", RecordType.EMAIL).channel("Email Marketing")
                .describe("Mailchimp campaign report export (Reports → Export as CSV); Total Recipients stands in for the list size")
                .map("date", "Send Date", "Send Date-time", "Sent", "Send Time")
                .map("campaign", "Title", "Campaign Title", "Campaign Name", "Campaign")
                .map("list", "List", "Audience", "List Name", "Audience Name")
                .map("sent", "Total Recipients", "Emails Sent", "Recipients")
                .map("delivered", "Successful Deliveries", "Delivered")
                .map("opens", "Unique Opens", "Opens")
                .map("clicks", "Unique Clicks", "Clicks")
                .map("forwards", "Times Forwarded", "Forwards")
                .map("unsubscribes", "Unsubscribes", "Unsubscribed")
                .map("listSize", "Audience Size", "List Size", "Total Recipients")
                .signature("campaign", "delivered", "opens")
                .build());
        for (RecordType t : RecordType.values()) ALL.add(generic(t));
    }

    private Presets() {}

    /** {@code kpi-<type>}: the canonical field names (and a few common synonyms) as headers. */
    private static Preset generic(RecordType type) {
        Preset.Builder b = Preset.builder("kpi-" + type.key(), type)
                .describe("kpi's own column names (the canonical " + type.key() + " fields)");
        for (FieldDef f : Schema.of(type).fields()) {
            List<String> names = new ArrayList<>();
            names.add(f.name());
            names.add(snake(f.name()));
            switch (type.key() + "." + f.name()) {
                case "spend.cost": names.add("spend"); names.add("amount"); break;
                case "costs.amount": names.add("cost"); names.add("value"); break;
                case "leads.channel": names.add("source"); break;
                case "deals.channel": names.add("source"); break;
                case "deals.closed": names.add("close_date"); names.add("closed_at"); break;
                case "deals.created": names.add("created_at"); names.add("create_date"); break;
                case "leads.created": names.add("created_at"); names.add("create_date"); break;
                case "deals.accountId": names.add("account"); break;
                case "transactions.customerId": case "subscriptions.customerId":
                    names.addAll(List.of("customer", "customer id", "account", "account_id", "accountId")); break;
                case "transactions.date":
                    names.addAll(List.of("order_date", "invoice_date", "paid_at", "created_at", "created")); break;
                case "transactions.amount": names.addAll(List.of("revenue", "total", "value")); break;
                case "subscriptions.mrr": names.add("monthly_recurring_revenue"); break;
                case "subscriptions.start": names.addAll(List.of("start_date", "started_at", "startDate")); break;
                case "subscriptions.end": names.addAll(List.of("end_date", "ended_at", "endDate")); break;
                case "subscriptions.canceledAt": names.addAll(List.of("cancelled_at", "canceled_at")); break;
                case "subscriptions.interval": names.addAll(List.of("billing_period", "billing_interval", "plan_interval")); break;
                case "subscriptions.annual": names.addAll(List.of("is_annual", "annual_plan")); break;
                case "touchpoints.journeyId": names.addAll(List.of("journey", "user_id", "visitor_id", "contact_id", "customer_id")); break;
                case "touchpoints.accountId": names.addAll(List.of("account", "company_id")); break;
                case "touchpoints.timestamp": names.addAll(List.of("time", "datetime", "date", "touched_at", "event_time")); break;
                case "touchpoints.channel": names.add("source"); break;
                case "touchpoints.campaign": names.add("utm_campaign"); break;
                case "touchpoints.cost": names.add("spend"); break;
                case "paths.conversions": names.addAll(List.of("total_conversions", "conv")); break;
                case "paths.value": names.addAll(List.of("total_conversion_value", "conversion_value", "revenue")); break;
                case "paths.nulls": names.addAll(List.of("total_null", "null", "non_conversions")); break;
                case "traffic.page": names.add("landingPage"); names.add("landing_page"); break;
                case "traffic.source": names.add("source_medium"); names.add("sourceMedium"); break;
                case "traffic.sessions": names.add("visits"); break;
                case "email.opens": names.add("unique_opens"); break;
                case "email.clicks": names.add("unique_clicks"); break;
                default: break;
            }
            b.map(f.name(), names.toArray(new String[0]));
        }
        switch (type) {
            case SPEND: b.signature("cost"); break;
            case COSTS: b.signature("amount", "team"); break;
            case LEADS: b.signature("created"); break;
            case DEALS: b.signature("stage"); break;
            case TRANSACTIONS: b.signature("customerId", "date", "amount"); break;
            case SUBSCRIPTIONS: b.signature("customerId", "mrr"); break;
            case TOUCHPOINTS: b.signature("journeyId", "timestamp", "channel"); break;
            case PATHS: b.signature("path", "conversions"); break;
            case TRAFFIC: b.signature("sessions"); break;
            case EMAIL: b.signature("delivered"); break;
            default: break;
        }
        return b.build();
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) sb.append('_').append(Character.toLowerCase(c)); else sb.append(c);
        }
        return sb.toString();
    }

    public static List<Preset> all() { return List.copyOf(ALL); }

    public static Preset byName(String name) {
        for (Preset p : ALL) if (p.name().equalsIgnoreCase(name)) return p;
        return null;
    }

    public static Preset generic(String typeKey) { return byName("kpi-" + typeKey.toLowerCase(Locale.ROOT)); }

    public static List<Preset> forType(RecordType type) {
        List<Preset> out = new ArrayList<>();
        for (Preset p : ALL) if (p.type() == type) out.add(p);
        return out;
    }

    /**
     * The preset whose signature fits the header best (platform presets before the generic one), or
     * null when none fits. {@code type} null searches every record type.
     */
    public static Preset detect(List<String> header, RecordType type) {
        Preset best = null;
        int bestScore = -1;
        for (Preset p : ALL) {
            if (type != null && p.type() != type) continue;
            int s = p.signatureScore(header);
            if (s < 0) continue;
            if (p.name().startsWith("kpi-")) s = s / 2; // a platform preset that fits wins over the generic one
            if (s > bestScore) {
                bestScore = s;
                best = p;
            }
        }
        return best;
    }

    /** Scores a header candidate line: how many cells any preset of {@code type} (or any type) knows. */
    public static int knownHeaderCount(List<String> cells, RecordType type) {
        KnownHeaders known = KNOWN.computeIfAbsent(type == null ? "" : type.name(), k -> new KnownHeaders(type));
        int n = 0;
        for (String c : cells) {
            if (c.isBlank()) continue;
            if (known.matches(Headers.normalize(c))) n++;
        }
        return n;
    }

    private static final java.util.Map<String, KnownHeaders> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Every alias of the presets of one record type, normalised once (header detection scores up to 60
     * lines against all of them, at every start). Exact names go in a set; {@code name*} prefixes are
     * tried one by one with {@link Preset#matchesNormalized}.
     */
    private static final class KnownHeaders {
        private final java.util.Set<String> exact = new java.util.HashSet<>();
        private final List<String> prefixes = new java.util.ArrayList<>();

        KnownHeaders(RecordType type) {
            for (Preset p : ALL) {
                if (type != null && p.type() != type) continue;
                for (List<String> as : p.aliases().values()) {
                    for (String alias : as) {
                        String a = Headers.normalize(alias);
                        (a.endsWith("*") ? prefixes : exact).add(a);
                    }
                }
            }
        }

        boolean matches(String normalizedHeader) {
            if (exact.contains(normalizedHeader)) return true;
            for (String p : prefixes) if (Preset.matchesNormalized(p, normalizedHeader)) return true;
            return false;
        }
    }
}
