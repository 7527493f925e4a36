package dev.kpi.input;

import dev.kpi.config.KpiConfig;
import dev.kpi.records.PathRow;
import dev.kpi.records.RecordType;
import dev.kpi.records.Touchpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Reading touchpoints (generic and CRM presets, two touches per row) and path tables. */
class TouchpointAndPathReadingTest {
    private static <T> List<T> read(Path file, RecordType type, KpiConfig config) {
        List<T> out = new ArrayList<>();
        RecordReader reader = new RecordReader(config, new Diagnostics());
        reader.<T>read(new InputSpec(InputSource.file(file), null), type, out::add);
        return out;
    }

    private static Preset preset(Path file, RecordType type) {
        RecordReader reader = new RecordReader(KpiConfig.empty(), new Diagnostics());
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(file), null), type)) {
            return o.preset;
        }
    }

    @Test void genericTouchpointsWithCostAndAccount(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "user_id,account_id,touched_at,source,utm_campaign,cost\nu1,acc1,2024-03-01 10:00,google / cpc,brand,\"1,234.50\"\n"
                + "u2;u3,,2024-03-02,Email,,\n");
        assertEquals("kpi-touchpoints", preset(f, RecordType.TOUCHPOINTS).name());
        String yaml = "channels:\n  Paid Search: [ \"google / cpc\" ]\n";
        List<Touchpoint> t = read(f, RecordType.TOUCHPOINTS, KpiConfig.parse(new StringReader(yaml), "kpi.yaml", false));
        assertEquals(2, t.size());
        Touchpoint a = t.get(0);
        assertEquals("u1", a.journeyId());
        assertEquals("acc1", a.accountId());
        assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0), a.at());
        assertEquals("Paid Search", a.channel());
        assertEquals("google / cpc", a.source());
        assertEquals("brand", a.campaign());
        assertTrue(a.hasCost());
        assertEquals(1_234_500_000L, a.cost());
        assertEquals("u2", t.get(1).journeyId(), "first of a ;-list");
        assertNull(t.get(1).accountId());
        assertFalse(t.get(1).hasCost());
    }

    /**
     * HubSpot contacts: one touch for Original Source at Create Date and one for Latest Source at Latest
     * Source Date; campaigns from the drill-downs (Drill-Down 1 for paid search, 2 for paid social). Row 2
     * has Latest Source = Original Source and no later date: one touch only. Row 3's Latest Source Date
     * is empty: the second touch takes the Create Date and follows the first.
     */
    @Test void hubspotContactsGiveFirstAndLatestTouch(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("contacts.csv");
        Files.writeString(f, "\"Record ID\",\"Create Date\",\"Lifecycle Stage\",\"Original Source\",\"Original Source Drill-Down 1\","
                + "\"Original Source Drill-Down 2\",\"Latest Source\",\"Latest Source Date\",\"Latest Source Drill-Down 1\","
                + "\"Latest Source Drill-Down 2\",\"Associated Company IDs\"\n"
                + "\"1\",\"2025-01-08 10:14\",\"customer\",\"PAID_SEARCH\",\"search-brand\",\"brand kw\",\"Paid Social\",\"2025-02-01 08:00\",\"LinkedIn\",\"li-abm\",\"900;901\"\n"
                + "\"2\",\"2025-01-09 10:00\",\"lead\",\"Organic Search\",\"\",\"google.com\",\"Organic Search\",\"\",\"\",\"\",\"\"\n"
                + "\"3\",\"2025-01-10 11:00\",\"lead\",\"Direct Traffic\",\"\",\"\",\"Email Marketing\",\"\",\"newsletter\",\"\",\"902\"\n");
        assertEquals("hubspot-contacts-touchpoints", preset(f, RecordType.TOUCHPOINTS).name());
        assertEquals("hubspot-contacts", preset(f, RecordType.LEADS).name(), "as leads the file keeps its leads preset");
        List<Touchpoint> t = read(f, RecordType.TOUCHPOINTS, KpiConfig.empty());
        assertEquals(5, t.size()); // 2 + 1 + 2
        assertEquals("Paid Search", t.get(0).channel());
        assertEquals("search-brand", t.get(0).campaign());
        assertEquals("900", t.get(0).accountId());
        assertEquals("Paid Social", t.get(1).channel());
        assertEquals("li-abm", t.get(1).campaign());
        assertEquals(LocalDateTime.of(2025, 2, 1, 8, 0), t.get(1).at());
        assertEquals("1", t.get(1).journeyId());
        assertEquals("Organic Search", t.get(2).channel());
        assertEquals("2", t.get(2).journeyId());
        assertEquals("Direct Traffic", t.get(3).channel());
        assertEquals("Email Marketing", t.get(4).channel());
        assertEquals("newsletter", t.get(4).campaign());
        assertEquals(LocalDateTime.of(2025, 1, 10, 11, 0), t.get(4).at());
    }

    @Test void channelAttributionPathTable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "\"path\",\"total_conversions\",\"total_conversion_value\",\"total_null\"\n"
                + "\"eta > iota>alpha\",1,0.244,3\n\"\",2,,0\n\"a > > b\",1,1,1\n\"x\",-1,1,1\n");
        assertEquals("channelattribution-paths", preset(f, RecordType.PATHS).name());
        Diagnostics d = new Diagnostics();
        List<PathRow> rows = new ArrayList<>();
        new RecordReader(KpiConfig.empty(), d).<PathRow>read(new InputSpec(InputSource.file(f), null), RecordType.PATHS, rows::add);
        assertEquals(2, rows.size());
        assertEquals(List.of("eta", "iota", "alpha"), rows.get(0).path());
        assertEquals(new BigDecimal("0.244"), rows.get(0).value());
        assertEquals(3, rows.get(0).nulls());
        assertEquals(List.of(), rows.get(1).path(), "an empty path holds conversions without a touch");
        assertNull(rows.get(1).value());
        assertEquals(2, d.badCount());
    }
}
