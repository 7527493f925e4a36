package dev.kpi.render;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;

import org.junit.jupiter.api.Test;

import static dev.kpi.render.SampleReports.d;
import static dev.kpi.render.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvRendererTest {
    /** Hand-typed from SampleReports: keys as header, exact values, nested "campaigns" left out, CRLF. */
    @Test void cacReportMatchesGolden() {
        String expected = String.join("\r\n",
                "channel,newCustomers,cost,cac,cacNumerator,cacDenominator,cvr,cvrNumerator,cvrDenominator,"
                        + "cvrCiLow,cvrCiHigh,cvrLowSample,roas,roasNumerator,roasDenominator",
                "google,12,1205533242.29,100461103.52,1205533242.29,12,0.150000,15,100,0.09306,0.232836,false,"
                        + "4.2000,5063239617.62,1205533242.29",
                "北京 Ads,0,0.30,,0.30,0,0.150000,3,20,0.052369,0.360419,true,,,",
                "Ștefănescu,1234567,1000,0.00,1000,1234567,0.125000,1,8,,,,0.5000,500,1000",
                "(total),1234579,1205534242.59,976.47,1205534242.59,1234579,0.148438,19,128,0.097135,0.220227,false,"
                        + "4.2000,5063240117.62,1205534242.59",
                "");
        assertEquals(expected, render(new CsvRenderer(), SampleReports.cac()));
    }

    @Test void formulaInjectionIsNeutralisedButPlainNumbersAreNot() {
        assertEquals("'=SUM(A1)", CsvRenderer.field("=SUM(A1)"));
        assertEquals("'+1-2", CsvRenderer.field("+1-2"));
        assertEquals("-12.5", CsvRenderer.field("-12.5"));
        assertEquals("+3", CsvRenderer.field("+3"));
        assertEquals("'@x", CsvRenderer.field("@x"));
        assertEquals("'-foo", CsvRenderer.field("-foo"));
        assertEquals("'\tx", CsvRenderer.field("\tx"));
        // CR start: prefixed, then quoted because it contains CR
        assertEquals("\"'\rx\"", CsvRenderer.field("\rx"));
        // prefixed, then quoted because of the comma
        assertEquals("\"'=HYPERLINK(\"\"http://e.x\"\",\"\"a\"\")\"", CsvRenderer.field("=HYPERLINK(\"http://e.x\",\"a\")"));
        assertEquals("a=b", CsvRenderer.field("a=b"));
        assertEquals("", CsvRenderer.field(""));
    }

    @Test void quotesCommasAndNewlinesAreQuoted() {
        assertEquals("\"Acme, Inc.\"", CsvRenderer.field("Acme, Inc."));
        assertEquals("\"say \"\"hi\"\"\"", CsvRenderer.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvRenderer.field("two\nlines"));
        assertEquals("\"cr\rhere\"", CsvRenderer.field("cr\rhere"));
        assertEquals("plain text", CsvRenderer.field("plain text"));
    }

    @Test void wholeDocumentWithHostileTextAndNegativeNumbers() {
        Report r = new Report("spend").groupBy(java.util.List.of("campaign"))
                .column("campaign", "Campaign", Kind.TEXT)
                .column("cost", "Cost", Kind.MONEY)
                .column("active", "Active", Kind.BOOLEAN)
                .column("start", "Start", Kind.DATE);
        r.rows().add(new Row().put("campaign", "=SUM(A1)").put("cost", d("-12.5")).put("active", true)
                .put("start", java.time.LocalDate.of(2025, 2, 3)));
        r.rows().add(new Row().put("campaign", "Brand, \"EU\"\nQ1").put("cost", d("1E+3")).put("active", false));
        r.total(new Row().put("cost", d("987.5")));
        String expected = "campaign,cost,active,start\r\n"
                + "'=SUM(A1),-12.5,true,2025-02-03\r\n"
                + "\"Brand, \"\"EU\"\"\nQ1\",1000,false,\r\n"
                + "(total),987.5,,\r\n";
        assertEquals(expected, render(new CsvRenderer(), r));
    }

    @Test void ciColumnsOnlyWhenSomeRowHasThem() {
        Report r = new Report("x").column("cvr", "CVR", Kind.PERCENT);
        r.rows().add(new Row().put("cvr", SampleReports.ratio("0.5", "1", "2", null, null, null)));
        assertEquals("cvr,cvrNumerator,cvrDenominator\r\n0.5,1,2\r\n", render(new CsvRenderer(), r));
    }

    @Test void totalKeepsItsOwnLabelWhenItHasOne() {
        Report r = new Report("x").groupBy(java.util.List.of("channel"))
                .column("channel", "Channel", Kind.TEXT).column("n", "N", Kind.COUNT);
        r.rows().add(new Row().put("channel", "a").put("n", 1L));
        r.total(new Row().put("channel", "all").put("n", 1L));
        assertEquals("channel,n\r\na,1\r\nall,1\r\n", render(new CsvRenderer(), r));
    }
}
