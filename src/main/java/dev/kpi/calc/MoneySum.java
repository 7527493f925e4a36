package dev.kpi.calc;

import dev.kpi.records.Fx;
import dev.kpi.records.Micros;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An exact sum of money that may span currencies. Amounts are added in micros per currency and only
 * converted at {@link #convert(Fx)}, once per currency total, so no per-row rounding accumulates.
 * A null currency means "as the export states no currency": it is read as the reporting currency.
 */
public final class MoneySum {
    private long unspecified;
    private Map<String, Long> byCurrency; // lazily created: most inputs have one currency or none

    public void add(String currency, long micros) {
        if (currency == null) {
            unspecified = Math.addExact(unspecified, micros);
        } else {
            if (byCurrency == null) byCurrency = new TreeMap<>();
            byCurrency.merge(currency, micros, Math::addExact);
        }
    }

    public void merge(MoneySum other) {
        unspecified = Math.addExact(unspecified, other.unspecified);
        if (other.byCurrency != null) other.byCurrency.forEach(this::add);
    }

    public boolean isZero() {
        if (unspecified != 0) return false;
        if (byCurrency != null) for (long v : byCurrency.values()) if (v != 0) return false;
        return true;
    }

    /** Currencies named by the data (not counting amounts without a currency). */
    public Set<String> currencies() {
        return byCurrency == null ? Set.of() : new TreeSet<>(byCurrency.keySet());
    }

    /** The exact total in the reporting currency; throws when a currency has no rate. */
    public BigDecimal convert(Fx fx) {
        BigDecimal total = Micros.toBigDecimal(unspecified);
        if (byCurrency == null) return total;
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, Long> e : byCurrency.entrySet()) {
            BigDecimal rate = fx.rate(e.getKey());
            if (rate == null) {
                missing.add(e.getKey());
            } else {
                total = total.add(Micros.toBigDecimal(e.getValue()).multiply(rate));
            }
        }
        if (!missing.isEmpty()) throw new MissingRateException(fx.currency(), missing);
        return total;
    }
}
