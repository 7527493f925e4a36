package dev.kpi.cli;

import dev.kpi.config.InputConfig;
import dev.kpi.input.CsvTable;
import dev.kpi.input.InputSource;
import dev.kpi.input.Preset;
import dev.kpi.input.Presets;
import dev.kpi.records.RecordType;

/** Guesses the record type of a file from its header, for {@code inspect} and {@code init}. */
final class FileDetector {
    private FileDetector() {}

    /** The best-fitting preset over all record types, or null when no preset's signature fits. */
    static Preset detect(InputSource source, InputConfig settings) {
        java.nio.charset.Charset cs = settings == null || settings.encoding() == null ? null
                : java.nio.charset.Charset.forName(settings.encoding());
        Character delim = settings == null ? null : settings.delimiter();
        try (CsvTable t = CsvTable.open(source, new CsvTable.Options(cs, delim, cells -> Presets.knownHeaderCount(cells, null)))) {
            return Presets.detect(t.header(), (RecordType) null);
        }
    }
}
