package dev.kpi.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A value that is a quotient, carried with what it was computed from so a reader can recompute it.
 * In JSON a ratio under key {@code x} becomes {@code x}, {@code xNumerator}, {@code xDenominator} and,
 * when an interval applies, {@code xCiLow}, {@code xCiHigh}, {@code xLowSample}. A zero (or missing)
 * denominator gives a null value with {@link #nullReason()} set, never NaN or infinity.
 */
public record Ratio(BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                    Double ciLow, Double ciHigh, Boolean lowSample, String nullReason) {

    private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

    /**
     * numerator / denominator rounded (half-even) to the scale of {@code kind}, or null with a reason
     * when the denominator is zero. {@code multiplier} scales the quotient (1000 for CPM).
     */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator, Kind kind, long multiplier, String whenZero) {
        if (denominator == null || denominator.signum() == 0) {
            return new Ratio(null, numerator, BigDecimal.ZERO, null, null, null, whenZero);
        }
        BigDecimal q = numerator.multiply(BigDecimal.valueOf(multiplier)).divide(denominator, DIVISION)
                .setScale(kind.scale(), RoundingMode.HALF_EVEN);
        return new Ratio(q, numerator, denominator, null, null, null, null);
    }

    public static Ratio of(BigDecimal numerator, BigDecimal denominator, Kind kind, String whenZero) {
        return of(numerator, denominator, kind, 1, whenZero);
    }

    public static Ratio of(long numerator, long denominator, Kind kind, String whenZero) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), kind, 1, whenZero);
    }

    /**
     * A proportion successes / trials with its 95 % Wilson score interval; {@code lowSample} when fewer
     * than 30 trials or fewer than 5 successes or failures (the catalogue's rule).
     */
    public static Ratio proportion(long successes, long trials, String whenZero) {
        Ratio r = of(successes, trials, Kind.PERCENT, whenZero);
        if (trials <= 0) return new Ratio(null, r.numerator, r.denominator, null, null, true, whenZero);
        double[] ci = wilson(successes, trials, 1.959963984540054);
        boolean low = trials < 30 || successes < 5 || trials - successes < 5;
        return new Ratio(r.value, r.numerator, r.denominator, round6(ci[0]), round6(ci[1]), low, null);
    }

    /** Wilson score interval for a binomial proportion at normal quantile z; clamped to [0, 1]. */
    public static double[] wilson(long successes, long trials, double z) {
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double round6(double d) {
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }

    public boolean isNull() { return value == null; }

}
