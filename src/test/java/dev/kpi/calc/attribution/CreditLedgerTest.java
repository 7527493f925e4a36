package dev.kpi.calc.attribution;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CreditLedgerTest {
    /** Thirds: 0.333333 × 3 = 0.999999; the residual 0.000001 goes to the largest (first on ties). */
    @Test void roundingResidualGoesToTheLargestCredit() {
        CreditLedger l = new CreditLedger();
        for (String c : List.of("B", "A", "C")) l.add(c, null, 1.0 / 3, 10.0 / 3);
        List<ChannelCredit> cs = l.credits("linear", null, BigDecimal.ONE, BigDecimal.TEN, null);
        assertEquals(List.of("A", "B", "C"), cs.stream().map(ChannelCredit::channel).toList());
        assertEquals(new BigDecimal("0.333334"), cs.get(0).attributedConversions());
        assertEquals(new BigDecimal("0.333333"), cs.get(1).attributedConversions());
        assertEquals(new BigDecimal("3.333334"), cs.get(0).attributedRevenue());
    }

    @Test void unattributedSortsLastAndBigResidualsFail() {
        CreditLedger l = new CreditLedger();
        l.add(PathTable.UNATTRIBUTED, null, 1, 0);
        l.add("Z", null, 1, 0);
        assertEquals("Z", l.credits("m", null, BigDecimal.valueOf(2), null, null).get(0).channel());
        assertThrows(IllegalStateException.class, () -> l.credits("m", null, BigDecimal.valueOf(3), null, null));
    }
}
