package dev.kpi.calc.funnel;

import dev.kpi.records.Deal;
import dev.kpi.records.Outcome;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct deals of the inputs, one index per deal id, in primitive columns, with the stage evidence
 * each carries as {@link Atoms} bits: every deal has "a deal" (dated by its creation), a won deal has
 * "won" (dated by its close date), and its current stage and each stage of its history (HubSpot's
 * "Date entered …" columns, dated) set their value bits. A deal id seen again is one deal: evidence is
 * the union (a deal that moved backwards keeps every stage it reached), dates are the earliest; the
 * outcome is the most advanced (won, then lost, then open) and the close date, amount and current stage
 * come with it; other fields come from the first row and later rows fill gaps.
 */
public final class DealTable {
    public static final int OPEN = 0, LOST = 1, WON = 2;

    private final Atoms atoms;
    private final TextCodes texts;
    private final KeyIndex accounts;
    private final KeyIndex contacts = new KeyIndex();
    private final KeyIndex ids = new KeyIndex();
    private final IntColumn created = new IntColumn(Minutes.NONE);
    private final IntColumn closed = new IntColumn(Minutes.NONE);
    private final IntColumn outcome = new IntColumn(OPEN);
    private final LongColumn amount = new LongColumn();
    private final IntColumn hasAmount = new IntColumn(0);
    private final IntColumn currency = new IntColumn(TextCodes.NONE);
    private final IntColumn stage = new IntColumn(TextCodes.NONE);
    private final LongColumn mask = new LongColumn();
    private final IntColumn[] atomDates;
    private final IntColumn contact = new IntColumn(-1);
    private final Map<Integer, int[]> moreContacts = new HashMap<>();
    private final IntColumn account = new IntColumn(TextCodes.NONE);
    private final IntColumn channel = new IntColumn(TextCodes.NONE);
    private final IntColumn campaign = new IntColumn(TextCodes.NONE);
    private final IntColumn source = new IntColumn(TextCodes.NONE);
    private final IntColumn owner = new IntColumn(TextCodes.NONE);
    private long duplicates;

    private final boolean detail;

    /** As {@link LeadTable}: campaign, raw source and owner are kept only with {@code detail}. */
    public DealTable(Atoms atoms, TextCodes texts, KeyIndex accounts, boolean detail) {
        this.detail = detail;
        this.atoms = atoms;
        this.texts = texts;
        this.accounts = accounts;
        this.atomDates = new IntColumn[atoms.count()];
        for (int i = 0; i < atomDates.length; i++) atomDates[i] = new IntColumn(Minutes.NONE);
    }

    private static int rank(Outcome o) { return o == Outcome.WON ? WON : o == Outcome.LOST ? LOST : OPEN; }

    public void add(Deal d) {
        int i = index(d.id());
        int createdAt = Minutes.of(d.created());
        int closedAt = Minutes.of(d.closed());
        int r = rank(d.outcome());
        long bits = 1L << Atoms.DEAL;
        atomDates[Atoms.DEAL].min(i, createdAt);
        if (r == WON) {
            bits |= 1L << Atoms.WON;
            atomDates[Atoms.WON].min(i, closedAt);
        }
        int cur = atoms.value(d.stage());
        if (cur >= 0) bits |= 1L << cur;
        if (d.stageDates() != null) {
            for (Map.Entry<String, LocalDateTime> e : d.stageDates().entrySet()) {
                int b = atoms.value(e.getKey());
                if (b < 0) continue;
                bits |= 1L << b;
                atomDates[b].min(i, Minutes.of(e.getValue()));
            }
        }
        mask.or(i, bits);
        created.min(i, createdAt);
        settle(i, r, closedAt, d.hasAmount(), d.amount(), texts.code(d.currency()), texts.code(d.stage()));
        List<String> cs = d.contactIds();
        if (contact.get(i) < 0 && cs != null && !cs.isEmpty()) {
            contact.set(i, contacts.add(cs.get(0)));
            if (cs.size() > 1) {
                int[] more = new int[cs.size() - 1];
                for (int k = 1; k < cs.size(); k++) more[k - 1] = contacts.add(cs.get(k));
                moreContacts.put(i, more);
            }
        }
        fill(account, i, d.accountId() == null ? TextCodes.NONE : accounts.add(d.accountId()));
        fill(channel, i, texts.code(d.channel()));
        if (detail) {
            fill(campaign, i, texts.code(d.campaign()));
            fill(source, i, texts.code(d.source()));
            fill(owner, i, texts.code(d.owner()));
        }
    }

    private boolean isNew;

    private int index(String id) {
        int before = ids.size();
        int i = ids.add(id);
        isNew = ids.size() > before;
        if (!isNew) duplicates++;
        return i;
    }

    /** Outcome, close date, amount and current stage travel together: the most advanced outcome wins. */
    private void settle(int i, int r, int closedAt, boolean withAmount, long micros, int currencyCode, int stageCode) {
        int cur = outcome.get(i);
        if (isNew || r > cur) {
            outcome.set(i, r);
            closed.set(i, closedAt);
            amount.set(i, withAmount ? micros : 0L);
            hasAmount.set(i, withAmount ? 1 : 0);
            currency.set(i, currencyCode);
            stage.set(i, stageCode);
        } else if (r == cur) {
            if (closed.get(i) == Minutes.NONE) closed.set(i, closedAt);
            if (hasAmount.get(i) == 0 && withAmount) {
                amount.set(i, micros);
                hasAmount.set(i, 1);
                currency.set(i, currencyCode);
            }
            if (stage.get(i) == TextCodes.NONE) stage.set(i, stageCode);
        }
    }

    private static void fill(IntColumn c, int i, int v) {
        if (v != c.missing() && c.get(i) == c.missing()) c.set(i, v);
    }

    /**
     * Adds the other table's deals, re-coded into this table's dictionaries: the same result as adding
     * its rows here. Both tables must use the same stage values (calculators built with the same funnel).
     */
    public void merge(DealTable o) {
        if (!atoms.sameAs(o.atoms)) throw new IllegalArgumentException("deal tables of different funnels cannot be merged");
        for (int k = 0; k < o.size(); k++) {
            int i = index(o.ids.key(k));
            mask.or(i, o.mask.get(k));
            for (int a = 0; a < atomDates.length; a++) atomDates[a].min(i, o.atomDates[a].get(k));
            created.min(i, o.created.get(k));
            settle(i, o.outcome.get(k), o.closed.get(k), o.hasAmount.get(k) == 1, o.amount.get(k),
                    recode(o, o.currency.get(k)), recode(o, o.stage.get(k)));
            if (contact.get(i) < 0 && o.contact.get(k) >= 0) {
                String[] cs = o.contacts(k);
                contact.set(i, contacts.add(cs[0]));
                if (cs.length > 1) {
                    int[] more = new int[cs.length - 1];
                    for (int c = 1; c < cs.length; c++) more[c - 1] = contacts.add(cs[c]);
                    moreContacts.put(i, more);
                }
            }
            int acc = o.account.get(k);
            fill(account, i, acc == TextCodes.NONE ? TextCodes.NONE : accounts.add(o.accounts.key(acc)));
            fill(channel, i, recode(o, o.channel.get(k)));
            fill(campaign, i, recode(o, o.campaign.get(k)));
            fill(source, i, recode(o, o.source.get(k)));
            fill(owner, i, recode(o, o.owner.get(k)));
        }
        duplicates += o.duplicates;
    }

    private int recode(DealTable o, int code) { return texts.code(o.texts.text(code)); }

    public int size() { return ids.size(); }
    public String id(int i) { return ids.key(i); }
    public int created(int i) { return created.get(i); }
    public int closed(int i) { return closed.get(i); }
    /** {@link #OPEN}, {@link #LOST} or {@link #WON}. */
    public int outcome(int i) { return outcome.get(i); }
    public boolean hasAmount(int i) { return hasAmount.get(i) == 1; }
    public long amount(int i) { return amount.get(i); }
    public String currency(int i) { return texts.text(currency.get(i)); }
    public int stage(int i) { return stage.get(i); }
    public long mask(int i) { return mask.get(i); }
    public int atomDate(int atom, int i) { return atomDates[atom].get(i); }
    public int account(int i) { return account.get(i); }
    public int channel(int i) { return channel.get(i); }
    public int campaign(int i) { return campaign.get(i); }
    public int source(int i) { return source.get(i); }
    public int owner(int i) { return owner.get(i); }
    /** Contact ids of the deal, in export order (empty when none). */
    public String[] contacts(int i) {
        int c = contact.get(i);
        if (c < 0) return new String[0];
        int[] more = moreContacts.get(i);
        String[] out = new String[1 + (more == null ? 0 : more.length)];
        out[0] = contacts.key(c);
        for (int k = 1; k < out.length; k++) out[k] = contacts.key(more[k - 1]);
        return out;
    }
    public TextCodes texts() { return texts; }
    public KeyIndex accounts() { return accounts; }
    public Atoms atoms() { return atoms; }
    public long duplicates() { return duplicates; }
}
