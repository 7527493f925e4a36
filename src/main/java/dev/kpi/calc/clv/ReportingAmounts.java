package dev.kpi.calc.clv;

import dev.kpi.calc.MissingRateException;
import dev.kpi.records.Fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts every amount of {@code kpi clv} in the reporting currency as it is read, because CLV models need
 * one number per purchase and per customer-month (per-currency sums, as {@link dev.kpi.calc.MoneySum}
 * keeps them, cannot feed a model). Each amount is converted once, at its own row: micros × rate,
 * rounded half-even to the micro. An amount without a currency is taken to be in the reporting currency.
 *
 * <p>The reporting currency is the configured one; without one, the first currency the data names. A
 * second currency then is a {@link CurrencyMix} (the config must name the reporting currency and the
 * rates), a currency without a rate a {@link MissingRateException}.
 */
public final class ReportingAmounts {
    private final Fx fx;
    private final boolean configured;
    private String currency;
    private final Set<String> seen = new TreeSet<>();

    /** Amounts in several currencies without a configured reporting currency. */
    public static final class CurrencyMix extends RuntimeException {
        private final Set<String> currencies;

        CurrencyMix(Set<String> currencies) {
            super("amounts are in " + String.join(", ", currencies) + " and no reporting currency is set");
            this.currencies = Set.copyOf(currencies);
        }

        public Set<String> currencies() { return new TreeSet<>(currencies); }
    }

    /** @param fx the configured reporting currency (may be null) and rates */
    public ReportingAmounts(Fx fx) {
        this.fx = fx == null ? new Fx(null, null) : fx;
        this.configured = this.fx.currency() != null;
        this.currency = this.fx.currency();
    }

    /** The reporting currency: configured, else the first one seen; null while nothing named one. */
    public String currency() { return currency; }

    /** Currencies named by the amounts converted so far. */
    public Set<String> seen() { return new TreeSet<>(seen); }

    /** {@code micros} of {@code from} (null = reporting currency) in micros of the reporting currency. */
    public long convert(String from, long micros) {
        if (from == null) return micros;
        if (from.equals(currency)) return micros;
        String c = from.toUpperCase(Locale.ROOT);
        if (seen.add(c) && seen.size() > 1 && !configured) throw new CurrencyMix(seen);
        if (currency == null) {
            currency = c;
            return micros;
        }
        if (c.equals(currency)) return micros;
        BigDecimal rate = fx.rate(c);
        if (rate == null) throw new MissingRateException(currency, Set.of(c));
        return BigDecimal.valueOf(micros).multiply(rate).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
