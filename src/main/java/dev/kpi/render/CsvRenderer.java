package dev.kpi.render;

import dev.kpi.calc.Column;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code csv} format, RFC 4180: comma separated, <b>CRLF</b> line ends (as the RFC says; every
 * spreadsheet and CSV library reads them), a field is quoted only when it contains a comma, a double
 * quote, CR or LF, and embedded quotes are doubled.
 *
 * <p>Header: the column keys (not the labels) in order, a ratio column {@code x} expanding into
 * {@code x, xNumerator, xDenominator} plus {@code xCiLow}, {@code xCiHigh}, {@code xLowSample} each
 * only when some row has it. Then the rows, then the total row, whose first group-by column (else
 * first text column) reads {@code (total)} when the total has no value there; its other group
 * columns stay empty.
 *
 * <p>Values are exact: numbers plain ({@link NumberFormatter#plain(Number)}), booleans
 * {@code true}/{@code false}, dates ISO, null → empty field. Nested columns (lists, rows, maps),
 * {@code extra} members, sections, notes and warnings are not written: CSV is the flat rows only.
 *
 * <p>Formula injection: a field starting with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR
 * gets a leading {@code '} so spreadsheets show it as text, unless the whole field is a plain number
 * ({@code -12.5} stays as it is; {@code -foo} becomes {@code '-foo}).
 */
public final class CsvRenderer implements Renderer {
    /** The marker of the total row in its label column. */
    public static final String TOTAL_LABEL = "(total)";
    private static final String EOL = "\r\n";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private record Field(String header, Function<Object, Object> part) {}

    @Override
    public void render(Report report, Writer out, RenderOptions options) throws IOException {
        List<Row> all = Columns.rowsAndTotal(report);
        List<Column> columns = Columns.flat(Columns.of(report), all);
        if (columns.isEmpty()) {
            out.flush();
            return;
        }
        List<List<Field>> fieldsByColumn = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            List<Field> fields = fields(c, all);
            fieldsByColumn.add(fields);
            for (Field f : fields) header.add(f.header());
        }
        writeLine(out, header);
        for (Row r : report.rows()) writeLine(out, cells(r, columns, fieldsByColumn, -1));
        if (report.total() != null) {
            int label = Columns.totalLabelIndex(columns, report.groupBy());
            writeLine(out, cells(report.total(), columns, fieldsByColumn, label));
        }
        out.flush();
    }

    private static List<Field> fields(Column c, List<Row> rows) {
        String k = c.key();
        boolean ratio = false, ciLow = false, ciHigh = false, lowSample = false;
        for (Row r : rows) {
            if (r.get(k) instanceof Ratio) {
                Ratio x = (Ratio) r.get(k);
                ratio = true;
                ciLow |= x.ciLow() != null;
                ciHigh |= x.ciHigh() != null;
                lowSample |= x.lowSample() != null;
            }
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(k, v -> v instanceof Ratio ? ((Ratio) v).value() : v));
        if (ratio) {
            fields.add(new Field(k + "Numerator", v -> v instanceof Ratio ? ((Ratio) v).numerator() : null));
            fields.add(new Field(k + "Denominator", v -> v instanceof Ratio ? ((Ratio) v).denominator() : null));
            if (ciLow) fields.add(new Field(k + "CiLow", v -> v instanceof Ratio ? ((Ratio) v).ciLow() : null));
            if (ciHigh) fields.add(new Field(k + "CiHigh", v -> v instanceof Ratio ? ((Ratio) v).ciHigh() : null));
            if (lowSample) fields.add(new Field(k + "LowSample", v -> v instanceof Ratio ? ((Ratio) v).lowSample() : null));
        }
        return fields;
    }

    private static List<String> cells(Row row, List<Column> columns, List<List<Field>> fieldsByColumn, int labelIndex) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object v = row.get(columns.get(i).key());
            if (i == labelIndex && v == null) v = TOTAL_LABEL;
            for (Field f : fieldsByColumn.get(i)) cells.add(text(f.part().apply(v)));
        }
        return cells;
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Number) {
            String plain = NumberFormatter.plain((Number) v);
            return plain == null ? "" : plain;
        }
        if (v instanceof Boolean || v instanceof LocalDate || v instanceof String) return v.toString();
        return String.valueOf(v);
    }

    private static void writeLine(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(field(cells.get(i)));
        }
        out.write(EOL);
    }

    /** One field as written: neutralised against formula injection, then quoted when needed. */
    static String field(String cell) {
        String s = neutralise(cell);
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char ch = s.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static String neutralise(String s) {
        if (s.isEmpty()) return s;
        char first = s.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !PLAIN_NUMBER.matcher(s).matches() ? "'" + s : s;
    }
}
