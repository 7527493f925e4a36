package dev.kpi.calc.attribution;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Return on marketing spend from attributed credit. Pure functions; money in the reporting currency.
 *
 * <p>Per channel (or campaign) with cost C, attributed revenue R and attributed conversions N:
 * <ul>
 * <li>{@code roi = (R − C) / C} (a fraction: 4 means 400 %);</li>
 * <li>{@code roas = R / C} (a multiple);</li>
 * <li>{@code costPerConversion = C / N}.</li>
 * </ul>
 * Overall, with revenue (or revenue growth) R, marketing cost C, optional cost of goods G or gross
 * margin m (then G = R × (1 − m)):
 * <ul>
 * <li>{@code roi = (R − C) / C} — the catalogue's seed example: 10,000 of cost and 50,000 of growth give 4;</li>
 * <li>{@code revenueToCostRatio = R / C}, read with the guide: 5:1 or better strong, below 2:1 not
 * profitable, in between moderate;</li>
 * <li>{@code romi = (R − G − C) / C}, only when G or m is given.</li>
 * </ul>
 * A zero (or missing) cost gives null ratios with a reason, never infinity; so does zero conversions
 * for cost per conversion. Missing revenue (no values in the input) gives null revenue ratios.
 */
public final class RoiCalculator {
    private RoiCalculator() {}

    /** Return figures of one channel or campaign. */
    public record ChannelReturn(BigDecimal cost, BigDecimal attributedRevenue, BigDecimal attributedConversions,
                                Ratio roi, Ratio roas, Ratio costPerConversion) {}

    /** Overall return of the marketing spend. {@code romi} is null when neither COGS nor margin is given. */
    public record MarketingReturn(BigDecimal revenue, BigDecimal cost, BigDecimal costOfGoods, Ratio roi,
                                  Ratio revenueToCostRatio, String revenueToCostGuide, Ratio romi) {}

    public static ChannelReturn channel(BigDecimal cost, BigDecimal attributedRevenue, BigDecimal attributedConversions) {
        Objects.requireNonNull(cost, "cost");
        String noCost = "no cost for this channel";
        Ratio roi = attributedRevenue == null ? nullRatio(cost, "no conversion values to attribute")
                : Ratio.of(attributedRevenue.subtract(cost), cost, Kind.PERCENT, noCost);
        Ratio roas = attributedRevenue == null ? nullRatio(cost, "no conversion values to attribute")
                : Ratio.of(attributedRevenue, cost, Kind.MULTIPLE, noCost);
        Ratio cpa = Ratio.of(cost, attributedConversions == null ? BigDecimal.ZERO : attributedConversions, Kind.MONEY,
                "no attributed conversions");
        return new ChannelReturn(cost, attributedRevenue, attributedConversions, roi, roas, cpa);
    }

    /**
     * @param revenue     attributed revenue or revenue growth
     * @param cost        marketing cost
     * @param costOfGoods cost of goods sold for that revenue, or null
     * @param grossMargin gross margin as a fraction (0.7 = 70 %), used when {@code costOfGoods} is null; or null
     */
    public static MarketingReturn overall(BigDecimal revenue, BigDecimal cost, BigDecimal costOfGoods, BigDecimal grossMargin) {
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(cost, "cost");
        String noCost = "no marketing cost";
        Ratio roi = Ratio.of(revenue.subtract(cost), cost, Kind.PERCENT, noCost);
        Ratio ratio = Ratio.of(revenue, cost, Kind.MULTIPLE, noCost);
        String guide = null;
        if (!ratio.isNull()) {
            BigDecimal q = ratio.value();
            guide = q.compareTo(BigDecimal.valueOf(5)) >= 0 ? "strong (5:1 or better)"
                    : q.compareTo(BigDecimal.valueOf(2)) < 0 ? "not profitable (below 2:1)" : "moderate (between 2:1 and 5:1)";
        }
        BigDecimal cogs = costOfGoods;
        if (cogs == null && grossMargin != null) {
            if (grossMargin.signum() < 0 || grossMargin.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("gross margin must be a fraction between 0 and 1, got " + grossMargin);
            }
            cogs = revenue.multiply(BigDecimal.ONE.subtract(grossMargin));
        }
        Ratio romi = cogs == null ? null : Ratio.of(revenue.subtract(cogs).subtract(cost), cost, Kind.PERCENT, noCost);
        return new MarketingReturn(revenue, cost, cogs, roi, ratio, guide, romi);
    }

    private static Ratio nullRatio(BigDecimal denominator, String reason) {
        return new Ratio(null, null, denominator, null, null, null, reason);
    }
}
