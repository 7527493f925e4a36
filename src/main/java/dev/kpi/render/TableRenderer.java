package dev.kpi.render;

import dev.kpi.calc.Report;
import dev.kpi.calc.Section;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The {@code table} format, for people. Layout:
 * <pre>
 * Channel  New customers         CAC  CVR
 * ───────────────────────────────────────────────────────
 * google              12     $102.50  15.0% [9.3–23.3]
 * ───────────────────────────────────────────────────────
 * Total               12     $102.50  15.0% [9.3–23.3]
 * </pre>
 * Header labels come from {@code Column.label()}; columns are two spaces apart; text (and dates,
 * booleans, bars) is left-aligned, numbers right-aligned; widths count East Asian wide characters as
 * two columns ({@link DisplayWidth}). Cell text comes from {@link NumberFormatter}; absent values show
 * as {@value NumberFormatter#NULL}. The totals row, when there is one, follows a second separator
 * and reads {@code Total} in its first group column. Nested columns are left out. A report without
 * rows or total shows {@code (no rows)} under the header.
 *
 * <p>After the main table: the low-sample legend when a cell has the {@code *} mark; each section as
 * a blank line, its title and the same kind of table; then, after a blank line, the notes. Warnings are
 * never printed here (stderr is the CLI's). With {@code options.color()} the header, total row and
 * section titles are bold and separators dim (ANSI SGR codes); without it no escape code is written.
 * Lines have no trailing spaces and end with {@code \n}. Wide tables are printed in full whatever
 * {@code terminalWidth} says.
 */
public final class TableRenderer implements Renderer {
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";
    private static final String GAP = "  ";
    private static final String RULE = "─";

    @Override
    public void render(Report report, Writer out, RenderOptions options) throws IOException {
        boolean color = options != null && options.color();
        NumberFormatter fmt = new NumberFormatter(report.currency());
        CellTable main = CellTable.of(report.columns(), report.rows(), report.total(), report.groupBy(), fmt);
        boolean wroteSomething = false;
        if (!main.isEmpty()) {
            table(out, main, color, report.rows().isEmpty() && report.total() == null);
            wroteSomething = true;
        }
        for (Section s : report.sections()) {
            CellTable t = CellTable.of(s.columns(), s.rows(), null, List.of(), fmt);
            if (wroteSomething) out.write('\n');
            out.write(style(CellTable.clean(s.title()), BOLD, color));
            out.write('\n');
            if (!t.isEmpty()) table(out, t, color, s.rows().isEmpty());
            wroteSomething = true;
        }
        if (!report.notes().isEmpty()) {
            if (wroteSomething) out.write('\n');
            for (String note : report.notes()) {
                out.write(CellTable.clean(note));
                out.write('\n');
            }
        }
        out.flush();
    }

    private static void table(Writer out, CellTable t, boolean color, boolean noRows) throws IOException {
        int[] widths = t.widths();
        int total = 0;
        for (int w : widths) total += w;
        total += GAP.length() * (widths.length - 1);
        String rule = style(RULE.repeat(total), DIM, color);

        line(out, t.headers, t, widths, BOLD, color);
        out.write(rule);
        out.write('\n');
        for (List<String> row : t.body) line(out, row, t, widths, null, color);
        if (noRows) out.write("(no rows)\n");
        if (t.total != null) {
            if (!t.body.isEmpty() || noRows) {
                out.write(rule);
                out.write('\n');
            }
            line(out, t.total, t, widths, BOLD, color);
        }
        if (t.lowSample) {
            out.write(CellTable.LOW_SAMPLE_LEGEND);
            out.write('\n');
        }
    }

    private static void line(Writer out, List<String> cells, CellTable t, int[] widths, String sgr, boolean color)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(GAP);
            sb.append(CellTable.pad(cells.get(i), widths[i], t.rightAligned.get(i)));
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        out.write(sgr == null ? sb.toString() : style(sb.toString(), sgr, color));
        out.write('\n');
    }

    private static String style(String s, String sgr, boolean color) {
        return color && !s.isEmpty() ? sgr + s + RESET : s;
    }
}
