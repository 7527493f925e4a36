package dev.kpi.input;

import dev.kpi.records.Deal;
import dev.kpi.records.Outcome;
import dev.kpi.records.Projection;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed records straight from the bytes of the fast reader's rows, for the two inputs that get big
 * (ad spend and deals). A lane reads only the plainest cells: ASCII, unquoted, no surrounding blanks,
 * ISO dates, numbers such as {@code 1234.56}. Anything else (a {@code $}, a grouping comma, a
 * placeholder, an empty required value, a quoted cell) makes it return null, and the row goes through
 * the ordinary {@link RowMapper}, which reads, reports and skips exactly as it always does. A lane
 * therefore never changes a result; it only skips work. {@code FastPathEquivalenceTest} checks that
 * every record a lane builds equals the mapper's.
 *
 * <p>A lane belongs to one reader thread (it serves all the chunks that thread reads): its caches are not
 * shared.
 */
abstract class FastLane {
    /** The file's mapping, conventions and defaults (its diagnostics are not used: lanes report nothing). */
    protected final ReadContext ctx;

    protected FastLane(ReadContext ctx) { this.ctx = ctx; }

    /**
     * The record for a row, or null when the row needs the mapper. Channel names come from
     * {@code channels}: the chunk's own view (a lane serves all the chunks of its thread).
     */
    abstract Object map(RawRow row, ChannelNames channels);

    /**
     * A lane for a file whose consumer reads {@code projection}, or null when its settings ask for more than a
     * lane does: number and date conventions other than the plain ones, a configured date format, fields read
     * from several columns.
     */
    static FastLane forFile(ReadContext ctx, RecordType type, SpendMapper.StartDateMeaning meaning, Projection projection) {
        if (ctx.numbers().locale().decimal() != '.') return null;
        if (ctx.settings() != null && ctx.settings().dateFormat() != null) return null;
        for (int[] cols : ctx.mapping().all().values()) if (cols.length > 1) return null;
        if (type == RecordType.SPEND) {
            if (meaning != SpendMapper.StartDateMeaning.DAY || !ctx.mapping().has("date") || ctx.mapping().has("dateEnd")
                    || !ctx.mapping().has("cost")) {
                return null;
            }
            return new SpendLane(ctx);
        }
        if (type == RecordType.DEALS) {
            ColumnMapping m = ctx.mapping();
            if (m.has("won") || m.has("status") || m.has("contactIds") || !m.has("stage")) return null;
            if (ctx.preset() != null && ctx.preset().has(Preset.Option.STAGE_ENTRY_COLUMNS)) return null;
            return new DealLane(ctx, standIns && projection.wonDealsOnly());
        }
        return null;
    }

    /** Test hook: false maps every deal in full even when the consumer reads only won ones ({@code CombinedReadTest}). */
    static boolean standIns = true;

    /** The column of a field, or -1. */
    protected final int column(String field) {
        int[] c = ctx.mapping().columns(field);
        return c.length == 0 ? -1 : c[0];
    }

    /** Marker for "this cell needs the mapper". */
    static final class Fallback extends Exception {
        static final Fallback INSTANCE = new Fallback();

        private Fallback() { super(null, null, false, false); }
    }

    // ------------------------------------------------------------------ cells

    /**
     * A text field as {@link RowMapper#text} gives it (the cell stripped; blank and placeholders are
     * null). Plain ASCII cells are decoded once per distinct value through {@code interner}; others
     * (quoted, non-ASCII, with surrounding blanks) are decoded and stripped like the mapper does.
     */
    protected final String text(RawRow row, int c, Interner interner) {
        if (c < 0 || c >= row.size()) return null;
        int s = row.start(c);
        int e = row.end(c);
        if (s == e) return null;
        byte[] b = row.bytes();
        if (plainAscii(row, c)) {
            if (e - s <= 4 && isPlaceholder(b, s, e)) return null;
            return interner == null ? new String(b, s, e - s, StandardCharsets.ISO_8859_1) : interner.get(b, s, e);
        }
        if (row.isBlank(c)) return null;
        String t = row.cell(c).strip();
        return RowMapper.isTextPlaceholder(t) ? null : t;
    }

    /** A non-empty cell of plain ASCII without blanks at either end: its bytes are its text. */
    static boolean plainAscii(RawRow row, int c) {
        byte[] b = row.bytes();
        return row.kind(c) == RawRow.ASCII && !asciiWhitespace(b[row.start(c)]) && !asciiWhitespace(b[row.end(c) - 1]);
    }

    /** The ASCII characters {@link Character#isWhitespace} accepts: tab to carriage return, the four separators 28-31, space. */
    private static final long ASCII_WHITESPACE = 0x1_F000_3E00L;

    /** {@link Character#isWhitespace} for an ASCII byte, as one bit test. */
    static boolean asciiWhitespace(byte c) {
        return c >= 0 && c <= ' ' && (ASCII_WHITESPACE >>> c & 1) != 0;
    }

    /** The ASCII placeholders of {@link RowMapper#isTextPlaceholder}, case-insensitive, on bytes. */
    static boolean isPlaceholder(byte[] b, int s, int e) {
        switch (e - s) {
            case 1: return b[s] == '-';
            case 2: return (b[s] == '-' && b[s + 1] == '-') || ((b[s] | 0x20) == 'n' && (b[s + 1] | 0x20) == 'a');
            case 3: return (b[s] | 0x20) == 'n' && b[s + 1] == '/' && (b[s + 2] | 0x20) == 'a';
            case 4: {
                int n = b[s] | 0x20;
                int x = b[s + 1] | 0x20;
                int y = b[s + 2] | 0x20;
                int z = b[s + 3] | 0x20;
                return n == 'n' && ((x == 'u' && y == 'l' && z == 'l') || (x == 'o' && y == 'n' && z == 'e'));
            }
            default: return false;
        }
    }

    /** Whether a cell is empty (or the column absent). */
    protected static boolean empty(RawRow row, int c) {
        return c < 0 || c >= row.size() || row.start(c) == row.end(c);
    }

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** {@code -?digits{1,12}(.digits{1,6})?} as micros; the mapper for anything else. */
    protected static long micros(RawRow row, int c) throws Fallback {
        if (row.kind(c) != RawRow.ASCII) throw Fallback.INSTANCE;
        byte[] b = row.bytes();
        int i = row.start(c);
        int e = row.end(c);
        boolean neg = i < e && b[i] == '-';
        if (neg) i++;
        int first = i;
        int dot = -1;
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                v = v * 10 + d;
            } else if (d == '.' - '0' && dot < 0) {
                dot = i;
            } else {
                throw Fallback.INSTANCE;
            }
        }
        int whole = (dot < 0 ? e : dot) - first;
        int scale = dot < 0 ? 0 : e - dot - 1;
        if (whole == 0 || whole > 12 || scale > 6 || (dot >= 0 && scale == 0)) throw Fallback.INSTANCE;
        v *= POW10[6 - scale];
        return neg ? -v : v;
    }

    /** Non-negative whole number of up to 15 digits; the mapper for anything else. */
    protected static long count(RawRow row, int c) throws Fallback {
        if (row.kind(c) != RawRow.ASCII) throw Fallback.INSTANCE;
        byte[] b = row.bytes();
        int i = row.start(c);
        int e = row.end(c);
        if (e - i > 15) throw Fallback.INSTANCE;
        long v = 0;
        for (; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') throw Fallback.INSTANCE;
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private final LocalDate[] days = new LocalDate[(RowMapper.LAST_YEAR - RowMapper.FIRST_YEAR + 1) * 12 * 31];

    private static int digit(byte b) throws Fallback {
        if (b < '0' || b > '9') throw Fallback.INSTANCE;
        return b - '0';
    }

    /**
     * The day of the {@code yyyy-MM-dd} date at {@code s}, as an index into {@link #days} (31 a month, 12 a
     * year from {@link RowMapper#FIRST_YEAR}); only real dates of the years kpi accepts, the mapper for anything
     * else (2025-02-30: the mapper reports it).
     */
    private static int isoDay(byte[] b, int s) throws Fallback {
        if (b[s + 4] != '-' || b[s + 7] != '-') throw Fallback.INSTANCE;
        int y = digit(b[s]) * 1000 + digit(b[s + 1]) * 100 + digit(b[s + 2]) * 10 + digit(b[s + 3]);
        int m = digit(b[s + 5]) * 10 + digit(b[s + 6]);
        int d = digit(b[s + 8]) * 10 + digit(b[s + 9]);
        if (y < RowMapper.FIRST_YEAR || y > RowMapper.LAST_YEAR || m < 1 || m > 12 || d < 1) throw Fallback.INSTANCE;
        int last = m == 2 ? (java.time.Year.isLeap(y) ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
        if (d > last) throw Fallback.INSTANCE;
        return ((y - RowMapper.FIRST_YEAR) * 12 + m - 1) * 31 + d - 1;
    }

    /** {@code yyyy-MM-dd} at {@code s}, years kpi accepts only; the mapper for anything else. */
    protected final LocalDate isoDate(byte[] b, int s) throws Fallback {
        int k = isoDay(b, s);
        LocalDate v = days[k];
        if (v == null) {
            v = LocalDate.of(RowMapper.FIRST_YEAR + k / 372, k / 31 % 12 + 1, k % 31 + 1);
            days[k] = v;
        }
        return v;
    }

    /** Throws unless the cell is a {@code yyyy-MM-dd} date {@link #date} reads (without looking up the date itself). */
    static void checkDate(RawRow row, int c) throws Fallback {
        if (row.kind(c) != RawRow.ASCII || row.end(c) - row.start(c) != 10) throw Fallback.INSTANCE;
        isoDay(row.bytes(), row.start(c));
    }

    protected final LocalDate date(RawRow row, int c) throws Fallback {
        if (row.kind(c) != RawRow.ASCII || row.end(c) - row.start(c) != 10) throw Fallback.INSTANCE;
        return isoDate(row.bytes(), row.start(c));
    }

    /**
     * The second of the day of a {@code yyyy-MM-dd HH:mm:ss} (or {@code T}) cell at {@code s}, 19 bytes long;
     * the mapper for anything else.
     */
    private static int timeOfDay(byte[] b, int s) throws Fallback {
        if ((b[s + 10] != ' ' && b[s + 10] != 'T') || b[s + 13] != ':' || b[s + 16] != ':') throw Fallback.INSTANCE;
        int h = digit(b[s + 11]) * 10 + digit(b[s + 12]);
        int mi = digit(b[s + 14]) * 10 + digit(b[s + 15]);
        int se = digit(b[s + 17]) * 10 + digit(b[s + 18]);
        if (h > 23 || mi > 59 || se > 59) throw Fallback.INSTANCE;
        return (h * 60 + mi) * 60 + se;
    }

    /** Length of a cell {@link #dateTime} may read (a date, or a date and time); the mapper for anything else. */
    private static int dateTimeLength(RawRow row, int c) throws Fallback {
        int len = row.end(c) - row.start(c);
        if (row.kind(c) != RawRow.ASCII || (len != 10 && len != 19)) throw Fallback.INSTANCE;
        return len;
    }

    /** Throws unless {@link #dateTime} reads the cell (without building the date-time). */
    static void checkDateTime(RawRow row, int c) throws Fallback {
        if (dateTimeLength(row, c) == 19) timeOfDay(row.bytes(), row.start(c));
        isoDay(row.bytes(), row.start(c));
    }

    /** {@code yyyy-MM-dd}, or that with {@code ' '} or {@code T} and {@code HH:mm:ss}; the mapper for anything else. */
    protected final LocalDateTime dateTime(RawRow row, int c) throws Fallback {
        int len = dateTimeLength(row, c);
        byte[] b = row.bytes();
        int s = row.start(c);
        if (len == 10) return isoDate(b, s).atStartOfDay();
        int second = timeOfDay(b, s);
        return LocalDateTime.of(isoDate(b, s), LocalTime.ofSecondOfDay(second));
    }

    /** Strings for repeated byte values (channels, campaigns, stages), so each distinct value is decoded once. */
    static final class Interner {
        private static final int MAX = 1 << 16;
        private byte[][] keys = new byte[1024][];
        private String[] values = new String[1024];
        private int size;

        private static int hash(byte[] b, int s, int e) {
            return ByteRanges.finish(ByteRanges.mix(e - s, b, s, e));
        }

        String get(byte[] b, int s, int e) {
            int h = hash(b, s, e);
            int mask = keys.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                byte[] k = keys[i];
                if (k == null) {
                    String v = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
                    if (size >= MAX) return v;
                    keys[i] = java.util.Arrays.copyOfRange(b, s, e);
                    values[i] = v;
                    if (++size * 2 > keys.length) grow();
                    return v;
                }
                if (same(k, b, s, e)) return values[i];
            }
        }

        private static boolean same(byte[] k, byte[] b, int s, int e) {
            return k.length == e - s && ByteRanges.equal(k, 0, b, s, k.length);
        }

        private void grow() {
            byte[][] ok = keys;
            String[] ov = values;
            keys = new byte[ok.length * 2][];
            values = new String[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] == null) continue;
                int i = hash(ok[j], 0, ok[j].length) & mask;
                while (keys[i] != null) i = (i + 1) & mask;
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }
    }

    /** A currency cell as {@link RowMapper#currencyCode} reads it; the mapper for anything but a 3-letter code. */
    protected final String currencyCode(RawRow row, int c, Interner interner) throws Fallback {
        String v = text(row, c, interner);
        if (v == null) return null;
        String u = v.toUpperCase(Locale.ROOT);
        if (!RowMapper.isCurrencyCode(u)) throw Fallback.INSTANCE;
        return u;
    }

    // ------------------------------------------------------------------ lanes

    /** Ad-platform rows with a day column. */
    static final class SpendLane extends FastLane {
        // the key cells are package-private: the SpendCombiner keys rows by them
        final int date = column("date");
        final int campaign = column("campaign");
        private final int cost = column("cost");
        private final int value = column("conversionValue");
        final int currency = column("currency");
        private final int impressions = column("impressions");
        private final int clicks = column("clicks");
        private final int conversions = column("conversions");
        private final int leads = column("leads");
        final int platform = column("platform");
        final int channel = column("channel");
        private final int adGroup = column("adGroup");
        final boolean skipEmptyCampaign = ctx.preset() != null && ctx.preset().has(Preset.Option.SKIP_EMPTY_CAMPAIGN);
        private final String defaultCurrency = ctx.defaultCurrency("cost");
        private final String defaultPlatform = ctx.defaultPlatform();
        private final String defaultChannel = ctx.defaultChannel();
        private final Interner names = new Interner();

        /** Scratch for {@link #metrics} in {@link #map}. */
        private final long[] read = new long[METRICS];

        SpendLane(ReadContext ctx) { super(ctx); }

        /** Slots of {@link #metrics}: the additive fields of a {@link Spend}. */
        static final int COST = 0, IMPRESSIONS = 1, CLICKS = 2, CONVERSIONS = 3, VALUE = 4, LEADS = 5, METRICS = 6;

        /**
         * Reads the six metric cells into {@code into} (0 for an empty cell; micros for money and conversions),
         * and returns the {@link Spend#present()} flags; the mapper for a cell that is not plain.
         */
        int metrics(RawRow row, long[] into) throws Fallback {
            return metric(row, cost, true, into, COST, Spend.COST)
                    | metric(row, impressions, false, into, IMPRESSIONS, Spend.IMPRESSIONS)
                    | metric(row, clicks, false, into, CLICKS, Spend.CLICKS)
                    | metric(row, conversions, true, into, CONVERSIONS, Spend.CONVERSIONS)
                    | metric(row, value, true, into, VALUE, Spend.CONVERSION_VALUE)
                    | metric(row, leads, false, into, LEADS, Spend.LEADS);
        }

        private static int metric(RawRow row, int c, boolean micros, long[] into, int slot, int flag) throws Fallback {
            if (empty(row, c)) {
                into[slot] = 0;
                return 0;
            }
            into[slot] = micros ? micros(row, c) : count(row, c);
            return flag;
        }

        @Override
        Object map(RawRow row, ChannelNames channels) {
            if (!row.isBytes()) return null;
            try {
                String camp = text(row, campaign, names);
                if (camp == null && skipEmptyCampaign) return null;
                if (empty(row, date)) return null;
                LocalDate day = date(row, date);
                long[] m = read;
                int present = metrics(row, m);
                String cur = currencyCode(row, currency, names);
                if (cur == null) cur = defaultCurrency;
                String plat = text(row, platform, names);
                if (plat == null) plat = defaultPlatform;
                String ch = text(row, channel, names);
                if (ch == null) ch = defaultChannel;
                return new Spend(day, null, plat, channels.normalize(ch), camp, text(row, adGroup, names), cur, m[COST],
                        m[IMPRESSIONS], m[CLICKS], m[CONVERSIONS], m[VALUE], m[LEADS], present);
            } catch (Fallback f) {
                return null;
            }
        }
    }

    /** Deals whose outcome comes from the stage name. */
    static final class DealLane extends FastLane {
        private final int id = column("id");
        private final int account = column("accountId");
        private final int created = column("created");
        private final int closed = column("closed");
        private final int stage = column("stage");
        private final int amount = column("amount");
        private final int currency = column("currency");
        private final int channel = column("channel");
        private final int campaign = column("campaign");
        private final int owner = column("owner");
        private final int pipeline = column("pipeline");
        private final int lostReason = column("lostReason");
        private final boolean amountInCompanyCurrency = DealMapper.amountInCompanyCurrency(ctx.mapping());
        private final String defaultCurrency = ctx.defaultCurrency("amount");
        private final Interner names = new Interner();
        private final Map<String, Outcome> outcomes = new java.util.IdentityHashMap<>();
        /** The consumer reads only won deals: the others become stand-ins (see {@link Projection#wonDealsOnly}). */
        private final boolean wonOnly;
        /** Stand-ins handed out so far (they are immutable, so each is handed again to every deal that looks the same). */
        private final Deal[] standIns = new Deal[64];
        private int standInCount;

        DealLane(ReadContext ctx, boolean wonOnly) {
            super(ctx);
            this.wonOnly = wonOnly;
        }

        /** A deal id as text: not interned (ids are many), and never one a spreadsheet turned into 1.2E+17. */
        private String id(RawRow row, int c) throws Fallback {
            String v = text(row, c, null);
            if (v != null && RowMapper.looksScientific(v)) throw Fallback.INSTANCE;
            return v;
        }

        /** An account id: the mapper splits lists ({@code a;b}), the lane takes single ids only. */
        private String account(RawRow row, int c) throws Fallback {
            String v = text(row, c, null);
            if (v != null && v.indexOf(';') >= 0) throw Fallback.INSTANCE;
            return v;
        }

        /** The currency of a deal's amount: none when amounts are in the company currency, else the cell's or the default. */
        private String amountCurrency(RawRow row) throws Fallback {
            if (amountInCompanyCurrency) return null;
            String cur = currencyCode(row, currency, names);
            return cur == null ? defaultCurrency : cur;
        }

        /**
         * A deal that is not won, for a consumer that reads only won ones: every cell the full mapping reads is
         * checked the same way (a cell it would send to the mapper sends the row there too), the channel name
         * is looked up (first spellings count in file order), and nothing else is built.
         */
        private Object notWon(RawRow row, ChannelNames channels, String st, Outcome outcome) throws Fallback {
            if (!plainId(row, id)) return null; // no id: the mapper names it after its line
            boolean hasAmount = !empty(row, amount);
            String cur = null;
            if (hasAmount) {
                micros(row, amount);
                cur = amountCurrency(row);
            }
            if (!empty(row, account)) {
                if (row.kind(account) == RawRow.ASCII) {
                    byte[] b = row.bytes();
                    for (int i = row.start(account); i < row.end(account); i++) if (b[i] == ';') throw Fallback.INSTANCE;
                } else {
                    account(row, account);
                }
            }
            if (!empty(row, created)) checkDateTime(row, created);
            if (!empty(row, closed)) checkDateTime(row, closed);
            channels.normalize(text(row, channel, names));
            for (int i = 0; i < standInCount; i++) {
                Deal d = standIns[i];
                if (d.outcome() == outcome && d.hasAmount() == hasAmount && java.util.Objects.equals(d.stage(), st)
                        && java.util.Objects.equals(d.currency(), cur)) {
                    return d;
                }
            }
            Deal d = new Deal(null, null, List.of(), null, null, st, outcome, 0, hasAmount, cur, null, null, null, null, null, null, Map.of());
            if (standInCount < standIns.length) standIns[standInCount++] = d;
            return d;
        }

        /**
         * Whether the deal has an id, checked as {@link #id} does: false when the cell is empty or a placeholder;
         * throws when it looks like a number a spreadsheet wrote in scientific notation. Plain ids build no string.
         */
        private boolean plainId(RawRow row, int c) throws Fallback {
            if (empty(row, c)) return false;
            if (plainAscii(row, c)) {
                byte[] b = row.bytes();
                int s = row.start(c);
                int e = row.end(c);
                boolean letterE = false;
                for (int i = s; i < e; i++) if ((b[i] | 0x20) == 'e') letterE = true;
                if (!letterE) return !(e - s <= 4 && isPlaceholder(b, s, e)); // as text() reads it; no exponent
            }
            return id(row, c) != null;
        }

        @Override
        Object map(RawRow row, ChannelNames channels) {
            if (!row.isBytes()) return null;
            try {
                String st = text(row, stage, names);
                Outcome outcome = st == null ? ctx.stages().classify(null) : outcomes.computeIfAbsent(st, ctx.stages()::classify);
                if (wonOnly && outcome != Outcome.WON) return notWon(row, channels, st, outcome);
                String dealId = id(row, id);
                if (dealId == null) return null; // the mapper names it after its line
                boolean hasAmount = !empty(row, amount);
                long amountMicros = hasAmount ? micros(row, amount) : 0;
                String cur = hasAmount ? amountCurrency(row) : null;
                String acct = account(row, account);
                LocalDateTime createdAt = empty(row, created) ? null : dateTime(row, created);
                LocalDateTime closedAt = empty(row, closed) ? null : dateTime(row, closed);
                String source = text(row, channel, names);
                return new Deal(dealId, acct, List.of(), createdAt, closedAt, st, outcome, amountMicros, hasAmount, cur,
                        channels.normalize(source), source, text(row, campaign, names), text(row, owner, names),
                        text(row, pipeline, names), text(row, lostReason, names), Map.of());
            } catch (Fallback f) {
                return null;
            }
        }
    }
}
