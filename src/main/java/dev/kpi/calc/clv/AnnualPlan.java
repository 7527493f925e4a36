package dev.kpi.calc.clv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalises an annual plan to MRR: annual amount / 12. The lines carry it exactly as twelfths (see
 * {@link SubscriptionLine}), so twelve months add up to the annual amount; {@link #monthlyMrr} is the
 * same MRR rounded half-even to the micro (1,000.00 a year: 83.333333 a month).
 */
public final class AnnualPlan {
    private AnnualPlan() {}

    /** round_half_even(annualMicros / 12). */
    public static long monthlyMrr(long annualMicros) {
        return BigDecimal.valueOf(annualMicros).divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Twelve monthly lines starting with the month of {@code start}, each with {@link #monthlyMrr(long)}. */
    public static List<SubscriptionLine> lines(String customerId, LocalDate start, long annualMicros) {
        long mrr = monthlyMrr(annualMicros);
        LocalDate first = start.withDayOfMonth(1);
        List<SubscriptionLine> out = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) out.add(new SubscriptionLine(customerId, first.plusMonths(i), mrr, annualMicros));
        return out;
    }
}
