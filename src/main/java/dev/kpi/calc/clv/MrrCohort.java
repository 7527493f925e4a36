package dev.kpi.calc.clv;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

import java.time.YearMonth;
import java.util.List;

/**
 * A cohort of customers by the month of their first MRR, followed month by month ({@code kpi clv
 * --cohorts}). A customer counts as active in every month with MRR, so one who churns and returns is
 * active again after returning.
 *
 * @param start     the cohort's first month
 * @param customers customers whose first MRR is in {@code start}
 * @param months    offset 0 (the start month) onwards, up to the end of the window
 */
public record MrrCohort(YearMonth start, int customers, List<Month> months) {

    public MrrCohort {
        months = List.copyOf(months);
    }

    /**
     * Customers who have not churned yet at the start of each month (active in every month since the
     * start): the retention series {@link ShiftedBetaGeometricModel#fitCohorts} takes, in monthly periods.
     */
    public double[] survivalSeries() {
        double[] s = new double[months.size()];
        for (int k = 0; k < s.length; k++) s[k] = months.get(k).survivingCustomers();
        return s;
    }

    /**
     * One month of a cohort. {@code survivingCustomers} were active in every month from the start to this
     * one (a returning customer is active again but no longer surviving). {@code customerRetention} =
     * active customers / cohort customers;
     * {@code revenueRetention} = MRR / the cohort's MRR in its first month (above 1 when expansion
     * outweighs churn).
     */
    public record Month(int offset, YearMonth month, int activeCustomers, int survivingCustomers, long mrr, long startMrr,
                        int cohortCustomers) {
        public Ratio customerRetention() {
            return Ratio.of(activeCustomers, cohortCustomers, Kind.PERCENT, "empty cohort");
        }

        public Ratio revenueRetention() {
            return Ratio.of(MrrMonth.money(mrr), MrrMonth.money(startMrr), Kind.PERCENT, "the cohort started with no MRR");
        }
    }

}
