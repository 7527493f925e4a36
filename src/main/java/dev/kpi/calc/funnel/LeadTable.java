package dev.kpi.calc.funnel;

import dev.kpi.records.Lead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The distinct leads of the inputs, one index per lead id, values in primitive columns (about 30–60
 * bytes a lead). A lead id seen again (the same contact in two exports) is one lead: its dates are the
 * earliest of the rows, its counts the largest, a marketing touch on any row counts; its texts (channel,
 * campaign, source, owner, account, lifecycle stage) and response time come from the row with the earliest
 * creation date, and other rows only fill what that row leaves empty. {@link #duplicates()} counts the
 * extra rows.
 */
public final class LeadTable {
    private final TextCodes texts;
    private final KeyIndex accounts;
    private final KeyIndex ids = new KeyIndex();
    private final IntColumn created = new IntColumn(Minutes.NONE);
    private final IntColumn[] dates = new IntColumn[LeadField.values().length];
    private final IntColumn lifecycle = new IntColumn(TextCodes.NONE);
    private final IntColumn account = new IntColumn(TextCodes.NONE);
    private final IntColumn channel = new IntColumn(TextCodes.NONE);
    private final IntColumn campaign = new IntColumn(TextCodes.NONE);
    private final IntColumn source = new IntColumn(TextCodes.NONE);
    private final IntColumn owner = new IntColumn(TextCodes.NONE);
    private final IntColumn responseSeconds = new IntColumn(Integer.MIN_VALUE);
    private final IntColumn meetingsBooked = new IntColumn(-1);
    private final IntColumn meetingsAttended = new IntColumn(-1);
    private final IntColumn touched = new IntColumn(-1);
    private long duplicates;
    private final List<String> duplicateExamples = new ArrayList<>();

    private final boolean detail;

    /**
     * Texts and account ids are coded in the given shared dictionaries. Campaign, raw source and owner are
     * kept only with {@code detail} (a report grouped by one of them): without it they cost no memory.
     */
    public LeadTable(TextCodes texts, KeyIndex accounts, boolean detail) {
        this.texts = texts;
        this.accounts = accounts;
        this.detail = detail;
        for (int i = 0; i < dates.length; i++) dates[i] = i == 0 ? created : new IntColumn(Minutes.NONE);
    }

    public void add(Lead l) {
        int response = Integer.MIN_VALUE;
        if (l.created() != null && l.firstResponseAt() != null) {
            long s = Duration.between(l.created(), l.firstResponseAt()).getSeconds();
            response = (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, s));
        }
        int touch = l.marketingTouched() == null ? -1 : l.marketingTouched() ? 1 : 0;
        put(l.id(), new int[] {Minutes.of(l.created()), Minutes.of(l.mqlDate()), Minutes.of(l.sqlDate()),
                        Minutes.of(l.opportunityDate()), Minutes.of(l.customerDate())},
                new int[] {texts.code(l.lifecycleStage()), l.accountId() == null ? TextCodes.NONE : accounts.add(l.accountId()),
                        texts.code(l.channel()), detail ? texts.code(l.campaign()) : TextCodes.NONE,
                        detail ? texts.code(l.source()) : TextCodes.NONE, detail ? texts.code(l.owner()) : TextCodes.NONE, response},
                l.meetingsBooked() == null ? -1 : l.meetingsBooked(), l.meetingsAttended() == null ? -1 : l.meetingsAttended(),
                touch);
    }

    /** Adds the other table's leads (its texts and accounts re-coded into this table's dictionaries). */
    public void merge(LeadTable o) {
        for (int i = 0; i < o.size(); i++) {
            int[] d = new int[dates.length];
            for (int f = 0; f < d.length; f++) d[f] = o.dates[f].get(i);
            int acc = o.account.get(i);
            put(o.ids.key(i), d, new int[] {recode(o, o.lifecycle.get(i)),
                            acc == TextCodes.NONE ? TextCodes.NONE : accounts.add(o.accounts.key(acc)),
                            recode(o, o.channel.get(i)), recode(o, o.campaign.get(i)), recode(o, o.source.get(i)),
                            recode(o, o.owner.get(i)), o.responseSeconds.get(i)},
                    o.meetingsBooked.get(i), o.meetingsAttended.get(i), o.touched.get(i));
        }
        duplicates += o.duplicates;
        for (String e : o.duplicateExamples) if (duplicateExamples.size() < 5) duplicateExamples.add(e);
    }

    private int recode(LeadTable o, int code) { return texts.code(o.texts.text(code)); }

    private static final int LIFECYCLE = 0, ACCOUNT = 1, CHANNEL = 2, CAMPAIGN = 3, SOURCE = 4, OWNER = 5, RESPONSE = 6;

    private void put(String id, int[] d, int[] t, int booked, int attended, int touch) {
        int before = ids.size();
        int i = ids.add(id);
        boolean isNew = ids.size() > before;
        boolean first = isNew;
        if (!isNew) {
            duplicates++;
            if (duplicateExamples.size() < 5 && !duplicateExamples.contains(id)) duplicateExamples.add(id);
            int cur = created.get(i);
            first = d[0] != Minutes.NONE && (cur == Minutes.NONE || d[0] < cur);
        }
        for (int f = 0; f < d.length; f++) dates[f].min(i, d[f]);
        IntColumn[] cols = {lifecycle, account, channel, campaign, source, owner, responseSeconds};
        for (int k = 0; k < cols.length; k++) {
            if (t[k] == cols[k].missing()) continue;
            if (first || cols[k].get(i) == cols[k].missing()) cols[k].set(i, t[k]);
        }
        if (booked > meetingsBooked.get(i)) meetingsBooked.set(i, booked);
        if (attended > meetingsAttended.get(i)) meetingsAttended.set(i, attended);
        if (touch > touched.get(i)) touched.set(i, touch);
    }

    public int size() { return ids.size(); }
    public String id(int i) { return ids.key(i); }
    /** The lead with this id, or -1. */
    public int indexOf(String id) { return ids.indexOf(id); }
    public int created(int i) { return created.get(i); }
    public int date(LeadField f, int i) { return dates[f.ordinal()].get(i); }
    public boolean has(LeadField f) { return !dates[f.ordinal()].isEmpty(); }
    public int lifecycle(int i) { return lifecycle.get(i); }
    public boolean hasLifecycle() { return !lifecycle.isEmpty(); }
    public int account(int i) { return account.get(i); }
    public int channel(int i) { return channel.get(i); }
    public int campaign(int i) { return campaign.get(i); }
    public int source(int i) { return source.get(i); }
    public int owner(int i) { return owner.get(i); }
    /** Seconds from creation to first response ({@link Integer#MIN_VALUE} when unknown; may be negative in bad data). */
    public int responseSeconds(int i) { return responseSeconds.get(i); }
    public boolean hasResponses() { return !responseSeconds.isEmpty(); }
    public int meetingsBooked(int i) { return meetingsBooked.get(i); }
    public int meetingsAttended(int i) { return meetingsAttended.get(i); }
    public boolean hasMeetings() { return !meetingsBooked.isEmpty() || !meetingsAttended.isEmpty(); }
    /** 1 touched by marketing, 0 not, -1 unknown. */
    public int touched(int i) { return touched.get(i); }
    public boolean hasTouched() { return !touched.isEmpty(); }
    public TextCodes texts() { return texts; }
    public KeyIndex accounts() { return accounts; }
    /** Rows whose lead id had been seen before. */
    public long duplicates() { return duplicates; }
    public List<String> duplicateExamples() { return List.copyOf(duplicateExamples); }
}
