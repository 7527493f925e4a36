package dev.kpi.render;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;

import org.junit.jupiter.api.Test;

import static dev.kpi.render.SampleReports.golden;
import static dev.kpi.render.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownRendererTest {
    /** Golden from make_goldens.py (hand-typed cells, same text as the table view). */
    @Test void cacReportMatchesGolden() {
        // colour is asked for but markdown never writes escape codes
        assertEquals(golden("cac.md"), render(new MarkdownRenderer(), SampleReports.cac(), new RenderOptions(true, 0)));
    }

    @Test void pipesAreEscapedAndNumbersRightAligned() {
        Report r = new Report("x").column("a", "A|B", Kind.TEXT).column("n", "N", Kind.COUNT);
        r.rows().add(new Row().put("a", "x|y").put("n", 1234L));
        String expected = "| A\\|B |     N |\n"
                + "| ---- | ----: |\n"
                + "| x\\|y | 1,234 |\n";
        assertEquals(expected, render(new MarkdownRenderer(), r));
    }
}
