package dev.kpi.calc.clv;

import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.records.Fx;
import dev.kpi.records.Transaction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ClvCalculatorTest {
    private static ClvCalculator.Options options(List<ClvCalculator.Model> models, LocalDate to) {
        return new ClvCalculator.Options(null, to, null, models, ClvTimeUnit.WEEK, 39, 0.01, 12, false, 5, List.of(), null,
                false, null, new BigDecimal("0.05"), null);
    }

    private static Transaction tx(Purchase p, String status) {
        return new Transaction(null, p.customerId(), p.date(), p.amountMicros(), "USD", status);
    }

    @Test void mergingHalvesGivesTheSameModelsAsOnePass() {
        ClvCalculator.Options o = options(List.of(ClvCalculator.Model.BGNBD, ClvCalculator.Model.GAMMA_GAMMA),
                LocalDate.of(1997, 9, 30));
        ClvCalculator all = new ClvCalculator(o, new ReportingAmounts(new Fx(null, Map.of())));
        ClvCalculator odd = new ClvCalculator(o, new ReportingAmounts(new Fx(null, Map.of())));
        ClvCalculator even = new ClvCalculator(o, new ReportingAmounts(new Fx(null, Map.of())));
        List<Purchase> ps = CdnowData.purchases();
        for (int i = 0; i < ps.size(); i++) {
            all.add(tx(ps.get(i), "paid"));
            (i % 2 == 0 ? even : odd).add(tx(ps.get(i), null));
        }
        even.merge(odd);
        Report a = all.finish(null);
        Report b = even.finish(null);
        assertEquals(6919, all.purchases());
        assertEquals(6919, even.purchases());
        Row ba = (Row) ((Map<?, ?>) a.extra().get("models")).get("bgnbd");
        Row bb = (Row) ((Map<?, ?>) b.extra().get("models")).get("bgnbd");
        assertEquals((double) ba.get("r"), (double) bb.get("r"), 1e-9);
        assertEquals((double) ba.get("logLikelihood"), (double) bb.get("logLikelihood"), 1e-6);
        assertEquals(a.total().get("clv"), b.total().get("clv"));
        assertEquals(5, a.rows().size());
        assertEquals("USD", a.currency());
    }

    @Test void monthlyPurchasesSkipUnpaidRows() {
        ClvCalculator c = new ClvCalculator(options(List.of(), null), new ReportingAmounts(new Fx("USD", Map.of())));
        // Jan: x 10 paid, x 99 failed; Feb: y 30 paid, x 20 with a status kpi does not know (counted, warned)
        c.add(new Transaction(null, "x", LocalDate.of(2025, 1, 3), 10_000_000L, null, "paid"));
        c.add(new Transaction(null, "x", LocalDate.of(2025, 1, 4), 99_000_000L, null, "failed"));
        c.add(new Transaction(null, "y", LocalDate.of(2025, 2, 3), 30_000_000L, null, null));
        c.add(new Transaction(null, "x", LocalDate.of(2025, 2, 9), 20_000_000L, null, "on hold"));
        Report r = c.finish(null);
        assertEquals(2, r.rows().size());
        assertEquals(0, new BigDecimal("10").compareTo((BigDecimal) r.rows().get(0).get("revenue")));
        assertEquals(0, new BigDecimal("50").compareTo((BigDecimal) r.rows().get(1).get("revenue")));
        // total 60 from 2 customers over 2 months: 15 a month; churn 5 %: lifespan 20 months, CLV 300
        Row clv = (Row) r.extra().get("clv");
        assertEquals(0, new BigDecimal("15").compareTo(((Ratio) clv.get("averageMonthlyValue")).value()));
        assertEquals(0, new BigDecimal("300").compareTo(((Ratio) clv.get("clvValueTimesLifespan")).value()));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'on hold'")), r.warnings().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("1 failed")), r.notes().toString());
    }
}
