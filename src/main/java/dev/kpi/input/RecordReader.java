package dev.kpi.input;

import dev.kpi.config.ConfigException;
import dev.kpi.config.InputConfig;
import dev.kpi.config.KpiConfig;
import dev.kpi.config.Suggestions;
import dev.kpi.input.value.DateOrder;
import dev.kpi.input.value.DateParser;
import dev.kpi.input.value.DateRange;
import dev.kpi.input.value.DateRangeParser;
import dev.kpi.input.value.MoneyParser;
import dev.kpi.input.value.NumberLocale;
import dev.kpi.input.value.NumberParser;
import dev.kpi.input.value.ValueException;
import dev.kpi.records.Micros;
import dev.kpi.records.Projection;
import dev.kpi.records.RecordType;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one input file into typed records, streaming: open and detect (encoding, delimiter, header,
 * preset), infer the number and date conventions from the first rows unless config fixes them, then map
 * every data row. What was detected and set aside goes to {@link Diagnostics} as notes.
 */
public final class RecordReader {
    /** Rows looked at before mapping starts, to infer number locale, date order and period shape. */
    static final int SAMPLE_ROWS = 200;
    /** The sample size in use: {@link #SAMPLE_ROWS}; tests lower it so that small fixtures have rows after it. */
    static int sampleRows = SAMPLE_ROWS;

    /**
     * Runs {@code job} with the chunked reader taking every file with more than a few rows (it normally
     * waits for 8 MB). For the launcher's training run ({@code dev.kpi.Training}), so that the classes of
     * the big-file path are in the start-up archive too. Not for concurrent use.
     */
    public static <T> T withChunkedReaderForAnySize(java.util.function.Supplier<T> job) {
        int sample = sampleRows;
        long min = ChunkReader.minBytes;
        sampleRows = 5;
        ChunkReader.minBytes = 0;
        try {
            return job.get();
        } finally {
            sampleRows = sample;
            ChunkReader.minBytes = min;
        }
    }

    private static final Pattern HEADER_CURRENCY = Pattern.compile("\\(([A-Z]{3})\\)\\s*$");

    private final KpiConfig config;
    private final Diagnostics diagnostics;
    private final ChannelNames channels;
    private final StageRules stages;

    public RecordReader(KpiConfig config, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
        this.channels = new ChannelNames(config.channels());
        this.stages = new StageRules(config.wonStages(), config.lostStages());
    }

    public StageRules stages() { return stages; }

    /** Streams the records of one input to {@code sink}; returns how many records were produced. */
    @SuppressWarnings("unchecked")
    public <T> long read(InputSpec spec, RecordType type, Consumer<? super T> sink) {
        try (Opened o = open(spec, type)) {
            return o.stream(r -> sink.accept((T) r));
        }
    }

    /**
     * Streams the records of one input into partial results that are merged in file order (see
     * {@link Opened#stream(Object, Supplier, BiConsumer, BiConsumer, int, Projection, ChunkReader.Progress)}).
     */
    public <P> long read(InputSpec spec, RecordType type, P main, Supplier<P> newPart, BiConsumer<P, Object> add,
                         BiConsumer<P, P> merge, int threads, Projection projection, ChunkReader.Progress progress) {
        try (Opened o = open(spec, type)) {
            return o.stream(main, newPart, add, merge, threads, projection, progress);
        }
    }

    /** An input opened and detected, ready to stream (also what {@code kpi inspect} shows). */
    public final class Opened implements AutoCloseable {
        public final CsvTable table;
        public final Preset preset;
        public final ColumnMapping mapping;
        public final ReadContext context;
        public final NumberLocale numberLocale;
        public final String numberLocaleSource;
        public final DateOrder dateOrder;
        public final String dateOrderSource;
        private final RowMapper<?> mapper;
        private final Function<ReadContext, RowMapper<?>> mappers;
        private final SpendMapper.StartDateMeaning meaning;
        private final List<RawRow> sample;
        private final Iterator<RawRow> rest;

        private Opened(CsvTable table, Preset preset, ColumnMapping mapping, ReadContext context, NumberLocale nl,
                       String nlSource, DateOrder order, String orderSource, RowMapper<?> mapper,
                       Function<ReadContext, RowMapper<?>> mappers, SpendMapper.StartDateMeaning meaning,
                       List<RawRow> sample, Iterator<RawRow> rest) {
            this.table = table;
            this.preset = preset;
            this.mapping = mapping;
            this.context = context;
            this.numberLocale = nl;
            this.numberLocaleSource = nlSource;
            this.dateOrder = order;
            this.dateOrderSource = orderSource;
            this.mapper = mapper;
            this.mappers = mappers;
            this.meaning = meaning;
            this.sample = sample;
            this.rest = rest;
        }

        /** Maps every data row to a record; returns the number of records. */
        public long stream(Consumer<Object> sink) {
            return stream(sink, null, (c, rec) -> c.accept(rec), null, 0, Projection.ALL, ChunkReader.Progress.NONE);
        }

        /**
         * Maps every data row into partial results. Large plain files are read by the {@link ChunkReader}
         * on {@code threads} threads: each chunk fills its own part from {@code newPart}, and parts are
         * merged into {@code main} in file order, so the result is the one a sequential read gives when
         * {@code merge} is exact (as the calculators' merges are). With {@code newPart} null, or
         * {@code threads} 0, everything goes to {@code main} in file order. {@code projection} says what
         * {@code add} reads of the records (rows may then arrive summed, see {@link Projection}). Returns the
         * number of records, a row summed into another's counting as one.
         */
        public <P> long stream(P main, Supplier<P> newPart, BiConsumer<P, Object> add, BiConsumer<P, P> merge,
                               int threads, Projection projection, ChunkReader.Progress progress) {
            // in check mode lanes build whole records, to be compared with the mapper's
            this.projection = checkLanes ? Projection.ALL : projection;
            Acc<P> acc = new Acc<>(main, mapper, context, add, merge);
            for (RawRow r : sample) acc.row(r);
            if (newPart != null && threads > 0 && parallelSafe(mapping.schema().type()) && sample.size() == sampleRows
                    && ChunkReader.supports(table) && table.source().size() >= ChunkReader.minBytes) {
                ChunkReader chunks = new ChunkReader(table, threads);
                long lines = table.linesConsumed();
                long offset = chunks.offsetAfterLines(lines);
                chunks.read(offset, lines + 1, acc, d -> {
                    ReadContext c = context.forChunk(d);
                    return new Acc<>(newPart.get(), mappers.apply(c), c, add, merge);
                }, diagnostics, progress);
            } else {
                // progress by the bytes taken from the file; standard input has no total (Long.MAX_VALUE)
                InputSource source = table.source();
                long size = source.size();
                long total = size >= 0 ? size : Long.MAX_VALUE;
                long rows = 0;
                while (rest.hasNext()) {
                    acc.row(rest.next());
                    if ((++rows & 4095) == 0) progress.update(Math.min(source.consumed(), total - 1), total);
                }
                progress.update(total, total);
            }
            acc.finish();
            noteSkipped();
            if (acc.total != null) acc.total.compare();
            if (acc.records == 0 && diagnostics != null) {
                diagnostics.warn(table.source().name() + ": no data rows"
                        + (table.dataRows() > 0 ? " could be read" : " (an empty export)"));
            }
            return acc.records;
        }

        /** What the consumer of the current {@link #stream} reads: lanes and combiners skip the rest. */
        private Projection projection = Projection.ALL;

        /** Lanes keep only caches, so each thread keeps one for all the chunks it reads. */
        private final ThreadLocal<Optional<FastLane>> lanes = new ThreadLocal<>();

        private FastLane lane(ReadContext ctx) {
            Optional<FastLane> l = lanes.get();
            if (l == null) {
                l = Optional.ofNullable(FastLane.forFile(ctx, mapping.schema().type(), meaning, projection));
                lanes.set(l);
            }
            return l.orElse(null);
        }

        /** A partial result with the mapper and checks that feed it. */
        private final class Acc<P> implements ChunkReader.Part {
            final P part;
            final RowMapper<?> rowMapper;
            final BiConsumer<P, Object> add;
            final BiConsumer<P, P> merge;
            final SpendTotal total;
            final Consumer<Object> sink;
            final FastLane lane;
            /** Sums rows the consumer cannot tell apart (null when it reads every field, or there is no lane). */
            final SpendCombiner combiner;
            final ReadContext ctx;
            long records;

            Acc(P part, RowMapper<?> rowMapper, ReadContext ctx, BiConsumer<P, Object> add, BiConsumer<P, P> merge) {
                this.part = part;
                this.rowMapper = rowMapper;
                this.ctx = ctx;
                this.lane = lane(ctx);
                this.combiner = SpendCombiner.of(lane, projection);
                this.add = add;
                this.merge = merge;
                this.total = mapping.schema().type() == RecordType.SPEND && mapping.has("cost") ? new SpendTotal() : null;
                this.sink = total == null ? rec -> add.accept(part, rec) : rec -> {
                    total.add(rec);
                    add.accept(part, rec);
                };
            }

            @Override
            public void row(RawRow row) {
                if (combiner != null && combiner.add(row, ctx.channels())) {
                    if (combiner.full()) records += combiner.emit(sink);
                    return;
                }
                if (lane != null) {
                    Object rec = lane.map(row, ctx.channels());
                    if (rec != null) {
                        if (checkLanes) checkLane(rec, row);
                        records++;
                        sink.accept(rec);
                        return;
                    }
                }
                records += rowMapper.mapInto(row, sink);
            }

            /** Test mode: the lane's record must equal the mapper's. */
            private void checkLane(Object rec, RawRow row) {
                Object expected = rowMapper.map(row);
                if (!rec.equals(expected)) {
                    throw new IllegalStateException("fast lane differs from the mapper at " + table.source().name() + ":"
                            + row.line() + ": lane " + rec + ", mapper " + expected);
                }
            }

            @Override
            @SuppressWarnings("unchecked")
            public void merge(ChunkReader.Part later, long lineOffset) {
                Acc<P> o = (Acc<P>) later;
                merge.accept(part, o.part);
                records += o.records;
                if (total != null) total.merge(o.total);
                if (combiner != null && o.combiner != null) {
                    // a chunk's sums join this table by key: records are made once, at the end
                    combiner.absorb(o.combiner);
                    if (combiner.full()) records += combiner.emit(sink);
                }
            }

            /** Hands over the rows still summed in the table (at the end of the read). */
            void finish() {
                if (combiner != null) records += combiner.emit(sink);
            }

            @Override
            public Diagnostics diagnostics() { return ctx.diagnostics(); }

            @Override
            public boolean commit() { return context.channels().commit(ctx.channels()); }
        }

        /** The first typed records (for inspect), without consuming the rest. */
        public List<Object> preview(int max) {
            List<Object> out = new ArrayList<>();
            for (RawRow r : sample) {
                if (out.size() >= max) break;
                Object rec = mapper.map(r);
                if (rec != null) out.add(rec);
            }
            return out;
        }

        public List<RawRow> sampleRows() { return sample; }

        /**
         * Compares the export's own grand total (the largest cost on its totals rows, e.g. Google's
         * "Total: Account") with the rows kpi read. They differ when the report hides rows (removed
         * campaigns count in the account total but are not listed): worth a warning, since kpi can only
         * count the rows it sees.
         */
        private final class SpendTotal {
            long sum;
            String currency;
            boolean mixed;

            void add(Object rec) {
                dev.kpi.records.Spend s = (dev.kpi.records.Spend) rec;
                sum = Math.addExact(sum, s.cost());
                if (currency == null) currency = s.currency();
                else if (s.currency() != null && !currency.equals(s.currency())) mixed = true;
            }

            void merge(SpendTotal o) {
                sum = Math.addExact(sum, o.sum);
                mixed |= o.mixed;
                if (currency == null) currency = o.currency;
                else if (o.currency != null && !currency.equals(o.currency)) mixed = true;
            }

            void compare() {
                if (mixed) return;
                int col = mapping.columns("cost")[0];
                long best = Long.MIN_VALUE;
                String label = null;
                for (SkippedLine s : table.skipped()) {
                    if (s.reason() != SkippedLine.Reason.TOTAL || s.cells() == null || col >= s.cells().length) continue;
                    try {
                        String v = s.cells()[col];
                        if (v == null || NumberParser.isMissing(v)) continue;
                        long t = context.money().parse(v).micros();
                        if (t > best) { best = t; label = s.text(); }
                    } catch (ValueException e) {
                        // a totals row with text in the cost column says nothing about the total
                    }
                }
                if (label == null || best == sum) return;
                diagnostics.warn(table.source().name() + ": the export's '" + label + "' row says "
                        + Micros.toMoney(best).toPlainString() + " of cost, but its rows add up to "
                        + Micros.toMoney(sum).toPlainString() + " (difference " + Micros.toMoney(best - sum).toPlainString()
                        + "); rows hidden from the report, such as removed campaigns, are not counted");
            }
        }

        private void noteSkipped() {
            Map<SkippedLine.Reason, List<SkippedLine>> by = new LinkedHashMap<>();
            for (SkippedLine s : table.skipped()) by.computeIfAbsent(s.reason(), k -> new ArrayList<>()).add(s);
            if (by.isEmpty()) return;
            List<String> parts = new ArrayList<>();
            by.forEach((reason, lines) -> {
                if (reason == SkippedLine.Reason.BLANK) return;
                String what = lines.size() + " " + reason.label() + (lines.size() == 1 ? "" : "s");
                parts.add(what + " (" + lineList(lines) + ")");
            });
            if (!parts.isEmpty()) diagnostics.note(table.source().name() + ": skipped " + String.join(", ", parts));
        }

        @Override public void close() { table.close(); }
    }

    /** Test mode (system property {@code kpi.checkLanes}): every record of a fast lane is compared with the mapper's. */
    static boolean checkLanes = Boolean.getBoolean("kpi.checkLanes");

    /** Record types whose mappers keep no state across rows, so chunks can be mapped independently. */
    private static boolean parallelSafe(RecordType type) {
        return type == RecordType.SPEND || type == RecordType.COSTS || type == RecordType.LEADS || type == RecordType.DEALS;
    }

    static String lineList(List<SkippedLine> lines) {
        List<String> out = new ArrayList<>();
        long start = -1;
        long prev = -2;
        for (SkippedLine s : lines) {
            if (s.line() != prev + 1) {
                if (start >= 0) out.add(start == prev ? "line " + start : "lines " + start + "–" + prev);
                start = s.line();
            }
            prev = s.line();
        }
        if (start >= 0) out.add(start == prev ? "line " + start : "lines " + start + "–" + prev);
        String text = lines.get(0).text().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1);
        if (text.length() > 40) text = text.substring(0, 37) + "...";
        return String.join(", ", out) + ": '" + text + "'" + (lines.size() > 1 ? ", …" : "");
    }

    public Opened open(InputSpec spec, RecordType type) {
        InputConfig settings = spec.settings() == null ? InputConfig.empty(type) : spec.settings();
        Preset configuredPreset = null;
        if (settings.preset() != null) {
            configuredPreset = Presets.byName(settings.preset());
            if (configuredPreset == null || configuredPreset.type() != type) {
                List<String> names = Presets.forType(type).stream().map(Preset::name).collect(Collectors.toList());
                String hint = Suggestions.closest(names, settings.preset());
                throw new ConfigException(settings.where() + ": " + settings.path() + ".preset: '" + settings.preset()
                        + "' is not a " + type.key() + " preset" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; " + type.key() + " presets: " + String.join(", ", names));
            }
        }
        Set<String> configured = new HashSet<>();
        settings.columns().values().forEach(hs -> hs.forEach(h -> configured.add(Headers.normalize(h))));
        Charset charset = settings.encoding() == null ? null : Charset.forName(settings.encoding());
        CsvTable table = CsvTable.open(spec.source(), new CsvTable.Options(charset, settings.delimiter(), cells -> {
            int n = Presets.knownHeaderCount(cells, type);
            for (String c : cells) if (configured.contains(Headers.normalize(c))) n += 2;
            return n;
        }));
        try {
            return detect(spec, type, settings, configuredPreset, table);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    private Opened detect(InputSpec spec, RecordType type, InputConfig settings, Preset configuredPreset, CsvTable table) {
        String name = spec.source().name();
        Preset preset = configuredPreset != null ? configuredPreset : Presets.detect(table.header(), type);
        if (preset == null) preset = Presets.generic(type.key());
        Schema schema = Schema.of(type);
        ColumnMapping mapping = ColumnMapping.resolve(schema, preset, table.header(), settings, name);

        Iterator<RawRow> it = table.iterator();
        List<RawRow> sample = new ArrayList<>();
        while (sample.size() < sampleRows && it.hasNext()) sample.add(it.next());

        Locale locale = settings.locale() == null ? null : Locale.forLanguageTag(settings.locale().replace('_', '-'));
        NumberLocale nl;
        String nlSource;
        if (locale != null) {
            nl = NumberLocale.forLocale(locale);
            nlSource = "config locale " + settings.locale();
        } else {
            nl = NumberLocale.infer(cells(sample, mapping, schema, true));
            nlSource = nl == null ? "default" : "inferred from the values";
            if (nl == null) nl = NumberLocale.POINT;
        }
        DateOrder order;
        String orderSource;
        if (locale != null) {
            order = DateOrder.forLocale(locale);
            orderSource = "config locale " + settings.locale();
        } else {
            order = DateParser.inferOrder(cells(sample, mapping, schema, false));
            orderSource = order == null ? "default" : "inferred from the values";
            if (order == null) order = nl.decimal() == ',' ? DateOrder.DMY : DateOrder.MDY;
        }
        ZoneId zone = settings.timezone() != null ? ZoneId.of(settings.timezone()) : config.timezone();
        Locale dateLocale = locale == null ? Locale.ENGLISH : locale;
        DateParser dates = new DateParser(order, settings.dateFormat(), zone, dateLocale);
        DateRange range = null;
        for (Locale l : preambleLocales(locale)) {
            range = DateRangeParser.find(table.preamble(), l);
            if (range != null) break;
        }

        Map<String, String> headerCurrency = new LinkedHashMap<>();
        for (FieldDef f : schema.fields()) {
            if (f.type() != FieldType.MONEY || !mapping.has(f.name())) continue;
            Matcher m = HEADER_CURRENCY.matcher(mapping.headerOf(f.name()));
            if (m.find()) headerCurrency.put(f.name(), m.group(1));
        }
        ReadContext ctx = new ReadContext(name, mapping, preset, settings, new NumberParser(nl), MoneyParser.of(nl),
                dates, range, headerCurrency, channels, stages, diagnostics);
        SpendMapper.StartDateMeaning meaning = type == RecordType.SPEND
                ? startDateMeaning(preset, mapping, sample, dates, range) : null;
        Function<ReadContext, RowMapper<?>> mappers = c -> {
            switch (type) {
                case SPEND: return new SpendMapper(c, meaning);
                case COSTS: return new CostMapper(c);
                case LEADS: return new LeadMapper(c);
                case DEALS: return new DealMapper(c);
                case TRANSACTIONS: return new TransactionMapper(c);
                case SUBSCRIPTIONS: return new SubscriptionMapper(c);
                case TOUCHPOINTS: return new TouchpointMapper(c);
                case PATHS: return new PathMapper(c);
                case TRAFFIC: return new TrafficMapper(c);
                case EMAIL: return new EmailMapper(c);
                default: throw new IllegalStateException("no mapper for " + type);
            }
        };
        RowMapper<?> mapper = mappers.apply(ctx);
        if (!"UTF-8".equals(table.encoding()) && table.encoding().startsWith("Windows")) {
            diagnostics.warn(name + ": not valid UTF-8; read as Windows-1252 (set encoding in kpi.yaml if characters look wrong)");
        }
        return new Opened(table, preset, mapping, ctx, nl, nlSource, order, orderSource, mapper, mappers, meaning, sample, it);
    }

    /** Preamble date lines are in the export's UI language: the configured locale, else the common ones. */
    private static List<Locale> preambleLocales(Locale configured) {
        List<Locale> out = new ArrayList<>();
        if (configured != null) out.add(configured);
        out.add(Locale.ENGLISH);
        if (configured == null) {
            for (String tag : new String[] {"nl", "de", "fr", "es", "pt", "it", "pl"}) out.add(Locale.forLanguageTag(tag));
        }
        return out;
    }

    /** Cells of the numeric (or date) columns of the sample rows, for inference. */
    private static List<String> cells(List<RawRow> sample, ColumnMapping mapping, Schema schema, boolean numeric) {
        List<String> out = new ArrayList<>();
        for (FieldDef f : schema.fields()) {
            boolean isNum = f.type() == FieldType.MONEY || f.type() == FieldType.COUNT || f.type() == FieldType.DECIMAL;
            boolean isDate = f.type() == FieldType.DATE || f.type() == FieldType.DATETIME || f.type() == FieldType.MONTH;
            if (numeric ? !isNum : !isDate) continue;
            for (int c : mapping.columns(f.name())) {
                for (RawRow r : sample) {
                    String v = r.cell(c);
                    if (v != null && !v.isBlank()) out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * For exports whose date column is the start of each row's period (LinkedIn): every row starting on
     * the report start means one row per campaign for the whole range; rows starting on the first of
     * different months mean a monthly breakdown; anything else is daily.
     */
    private static SpendMapper.StartDateMeaning startDateMeaning(Preset preset, ColumnMapping mapping, List<RawRow> sample,
                                                                DateParser dates, DateRange range) {
        if (preset == null || !preset.has(Preset.Option.DATE_IS_PERIOD_START) || !mapping.has("date")) {
            return SpendMapper.StartDateMeaning.DAY;
        }
        Set<LocalDate> seen = new HashSet<>();
        for (RawRow r : sample) {
            String v = r.cell(mapping.columns("date")[0]);
            if (v == null || v.isBlank()) continue;
            try {
                seen.add(dates.parseDate(v));
            } catch (ValueException e) {
                // reported when the row is mapped
            }
        }
        if (seen.isEmpty()) return SpendMapper.StartDateMeaning.DAY;
        if (range != null && seen.size() == 1 && seen.contains(range.start()) && !range.start().equals(range.end())) {
            return SpendMapper.StartDateMeaning.WHOLE_RANGE;
        }
        boolean allFirst = seen.stream().allMatch(d -> d.getDayOfMonth() == 1);
        if (allFirst && seen.size() >= 2) return SpendMapper.StartDateMeaning.MONTH;
        if (allFirst && range != null && range.end().isAfter(seen.iterator().next())) return SpendMapper.StartDateMeaning.MONTH;
        return SpendMapper.StartDateMeaning.DAY;
    }
}
