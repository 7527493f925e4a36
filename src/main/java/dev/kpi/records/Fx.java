package dev.kpi.records;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reporting currency and the rates that convert other currencies into it
 * ({@code rates.get("EUR") = 1.08} means 1 EUR = 1.08 reporting units).
 */
public final class Fx {
    private final String currency;
    private final Map<String, BigDecimal> rates;

    public Fx(String currency, Map<String, BigDecimal> rates) {
        this.currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
        this.rates = new TreeMap<>();
        if (rates != null) rates.forEach((k, v) -> this.rates.put(k.toUpperCase(Locale.ROOT), v));
    }

    /** The reporting currency, or null when neither config nor data has named one yet. */
    public String currency() { return currency; }

    public Map<String, BigDecimal> rates() { return rates; }

    /** True when an amount in {@code other} can be reported: same currency, unknown currency or a known rate. */
    public boolean canConvert(String other) {
        return other == null || other.equalsIgnoreCase(currency) || rates.containsKey(other.toUpperCase(Locale.ROOT));
    }

    /** The rate for {@code other}, 1 for the reporting currency itself; null when no rate is configured. */
    public BigDecimal rate(String other) {
        if (other == null || other.equalsIgnoreCase(currency)) return BigDecimal.ONE;
        return rates.get(other.toUpperCase(Locale.ROOT));
    }

    public Fx withCurrency(String reporting) { return new Fx(reporting, rates); }
}
