package dev.kpi.render;

import dev.kpi.calc.Report;

import org.junit.jupiter.api.Test;

import static dev.kpi.render.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonlRendererTest {
    /** Same values as cac.json (hand-typed), compact, one object per line, total last with isTotal. */
    @Test void cacReportIsOneLinePerRowThenTotal() {
        String expected = ""
                + "{\"command\":\"cac\",\"channel\":\"google\",\"newCustomers\":12,\"cost\":1205533242.29,"
                + "\"cac\":100461103.52,\"cacNumerator\":1205533242.29,\"cacDenominator\":12,"
                + "\"cvr\":0.150000,\"cvrNumerator\":15,\"cvrDenominator\":100,\"cvrCiLow\":0.09306,"
                + "\"cvrCiHigh\":0.232836,\"cvrLowSample\":false,\"roas\":4.2000,\"roasNumerator\":5063239617.62,"
                + "\"roasDenominator\":1205533242.29,\"campaigns\":[{\"campaign\":\"brand\",\"cost\":1205533242.29}]}\n"
                + "{\"command\":\"cac\",\"channel\":\"北京 Ads\",\"newCustomers\":0,\"cost\":0.30,"
                + "\"cac\":null,\"cacNumerator\":0.30,\"cacDenominator\":0,"
                + "\"cvr\":0.150000,\"cvrNumerator\":3,\"cvrDenominator\":20,\"cvrCiLow\":0.052369,"
                + "\"cvrCiHigh\":0.360419,\"cvrLowSample\":true,\"roas\":null,\"campaigns\":[]}\n"
                + "{\"command\":\"cac\",\"channel\":\"Ștefănescu\",\"newCustomers\":1234567,\"cost\":1000,"
                + "\"cac\":0.00,\"cacNumerator\":1000,\"cacDenominator\":1234567,"
                + "\"cvr\":0.125000,\"cvrNumerator\":1,\"cvrDenominator\":8,"
                + "\"roas\":0.5000,\"roasNumerator\":500,\"roasDenominator\":1000,\"campaigns\":[]}\n"
                + "{\"command\":\"cac\",\"newCustomers\":1234579,\"cost\":1205534242.59,"
                + "\"cac\":976.47,\"cacNumerator\":1205534242.59,\"cacDenominator\":1234579,"
                + "\"cvr\":0.148438,\"cvrNumerator\":19,\"cvrDenominator\":128,\"cvrCiLow\":0.097135,"
                + "\"cvrCiHigh\":0.220227,\"cvrLowSample\":false,\"roas\":4.2000,\"roasNumerator\":5063240117.62,"
                + "\"roasDenominator\":1205534242.59,\"isTotal\":true}\n";
        assertEquals(expected, render(new JsonlRenderer(), SampleReports.cac()));
    }

    @Test void emptyReportWritesNothing() {
        assertEquals("", render(new JsonlRenderer(), new Report("leads")));
    }
}
