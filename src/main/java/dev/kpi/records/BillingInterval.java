package dev.kpi.records;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a subscription's amount is charged: a unit and a count ("every 3 months" is MONTH × 3).
 * Parses the spellings billing exports use: Stripe's {@code month}/{@code year}, Chargebee's billing
 * period units, and words such as {@code monthly}, {@code annual}, {@code quarterly}, {@code 6 months}.
 *
 * @param count whole units per charge, at least 1
 */
public record BillingInterval(Unit unit, int count) {
    /** A calendar unit of billing. */
    public enum Unit { DAY, WEEK, MONTH, YEAR }

    public static final BillingInterval MONTHLY = new BillingInterval(Unit.MONTH, 1);
    public static final BillingInterval YEARLY = new BillingInterval(Unit.YEAR, 1);

    private static final Pattern COUNTED = Pattern.compile("^(?:every\\s+)?(\\d{1,3})\\s*[- ]?\\s*([a-z]+?)s?$");

    public BillingInterval {
        if (unit == null) throw new IllegalArgumentException("unit");
        if (count < 1) throw new IllegalArgumentException("a billing interval is at least one unit, got " + count);
    }

    /** The same unit charged every {@code n} units (Stripe's "Plan Interval Count"). */
    public BillingInterval times(int n) {
        return new BillingInterval(unit, Math.multiplyExact(count, n));
    }

    /**
     * The interval named by {@code text}, or null when it is not one: {@code month, monthly, mo, year,
     * yearly, annual, annually, yr, week, weekly, day, daily, quarter, quarterly, semiannual,
     * half-yearly, biannual} (twice a year), and counted forms {@code 3 months}, {@code every 2 weeks},
     * {@code 1 year}. Case and surrounding blanks are ignored.
     */
    public static BillingInterval parse(String text) {
        if (text == null) return null;
        String s = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (s.isEmpty()) return null;
        Unit u = unit(s);
        if (u != null) return new BillingInterval(u, 1);
        switch (s) {
            case "quarter": case "quarterly": return new BillingInterval(Unit.MONTH, 3);
            case "semiannual": case "semi-annual": case "semiannually": case "half-yearly": case "half year":
            case "biannual": case "biannually": case "half-year":
                return new BillingInterval(Unit.MONTH, 6);
            case "biennial": case "biennially": return new BillingInterval(Unit.YEAR, 2);
            default: break;
        }
        Matcher m = COUNTED.matcher(s);
        if (m.matches()) {
            Unit cu = unit(m.group(2));
            int n = Integer.parseInt(m.group(1));
            if (cu != null && n >= 1) return new BillingInterval(cu, n);
            if (n >= 1 && (m.group(2).equals("quarter"))) return new BillingInterval(Unit.MONTH, 3 * n);
        }
        return null;
    }

    private static Unit unit(String s) {
        switch (s) {
            case "day": case "daily": case "d": return Unit.DAY;
            case "week": case "weekly": case "wk": case "w": return Unit.WEEK;
            case "month": case "monthly": case "mo": case "mon": case "m": return Unit.MONTH;
            case "year": case "yearly": case "annual": case "annually": case "yr": case "y": return Unit.YEAR;
            default: return null;
        }
    }

    @Override public String toString() {
        String u = unit.name().toLowerCase(Locale.ROOT);
        return count == 1 ? u : count + " " + u + "s";
    }
}
