package dev.kpi.input;

import dev.kpi.config.KpiConfig;
import dev.kpi.records.Deal;
import dev.kpi.records.Lead;
import dev.kpi.records.Micros;
import dev.kpi.records.Outcome;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One realistic export per preset (src/test/resources/formats, see its SOURCE.md), read through the whole
 * input layer. Expected values are read off the fixture files by eye; sums are checked against the
 * totals the exports themselves print (which kpi skips).
 */
class PresetFixturesTest {
    static final Path FORMATS = Path.of("src/test/resources/formats");

    record Read<T>(List<T> records, RecordReader.Opened opened, Diagnostics diagnostics) {}

    @SuppressWarnings("unchecked")
    static <T> Read<T> read(String file, RecordType type) {
        Diagnostics d = new Diagnostics();
        RecordReader reader = new RecordReader(KpiConfig.empty(), d);
        List<T> out = new ArrayList<>();
        try (RecordReader.Opened o = reader.open(new InputSpec(InputSource.file(FORMATS.resolve(file)), null), type)) {
            o.stream(r -> out.add((T) r));
            return new Read<>(out, o, d);
        }
    }

    static long m(String v) { return Micros.of(new BigDecimal(v)); }

    static long sumCost(List<Spend> s) { return s.stream().mapToLong(Spend::cost).sum(); }

    @Test void googleAdsCsvWithoutSegmentTakesThePreambleRange() {
        Read<Spend> r = read("google_ads_campaign_report.csv", RecordType.SPEND);
        assertEquals("google-ads", r.opened().preset.name());
        assertEquals(7, r.records().size());
        Spend brand = r.records().get(0);
        assertEquals("GA | Search | Brand", brand.campaign());
        assertEquals(LocalDate.of(2025, 1, 1), brand.date());
        assertEquals(LocalDate.of(2025, 3, 31), brand.dateEnd());
        assertEquals(m("2412.37"), brand.cost());
        assertEquals(18533, brand.impressions());      // "18,533"
        assertEquals(2147, brand.clicks());            // "2,147"
        assertEquals(m("93.00"), brand.conversions());
        assertEquals(m("27900.00"), brand.conversionValue()); // "27,900.00"
        assertEquals("USD", brand.currency());
        assertEquals("Google Ads", brand.platform());
        assertEquals("Paid Search", brand.channel());
        // "Total: Campaigns" says 24679.84 for the visible rows
        assertEquals(m("24679.84"), sumCost(r.records()));
        assertEquals(m("45.50"), r.records().get(1).conversions());
        assertEquals(0, r.diagnostics().badCount());
        // "Total: Account" (24,741.54) includes a removed campaign the rows do not list: 61.70 more
        assertTrue(r.diagnostics().warnings().stream().anyMatch(w -> w.contains("'Total: Account' row says 24741.54 of cost,"
                + " but its rows add up to 24679.84 (difference 61.70)")), r.diagnostics().warnings().toString());
    }

    @Test void googleAdsExcelUtf16DailyRows() {
        Read<Spend> r = read("google_ads_campaign_report_excel_utf16.csv", RecordType.SPEND);
        Spend first = r.records().get(0);
        assertEquals(LocalDate.of(2025, 1, 6), first.date());
        assertNull(first.dateEnd());
        assertEquals(193, first.impressions());
        assertEquals(m("24.66"), first.cost());
        assertEquals(0, r.diagnostics().badCount());
        assertEquals("GA | Search | Data Pipeline, EMEA", r.records().get(7).campaign()); // quoted inside the TSV
        // the skipped totals rows say 5,611 impressions and 876.72 of cost for the 14 visible rows
        assertEquals(14, r.records().size());
        assertEquals(5611, r.records().stream().mapToLong(Spend::impressions).sum());
        assertEquals(m("876.72"), sumCost(r.records()));
        assertTrue(r.diagnostics().warnings().isEmpty(), "totals agree with the rows: no warning");
    }

    @Test void metaSkipsTheAccountSummaryAndReadsCurrencyFromTheHeader() {
        Read<Spend> r = read("meta_ads.csv", RecordType.SPEND);
        assertEquals("meta-ads", r.opened().preset.name());
        assertEquals(8, r.records().size()); // 9 data lines, the first is the account summary
        Spend s = r.records().get(0);
        assertEquals("META | Leads | Webinar Feb 2025", s.campaign());
        assertEquals(LocalDate.of(2025, 1, 1), s.date());
        assertEquals(LocalDate.of(2025, 1, 31), s.dateEnd());
        assertEquals(m("612.40"), s.cost());
        assertEquals("USD", s.currency()); // "Amount spent (USD)"
        assertEquals(233, s.clicks());     // Link clicks
        assertEquals(m("19"), s.conversions());
        assertEquals("Paid Social", s.channel());
        // the summary row said 5475.81 for the whole account
        assertEquals(m("5475.81"), sumCost(r.records()));
        Spend awareness = r.records().get(5);
        assertFalse(awareness.has(Spend.CONVERSIONS), "an empty Leads cell is missing, not zero");
    }

    @Test void linkedinMonthlyRowsBecomeWholeMonths() {
        Read<Spend> r = read("linkedin_ads.csv", RecordType.SPEND);
        assertEquals(9, r.records().size());
        Spend s = r.records().get(0);
        assertEquals(LocalDate.of(2025, 1, 1), s.date());
        assertEquals(LocalDate.of(2025, 1, 31), s.dateEnd());
        assertEquals(m("3980.25"), s.cost());
        assertEquals("LI | Retargeting | Case Study, Logistics", r.records().get(6).campaign());
        // Jan 7,290.25 + Feb 7,636.16 + Mar 7,955.61 (the fixture's README)
        assertEquals(m("22882.02"), sumCost(r.records()));
    }

    @Test void microsoftMonthlyRowsAndFooter() {
        Read<Spend> r = read("microsoft_ads.csv", RecordType.SPEND);
        assertEquals("microsoft-ads", r.opened().preset.name());
        assertEquals(6, r.records().size());
        Spend s = r.records().get(0);
        assertEquals(LocalDate.of(2025, 1, 1), s.date());
        assertEquals(LocalDate.of(2025, 1, 31), s.dateEnd());
        assertEquals(m("210.44"), s.cost());
        assertEquals(2204, s.impressions());
        assertEquals(m("9"), s.conversions());
        assertEquals(m("2698.88"), sumCost(r.records())); // 850.62 + 924.23 + 924.03
    }

    @Test void hubspotContacts() {
        Read<Lead> r = read("hubspot_contacts.csv", RecordType.LEADS);
        assertEquals("hubspot-contacts", r.opened().preset.name());
        assertEquals(32, r.records().size());
        Lead jordan = r.records().get(0);
        assertEquals("80417720011", jordan.id());
        assertEquals(LocalDateTime.of(2025, 1, 8, 10, 14), jordan.created());
        assertEquals("Paid Search", jordan.channel());
        assertEquals("search-competitor-etl", jordan.campaign()); // Drill-Down 1 for paid search
        assertEquals(LocalDateTime.of(2025, 1, 10, 16, 2), jordan.mqlDate());
        assertEquals(LocalDateTime.of(2025, 3, 14, 15, 47), jordan.customerDate());
        assertEquals("18239401112", jordan.accountId());
        Lead aisha = r.records().get(2);
        assertEquals("Paid Social", aisha.channel());
        assertEquals("li-leadgen-ebook-dataops-2025", aisha.campaign()); // Drill-Down 2 for paid social
        assertNull(aisha.mqlDate());
        assertEquals(0, r.diagnostics().badCount());
    }

    @Test void hubspotDealsPreferCompanyCurrency() {
        Read<Deal> r = read("hubspot_deals.csv", RecordType.DEALS);
        assertEquals(17, r.records().size());
        assertEquals(6, r.records().stream().filter(d -> d.outcome() == Outcome.WON).count());
        assertEquals(4, r.records().stream().filter(d -> d.outcome() == Outcome.LOST).count());
        Deal eur = r.records().get(1);
        assertEquals(m("38880"), eur.amount()); // "Amount in company currency" for the EUR 36,000 deal
        assertNull(eur.currency());
        assertEquals("18239401113", eur.accountId());
        Deal open = r.records().get(15);
        assertFalse(open.hasAmount());
        assertNull(open.closed());
        assertEquals(List.of("80417720011", "80417720012"), r.records().get(0).contactIds());
        // Won in company currency: 48,000 + 38,880 + 18,500 + 96,000 + 9,600 + 42,000 = 252,980 (fixture README)
        assertEquals(m("252980"), r.records().stream().filter(d -> d.outcome() == Outcome.WON).mapToLong(Deal::amount).sum());
    }

    @Test void salesforceOpportunitiesWithCurrencyColumnAndFooter() {
        Read<Deal> r = read("salesforce_opportunities.csv", RecordType.DEALS);
        assertEquals("salesforce-opportunities", r.opened().preset.name());
        assertEquals(17, r.records().size());
        Deal mueller = r.records().get(1);
        assertEquals("EUR", mueller.currency());
        assertEquals(m("36000.00"), mueller.amount());
        assertEquals(Outcome.WON, mueller.outcome());
        assertEquals(LocalDate.of(2025, 3, 21), mueller.closed().toLocalDate());
        assertEquals("Müller & Söhne GmbH", mueller.accountId());
        assertEquals("LI | ABM | Enterprise IT Leaders", mueller.campaign());
        assertFalse(r.records().get(15).hasAmount());
        assertEquals(0, r.diagnostics().badCount());
    }

    @Test void salesforceLeads() {
        Read<Lead> r = read("salesforce_leads.csv", RecordType.LEADS);
        assertEquals("salesforce-leads", r.opened().preset.name());
        assertEquals(32, r.records().size());
        Lead jordan = r.records().get(0);
        assertEquals(LocalDate.of(2025, 1, 8), jordan.created().toLocalDate());
        assertEquals(LocalDate.of(2025, 1, 22), jordan.opportunityDate().toLocalDate());
        assertEquals("Paid Search", jordan.channel());
    }

    @Test void pipedriveStatusAndWonOrLostTime() {
        Read<Deal> r = read("pipedrive_deals.csv", RecordType.DEALS);
        assertEquals("pipedrive-deals", r.opened().preset.name());
        assertEquals(17, r.records().size());
        Deal won = r.records().get(0);
        assertEquals(Outcome.WON, won.outcome()); // stage "Negotiations Started", status "Won"
        assertEquals(LocalDateTime.of(2025, 3, 14, 15, 47), won.closed());
        Deal lost = r.records().get(6);
        assertEquals(Outcome.LOST, lost.outcome());
        assertEquals(LocalDateTime.of(2025, 3, 10, 11, 0), lost.closed()); // from "Deal - Lost time"
        assertEquals("EUR", r.records().get(1).currency());
        assertEquals(Outcome.OPEN, r.records().get(10).outcome());
        assertNull(r.records().get(10).closed()); // Expected close date is not a close date
    }
}
