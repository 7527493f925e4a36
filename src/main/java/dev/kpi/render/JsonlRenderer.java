package dev.kpi.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;

import java.io.IOException;
import java.io.Writer;

/**
 * The {@code jsonl} format (JSON Lines): one compact object per row, one per line ({@code \n}), each
 * starting with {@code "command"} followed by the row's members exactly as in {@link JsonRenderer}
 * (ratios flat, exact numbers). The total, when there is one, is the last line and alone carries
 * {@code "isTotal": true}; rows have no such member. Period, extra members, sections and warnings are
 * not written (the CLI prints warnings on stderr). An empty report writes nothing.
 */
public final class JsonlRenderer implements Renderer {
    @Override
    public void render(Report report, Writer out, RenderOptions options) throws IOException {
        for (Row r : report.rows()) line(out, report.command(), r, false);
        if (report.total() != null) line(out, report.command(), report.total(), true);
        out.flush();
    }

    private static void line(Writer out, String command, Row row, boolean isTotal) throws IOException {
        JsonGenerator g = JsonValues.generator(out);
        g.writeStartObject();
        g.writeStringField("command", command);
        JsonValues.writeMembers(g, row.values());
        if (isTotal) g.writeBooleanField("isTotal", true);
        g.writeEndObject();
        g.close();
        out.write('\n');
    }
}
