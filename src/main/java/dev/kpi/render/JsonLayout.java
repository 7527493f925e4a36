package dev.kpi.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;

import java.io.IOException;

/**
 * The pretty-printed layout of {@code kpi}'s JSON: the same as JavaScript's
 * {@code JSON.stringify(value, null, 2)} and Python's {@code json.dumps(value, indent=2)}: 2-space
 * indentation, {@code "key": value}, every member and array item on its own line, empty containers as
 * {@code {}} and {@code []}, {@code \n} line ends whatever the platform. One instance per document.
 */
final class JsonLayout implements PrettyPrinter {
    private int depth;

    private void newLine(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) g.writeRaw("  ");
    }

    @Override public void writeRootValueSeparator(JsonGenerator g) throws IOException { g.writeRaw('\n'); }

    @Override public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override public void beforeObjectEntries(JsonGenerator g) throws IOException { newLine(g); }

    @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(": "); }

    @Override public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newLine(g);
    }

    @Override public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        depth--;
        if (nrOfEntries > 0) newLine(g);
        g.writeRaw('}');
    }

    @Override public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override public void beforeArrayValues(JsonGenerator g) throws IOException { newLine(g); }

    @Override public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newLine(g);
    }

    @Override public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        depth--;
        if (nrOfValues > 0) newLine(g);
        g.writeRaw(']');
    }
}
