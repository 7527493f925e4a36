package dev.kpi.calc.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Customer lifetime value from a transaction model and the gamma-gamma spend model, as lifetimes'
 * {@code customer_lifetime_value} computes it but with kpi's month:
 * <pre>
 * CLV = Σ_{i=1..months} E(M | x, m_x) · ( E[Y(i·u) | x, t_x, T] − E[Y((i−1)·u) | x, t_x, T] ) / (1 + d)^i
 * </pre>
 * where u is one month of 365.25 / 12 days expressed in the model's time unit ({@link ClvTimeUnit#perMonth()};
 * lifetimes uses 4.345 weeks or 30 days), d the monthly discount rate and E[Y(t)] the model's expected
 * purchases over t. Each month's expected purchases are discounted at the month's end. Values are model
 * estimates in currency units (double).
 */
public final class ProbabilisticClv {
    private final TransactionModel purchases;
    private final GammaGammaModel spend;
    private final ClvTimeUnit unit;
    private final double horizon;
    private final int months;
    private final double monthlyDiscount;

    /**
     * @param purchases       fitted BG/NBD or Pareto/NBD model
     * @param spend           fitted gamma-gamma model, or null (then no expected value and no CLV)
     * @param unit            time unit the models were fitted in
     * @param horizon         horizon of {@link CustomerValue#expectedPurchases()}, in {@code unit}
     * @param months          CLV months (≥ 0)
     * @param monthlyDiscount monthly discount rate (≥ 0, e.g. 0.01)
     */
    public ProbabilisticClv(TransactionModel purchases, GammaGammaModel spend, ClvTimeUnit unit, double horizon,
                            int months, double monthlyDiscount) {
        this.purchases = Objects.requireNonNull(purchases, "purchases");
        this.spend = spend;
        this.unit = Objects.requireNonNull(unit, "unit");
        if (!(horizon >= 0)) throw new IllegalArgumentException("horizon must be ≥ 0");
        if (months < 0) throw new IllegalArgumentException("CLV months must be ≥ 0");
        if (!(monthlyDiscount >= 0) || !Double.isFinite(monthlyDiscount)) {
            throw new IllegalArgumentException("the discount rate must be ≥ 0");
        }
        this.horizon = horizon;
        this.months = months;
        this.monthlyDiscount = monthlyDiscount;
    }

    /** Discounted expected value of a customer given the expected value per transaction. */
    public double clv(double x, double tx, double t, double valuePerTransaction) {
        double step = unit.perMonth();
        double total = 0;
        double previous = 0;
        for (int i = 1; i <= months; i++) {
            double cumulative = purchases.expectedPurchases(i * step, x, tx, t);
            total += valuePerTransaction * (cumulative - previous) / Math.pow(1 + monthlyDiscount, i);
            previous = cumulative;
        }
        return total;
    }

    public CustomerValue value(CustomerRfm c) {
        double x = c.frequency();
        double m = c.monetaryValueAsDouble();
        Double ev = spend == null ? null : spend.expectedAverageValue(x, m);
        Double clv = ev == null ? null : clv(x, c.recency(), c.t(), ev);
        return new CustomerValue(c.customerId(), c.frequency(), c.recency(), c.t(), m,
                purchases.expectedPurchases(horizon, x, c.recency(), c.t()),
                purchases.probabilityAlive(x, c.recency(), c.t()), ev, clv);
    }

    /** One row per customer, in the table's order. */
    public List<CustomerValue> values(List<CustomerRfm> customers) {
        List<CustomerValue> out = new ArrayList<>(customers.size());
        for (CustomerRfm c : customers) out.add(value(c));
        return out;
    }
}
