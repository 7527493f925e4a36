package dev.kpi.calc.funnel;

/** The lead lifecycle dates a funnel stage can be defined by (their config names are {@link #key()}). */
public enum LeadField {
    CREATED("created"), MQL("mqlDate"), SQL("sqlDate"), OPPORTUNITY("opportunityDate"), CUSTOMER("customerDate");

    private final String key;

    LeadField(String key) { this.key = key; }

    public String key() { return key; }

    public static LeadField fromKey(String k) {
        for (LeadField f : values()) if (f.key.equalsIgnoreCase(k)) return f;
        return null;
    }
}
