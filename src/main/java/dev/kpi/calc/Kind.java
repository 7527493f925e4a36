package dev.kpi.calc;

/**
 * What a value is, which decides how it is rounded and shown. Machine formats always carry the exact
 * value; tables format by kind (money with currency and cents, percent from a fraction, and so on).
 */
public enum Kind {
    /** A label: group keys, names, flavours. */
    TEXT,
    /** A whole count (customers, clicks). */
    COUNT,
    /** A number that may be fractional but is a count-like quantity (platform conversions: 45.5). */
    QUANTITY,
    /** An amount in the reporting currency; ratios of this kind round to cents. */
    MONEY,
    /** A fraction shown as a percentage (0.125 shows as 12.50 %). */
    PERCENT,
    /** A multiple such as ROAS or LTV:CAC (4.2 shows as 4.20×). */
    MULTIPLE,
    /** A plain decimal number. */
    NUMBER,
    /** Days (durations). */
    DAYS,
    /** Months (payback). */
    MONTHS,
    /** true / false. */
    BOOLEAN,
    /** An ISO date. */
    DATE,
    /** A fraction in [0,1] that tables draw as a proportional bar (funnels). */
    BAR;

    /** Decimal places a ratio of this kind is rounded to (half-even) in every output. */
    public int scale() {
        switch (this) {
            case MONEY: return 2;
            case PERCENT: case BAR: return 6;
            case COUNT: return 0;
            default: return 4;
        }
    }
}
