package dev.kpi.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code json} format: one document, the public contract scripts rely on.
 *
 * <pre>{@code
 * {
 *   "command": "cac",
 *   "from": "2025-01-01",          // or null
 *   "to": "2025-03-31",            // or null
 *   "groupBy": ["channel"],
 *   "currency": "USD",             // or null
 *   "rows": [ {row}, ... ],
 *   "total": {row},                // omitted when the report has no total
 *   <report.extra() members, in order>,
 *   <one member per section: section.jsonKey() -> [ {row}, ... ]>,
 *   "warnings": [ "...", ... ]
 * }
 * }</pre>
 *
 * <p>A row is an object of its values in their order. Values: String → string; Long/Integer → number;
 * BigDecimal → number written exactly as {@link java.math.BigDecimal#toPlainString()} (never
 * scientific notation, never through a double, so {@code 0.30} stays {@code 0.30}); Double → number in
 * its shortest form, or null when NaN or infinite; Boolean; LocalDate → {@code "yyyy-MM-dd"};
 * null → null; Row and Map → object; List → array.
 *
 * <p><b>Ratios are flat.</b> A {@link dev.kpi.calc.Ratio} under key {@code x} becomes the members
 * {@code x} (the value, null when the denominator is zero), {@code xNumerator}, {@code xDenominator},
 * and only when set: {@code xCiLow}, {@code xCiHigh} (interval bounds as fractions) and
 * {@code xLowSample}. This flat form is the tool-wide choice. (A ratio inside a list, which has no
 * key, is the object {@code {"value", "numerator", "denominator", "ciLow", "ciHigh", "lowSample"}}.)
 *
 * <p>A section is written only when {@code extra} has no member of the same key. An {@code extra} key
 * equal to a fixed member name is a programming error and fails before anything is written.
 * Layout: see {@link JsonLayout} (2-space indent, {@code \n}, trailing newline); non-ASCII text is
 * written as UTF-8 characters, only control characters are escaped.
 */
public final class JsonRenderer implements Renderer {
    private static final List<String> FIXED = List.of("command", "from", "to", "groupBy", "currency", "rows",
            "total", "warnings");

    @Override
    public void render(Report report, Writer out, RenderOptions options) throws IOException {
        for (String key : report.extra().keySet()) {
            if (FIXED.contains(key)) {
                throw new IllegalArgumentException("report extra member '" + key + "' clashes with a fixed JSON member");
            }
        }
        JsonGenerator g = JsonValues.generator(out);
        g.setPrettyPrinter(new JsonLayout());
        g.writeStartObject();
        g.writeStringField("command", report.command());
        g.writeFieldName("from");
        JsonValues.writeValue(g, report.from());
        g.writeFieldName("to");
        JsonValues.writeValue(g, report.to());
        g.writeFieldName("groupBy");
        JsonValues.writeValue(g, report.groupBy());
        g.writeFieldName("currency");
        JsonValues.writeValue(g, report.currency());
        g.writeFieldName("rows");
        writeRows(g, report.rows());
        if (report.total() != null) {
            g.writeFieldName("total");
            JsonValues.writeValue(g, report.total());
        }
        Set<String> written = new HashSet<>(FIXED);
        for (Map.Entry<String, Object> e : report.extra().entrySet()) {
            JsonValues.writeMember(g, e.getKey(), e.getValue());
            written.add(e.getKey());
        }
        for (Section s : report.sections()) {
            if (!written.add(s.jsonKey())) continue;
            g.writeFieldName(s.jsonKey());
            writeRows(g, s.rows());
        }
        g.writeFieldName("warnings");
        JsonValues.writeValue(g, report.warnings());
        g.writeEndObject();
        g.close();
        out.write('\n');
        out.flush();
    }

    private static void writeRows(JsonGenerator g, List<Row> rows) throws IOException {
        g.writeStartArray();
        for (Row r : rows) JsonValues.writeValue(g, r);
        g.writeEndArray();
    }
}
