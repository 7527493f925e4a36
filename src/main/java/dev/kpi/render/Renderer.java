package dev.kpi.render;

import dev.kpi.calc.Report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link Report} in one format. Renderers write only the report (warnings go to stderr, which
 * is the CLI's job), flush {@code out} when done and never close it.
 */
public interface Renderer {
    void render(Report report, Writer out, RenderOptions options) throws IOException;
}
