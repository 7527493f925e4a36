package dev.kpi.calc.clv;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link RfmSummary#finish()} returns: one {@link CustomerRfm} per customer who bought in the
 * calibration period, in the order customers were first seen, plus the bookkeeping a report needs.
 *
 * @param calibrationEnd          last day of the calibration period (the latest purchase date when none was given)
 * @param observationEnd          last day of the holdout window, or null when there is none
 * @param durationHoldout         length of the holdout window in {@code unit}, or null
 * @param purchasesUsed           purchases that fell in the calibration or holdout window
 * @param purchasesIgnored        purchases after the last day of the window (or after the calibration end
 *                                when there is no holdout window)
 * @param customersOnlyInHoldout  customers whose first purchase is in the holdout window: they have no
 *                                calibration history and are left out of {@code customers}, as lifetimes does
 */
public record RfmTable(List<CustomerRfm> customers, ClvTimeUnit unit, RfmSummary.Grouping grouping,
                       LocalDate calibrationEnd, LocalDate observationEnd, Double durationHoldout,
                       long purchasesUsed, long purchasesIgnored, int customersOnlyInHoldout) {

    public RfmTable {
        customers = List.copyOf(customers);
    }

    /** Frequencies as doubles, in the order of {@link #customers()}. */
    public double[] frequencies() {
        double[] a = new double[customers.size()];
        for (int i = 0; i < a.length; i++) a[i] = customers.get(i).frequency();
        return a;
    }

    public double[] recencies() {
        double[] a = new double[customers.size()];
        for (int i = 0; i < a.length; i++) a[i] = customers.get(i).recency();
        return a;
    }

    public double[] ages() {
        double[] a = new double[customers.size()];
        for (int i = 0; i < a.length; i++) a[i] = customers.get(i).t();
        return a;
    }

    public double[] monetaryValues() {
        double[] a = new double[customers.size()];
        for (int i = 0; i < a.length; i++) a[i] = customers.get(i).monetaryValueAsDouble();
        return a;
    }
}
