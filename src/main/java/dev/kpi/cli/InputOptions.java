package dev.kpi.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Input files by record type, one mixin per type so each command offers only what it reads. Each option
 * takes one or more files ({@code -} is stdin, {@code .gz} is read transparently) and replaces the files
 * the config names for that type.
 */
public final class InputOptions {
    private InputOptions() {}

    public static final class SpendFiles {
        @Option(names = "--spend", arity = "1..*", paramLabel = "FILE",
                description = "Ad-platform exports (Google, Meta, LinkedIn, Microsoft Ads, or kpi's own columns).")
        public List<String> files = new ArrayList<>();
    }

    public static final class CostsFiles {
        @Option(names = "--costs", arity = "1..*", paramLabel = "FILE",
                description = "Sales and marketing costs: month (or date), team (sales|marketing), amount.")
        public List<String> files = new ArrayList<>();
    }

    public static final class LeadsFiles {
        @Option(names = "--leads", arity = "1..*", paramLabel = "FILE",
                description = "Contacts/leads export (HubSpot contacts, Salesforce leads, …).")
        public List<String> files = new ArrayList<>();
    }

    public static final class DealsFiles {
        @Option(names = "--deals", arity = "1..*", paramLabel = "FILE",
                description = "Deals/opportunities export (HubSpot, Salesforce, Pipedrive, …).")
        public List<String> files = new ArrayList<>();
    }

    public static final class TrafficFiles {
        @Option(names = "--traffic", arity = "1..*", paramLabel = "FILE",
                description = "Web-analytics exports (GA4 landing pages or traffic acquisition, or kpi's own columns).")
        public List<String> files = new ArrayList<>();
    }

    public static final class EmailFiles {
        @Option(names = "--email", arity = "1..*", paramLabel = "FILE",
                description = "Email campaign reports (Mailchimp campaign export, or kpi's own columns).")
        public List<String> files = new ArrayList<>();
    }

    public static final class TransactionsFiles {
        @Option(names = "--transactions", arity = "1..*", paramLabel = "FILE",
                description = "Orders, payments or invoices: customer, date, amount (Stripe, Chargebee, or kpi's own columns).")
        public List<String> files = new ArrayList<>();
    }

    public static final class SubscriptionsFiles {
        @Option(names = "--subscriptions", arity = "1..*", paramLabel = "FILE",
                description = "Subscriptions: a customer/month/MRR ledger, or one row per subscription (Stripe, Chargebee).")
        public List<String> files = new ArrayList<>();
    }

    public static final class TouchpointsFiles {
        @Option(names = "--touchpoints", arity = "1..*", paramLabel = "FILE",
                description = "Touchpoints: journey id, timestamp, channel[, campaign, cost]; or a HubSpot contacts /"
                        + " Salesforce leads or opportunities export (first and latest source as touches).")
        public List<String> files = new ArrayList<>();
    }

    public static final class PathsFiles {
        @Option(names = "--paths", arity = "1..*", paramLabel = "FILE",
                description = "Path table: path (A > B > C), conversions[, value, nulls]; ChannelAttribution's"
                        + " path, total_conversions, total_conversion_value, total_null.")
        public List<String> files = new ArrayList<>();
    }
}
