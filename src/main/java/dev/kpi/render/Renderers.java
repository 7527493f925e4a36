package dev.kpi.render;

/**
 * The renderer of each {@link Format}. A renderer is created on demand so that printing a table never
 * loads the JSON classes (start-up time matters for a command-line tool).
 */
public final class Renderers {
    private Renderers() {}

    public static Renderer forFormat(Format f) {
        switch (f) {
            case TABLE: return new TableRenderer();
            case JSON: return new JsonRenderer();
            case JSONL: return new JsonlRenderer();
            case CSV: return new CsvRenderer();
            case MARKDOWN: return new MarkdownRenderer();
            default: throw new IllegalArgumentException("no renderer for " + f);
        }
    }
}
