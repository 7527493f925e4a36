package dev.kpi.input;

import dev.kpi.config.KpiConfig;
import dev.kpi.records.Email;
import dev.kpi.records.Lead;
import dev.kpi.records.RecordType;
import dev.kpi.records.Traffic;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GA4 and Mailchimp presets on fixtures in the real export shapes. Expected sums were computed from
 * the fixture files with a short Python script (csv module), independently of kpi's reader.
 */
class TrafficAndEmailPresetsTest {
    static final Path FORMATS = Path.of("src/test/resources/formats");

    static <T> List<T> read(String file, RecordType type, Diagnostics d, String[] preset) {
        RecordReader reader = new RecordReader(KpiConfig.empty(), d);
        List<T> out = new ArrayList<>();
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(FORMATS.resolve(file)), null), type)) {
            preset[0] = o.preset.name();
            @SuppressWarnings("unchecked") java.util.function.Consumer<Object> sink = r -> out.add((T) r);
            o.stream(sink);
        }
        return out;
    }

    @Test void ga4LandingPagesTakeThePeriodFromThePreambleAndTheChannelFromSourceMedium() {
        String[] preset = new String[1];
        List<Traffic> rows = read("ga4_landing_pages.csv", RecordType.TRAFFIC, new Diagnostics(), preset);
        assertEquals("ga4-landing-pages", preset[0]);
        // 28 data rows, 37,902 sessions, 364 key events
        assertEquals(28, rows.size());
        assertEquals(37902, rows.stream().mapToLong(Traffic::sessions).sum());
        assertEquals(364_000_000L, rows.stream().mapToLong(Traffic::conversions).sum(), "key events in micros");
        Traffic first = rows.get(0);
        assertEquals("/", first.page());
        assertEquals(LocalDate.of(2025, 1, 1), first.date());
        assertEquals(LocalDate.of(2025, 3, 31), first.dateEnd());
        assertEquals("google / organic", first.source());
        assertEquals(3388, first.users());
        assertTrue(rows.stream().anyMatch(t -> "/de/lösungen/datenintegration".equals(t.page())));
        assertTrue(rows.stream().anyMatch(t -> "(not set)".equals(t.page())));
        // channels from source / medium (GA4's default grouping, CRM labels)
        Map<String, Long> byChannel = new TreeMap<>();
        for (Traffic t : rows) byChannel.merge(t.channel(), t.sessions(), Long::sum);
        assertEquals(Map.of("Organic Search", 17635L, "Direct Traffic", 4845L, "Paid Search", 8057L, "Paid Social", 6093L,
                "Email Marketing", 455L, "Referrals", 407L, "Organic Social", 410L), byChannel);
    }

    @Test void ga4TrafficAcquisitionWithDateSkipsTheGrandTotal() {
        String[] preset = new String[1];
        Diagnostics d = new Diagnostics();
        List<Traffic> rows = read("ga4_traffic_acquisition.csv", RecordType.TRAFFIC, d, preset);
        assertEquals("ga4-traffic-acquisition", preset[0]);
        // 16 rows; sessions 10,283 in total: January 2,758, February 4,785, March 2,740; the Grand total row is skipped
        assertEquals(16, rows.size());
        Map<String, Long> byMonth = new TreeMap<>();
        for (Traffic t : rows) byMonth.merge(t.date().toString().substring(0, 7), t.sessions(), Long::sum);
        assertEquals(Map.of("2025-01", 2758L, "2025-02", 4785L, "2025-03", 2740L), byMonth);
        assertNull(rows.get(0).dateEnd());
        assertEquals(1034, rows.get(0).sessions(), "grouped count \"1,034\"");
        // GA4's Direct, Referral and Email become the CRM's labels
        assertEquals(List.of("Organic Search", "Direct Traffic", "Paid Search", "Paid Social", "Email Marketing", "Referrals",
                "Organic Social", "Unassigned"), rows.stream().map(Traffic::channel).distinct().toList());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("Grand total")), d.notes().toString());
    }

    @Test void mailchimpCampaignExport() {
        String[] preset = new String[1];
        List<Email> rows = read("mailchimp_campaigns.csv", RecordType.EMAIL, new Diagnostics(), preset);
        assertEquals("mailchimp-campaigns", preset[0]);
        assertEquals(6, rows.size());
        Email jan = rows.get(0);
        assertEquals(LocalDate.of(2025, 1, 14), jan.date());
        assertEquals("January Product Update", jan.campaign());
        assertEquals("Veridian Labs Newsletter", jan.list());
        assertEquals("Email Marketing", jan.channel());
        assertEquals(4210, jan.sent());
        assertEquals(4162, jan.delivered());
        assertEquals(1187, jan.opens());
        assertEquals(203, jan.clicks());
        assertEquals(12, jan.forwards());
        assertEquals(14, jan.unsubscribes());
        assertEquals(4210, jan.listSize(), "Total Recipients stands in for the list size");
        // delivered 4,162 + 4,241 + 4,290 + 452 + 4,349 + 4,357 = 21,851; unique opens 6,554
        assertEquals(21851, rows.stream().mapToLong(Email::delivered).sum());
        assertEquals(6554, rows.stream().mapToLong(Email::opens).sum());
        assertEquals("Webinar Registrants", rows.get(3).list());
    }

    @Test void hubSpotMeetingColumnsAndGenericTrafficColumns(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, "\"Record ID\",\"Create Date\",\"Lifecycle Stage\",\"Original Source\",\"Meetings booked\",\"Meetings attended\"\n"
                + "\"1\",\"2025-01-02 10:00\",\"lead\",\"Paid Search\",\"3\",\"2\"\n"
                + "\"2\",\"2025-01-03 11:00\",\"lead\",\"\",\"\",\"\"\n", StandardCharsets.UTF_8);
        RecordReader reader = new RecordReader(KpiConfig.empty(), new Diagnostics());
        List<Lead> leads = new ArrayList<>();
        reader.read(new InputSpec(InputSource.file(contacts), null), RecordType.LEADS, (Lead l) -> leads.add(l));
        assertEquals(3, leads.get(0).meetingsBooked());
        assertEquals(2, leads.get(0).meetingsAttended());
        assertNull(leads.get(1).meetingsBooked());
        assertNull(leads.get(1).channel(), "no source: the group becomes (none)");

        Path web = dir.resolve("web.csv");
        Files.writeString(web, "date,landing_page,source_medium,sessions,conversions\n2025-02-01,/pricing,google / cpc,120,3\n",
                StandardCharsets.UTF_8);
        List<Traffic> t = new ArrayList<>();
        reader.read(new InputSpec(InputSource.file(web), null), RecordType.TRAFFIC, (Traffic x) -> t.add(x));
        assertEquals("/pricing", t.get(0).page());
        assertEquals("Paid Search", t.get(0).channel());
        assertEquals(120, t.get(0).sessions());
    }

    @Test void sourceMediumClassification() {
        assertEquals("Direct Traffic", TrafficMapper.fromSourceMedium("(direct) / (none)"));
        assertEquals("Paid Search", TrafficMapper.fromSourceMedium("google / cpc"));
        assertEquals("Paid Social", TrafficMapper.fromSourceMedium("facebook / cpc"));
        assertEquals("Paid Social", TrafficMapper.fromSourceMedium("linkedin / paid_social"));
        assertEquals("Organic Search", TrafficMapper.fromSourceMedium("bing / organic"));
        assertEquals("Organic Social", TrafficMapper.fromSourceMedium("linkedin.com / referral"));
        assertEquals("Referrals", TrafficMapper.fromSourceMedium("g2.com / referral"));
        assertEquals("Email Marketing", TrafficMapper.fromSourceMedium("newsletter / email"));
        assertEquals("Display", TrafficMapper.fromSourceMedium("dv360 / display"));
        assertEquals("Unassigned", TrafficMapper.fromSourceMedium("partner / affiliate-x"));
    }
}
