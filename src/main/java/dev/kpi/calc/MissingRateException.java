package dev.kpi.calc;

import java.util.Set;

/** Amounts in several currencies met a reporting currency without the rates to convert them. */
public final class MissingRateException extends RuntimeException {
    private final Set<String> currencies;
    private final String reporting;

    public MissingRateException(String reporting, Set<String> currencies) {
        super("amounts are in " + String.join(", ", currencies) + " but there is no fx rate to convert "
                + (currencies.size() == 1 ? "it" : "them") + " into " + reporting);
        this.reporting = reporting;
        this.currencies = currencies;
    }

    public Set<String> currencies() { return currencies; }

    public String reporting() { return reporting; }
}
