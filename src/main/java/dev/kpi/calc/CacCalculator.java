package dev.kpi.calc;

import dev.kpi.records.Cost;
import dev.kpi.records.Deal;
import dev.kpi.records.Fx;
import dev.kpi.records.Lead;
import dev.kpi.records.Outcome;
import dev.kpi.records.Projection;
import dev.kpi.records.Spend;
import dev.kpi.records.Team;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Customer acquisition cost ({@code kpi cac}), following the catalogue:
 * <ul>
 *   <li>new customers: accounts (else contacts, else the deal) whose <em>first</em> won deal closed in the
 *       window — a later won deal of the same account is not a new customer;</li>
 *   <li>marketing cost = ad spend + costs of team marketing; sales cost = costs of team sales;</li>
 *   <li>blended CAC = (sales + marketing cost) / new customers; marketing CAC = marketing cost / new
 *       customers, and its share of blended CAC = marketing cost / total cost;</li>
 *   <li>grouped by channel, campaign or platform, a row is <em>paid</em> CAC: the spend (and costs tagged
 *       with that channel) of the group / new customers whose first won deal has that channel or campaign
 *       (the deal's field, else its contact's or account's lead); costs that belong to no group appear
 *       only in the total, which is always blended;</li>
 *   <li>CPL = marketing cost / leads created; cost per MQL (SQL) = marketing cost / leads that became
 *       MQL (SQL) in the window; CPA = ad cost / platform conversions;</li>
 *   <li>payback months = CAC / (ARPA × gross margin); LTV:CAC = LTV / CAC, both from the exact CAC (a
 *       34-digit quotient), rounded once at the end like every ratio.</li>
 * </ul>
 * A later stage implies the earlier ones, as in {@code kpi cvr}'s default qualification: a lead became an
 * MQL at the earliest of its MQL, SQL, opportunity and customer dates, and an SQL at the earliest of its
 * SQL, opportunity and customer dates; each is counted in the period of that date.
 * Leads are counted once per id, however many rows repeat it (the same contact in two exports): the row
 * with the earliest creation date gives its channel and campaign, and each stage date is the earliest any
 * of its rows gives (as {@code kpi cvr} and {@code kpi funnel} do); one warning says how many rows
 * repeated an id. Rows without an id cannot be recognised as repeats: each counts.
 * Conversions summed over several ad platforms (in the total or in a row) are flagged with a warning, as
 * in {@code kpi ads}.
 * Every ratio carries its numerator and denominator; a zero denominator gives null and a warning.
 * {@code spendLagMonths} moves spend and costs that many months later before they are matched with
 * customers (spend in January acquiring customers in March: lag 2).
 */
public final class CacCalculator {
    /** Settings from the command line. Null numbers are "not given". */
    public record Options(List<Dimension> dims, Window window, int spendLagMonths, BigDecimal arpa,
                          BigDecimal grossMargin, BigDecimal ltv) {}

    private static final class Group {
        final MoneySum adSpend = new MoneySum();
        final MoneySum marketingCosts = new MoneySum();
        final MoneySum salesCosts = new MoneySum();
        final MoneySum cpaCost = new MoneySum();
        final ConversionPlatforms conversionPlatforms = new ConversionPlatforms();
        long conversions;
        long leads;
        long mqls;
        long sqls;
        long newCustomers;

        void merge(Group o) {
            adSpend.merge(o.adSpend);
            marketingCosts.merge(o.marketingCosts);
            salesCosts.merge(o.salesCosts);
            cpaCost.merge(o.cpaCost);
            conversionPlatforms.merge(o.conversionPlatforms);
            conversions = Math.addExact(conversions, o.conversions);
            leads += o.leads;
            mqls += o.mqls;
            sqls += o.sqls;
            newCustomers += o.newCustomers;
        }
    }

    /** The earliest lead of an account (the leads given have a creation date); ties by id, channel, campaign. */
    private record LeadOrigin(LocalDateTime created, String id, String channel, String campaign) {
        boolean before(LeadOrigin o) {
            int c = created.compareTo(o.created);
            if (c == 0) c = compareNullsLast(id, o.id);
            if (c == 0) c = compareNullsLast(channel, o.channel);
            if (c == 0) c = compareNullsLast(campaign, o.campaign);
            return c < 0;
        }
    }

    /**
     * One lead id, whatever the number of rows that carry it. Creation, channel and campaign are those of
     * its earliest-created row (ties broken on the texts, so the choice does not depend on the
     * order rows arrive in or on how the input was split); the implied MQL and SQL dates are the earliest
     * of all its rows. Mutable, so a repeated row costs no allocation.
     */
    private static final class LeadState {
        LocalDateTime created;
        String channel;
        String campaign;
        LocalDateTime mql;
        LocalDateTime sql;

        LeadState(LocalDateTime created, String channel, String campaign, LocalDateTime mql, LocalDateTime sql) {
            this.created = created;
            this.channel = channel;
            this.campaign = campaign;
            this.mql = mql;
            this.sql = sql;
        }

        void absorb(LocalDateTime created, String channel, String campaign, LocalDateTime mql, LocalDateTime sql) {
            int c = compareNullsLast(created, this.created);
            if (c == 0) c = compareNullsLast(channel, this.channel);
            if (c == 0) c = compareNullsLast(campaign, this.campaign);
            if (c < 0) {
                this.created = created;
                this.channel = channel;
                this.campaign = campaign;
            }
            this.mql = earliest(this.mql, mql);
            this.sql = earliest(this.sql, sql);
        }

        void absorb(LeadState o) { absorb(o.created, o.channel, o.campaign, o.mql, o.sql); }

        LeadState copy() { return new LeadState(created, channel, campaign, mql, sql); }
    }

    private static <T extends Comparable<T>> int compareNullsLast(T a, T b) {
        if (a == null) return b == null ? 0 : 1;
        return b == null ? -1 : a.compareTo(b);
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        if (a == null) return b;
        return b == null || !b.isBefore(a) ? a : b;
    }

    /** When a lead became sales-qualified: its SQL date, else implied by a later stage (the earliest of them). */
    static LocalDateTime impliedSql(Lead l) {
        return earliest(earliest(l.sqlDate(), l.opportunityDate()), l.customerDate());
    }

    /** The first platform seen running a campaign, and the campaign's name as written there. */
    private record CampaignPlatform(String campaign, String platform) {}

    private final Options options;
    private final List<Dimension> dims;
    private final boolean paid;
    /** Groups from spend and costs, keyed with real platform values. */
    private final Map<List<String>, Group> groups = new HashMap<>();
    /** Lead counts keyed with the campaign in the platform slot; platforms are looked up at finish. */
    private final Map<List<String>, Group> leadGroups = new HashMap<>();
    private final Group total = new Group();
    private final Group unallocated = new Group();
    /**
     * Each customer's first won deal (earliest close, then smallest id), by {@link Deal#customerKey}: one entry
     * per customer, close to a million on big exports, so kept in primitive arrays rather than objects.
     */
    private final FirstWonTable firstWon = new FirstWonTable();
    /** Leads with an id, one entry per id; counted at {@link #finish}. Leads without an id are counted as they come. */
    private final Map<String, LeadState> leadById = new HashMap<>();
    /** Lead rows with an id; minus the distinct ids, the rows that repeated one. */
    private long leadRowsWithId;
    private final Map<String, LeadOrigin> leadByAccount = new HashMap<>();
    /** Lower-cased campaign → where it was first seen; kept only when grouping by platform (its only use). */
    private final Map<String, CampaignPlatform> platformOfCampaign = new HashMap<>();
    private final Set<String> ambiguousCampaigns = new TreeSet<>();
    private final boolean byPlatform;
    private final LastKey<Group> lastKey;
    /** The previous spend row's campaign and platform, already recorded in platformOfCampaign. */
    private String lastCampaign;
    private String lastPlatform;
    private boolean sawSpend;
    private boolean sawConversions;
    private boolean sawCosts;
    private boolean sawLeads;
    private boolean sawMql;
    private boolean sawSql;
    private boolean sawDeals;
    private long wonWithoutCloseDate;

    public CacCalculator(Options options) {
        this.options = options;
        this.dims = List.copyOf(options.dims());
        this.paid = Dimension.anyNonTime(dims);
        this.byPlatform = dims.contains(Dimension.PLATFORM);
        this.lastKey = new LastKey<>(dims);
    }

    /**
     * What the {@code add} methods read (see {@link Projection}): of a spend row what {@code kpi ads} reads for
     * the same grouping; of a deal that is not won, nothing but that deals were given.
     */
    public Projection projection() { return LastKey.projection(dims, options.window()).withWonDealsOnly(); }

    private LocalDate lagged(LocalDate d) {
        return d == null || options.spendLagMonths() == 0 ? d : d.plusMonths(options.spendLagMonths());
    }

    public void add(Spend s) {
        sawSpend = true;
        LocalDate start = lagged(s.date());
        LocalDate end = lagged(s.dateEnd());
        if (!options.window().includes(start, end, s, AdsCalculator::describe)) return;
        if (byPlatform && s.campaign() != null && s.platform() != null) notePlatform(s.campaign(), s.platform());
        Group g = lastKey.group(s, start, end, groups, Group::new);
        addSpend(g, s);
        addSpend(total, s);
    }

    private void notePlatform(String campaign, String platform) {
        if (campaign.equals(lastCampaign) && platform.equals(lastPlatform)) return; // the common repeat: no lower-casing
        lastCampaign = campaign;
        lastPlatform = platform;
        CampaignPlatform prev = platformOfCampaign.putIfAbsent(campaign.toLowerCase(Locale.ROOT), new CampaignPlatform(campaign, platform));
        if (prev != null && !prev.platform().equals(platform)) ambiguousCampaigns.add(campaign);
    }

    private void addSpend(Group g, Spend s) {
        g.adSpend.add(s.currency(), s.cost());
        if (s.has(Spend.CONVERSIONS)) {
            sawConversions = true;
            g.conversions = Math.addExact(g.conversions, s.conversions());
            if (s.has(Spend.COST)) g.cpaCost.add(s.currency(), s.cost());
            g.conversionPlatforms.add(s.platform());
        }
    }

    private static String describe(Cost c) {
        return "a " + c.team().json() + " cost" + (c.category() == null ? "" : " (" + c.category() + ")");
    }

    public void add(Cost c) {
        sawCosts = true;
        LocalDate start = lagged(c.date());
        LocalDate end = lagged(c.dateEnd());
        if (!options.window().includes(start, end, c, CacCalculator::describe)) return;
        List<String> key = new ArrayList<>(dims.size());
        boolean allocated = true;
        for (Dimension d : dims) {
            if (d == Dimension.CHANNEL && c.channel() != null) {
                key.add(c.channel());
            } else if (d.isTime()) {
                key.add(Buckets.timeKey(d, start, end, c, CacCalculator::describe));
            } else {
                allocated = false;
            }
        }
        Group target = allocated ? groups.computeIfAbsent(key, k -> new Group()) : unallocated;
        addCost(target, c);
        addCost(total, c);
    }

    private static void addCost(Group g, Cost c) {
        (c.team() == Team.SALES ? g.salesCosts : g.marketingCosts).add(c.currency(), c.amount());
    }

    public void add(Lead l) {
        sawLeads = true;
        // An SQL date implies an MQL, so it brings the MQL columns too (kpi cvr shows both for either).
        if (l.mqlDate() != null || l.sqlDate() != null) sawMql = true;
        if (l.sqlDate() != null) sawSql = true;
        LocalDateTime sql = impliedSql(l);
        LocalDateTime mql = earliest(l.mqlDate(), sql); // an MQL by its MQL date, else by the date it became an SQL
        if (l.created() != null && l.accountId() != null) {
            leadByAccount.merge(l.accountId(), new LeadOrigin(l.created(), l.id(), l.channel(), l.campaign()),
                    (a, b) -> a.before(b) ? a : b);
        }
        if (l.id() == null) {
            // No id to recognise a repeat by: each such row is a lead of its own, counted now.
            countLead(leadGroups, total, l.created(), l.channel(), l.campaign(), 0);
            countLead(leadGroups, total, mql, l.channel(), l.campaign(), 1);
            countLead(leadGroups, total, sql, l.channel(), l.campaign(), 2);
            return;
        }
        leadRowsWithId++;
        LeadState st = leadById.get(l.id());
        if (st == null) {
            leadById.put(l.id(), new LeadState(l.created(), l.channel(), l.campaign(), mql, sql));
        } else {
            st.absorb(l.created(), l.channel(), l.campaign(), mql, sql);
        }
    }

    /** Counts a lead, MQL ({@code what} 1) or SQL (2) dated {@code at} in its group of {@code into} and in {@code tot}. */
    private void countLead(Map<List<String>, Group> into, Group tot, LocalDateTime at, String channel, String campaign,
                           int what) {
        if (at == null || !options.window().contains(at.toLocalDate())) return;
        Group g = into.computeIfAbsent(entityKey(at.toLocalDate(), channel, campaign), k -> new Group());
        if (what == 0) {
            g.leads++;
            tot.leads++;
        } else if (what == 1) {
            g.mqls++;
            tot.mqls++;
        } else {
            g.sqls++;
            tot.sqls++;
        }
    }

    /** Key of a lead or customer: time from its date, channel and campaign from its fields, platform via campaign. */
    private List<String> entityKey(LocalDate date, String channel, String campaign) {
        List<String> key = new ArrayList<>(dims.size());
        for (Dimension d : dims) {
            switch (d) {
                case CHANNEL: key.add(AdsCalculator.orNone(channel)); break;
                case CAMPAIGN: key.add(AdsCalculator.orNone(campaign)); break;
                case PLATFORM: key.add(campaign == null ? "" : campaign); break; // resolved at finish
                default: key.add(d.grain().key(date)); break;
            }
        }
        return key;
    }

    public void add(Deal d) {
        sawDeals = true;
        if (d.outcome() != Outcome.WON) return;
        if (d.closed() == null) {
            wonWithoutCloseDate++;
            return;
        }
        LocalDateTime t = d.closed();
        List<String> contacts = d.contactIds();
        firstWon.offer(d.customerKey(), t.toEpochSecond(ZoneOffset.UTC), t.getNano(), d.id(), d.channel(), d.campaign(),
                contacts == null || contacts.isEmpty() ? null : contacts.get(0), d.accountId());
    }

    public void merge(CacCalculator o) {
        o.groups.forEach((k, g) -> groups.computeIfAbsent(k, x -> new Group()).merge(g));
        o.leadGroups.forEach((k, g) -> leadGroups.computeIfAbsent(k, x -> new Group()).merge(g));
        total.merge(o.total);
        unallocated.merge(o.unallocated);
        firstWon.mergeFrom(o.firstWon);
        o.leadById.forEach((k, st) -> {
            LeadState mine = leadById.get(k);
            if (mine == null) {
                leadById.put(k, st.copy());
            } else {
                mine.absorb(st);
            }
        });
        leadRowsWithId += o.leadRowsWithId;
        o.leadByAccount.forEach((k, f) -> leadByAccount.merge(k, f, (a, b) -> a.before(b) ? a : b));
        o.platformOfCampaign.forEach((k, p) -> {
            CampaignPlatform prev = platformOfCampaign.putIfAbsent(k, p);
            if (prev != null && !prev.platform().equals(p.platform())) ambiguousCampaigns.add(prev.campaign());
        });
        ambiguousCampaigns.addAll(o.ambiguousCampaigns);
        sawSpend |= o.sawSpend;
        sawConversions |= o.sawConversions;
        sawCosts |= o.sawCosts;
        sawLeads |= o.sawLeads;
        sawMql |= o.sawMql;
        sawSql |= o.sawSql;
        sawDeals |= o.sawDeals;
        wonWithoutCloseDate += o.wonWithoutCloseDate;
    }

    private List<String> resolvePlatform(List<String> key) {
        int i = dims.indexOf(Dimension.PLATFORM);
        if (i < 0) return key;
        List<String> k = new ArrayList<>(key);
        String campaign = k.get(i);
        CampaignPlatform p = campaign.isEmpty() ? null : platformOfCampaign.get(campaign.toLowerCase(Locale.ROOT));
        k.set(i, p == null ? Dimension.NONE : p.platform());
        return k;
    }

    public Report finish(Fx fx) {
        // Leads with an id are counted here, once per id; copies keep finish free of side effects.
        Group total = new Group();
        total.merge(this.total);
        Map<List<String>, Group> leadCounts = new HashMap<>();
        leadGroups.forEach((k, g) -> leadCounts.computeIfAbsent(k, x -> new Group()).merge(g));
        for (LeadState st : leadById.values()) {
            countLead(leadCounts, total, st.created, st.channel, st.campaign, 0);
            countLead(leadCounts, total, st.mql, st.channel, st.campaign, 1);
            countLead(leadCounts, total, st.sql, st.channel, st.campaign, 2);
        }
        Map<List<String>, Group> all = new HashMap<>();
        groups.forEach((k, g) -> all.computeIfAbsent(k, x -> new Group()).merge(g));
        leadCounts.forEach((k, g) -> all.computeIfAbsent(resolvePlatform(k), x -> new Group()).merge(g));
        long customers = 0;
        for (int i = 0; i < firstWon.size(); i++) {
            LocalDate day = firstWon.closedDay(i);
            if (!options.window().contains(day)) continue;
            String channel = firstWon.channel(i);
            String campaign = firstWon.campaign(i);
            if (channel == null || campaign == null) {
                String contactId = firstWon.contactId(i);
                LeadState lead = contactId == null ? null : leadById.get(contactId);
                if (lead != null && lead.created != null) { // the contact's lead (one with a creation date)
                    if (channel == null) channel = lead.channel;
                    if (campaign == null) campaign = lead.campaign;
                } else {
                    String accountId = firstWon.accountId(i);
                    LeadOrigin origin = accountId == null ? null : leadByAccount.get(accountId);
                    if (origin != null) {
                        if (channel == null) channel = origin.channel();
                        if (campaign == null) campaign = origin.campaign();
                    }
                }
            }
            all.computeIfAbsent(resolvePlatform(entityKey(day, channel, campaign)), x -> new Group()).newCustomers++;
            customers++;
        }
        total.newCustomers = customers;

        Report r = new Report("cac").period(options.window().from(), options.window().to())
                .groupBy(dims.stream().map(Dimension::key).toList()).currency(fx.currency());
        for (Dimension d : dims) r.column(d.key(), Character.toUpperCase(d.key().charAt(0)) + d.key().substring(1), Kind.TEXT);
        r.column("cacType", "CAC type", Kind.TEXT);
        r.column("newCustomers", "New customers", Kind.COUNT);
        if (sawSpend) r.column("adSpend", "Ad spend", Kind.MONEY);
        r.column("marketingCost", "Marketing cost", Kind.MONEY);
        if (sawCosts) r.column("salesCost", "Sales cost", Kind.MONEY);
        r.column("totalCost", "Total cost", Kind.MONEY);
        r.column("cac", "CAC", Kind.MONEY);
        r.column("marketingCac", "Marketing CAC", Kind.MONEY);
        r.column("marketingShareOfCac", "Mkt share", Kind.PERCENT);
        if (sawLeads) {
            r.column("leads", "Leads", Kind.COUNT);
            r.column("cpl", "CPL", Kind.MONEY);
        }
        if (sawMql) {
            r.column("mqls", "MQLs", Kind.COUNT);
            r.column("costPerMql", "Cost/MQL", Kind.MONEY);
        }
        if (sawSql) {
            r.column("sqls", "SQLs", Kind.COUNT);
            r.column("costPerSql", "Cost/SQL", Kind.MONEY);
        }
        if (sawConversions) {
            r.column("conversions", "Conversions", Kind.QUANTITY);
            r.column("cpa", "CPA", Kind.MONEY);
        }
        if (options.arpa() != null) r.column("paybackMonths", "Payback (months)", Kind.MONTHS);
        if (options.ltv() != null) r.column("ltvToCac", "LTV:CAC", Kind.MULTIPLE);

        // Without --by there is one group, the total: rows stay empty rather than repeat it.
        List<List<String>> keys = dims.isEmpty() ? List.of() : new ArrayList<>(all.keySet());
        if (!dims.isEmpty()) keys.sort(Buckets::compare);
        List<ConversionPlatforms> platforms = new ArrayList<>(keys.size());
        for (List<String> k : keys) {
            Row row = new Row();
            for (int i = 0; i < dims.size(); i++) row.put(dims.get(i).key(), k.get(i));
            Group g = all.get(k);
            fill(row, g, fx, paid ? "paid" : "blended");
            r.rows().add(row);
            platforms.add(g.conversionPlatforms);
        }
        Row t = new Row();
        fill(t, total, fx, "blended");
        r.total(t);

        if (!sawDeals) r.warn("no deals were given, so there are no new customers: add --deals (won deals define customers)");
        if (wonWithoutCloseDate > 0) {
            r.warn(wonWithoutCloseDate + " won deal" + (wonWithoutCloseDate == 1 ? " has" : "s have")
                    + " no close date and cannot be placed in a period; they are not counted as new customers");
        }
        if (paid && !unallocated.marketingCosts.isZero() || paid && !unallocated.salesCosts.isZero()) {
            BigDecimal m = unallocated.marketingCosts.convert(fx);
            BigDecimal s = unallocated.salesCosts.convert(fx);
            r.notes().add("Costs not tagged with a " + String.join("/", nonTimeDims()) + " (marketing "
                    + Report.money(m).toPlainString() + ", sales " + Report.money(s).toPlainString()
                    + ") are in the blended total only.");
        }
        if (paid) r.notes().add("Rows are paid CAC (spend of the group / its new customers); the total is blended CAC.");
        long repeatedLeads = leadRowsWithId - leadById.size();
        if (repeatedLeads > 0) {
            r.warn(repeatedLeads + " lead row" + (repeatedLeads == 1 ? " repeats" : "s repeat") + " an id seen before and"
                    + (repeatedLeads == 1 ? " was" : " were") + " not counted again; each lead is counted once, with the channel"
                    + " and campaign of its earliest-created row and the earliest stage dates of its rows");
        }
        if (sawConversions) {
            ConversionPlatforms.warnTotal(r, total.conversionPlatforms);
            ConversionPlatforms.warnRows(r, platforms);
        }
        if (!ambiguousCampaigns.isEmpty() && byPlatform) {
            r.warn("campaign names used on several platforms (" + String.join(", ", ambiguousCampaigns)
                    + "): their leads and customers are assigned to the first platform seen");
        }
        if (options.arpa() != null && options.grossMargin() == null) {
            r.notes().add("Payback uses ARPA without a gross margin (revenue payback); give --gross-margin for the margin-based figure.");
        }
        r.warnAboutNullRatios();
        return r;
    }

    private List<String> nonTimeDims() {
        List<String> out = new ArrayList<>();
        for (Dimension d : dims) if (!d.isTime()) out.add(d.key());
        return out;
    }

    private void fill(Row row, Group g, Fx fx, String type) {
        BigDecimal ad = g.adSpend.convert(fx);
        BigDecimal marketing = ad.add(g.marketingCosts.convert(fx));
        BigDecimal sales = g.salesCosts.convert(fx);
        BigDecimal totalCost = marketing.add(sales);
        BigDecimal customers = BigDecimal.valueOf(g.newCustomers);
        row.put("cacType", type);
        row.put("newCustomers", g.newCustomers);
        if (sawSpend) row.put("adSpend", Report.money(ad));
        row.put("marketingCost", Report.money(marketing));
        if (sawCosts) row.put("salesCost", Report.money(sales));
        row.put("totalCost", Report.money(totalCost));
        Ratio cac = Ratio.of(totalCost, customers, Kind.MONEY, "no new customers");
        row.put("cac", cac);
        row.put("marketingCac", Ratio.of(marketing, customers, Kind.MONEY, "no new customers"));
        // The marketing share describes blended CAC; paid rows carry no sales cost to share with.
        row.put("marketingShareOfCac", "paid".equals(type) ? null : Ratio.of(marketing, totalCost, Kind.PERCENT, "no cost"));
        if (sawLeads) {
            row.put("leads", g.leads);
            row.put("cpl", Ratio.of(marketing, BigDecimal.valueOf(g.leads), Kind.MONEY, "no leads"));
        }
        if (sawMql) {
            row.put("mqls", g.mqls);
            row.put("costPerMql", Ratio.of(marketing, BigDecimal.valueOf(g.mqls), Kind.MONEY, "no MQLs"));
        }
        if (sawSql) {
            row.put("sqls", g.sqls);
            row.put("costPerSql", Ratio.of(marketing, BigDecimal.valueOf(g.sqls), Kind.MONEY, "no SQLs"));
        }
        if (sawConversions) {
            BigDecimal conv = AdsCalculator.quantity(g.conversions);
            row.put("conversions", conv);
            row.put("cpa", Ratio.of(g.cpaCost.convert(fx), conv, Kind.MONEY, "no conversions"));
        }
        // Payback and LTV:CAC divide by the exact CAC, not by the CAC rounded to cents for display: only
        // the final figure is rounded. Their numerator (denominator) is that exact CAC, to 34 digits.
        BigDecimal exactCac = cac.isNull() ? null : totalCost.divide(customers, MathContext.DECIMAL128);
        if (options.arpa() != null) {
            BigDecimal gm = options.grossMargin() == null ? BigDecimal.ONE : options.grossMargin();
            BigDecimal monthly = options.arpa().multiply(gm);
            row.put("paybackMonths", exactCac == null
                    ? new Ratio(null, null, monthly, null, null, null, "CAC is null")
                    : Ratio.of(exactCac, monthly, Kind.MONTHS, "ARPA × gross margin is zero"));
        }
        if (options.ltv() != null) {
            row.put("ltvToCac", exactCac == null
                    ? new Ratio(null, options.ltv(), null, null, null, null, "CAC is null")
                    : Ratio.of(options.ltv(), exactCac, Kind.MULTIPLE, "CAC is zero"));
        }
    }
}
