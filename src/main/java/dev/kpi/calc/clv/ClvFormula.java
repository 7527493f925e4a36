package dev.kpi.calc.clv;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

import java.math.BigDecimal;

/**
 * The simple CLV formulas of the KPI catalogue, each result labelled with the formula that made it.
 * Inputs are exact decimals in currency units (rates as fractions: 0.05 = 5 % a month, gross margin
 * 0.8 = 80 %). A missing or zero denominator (no churn, no CAC) gives a null value with a reason; a
 * missing gross margin makes the result revenue-based and says so.
 *
 * @param key          JSON key of the value
 * @param formula      the formula as printed for a reader
 * @param value        the value with what it was computed from ({@link Ratio}: numerator / denominator)
 * @param revenueOnly  true when no gross margin was given, so a CLV is revenue CLV, not profit CLV
 */
public record ClvFormula(String key, String formula, Ratio value, boolean revenueOnly) {

    /**
     * Subscription CLV (seed 002) = ARPA × gross margin / monthly customer churn rate, in currency units.
     * Without a gross margin: ARPA / churn, labelled revenue CLV. Null when churn is zero or unknown.
     */
    public static ClvFormula subscription(BigDecimal arpa, BigDecimal grossMargin, BigDecimal monthlyChurn) {
        checkMargin(grossMargin);
        boolean revenue = grossMargin == null;
        BigDecimal numerator = arpa == null ? null : revenue ? arpa : arpa.multiply(grossMargin);
        String formula = revenue ? "ARPA / customer churn rate (revenue CLV: no gross margin given)"
                : "ARPA × gross margin / customer churn rate";
        Ratio v = numerator == null ? nullRatio("ARPA is unknown")
                : Ratio.of(numerator, monthlyChurn, Kind.MONEY, 1,
                        monthlyChurn == null ? "the churn rate is unknown" : "no customer churned, so the lifetime is unbounded");
        return new ClvFormula("clvSubscription", formula, v, revenue);
    }

    /**
     * CLV (seed 003) = annual profit per customer × years − CAC. Without a CAC the subtraction is left out
     * and the formula says so. Exact.
     */
    public static ClvFormula profitTimesYears(BigDecimal annualProfitPerCustomer, BigDecimal years, BigDecimal cac) {
        if (annualProfitPerCustomer == null || years == null) {
            return new ClvFormula("clvProfitTimesYears", "annual profit per customer × years − CAC",
                    nullRatio(annualProfitPerCustomer == null ? "annual profit per customer is unknown" : "the number of years is unknown"),
                    false);
        }
        BigDecimal gross = annualProfitPerCustomer.multiply(years);
        BigDecimal value = cac == null ? gross : gross.subtract(cac);
        String formula = cac == null ? "annual profit per customer × years (no CAC given)"
                : "annual profit per customer × years − CAC";
        return new ClvFormula("clvProfitTimesYears", formula, Ratio.of(value, BigDecimal.ONE, Kind.MONEY, "unreachable"), false);
    }

    /**
     * CLV (seed 004) = average customer value per period × average lifespan in periods (for example ARPC
     * per month × lifespan in months). Null when the lifespan is unknown (no churn). {@code revenueOnly}
     * is passed through: say whether the value is revenue or profit.
     */
    public static ClvFormula valueTimesLifespan(BigDecimal averageValue, BigDecimal lifespan, boolean revenueOnly) {
        String formula = "average customer value × average lifespan";
        if (averageValue == null) return new ClvFormula("clvValueTimesLifespan", formula, nullRatio("average value is unknown"), revenueOnly);
        if (lifespan == null) {
            return new ClvFormula("clvValueTimesLifespan", formula,
                    nullRatio("the average lifespan is unknown (no customer churned)"), revenueOnly);
        }
        return new ClvFormula("clvValueTimesLifespan", formula,
                Ratio.of(averageValue.multiply(lifespan), BigDecimal.ONE, Kind.MONEY, "unreachable"), revenueOnly);
    }

    /** LTV:CAC = CLV / CAC (a multiple); null when either is unknown or CAC is zero. */
    public static ClvFormula ltvToCac(BigDecimal clv, BigDecimal cac) {
        if (clv == null) return new ClvFormula("ltvToCac", "CLV / CAC", nullRatio("CLV is unknown"), false);
        return new ClvFormula("ltvToCac", "CLV / CAC",
                Ratio.of(clv, cac, Kind.MULTIPLE, 1, cac == null ? "CAC is unknown" : "CAC is zero"), false);
    }

    /**
     * CAC payback in months = CAC / (ARPA × gross margin); without a gross margin CAC / ARPA (revenue
     * basis, labelled). Null when the monthly margin per account is zero or unknown.
     */
    public static ClvFormula cacPaybackMonths(BigDecimal cac, BigDecimal arpa, BigDecimal grossMargin) {
        checkMargin(grossMargin);
        boolean revenue = grossMargin == null;
        String formula = revenue ? "CAC / ARPA (revenue basis: no gross margin given)" : "CAC / (ARPA × gross margin)";
        if (cac == null) return new ClvFormula("paybackMonths", formula, nullRatio("CAC is unknown"), revenue);
        BigDecimal perMonth = arpa == null ? null : revenue ? arpa : arpa.multiply(grossMargin);
        return new ClvFormula("paybackMonths", formula,
                Ratio.of(cac, perMonth, Kind.MONTHS, 1, perMonth == null ? "ARPA is unknown" : "the monthly margin per account is zero"),
                revenue);
    }

    private static void checkMargin(BigDecimal grossMargin) {
        if (grossMargin != null && (grossMargin.signum() < 0 || grossMargin.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("gross margin is a fraction between 0 and 1, got " + grossMargin);
        }
    }

    private static Ratio nullRatio(String reason) {
        return new Ratio(null, null, null, null, null, null, reason);
    }

    // Exact compositions: the inputs are ratios (numerator / denominator as measured), and each result's
    // numerator and denominator are products of those parts, so nothing is rounded before the end and a
    // reader can recompute every value from the JSON.

    /**
     * Subscription CLV from measured ratios: ARPA × margin / churn = (ARPA num × margin × churn den) /
     * (ARPA den × churn num). Null when either ratio is null or no customer churned.
     */
    public static ClvFormula subscription(Ratio arpa, BigDecimal grossMargin, Ratio monthlyChurn) {
        checkMargin(grossMargin);
        boolean revenue = grossMargin == null;
        String formula = revenue ? "ARPA / customer churn rate (revenue CLV: no gross margin given)"
                : "ARPA × gross margin / customer churn rate";
        if (arpa == null || arpa.isNull()) return new ClvFormula("clvSubscription", formula, nullRatio("ARPA is unknown"), revenue);
        if (monthlyChurn == null || monthlyChurn.denominator() == null || monthlyChurn.denominator().signum() == 0) {
            return new ClvFormula("clvSubscription", formula, nullRatio("the churn rate is unknown"), revenue);
        }
        BigDecimal m = revenue ? BigDecimal.ONE : grossMargin;
        BigDecimal num = arpa.numerator().multiply(m).multiply(monthlyChurn.denominator());
        BigDecimal den = arpa.denominator().multiply(monthlyChurn.numerator());
        return new ClvFormula("clvSubscription", formula,
                Ratio.of(num, den, Kind.MONEY, "no customer churned, so the lifetime is unbounded"), revenue);
    }

    /**
     * CLV (seed 003) from measured ratios: annual profit per customer (monthly value × 12 × margin) ×
     * years (lifespan in months / 12) − CAC = monthly value × margin × lifespan − CAC. The monthly value
     * is ARPA for subscriptions. Without a margin the value is revenue and the formula says so.
     */
    public static ClvFormula profitTimesYears(Ratio monthlyValue, BigDecimal grossMargin, Ratio lifespanMonths, BigDecimal cac) {
        checkMargin(grossMargin);
        boolean revenue = grossMargin == null;
        String formula = (revenue ? "annual revenue per customer × years" : "annual profit per customer × years")
                + (cac == null ? " (no CAC given)" : " − CAC") + (revenue ? " (revenue CLV: no gross margin given)" : "");
        if (monthlyValue == null || monthlyValue.isNull()) {
            return new ClvFormula("clvProfitTimesYears", formula, nullRatio("the value per customer is unknown"), revenue);
        }
        if (lifespanMonths == null || lifespanMonths.isNull()) {
            return new ClvFormula("clvProfitTimesYears", formula, nullRatio("the average lifespan is unknown (no customer churned)"), revenue);
        }
        BigDecimal m = revenue ? BigDecimal.ONE : grossMargin;
        BigDecimal num = monthlyValue.numerator().multiply(m).multiply(lifespanMonths.numerator());
        BigDecimal den = monthlyValue.denominator().multiply(lifespanMonths.denominator());
        if (cac != null) num = num.subtract(cac.multiply(den));
        return new ClvFormula("clvProfitTimesYears", formula, Ratio.of(num, den, Kind.MONEY, "unreachable"), revenue);
    }

    /**
     * CLV (seed 004) from measured ratios: average customer value per month (× margin when given) ×
     * average lifespan in months.
     */
    public static ClvFormula valueTimesLifespan(Ratio monthlyValue, BigDecimal grossMargin, Ratio lifespanMonths) {
        checkMargin(grossMargin);
        boolean revenue = grossMargin == null;
        String formula = "average customer value per month" + (revenue ? "" : " × gross margin") + " × average lifespan"
                + (revenue ? " (revenue CLV: no gross margin given)" : "");
        if (monthlyValue == null || monthlyValue.isNull()) {
            return new ClvFormula("clvValueTimesLifespan", formula, nullRatio("average value is unknown"), revenue);
        }
        if (lifespanMonths == null || lifespanMonths.isNull()) {
            return new ClvFormula("clvValueTimesLifespan", formula,
                    nullRatio("the average lifespan is unknown (no customer churned)"), revenue);
        }
        BigDecimal m = revenue ? BigDecimal.ONE : grossMargin;
        return new ClvFormula("clvValueTimesLifespan", formula,
                Ratio.of(monthlyValue.numerator().multiply(m).multiply(lifespanMonths.numerator()),
                        monthlyValue.denominator().multiply(lifespanMonths.denominator()), Kind.MONEY, "unreachable"),
                revenue);
    }

    /** LTV:CAC from a CLV ratio: CLV num / (CLV den × CAC). */
    public static ClvFormula ltvToCacFrom(Ratio clv, BigDecimal cac) {
        if (clv == null || clv.isNull()) return new ClvFormula("ltvToCac", "CLV / CAC", nullRatio("CLV is unknown"), false);
        if (cac == null) return new ClvFormula("ltvToCac", "CLV / CAC", nullRatio("CAC is unknown"), false);
        return new ClvFormula("ltvToCac", "CLV / CAC",
                Ratio.of(clv.numerator(), clv.denominator().multiply(cac), Kind.MULTIPLE, "CAC is zero"), false);
    }

    /** CAC payback in months from a monthly value ratio: CAC × den / (num × margin). */
    public static ClvFormula cacPaybackMonths(BigDecimal cac, Ratio monthlyValue, BigDecimal grossMargin, String valueName) {
        checkMargin(grossMargin);
        boolean revenue = grossMargin == null;
        String formula = revenue ? "CAC / " + valueName + " (revenue basis: no gross margin given)"
                : "CAC / (" + valueName + " × gross margin)";
        if (cac == null) return new ClvFormula("paybackMonths", formula, nullRatio("CAC is unknown"), revenue);
        if (monthlyValue == null || monthlyValue.isNull()) {
            return new ClvFormula("paybackMonths", formula, nullRatio(valueName + " is unknown"), revenue);
        }
        BigDecimal m = revenue ? BigDecimal.ONE : grossMargin;
        return new ClvFormula("paybackMonths", formula,
                Ratio.of(cac.multiply(monthlyValue.denominator()), monthlyValue.numerator().multiply(m), Kind.MONTHS,
                        "the monthly margin per account is zero"), revenue);
    }
}
