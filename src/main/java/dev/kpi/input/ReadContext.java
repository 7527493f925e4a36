package dev.kpi.input;

import dev.kpi.config.InputConfig;
import dev.kpi.input.value.DateParser;
import dev.kpi.input.value.DateRange;
import dev.kpi.input.value.MoneyParser;
import dev.kpi.input.value.NumberParser;

import java.util.Map;

/**
 * Everything a row mapper needs to know about the file it reads: mapping, parsers configured for the
 * file's number and date conventions, the report period from the preamble, and where to report.
 *
 * @param headerCurrency currency written in a header, per field ("Amount spent (USD)" → cost: USD)
 */
public record ReadContext(
        String fileName,
        ColumnMapping mapping,
        Preset preset,
        InputConfig settings,
        NumberParser numbers,
        MoneyParser money,
        DateParser dates,
        DateRange reportRange,
        Map<String, String> headerCurrency,
        ChannelNames channels,
        StageRules stages,
        Diagnostics diagnostics) {
    /**
     * The context for a chunk read in parallel: its own collector for diagnostics and its own view of the
     * channel names (see {@link ChannelNames#chunkView()}).
     */
    public ReadContext forChunk(Diagnostics d) {
        return new ReadContext(fileName, mapping, preset, settings, numbers, money, dates, reportRange, headerCurrency,
                channels.chunkView(), stages, d);
    }

    /**
     * The currency of a money field whose cells name none: the one written in its header
     * ("Amount spent (USD)"), else the input's configured {@code currency}; null when neither says.
     */
    public String defaultCurrency(String field) {
        String c = headerCurrency.get(field);
        return c != null || settings == null ? c : settings.currency();
    }

    /** The platform of rows that name none: the input's configured {@code platform}, else its preset's. */
    public String defaultPlatform() {
        String p = settings == null ? null : settings.platform();
        return p != null || preset == null ? p : preset.platform();
    }

    /** The channel of rows that name none: the input's configured {@code channel}, else its preset's. */
    public String defaultChannel() {
        String c = settings == null ? null : settings.channel();
        return c != null || preset == null ? c : preset.channel();
    }
}
