package dev.kpi.render;

import dev.kpi.calc.Report;
import dev.kpi.calc.Section;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code markdown} format: a GitHub-flavoured pipe table with the same cell text as the
 * {@link TableRenderer} (never colour), padded to aligned columns so the source reads well too.
 * Numeric columns are right-aligned ({@code ---:}), others left ({@code ---}); {@code |} in text is
 * escaped as {@code \|}; the total row is the last row of the table, labelled {@code Total}.
 * Then, each separated by a blank line: the low-sample legend (when a cell has the {@code *} mark),
 * each section as {@code ### title} and its table, and each note as its own paragraph.
 * Nested columns and warnings are not written.
 */
public final class MarkdownRenderer implements Renderer {
    @Override
    public void render(Report report, Writer out, RenderOptions options) throws IOException {
        NumberFormatter fmt = new NumberFormatter(report.currency());
        List<String> blocks = new ArrayList<>();
        CellTable main = CellTable.of(report.columns(), report.rows(), report.total(), report.groupBy(), fmt);
        if (!main.isEmpty()) addTable(blocks, main);
        for (Section s : report.sections()) {
            blocks.add("### " + escape(CellTable.clean(s.title())) + "\n");
            CellTable t = CellTable.of(s.columns(), s.rows(), null, List.of(), fmt);
            if (!t.isEmpty()) addTable(blocks, t);
        }
        for (String note : report.notes()) blocks.add(CellTable.clean(note) + "\n");
        out.write(String.join("\n", blocks));
        out.flush();
    }

    private static void addTable(List<String> blocks, CellTable t) {
        List<String> headers = escaped(t.headers);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : t.body) rows.add(escaped(r));
        if (t.total != null) rows.add(escaped(t.total));

        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(3, DisplayWidth.of(headers.get(i)));
            for (List<String> r : rows) w[i] = Math.max(w[i], DisplayWidth.of(r.get(i)));
        }
        StringBuilder sb = new StringBuilder();
        row(sb, headers, w, t);
        sb.append('|');
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(t.rightAligned.get(i) ? "-".repeat(w[i] - 1) + ":" : "-".repeat(w[i])).append(" |");
        }
        sb.append('\n');
        for (List<String> r : rows) row(sb, r, w, t);
        blocks.add(sb.toString());
        if (t.lowSample) blocks.add("\\" + CellTable.LOW_SAMPLE_LEGEND + "\n");
    }

    private static void row(StringBuilder sb, List<String> cells, int[] w, CellTable t) {
        sb.append('|');
        for (int i = 0; i < cells.size(); i++) {
            sb.append(' ').append(CellTable.pad(cells.get(i), w[i], t.rightAligned.get(i))).append(" |");
        }
        sb.append('\n');
    }

    private static List<String> escaped(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) out.add(escape(c));
        return out;
    }

    /** Escapes the pipe, which would end a table cell. */
    static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
