package dev.kpi.calc.conversion;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

/**
 * The one rule for rates whose numerator is usually, but not always, part of the denominator (forwards
 * per delivered email, leads per session): while 0 ≤ numerator ≤ denominator the rate is a proportion
 * with its 95 % Wilson interval and low-sample flag; otherwise it is a plain ratio without an interval
 * (a binomial interval would be meaningless). A zero denominator gives null.
 */
final class Rates {
    private Rates() {}

    static Ratio rate(long numerator, long denominator, String whenZero) {
        if (denominator > 0 && numerator >= 0 && numerator <= denominator) {
            return Ratio.proportion(numerator, denominator, whenZero);
        }
        return Ratio.of(numerator, denominator, Kind.PERCENT, whenZero);
    }
}
