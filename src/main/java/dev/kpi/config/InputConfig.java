package dev.kpi.config;

import dev.kpi.records.RecordType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One block under {@code inputs.<type>}: where the files are and how to read them. Every setting is
 * optional; what is not set is detected from the file.
 *
 * @param columns canonical field → header names; several names are read in order, first non-empty wins
 */
public record InputConfig(
        RecordType type,
        String path,
        String where,
        List<String> files,
        String preset,
        Map<String, List<String>> columns,
        String locale,
        String dateFormat,
        Character delimiter,
        String encoding,
        String channel,
        String platform,
        String currency,
        String timezone) {

    static final List<String> KEYS = List.of("file", "files", "preset", "columns", "locale", "dateFormat", "delimiter",
            "encoding", "channel", "platform", "currency", "timezone");

    /** A block with nothing set, for files given only on the command line. */
    public static InputConfig empty(RecordType type) {
        return new InputConfig(type, "inputs." + type.key(), "(command line)", List.of(), null, new LinkedHashMap<>(),
                null, null, null, null, null, null, null, null);
    }

    public InputConfig withFiles(List<String> f) {
        return new InputConfig(type, path, where, List.copyOf(f), preset, columns, locale, dateFormat, delimiter, encoding,
                channel, platform, currency, timezone);
    }
}
