package dev.kpi.render;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.kpi.render.SampleReports.d;
import static dev.kpi.render.SampleReports.golden;
import static dev.kpi.render.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRendererTest {
    /**
     * The golden file was typed by hand from the numbers in {@link SampleReports}; its layout was
     * checked to be byte-identical to Python's {@code json.dumps(obj, indent=2, ensure_ascii=False)}
     * (numbers kept as their literal text), i.e. the standard 2-space layout.
     */
    @Test void cacReportMatchesGolden() {
        assertEquals(golden("cac.json"), render(new JsonRenderer(), SampleReports.cac()));
    }

    @Test void emptyReportHasNullPeriodEmptyArraysAndNoTotal() {
        Report r = new Report("leads");
        String expected = "{\n"
                + "  \"command\": \"leads\",\n"
                + "  \"from\": null,\n"
                + "  \"to\": null,\n"
                + "  \"groupBy\": [],\n"
                + "  \"currency\": null,\n"
                + "  \"rows\": [],\n"
                + "  \"warnings\": []\n"
                + "}\n";
        assertEquals(expected, render(new JsonRenderer(), r));
    }

    @Test void bigDecimalsAreExactAndNeverScientific() {
        // 0.1 + 0.2 as doubles is 0.30000000000000004; as BigDecimal it is exactly 0.3.
        // 1E+3 and 1.5E+7 have negative scales: toString() would print the E form, plain is 1000 / 15000000.
        // 1E-7 would print as 1E-7; its plain form is 0.0000001.
        Report r = new Report("x");
        r.rows().add(new Row()
                .put("a", d("0.1").add(d("0.2")))
                .put("b", d("1E+3"))
                .put("c", d("1.5E+7"))
                .put("d", d("1E-7"))
                .put("e", d("1205533242.29"))
                .put("f", Double.POSITIVE_INFINITY)
                .put("g", 0.1 + 0.2)
                .put("h", 1e21)
                .put("i", 7));
        String json = render(new JsonRenderer(), r);
        assertTrue(json.contains("\"a\": 0.3,\n"), json);
        assertTrue(json.contains("\"b\": 1000,\n"), json);
        assertTrue(json.contains("\"c\": 15000000,\n"), json);
        assertTrue(json.contains("\"d\": 0.0000001,\n"), json);
        assertTrue(json.contains("\"e\": 1205533242.29,\n"), json);
        assertTrue(json.contains("\"f\": null,\n"), json);
        // a double is written in its shortest round-trip form: 0.1 + 0.2 really is 0.30000000000000004
        assertTrue(json.contains("\"g\": 0.30000000000000004,\n"), json);
        assertTrue(json.contains("\"h\": 1000000000000000000000,\n"), json);
        assertTrue(json.contains("\"i\": 7\n"), json);
    }

    @Test void unicodeIsWrittenAsUtf8AndControlCharactersEscaped() {
        Report r = new Report("x");
        r.rows().add(new Row().put("name", "Ștefănescu 北京 \"q\" a\\b\nline\ttab\u0001"));
        String json = render(new JsonRenderer(), r);
        assertTrue(json.contains("\"name\": \"Ștefănescu 北京 \\\"q\\\" a\\\\b\\nline\\ttab\\u0001\"\n"), json);
    }

    @Test void ratioInsideAListIsWrittenAsAnObject() {
        Report r = new Report("x");
        r.extra().put("series", List.of(new Ratio(d("0.5"), d("1"), d("2"), 0.1, 0.9, true, null)));
        String json = render(new JsonRenderer(), r);
        String expected = "  \"series\": [\n"
                + "    {\n"
                + "      \"value\": 0.5,\n"
                + "      \"numerator\": 1,\n"
                + "      \"denominator\": 2,\n"
                + "      \"ciLow\": 0.1,\n"
                + "      \"ciHigh\": 0.9,\n"
                + "      \"lowSample\": true\n"
                + "    }\n"
                + "  ],\n";
        assertTrue(json.contains(expected), json);
    }

    @Test void nullRatioKeepsNumeratorAndDenominator() {
        Report r = new Report("x");
        r.rows().add(new Row().put("cpl", Ratio.of(new BigDecimal("250.00"), BigDecimal.ZERO, Kind.MONEY, "no leads")));
        String json = render(new JsonRenderer(), r);
        // a row's members sit at depth 3 (root object, "rows" array, row object): 6 spaces
        assertTrue(json.contains("      \"cpl\": null,\n      \"cplNumerator\": 250.00,\n      \"cplDenominator\": 0\n"), json);
    }

    @Test void extraKeyClashingWithFixedMemberFailsBeforeWriting() {
        Report r = new Report("x");
        r.extra().put("rows", 1);
        java.io.StringWriter out = new java.io.StringWriter();
        assertThrows(IllegalArgumentException.class, () -> new JsonRenderer().render(r, out, RenderOptions.plain()));
        assertEquals("", out.toString());
    }
}
