package dev.kpi.render;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kpi.render.SampleReports.d;
import static dev.kpi.render.SampleReports.golden;
import static dev.kpi.render.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Golden files come from src/test/resources/render/make_goldens.py: cell text typed by hand from the
 * numbers in {@link SampleReports}, padded with Python's unicodedata widths (北京 = 4 columns).
 */
class TableRendererTest {
    @Test void cacReportWithoutColour() {
        String out = render(new TableRenderer(), SampleReports.cac(), new RenderOptions(false, 80));
        assertEquals(golden("cac-table.txt"), out);
        assertFalse(out.contains("\u001b"), "no escape code without colour");
    }

    @Test void cacReportWithColour() {
        assertEquals(golden("cac-table-color.txt"), render(new TableRenderer(), SampleReports.cac(), new RenderOptions(true, 0)));
    }

    @Test void wideAndCombiningCharactersAlign() {
        // "北京" is 4 columns, "Ștefănescu" (precomposed) 10, "Ste\u0301" (e + combining acute) 3:
        // widest is 10 so each name is padded to 10, then two spaces and the count (width 1).
        Report r = new Report("x").column("name", "Name", Kind.TEXT).column("n", "N", Kind.COUNT);
        r.rows().add(new Row().put("name", "北京").put("n", 1L));
        r.rows().add(new Row().put("name", "Ștefănescu").put("n", 2L));
        r.rows().add(new Row().put("name", "Ste\u0301").put("n", 3L));
        String expected = "Name" + " ".repeat(6 + 2) + "N\n"
                + "─".repeat(10 + 2 + 1) + "\n"
                + "北京" + " ".repeat(6 + 2) + "1\n"
                + "Ștefănescu" + " ".repeat(2) + "2\n"
                + "Ste\u0301" + " ".repeat(7 + 2) + "3\n";
        assertEquals(expected, render(new TableRenderer(), r));
    }

    @Test void controlCharactersInDataCannotBreakLinesOrDriveTheTerminal() {
        Report r = new Report("x").column("name", "Name", Kind.TEXT);
        r.rows().add(new Row().put("name", "a\nb\u001b[31mc"));
        // "a b [31mc" is 9 columns wide
        assertEquals("Name\n" + "─".repeat(9) + "\na b [31mc\n", render(new TableRenderer(), r));
    }

    @Test void emptyReportSaysNoRows() {
        Report r = new Report("x").column("channel", "Channel", Kind.TEXT).column("cost", "Cost", Kind.MONEY);
        assertEquals("Channel  Cost\n─────────────\n(no rows)\n", render(new TableRenderer(), r));
    }

    @Test void everyKindFormats() {
        Report r = new Report("x").currency("CHF")
                .column("q", "Qty", Kind.QUANTITY).column("m", "Money", Kind.MONEY)
                .column("days", "Days", Kind.DAYS).column("b", "Won", Kind.BOOLEAN)
                .column("dt", "Date", Kind.DATE).column("mult", "Mult", Kind.MULTIPLE);
        r.rows().add(new Row().put("q", d("210.50")).put("m", d("-1234.565")).put("days", d("14"))
                .put("b", true).put("dt", java.time.LocalDate.of(2025, 1, 31)).put("mult", d("4.2")));
        // -1234.565 half-even to cents is -1234.56 (the 6 before the 5 is even); CHF goes after the number
        // widths 5, 13, 4, 3, 10, 5 plus 5 gaps of 2 = 50; Qty, Money, Days, Mult right-aligned
        String expected = "  Qty" + " ".repeat(2 + 8) + "Money  Days  Won  Date" + " ".repeat(6 + 2 + 1) + "Mult\n"
                + "─".repeat(50) + "\n"
                + "210.5  -1,234.56 CHF  14.0  yes  2025-01-31  4.20×\n";
        assertEquals(expected, render(new TableRenderer(), r));
    }

    @Test void nestedColumnsAreLeftOutAndNotesFollow() {
        Report r = new Report("x").column("k", "K", Kind.TEXT).column("sub", "Sub", Kind.TEXT);
        r.rows().add(new Row().put("k", "a").put("sub", List.of(new Row().put("z", 1L))));
        r.notes().add("note one");
        assertEquals("K\n─\na\n\nnote one\n", render(new TableRenderer(), r));
    }
}
