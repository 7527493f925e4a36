package dev.kpi.records;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money and fractional quantities are held as {@code long} millionths ("micros", as the Google Ads API
 * does): exact for every amount an export writes with up to six decimals, and cheap to add. Sums use
 * {@link Math#addExact} so an overflow (above 9.2 trillion units) fails loudly instead of wrapping.
 */
public final class Micros {
    public static final long ONE = 1_000_000L;
    public static final int SCALE = 6;

    private Micros() {}

    public static BigDecimal toBigDecimal(long micros) {
        return BigDecimal.valueOf(micros, SCALE);
    }

    /** Converts an exact decimal to micros; digits beyond the sixth decimal are rounded half-even. */
    public static long of(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** An amount as money is written: exact, without trailing zeros beyond two decimals (61.70, 0.125). */
    public static BigDecimal toMoney(long micros) {
        BigDecimal v = toBigDecimal(micros).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2) : v;
    }

    public static long ofUnits(long units) {
        return Math.multiplyExact(units, ONE);
    }
}
