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
 * A null currency means "the export states no currency": it is read as the reporting currency.
 * The first named currency has its own slot, so the common one-currency case never touches a map.
 */
public final class MoneySum {
    private long unspecified;
    private String first;
    private long firstSum;
    private Map<String, Long> others;

    public void add(String currency, long micros) {
        if (currency == null) {
            unspecified = Math.addExact(unspecified, micros);
        } else if (currency == first || currency.equals(first)) {
            firstSum = Math.addExact(firstSum, micros);
        } else if (first == null) {
            first = currency;
            firstSum = micros;
        } else {
            if (others == null) others = new TreeMap<>();
            others.merge(currency, micros, Math::addExact);
        }
    }

    public void add(MoneySum other) { merge(other); }

    public void merge(MoneySum other) {
        if (other == null) return;
        unspecified = Math.addExact(unspecified, other.unspecified);
        if (other.first != null) add(other.first, other.firstSum);
        if (other.others != null) other.others.forEach(this::add);
    }

    public boolean isZero() {
        if (unspecified != 0 || firstSum != 0) return false;
        if (others != null) for (long v : others.values()) if (v != 0) return false;
        return true;
    }

    /** Currencies named by the data (not counting amounts without a currency). */
    public Set<String> currencies() {
        Set<String> out = new TreeSet<>();
        if (first != null) out.add(first);
        if (others != null) out.addAll(others.keySet());
        return out;
    }

    /** The exact total in the reporting currency (at least two decimals, no trailing zeros beyond); throws {@link MissingRateException} when a currency has no rate. */
    public BigDecimal convert(Fx fx) {
        BigDecimal total = Micros.toBigDecimal(unspecified);
        Set<String> missing = new TreeSet<>();
        if (first != null) total = total.add(converted(fx, first, firstSum, missing));
        if (others != null) {
            for (Map.Entry<String, Long> e : others.entrySet()) total = total.add(converted(fx, e.getKey(), e.getValue(), missing));
        }
        if (!missing.isEmpty()) throw new MissingRateException(fx.currency(), missing);
        return Report.money(total);
    }

    private static BigDecimal converted(Fx fx, String currency, long micros, Set<String> missing) {
        BigDecimal rate = fx.rate(currency);
        if (rate == null) {
            missing.add(currency);
            return BigDecimal.ZERO;
        }
        BigDecimal v = Micros.toBigDecimal(micros);
        return rate.compareTo(BigDecimal.ONE) == 0 ? v : v.multiply(rate);
    }
}
