package dev.kpi.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Row;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Writes report values with a streaming {@link JsonGenerator} (no data binding), shared by
 * {@link JsonRenderer} and {@link JsonlRenderer}. The value mapping is described on {@link JsonRenderer}.
 */
final class JsonValues {
    /** Thread-safe and reusable; never closes the caller's writer. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonValues() {}

    static JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** Each entry as a member; a Ratio entry expands into its flat members. */
    static void writeMembers(JsonGenerator g, Map<?, ?> values) throws IOException {
        for (Map.Entry<?, ?> e : values.entrySet()) writeMember(g, String.valueOf(e.getKey()), e.getValue());
    }

    /**
     * One member; a Ratio under {@code key} becomes {@code key}, {@code keyNumerator},
     * {@code keyDenominator} and, when non-null, {@code keyCiLow}, {@code keyCiHigh}, {@code keyLowSample}.
     */
    static void writeMember(JsonGenerator g, String key, Object value) throws IOException {
        if (value instanceof Ratio) {
            Ratio r = (Ratio) value;
            g.writeFieldName(key);
            writeValue(g, r.value());
            g.writeFieldName(key + "Numerator");
            writeValue(g, r.numerator());
            g.writeFieldName(key + "Denominator");
            writeValue(g, r.denominator());
            if (r.ciLow() != null) { g.writeFieldName(key + "CiLow"); writeValue(g, r.ciLow()); }
            if (r.ciHigh() != null) { g.writeFieldName(key + "CiHigh"); writeValue(g, r.ciHigh()); }
            if (r.lowSample() != null) { g.writeFieldName(key + "LowSample"); g.writeBoolean(r.lowSample()); }
        } else {
            g.writeFieldName(key);
            writeValue(g, value);
        }
    }

    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Number) {
            String plain = NumberFormatter.plain((Number) v);
            if (plain == null) g.writeNull(); else g.writeNumber(plain);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof LocalDate) {
            g.writeString(v.toString());
        } else if (v instanceof Row) {
            g.writeStartObject();
            writeMembers(g, ((Row) v).values());
            g.writeEndObject();
        } else if (v instanceof Map) {
            g.writeStartObject();
            writeMembers(g, (Map<?, ?>) v);
            g.writeEndObject();
        } else if (v instanceof Collection) {
            g.writeStartArray();
            for (Object item : (Collection<?>) v) writeValue(g, item);
            g.writeEndArray();
        } else if (v instanceof Ratio) {
            // a ratio with no key of its own (inside a list): the object form
            Ratio r = (Ratio) v;
            g.writeStartObject();
            g.writeFieldName("value");
            writeValue(g, r.value());
            g.writeFieldName("numerator");
            writeValue(g, r.numerator());
            g.writeFieldName("denominator");
            writeValue(g, r.denominator());
            if (r.ciLow() != null) { g.writeFieldName("ciLow"); writeValue(g, r.ciLow()); }
            if (r.ciHigh() != null) { g.writeFieldName("ciHigh"); writeValue(g, r.ciHigh()); }
            if (r.lowSample() != null) { g.writeFieldName("lowSample"); g.writeBoolean(r.lowSample()); }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }
}
