package dev.kpi.calc.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random path tables for property tests. */
final class RandomTables {
    private RandomTables() {}

    /** {@code rows} random paths over {@code channels} channels, length 1..maxLen, with counts and values. */
    static PathTable paths(Random rnd, int channels, int rows, int maxLen, boolean withNulls) {
        PathTable t = new PathTable();
        for (int r = 0; r < rows; r++) {
            int len = 1 + rnd.nextInt(maxLen);
            List<String> path = new ArrayList<>();
            for (int i = 0; i < len; i++) path.add("ch" + rnd.nextInt(channels));
            long conv = rnd.nextInt(4);
            long nulls = withNulls ? rnd.nextInt(6) : 0;
            if (conv + nulls == 0) conv = 1;
            BigDecimal value = BigDecimal.valueOf(rnd.nextInt(1_000_000_000), 6).multiply(BigDecimal.valueOf(conv));
            t.add(path, conv, value, nulls);
        }
        return t;
    }
}
