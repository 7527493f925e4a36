package dev.kpi.calc.conversion;

import dev.kpi.calc.Buckets;
import dev.kpi.calc.Column;
import dev.kpi.calc.Dimension;
import dev.kpi.calc.Kind;
import dev.kpi.calc.PeriodException;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;
import dev.kpi.calc.Window;
import dev.kpi.calc.funnel.Atoms;
import dev.kpi.calc.funnel.DealTable;
import dev.kpi.calc.funnel.Funnel;
import dev.kpi.calc.funnel.FunnelCalculator;
import dev.kpi.calc.funnel.GroupKey;
import dev.kpi.calc.funnel.KeyIndex;
import dev.kpi.calc.funnel.LeadField;
import dev.kpi.calc.funnel.LeadTable;
import dev.kpi.calc.funnel.Links;
import dev.kpi.calc.funnel.Minutes;
import dev.kpi.calc.funnel.OrderMode;
import dev.kpi.calc.funnel.Reach;
import dev.kpi.calc.funnel.TextCodes;
import dev.kpi.records.Deal;
import dev.kpi.records.Email;
import dev.kpi.records.Lead;
import dev.kpi.records.Micros;
import dev.kpi.records.Touchpoint;
import dev.kpi.records.Traffic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Conversion KPIs ({@code kpi cvr}) over leads, deals, web traffic and email sends, per {@code --by} group.
 *
 * <p><b>Lead to customer.</b> A lead became a customer at the earliest of its own customer date, the close
 * of the first won deal it is a contact of, and the close of its account's first won deal. A customer date
 * before the lead was created means the lead joined an account that was already a customer: it is not a
 * conversion (counted in a note). Cohort mode (default): {@code cohortCvr} = leads created in the group's
 * period that became customers within {@code windowDays} and by {@code asOf} / leads created in the period,
 * a proportion; {@code mature} is false while the window of the group's latest lead has not elapsed at
 * {@code asOf}. Period mode: {@code cvr} = new customers (accounts, else contacts, whose first customer date
 * falls in the period) / leads created in the period — unlinked, so it can exceed 100 % and carries no
 * interval. {@code customers} is the numerator of either.
 *
 * <p><b>Other rates</b> (each a proportion with a 95 % Wilson interval, null on a zero denominator):
 * qualifiedLeadRate = MQLs / leads and salesQualifiedLeadRate = SQLs / leads over the leads created in the
 * period ({@link Qualification}); marketingOriginatedShare = customers whose channel is a marketing channel
 * / customers; marketingInfluencedShare = customers with a marketing touch before they converted (the
 * leads' flag, a marketing source, or a touchpoint on a marketing channel of the lead or its account) /
 * customers; responseRate = leads with a first response / leads, responseWithinTarget = answered
 * within the target / answered, with the median and mean minutes to answer; attendanceRate = meetings
 * attended / booked; winRate = won / (won + lost) deals closed in the period; opportunityConversion = deals
 * created in the period that were won (by {@code asOf}) / deals created in the period; matchRate and closingRate =
 * deals reaching the later stage / deals reaching the earlier one, over deals created in the period
 * (sequential reach in the deal funnel); trafficToLeadRatio = leads created in months the traffic rows cover
 * / sessions; openRate, clickRate,
 * forwardRate = unique opens, unique clicks, forwards / delivered. Rates whose numerator can exceed the
 * denominator (trafficToLeadRatio, forwardRate, attendanceRate) drop the interval when it does.
 *
 * <p><b>Series and tables.</b> leadVelocity: MQLs per month by qualification date (gaps filled with 0) and
 * leadVelocityRate = (MQLs this month − last month) / last month. landingPages: sessions, conversions and
 * landingPageConversion = conversions / sessions per page. listGrowth: per list, the list size at the last
 * send of each month and listGrowth = (size − previous size) / previous size.
 *
 * <p><b>Which date places a record in a period:</b> leads their creation (period-mode customers their
 * customer date); deals their close date for win rate and creation for match/closing; traffic rows their
 * date (a row covering several buckets counts in the total only); email sends their send date.
 */
public final class CvrCalculator {
    public enum Mode { COHORT, PERIOD }

    /**
     * @param asOf                  the date cohorts are judged at; null for the latest date in the data
     * @param responseTargetSeconds target for the first response
     * @param funnel                deal funnel for match and closing rates; null for the built-in pipelines
     * @param marketingChannels     channel names that count as marketing (case-insensitive); empty when not configured
     */
    public record Options(List<Dimension> dims, Window window, Mode mode, int windowDays, LocalDate asOf,
                          long responseTargetSeconds, Qualification qualification, Funnel funnel,
                          Set<String> marketingChannels) {}

    private final Options options;
    private final List<Dimension> dims;
    private final TextCodes texts = new TextCodes();
    private final KeyIndex accounts = new KeyIndex();
    private final Atoms atoms;
    private final LeadTable leads;
    private final DealTable deals;
    private final Set<String> marketing;
    private int latest = Minutes.NONE;
    private boolean sawLeads;
    private boolean sawDeals;
    private boolean sawTraffic;
    private boolean sawPages;
    private boolean sawTrafficUsers;
    private boolean sawTrafficConversions;
    private boolean sawEmail;
    private boolean sawDelivered;
    private int emailFlags;
    private final Map<List<String>, CvrGroup> web = new HashMap<>();
    private final CvrGroup webTotal = new CvrGroup();
    private long trafficUnplaced;
    private long trafficCut;
    private long emailUnplaced;
    private final Map<String, long[]> pages = new HashMap<>();
    /** list → month → {day of the latest send (epoch day), list size, unsubscribes} */
    private final Map<String, TreeMap<YearMonth, long[]>> lists = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    /** Earliest marketing touch (minutes) per journey ("j:" + id) and per account ("a:" + id), from touchpoints. */
    private final Map<String, Integer> marketingTouch = new HashMap<>();
    /**
     * Months (year × 12 + month) the traffic rows cover: trafficToLeadRatio counts only leads created in those
     * months, so a lead from a month the export does not cover does not inflate the ratio. Months, not days,
     * because GA4 leaves out days without sessions.
     */
    private final java.util.BitSet trafficMonths = new java.util.BitSet();
    private boolean trafficUndated;
    private boolean sawTouchpoints;

    public CvrCalculator(Options options) {
        this.options = options;
        this.dims = List.copyOf(options.dims());
        List<Funnel> funnels = new ArrayList<>();
        if (options.funnel() != null) funnels.add(options.funnel()); else funnels.addAll(Funnel.dealDefaults());
        this.atoms = new Atoms(funnels);
        this.leads = new LeadTable(texts, accounts, detail(dims));
        this.deals = new DealTable(atoms, texts, accounts, detail(dims));
        this.marketing = options.marketingChannels().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private void seen(int minute) { if (minute != Minutes.NONE && (latest == Minutes.NONE || minute > latest)) latest = minute; }

    public void add(Lead l) {
        sawLeads = true;
        leads.add(l);
        seen(Minutes.of(l.created()));
        seen(Minutes.of(l.customerDate()));
    }

    public void add(Deal d) {
        sawDeals = true;
        deals.add(d);
        seen(Minutes.of(d.created()));
        // an open deal's close date is the expected one, not something that happened
        if (d.outcome() != dev.kpi.records.Outcome.OPEN) seen(Minutes.of(d.closed()));
    }

    public void add(Traffic t) {
        sawTraffic = true;
        seen(Minutes.of(t.lastDate()));
        boolean in;
        try {
            in = options.window().includes(t.date(), t.dateEnd(), t,
                    x -> "a traffic row" + (x.page() == null ? "" : " (" + x.page() + ")")); // named only on error
        } catch (PeriodException e) {
            trafficCut++;
            return;
        }
        if (!in) return;
        if (t.page() != null) {
            sawPages = true;
            long[] p = pages.computeIfAbsent(t.page(), k -> new long[3]);
            p[0] += t.sessions();
            p[1] += t.users();
            p[2] = Math.addExact(p[2], t.conversions());
        }
        sawTrafficUsers |= t.has(Traffic.USERS);
        sawTrafficConversions |= t.has(Traffic.CONVERSIONS);
        if (t.date() == null) {
            trafficUndated = true;
        } else {
            int from = monthIndex(t.date());
            int to = Math.max(from, monthIndex(t.lastDate()));
            trafficMonths.set(from, to + 1);
        }
        webTotal.sessions += t.sessions();
        List<String> key = webKey(t.channel(), t.campaign(), t.source(), t.date(), t.dateEnd());
        if (key == null) {
            trafficUnplaced++;
            return;
        }
        web.computeIfAbsent(key, k -> new CvrGroup()).sessions += t.sessions();
    }

    public void add(Email e) {
        sawEmail = true;
        seen(Minutes.of(e.date()));
        if (!options.window().isOpen() && (e.date() == null || !options.window().contains(e.date()))) {
            if (e.date() == null) emailUnplaced++;
            return;
        }
        emailFlags |= e.present();
        if (!e.has(Email.DELIVERED)) return;
        sawDelivered = true;
        CvrGroup g = new CvrGroup();
        g.delivered = e.delivered();
        g.opens = e.opens();
        g.clicks = e.clicks();
        g.forwards = e.forwards();
        webTotal.addWeb(g);
        List<String> key = webKey(e.channel(), e.campaign(), null, e.date(), null);
        if (key == null) emailUnplaced++; else web.computeIfAbsent(key, k -> new CvrGroup()).addWeb(g);
        if (e.has(Email.LIST_SIZE) && e.date() != null) {
            String list = e.list() == null ? Dimension.NONE : e.list();
            long[] p = lists.computeIfAbsent(list, k -> new TreeMap<>()).computeIfAbsent(YearMonth.from(e.date()),
                    k -> new long[] {Long.MIN_VALUE, 0, 0});
            if (e.date().toEpochDay() >= p[0]) {
                p[0] = e.date().toEpochDay();
                p[1] = e.listSize();
            }
            p[2] += e.unsubscribes();
        }
    }

    /** The group of a streamed row; null when a time dimension cannot place it (no date, or several buckets). */
    private List<String> webKey(String channel, String campaign, String source, LocalDate start, LocalDate end) {
        if (GroupKey.needsTime(dims)) {
            if (start == null) return null;
            for (Dimension d : dims) {
                if (d.isTime() && end != null && !d.grain().key(start).equals(d.grain().key(end))) return null;
            }
        }
        return GroupKey.of(dims, channel, campaign, source, null, start);
    }

    public void merge(CvrCalculator o) {
        trafficMonths.or(o.trafficMonths);
        trafficUndated |= o.trafficUndated;
        o.marketingTouch.forEach((k, v) -> marketingTouch.merge(k, v, Math::min));
        sawTouchpoints |= o.sawTouchpoints;
        leads.merge(o.leads);
        deals.merge(o.deals);
        if (o.latest != Minutes.NONE) seen(o.latest);
        sawLeads |= o.sawLeads;
        sawDeals |= o.sawDeals;
        sawTraffic |= o.sawTraffic;
        sawPages |= o.sawPages;
        sawTrafficUsers |= o.sawTrafficUsers;
        sawTrafficConversions |= o.sawTrafficConversions;
        sawEmail |= o.sawEmail;
        sawDelivered |= o.sawDelivered;
        emailFlags |= o.emailFlags;
        o.web.forEach((k, g) -> web.computeIfAbsent(k, x -> new CvrGroup()).addWeb(g));
        webTotal.addWeb(o.webTotal);
        trafficUnplaced += o.trafficUnplaced;
        trafficCut += o.trafficCut;
        emailUnplaced += o.emailUnplaced;
        o.pages.forEach((k, v) -> {
            long[] p = pages.computeIfAbsent(k, x -> new long[3]);
            p[0] += v[0];
            p[1] += v[1];
            p[2] = Math.addExact(p[2], v[2]);
        });
        o.lists.forEach((list, months) -> months.forEach((m, v) -> {
            long[] p = lists.computeIfAbsent(list, x -> new TreeMap<>()).computeIfAbsent(m, x -> new long[] {Long.MIN_VALUE, 0, 0});
            if (v[0] >= p[0]) {
                p[0] = v[0];
                p[1] = v[1];
            }
            p[2] += v[2];
        }));
    }

    /** KPIs left out by the last {@link #finish}, each with the input it needs (for stderr). */
    public List<String> skipped() { return List.copyOf(skipped); }

    /**
     * The date cohorts are judged at: the option, else the latest date in the data — lead creation and
     * customer dates, deal creation and the close of won or lost deals, traffic and email dates (null when
     * there is none).
     */
    public LocalDate asOf() { return options.asOf() != null ? options.asOf() : Minutes.day(latest); }

    /**
     * A touch of a journey (contact, lead or account) for marketingInfluencedShare: only its time matters,
     * and only when its channel is a marketing channel.
     */
    public void add(Touchpoint t) {
        sawTouchpoints = true;
        if (t.at() == null || t.channel() == null || !marketing.contains(t.channel().strip().toLowerCase(Locale.ROOT))) return;
        int at = Minutes.of(t.at());
        if (t.journeyId() != null) marketingTouch.merge("j:" + t.journeyId(), at, Math::min);
        if (t.accountId() != null) marketingTouch.merge("a:" + t.accountId(), at, Math::min);
    }

    /**
     * True when lead {@code i} had a marketing touch at or before {@code by}: a touch whose journey is the
     * lead itself, or its account (named in an account column, or used as the journey id, as
     * {@code kpi attribution} joins by account).
     */
    private boolean touchedBefore(int i, int by) {
        if (marketingTouch.isEmpty()) return false;
        Integer at = marketingTouch.get("j:" + leads.id(i));
        if (leads.account(i) != TextCodes.NONE) {
            String account = accounts.key(leads.account(i));
            at = earlier(at, marketingTouch.get("a:" + account));
            at = earlier(at, marketingTouch.get("j:" + account));
        }
        return at != null && (by == Minutes.NONE || at <= by);
    }

    private static int monthIndex(LocalDate d) { return Math.max(0, d.getYear() * 12 + d.getMonthValue() - 1); }

    private static Integer earlier(Integer a, Integer b) {
        if (a == null) return b;
        if (b == null) return a;
        return Integer.valueOf(Math.min(a, b)); // boxed on purpose: a mixed ?: would unbox a null
    }

    private boolean isMarketing(int channelCode) {
        String c = texts.text(channelCode);
        return c != null && marketing.contains(c.strip().toLowerCase(Locale.ROOT));
    }

    private String text(int code) { return texts.text(code); }

    private static boolean winRate(DealTable deals) { return deals.size() > 0; }

    private boolean hasCreatedDates() {
        for (int d = 0; d < deals.size(); d++) if (deals.created(d) != Minutes.NONE) return true;
        return false;
    }

    public Report finish() {
        skipped.clear();
        boolean cohort = options.mode() == Mode.COHORT;
        Window window = options.window();
        LocalDate asOf = asOf();
        int asOfEnd = asOf == null ? Integer.MAX_VALUE : Minutes.of(asOf.plusDays(1)) - 1;
        long windowMinutes = options.windowDays() * (long) Minutes.PER_DAY;
        Map<List<String>, CvrGroup> groups = new HashMap<>();
        CvrGroup total = new CvrGroup();
        Links links = new Links(leads, deals);
        Qualification q = options.qualification();

        // ---- when each lead became a customer
        int[] firstWonOfAccount = new int[accounts.size()];
        Arrays.fill(firstWonOfAccount, Minutes.NONE);
        int[] firstWonOfLead = new int[leads.size()];
        Arrays.fill(firstWonOfLead, Minutes.NONE);
        long wonWithoutClose = 0;
        long closedWithoutDate = 0;
        for (int d = 0; d < deals.size(); d++) {
            if (deals.outcome(d) != DealTable.WON) continue;
            int at = deals.closed(d);
            if (at == Minutes.NONE) {
                wonWithoutClose++;
                continue;
            }
            int a = deals.account(d);
            if (a != TextCodes.NONE && (firstWonOfAccount[a] == Minutes.NONE || at < firstWonOfAccount[a])) firstWonOfAccount[a] = at;
            for (String c : deals.contacts(d)) {
                int l = leads.indexOf(c);
                if (l >= 0 && (firstWonOfLead[l] == Minutes.NONE || at < firstWonOfLead[l])) firstWonOfLead[l] = at;
            }
        }

        // ---- leads (cohort by creation)
        boolean qualData = leads.has(LeadField.MQL) || leads.has(LeadField.SQL) || leads.hasLifecycle();
        long existing = 0;
        long negativeResponses = 0;
        long noCreated = 0;
        TreeMap<YearMonth, long[]> velocity = new TreeMap<>();
        long qualifiedUndated = 0;
        for (int i = 0; i < leads.size(); i++) {
            int created = leads.created(i);
            int customerAt = min(min(leads.date(LeadField.CUSTOMER, i), firstWonOfLead[i]),
                    leads.account(i) == TextCodes.NONE ? Minutes.NONE : firstWonOfAccount[leads.account(i)]);
            String lifecycle = text(leads.lifecycle(i));
            boolean mql = q.isMqlStage(lifecycle);
            int mqlAt = Minutes.NONE;
            for (LeadField f : q.mqlFields()) {
                int at = leads.date(f, i);
                if (at != Minutes.NONE) {
                    mql = true;
                    mqlAt = min(mqlAt, at);
                }
            }
            boolean sql = q.isSqlStage(lifecycle);
            for (LeadField f : q.sqlFields()) sql |= leads.date(f, i) != Minutes.NONE;
            if (mql) {
                LocalDate qd = Minutes.day(mqlAt);
                if (qd == null) qualifiedUndated++;
                else if (window.contains(qd)) velocity.computeIfAbsent(YearMonth.from(qd), k -> new long[1])[0]++;
            }
            LocalDate day = Minutes.day(created);
            if (day == null) {
                noCreated++;
                continue;
            }
            if (!window.contains(day) || created > asOfEnd) continue;
            List<String> key = GroupKey.of(dims, text(leads.channel(i)), text(leads.campaign(i)), text(leads.source(i)),
                    text(leads.owner(i)), day);
            CvrGroup g = dims.isEmpty() ? null : groups.computeIfAbsent(key, k -> new CvrGroup());
            boolean converted = customerAt != Minutes.NONE && customerAt >= created && customerAt <= asOfEnd
                    && (long) customerAt - created <= windowMinutes;
            boolean already = customerAt != Minutes.NONE && customerAt < created;
            if (already) existing++;
            boolean touched = leads.touched(i) == 1 || isMarketing(leads.channel(i)) || touchedBefore(i, customerAt);
            int response = leads.responseSeconds(i);
            if (response != Integer.MIN_VALUE && response < 0) negativeResponses++;
            for (CvrGroup x : g == null ? List.of(total) : List.of(g, total)) {
                x.leads++;
                if (trafficUndated || trafficMonths.get(monthIndex(day))) x.leadsInTrafficMonths++;
                if (x.latestCreated == Minutes.NONE || created > x.latestCreated) x.latestCreated = created;
                if (already) x.existingCustomers++;
                if (converted && cohort) {
                    x.cohortCustomers++;
                    if (isMarketing(leads.channel(i))) x.originated++;
                    if (touched) x.influenced++;
                }
                if (mql) x.mqls++;
                if (sql) x.sqls++;
                if (response != Integer.MIN_VALUE && response >= 0) {
                    x.responseSeconds.add(response);
                    if (response <= options.responseTargetSeconds()) x.respondedWithinTarget++;
                }
                if (leads.meetingsBooked(i) > 0) x.meetingsBooked += leads.meetingsBooked(i);
                if (leads.meetingsAttended(i) > 0) x.meetingsAttended += leads.meetingsAttended(i);
            }
        }

        // ---- period-mode customers: accounts (else contacts, else deals) by their first customer date
        if (!cohort) {
            Map<String, int[]> customers = new HashMap<>(); // key → {at, deal index or -1, lead index or -1}
            for (int d = 0; d < deals.size(); d++) {
                if (deals.outcome(d) != DealTable.WON || deals.closed(d) == Minutes.NONE) continue;
                String[] cs = deals.contacts(d);
                String key = deals.account(d) != TextCodes.NONE ? "a:" + accounts.key(deals.account(d))
                        : cs.length > 0 ? "c:" + cs[0] : "d:" + deals.id(d);
                offer(customers, key, deals.closed(d), d, -1);
            }
            for (int i = 0; i < leads.size(); i++) {
                int at = leads.date(LeadField.CUSTOMER, i);
                if (at == Minutes.NONE) continue;
                String key = leads.account(i) != TextCodes.NONE ? "a:" + accounts.key(leads.account(i)) : "c:" + leads.id(i);
                offer(customers, key, at, -1, i);
            }
            for (int[] c : customers.values()) {
                LocalDate day = Minutes.day(c[0]);
                if (!window.contains(day)) continue;
                if (c[0] > asOfEnd) continue;
                int lead = c[2] >= 0 ? c[2] : links.leadOf(c[1]);
                int channel = pick(c[1] >= 0 ? deals.channel(c[1]) : TextCodes.NONE, lead < 0 ? TextCodes.NONE : leads.channel(lead));
                int campaign = pick(c[1] >= 0 ? deals.campaign(c[1]) : TextCodes.NONE, lead < 0 ? TextCodes.NONE : leads.campaign(lead));
                int source = pick(c[1] >= 0 ? deals.source(c[1]) : TextCodes.NONE, lead < 0 ? TextCodes.NONE : leads.source(lead));
                int owner = pick(c[1] >= 0 ? deals.owner(c[1]) : TextCodes.NONE, lead < 0 ? TextCodes.NONE : leads.owner(lead));
                boolean touched = lead >= 0 && (leads.touched(lead) == 1 || touchedBefore(lead, c[0])) || isMarketing(channel);
                CvrGroup g = dims.isEmpty() ? null : groups.computeIfAbsent(
                        GroupKey.of(dims, text(channel), text(campaign), text(source), text(owner), day), k -> new CvrGroup());
                for (CvrGroup x : g == null ? List.of(total) : List.of(g, total)) {
                    x.periodCustomers++;
                    if (isMarketing(channel)) x.originated++;
                    if (touched) x.influenced++;
                }
            }
        }

        // ---- deals: win rate by close date; match and closing rates over the deal funnel by creation date
        Funnel dealFunnel = options.funnel() != null ? options.funnel() : FunnelCalculator.bestDealFunnel(atoms, deals);
        int mFrom = dealFunnel.matchFrom() == null ? -1 : dealFunnel.indexOf(dealFunnel.matchFrom());
        int mTo = dealFunnel.matchTo() == null ? -1 : dealFunnel.indexOf(dealFunnel.matchTo());
        int cFrom = dealFunnel.closingFrom() == null ? -1 : dealFunnel.indexOf(dealFunnel.closingFrom());
        int cTo = dealFunnel.closingTo() == null ? -1 : dealFunnel.indexOf(dealFunnel.closingTo());
        boolean rates = deals.size() > 0 && (mFrom >= 0 && mTo >= 0 || cFrom >= 0 && cTo >= 0);
        Reach reach = new Reach(dealFunnel, atoms, OrderMode.SEQUENTIAL, -1);
        for (int d = 0; d < deals.size(); d++) {
            final int deal = d;
            int o = deals.outcome(d);
            int lead = -2;
            if (o != DealTable.OPEN) {
                LocalDate day = Minutes.day(deals.closed(d));
                if (day == null) {
                    closedWithoutDate++;
                } else if ((window.isOpen() || window.contains(day)) && deals.closed(d) <= asOfEnd) {
                    lead = links.leadOf(d);
                    for (CvrGroup x : groupsOf(groups, total, d, lead, day)) {
                        if (o == DealTable.WON) x.won++; else x.lost++;
                    }
                }
            }
            LocalDate createdDay = Minutes.day(deals.created(d));
            if (createdDay != null && (window.isOpen() || window.contains(createdDay)) && deals.created(d) <= asOfEnd) {
                if (lead == -2) lead = links.leadOf(d);
                boolean wonByAsOf = o == DealTable.WON && deals.closed(d) != Minutes.NONE && deals.closed(d) <= asOfEnd;
                for (CvrGroup x : groupsOf(groups, total, d, lead, createdDay)) {
                    x.dealsCreated++;
                    if (wonByAsOf) x.dealsCreatedWon++;
                }
            }
            if (!rates) continue;
            LocalDate created = Minutes.day(deals.created(d));
            if (!window.isOpen() && (created == null || !window.contains(created))) continue;
            reach.evaluate(deals.mask(d), b -> deals.atomDate(b, deal), true, deals.created(d));
            if (lead == -2) lead = links.leadOf(d);
            for (CvrGroup x : groupsOf(groups, total, d, lead, created)) {
                if (mFrom >= 0 && mTo >= 0) {
                    if (reach.reached[mFrom]) x.matchFrom++;
                    if (reach.reached[mTo]) x.matchTo++;
                }
                if (cFrom >= 0 && cTo >= 0) {
                    if (reach.reached[cFrom]) x.closingFrom++;
                    if (reach.reached[cTo]) x.closingTo++;
                }
            }
        }

        // ---- traffic and email, aggregated while reading
        if (!dims.isEmpty()) web.forEach((k, w) -> groups.computeIfAbsent(k, x -> new CvrGroup()).addWeb(w));
        total.addWeb(webTotal);
        boolean trafficRows = trafficUnplaced == 0;

        // ---- the report
        boolean hasLeads = sawLeads && leads.size() > 0;
        boolean shares = hasLeads && !marketing.isEmpty();
        boolean influence = shares && (leads.hasTouched() || sawTouchpoints);
        boolean opportunity = winRate(deals) && hasCreatedDates();
        boolean response = hasLeads && leads.hasResponses();
        boolean meetings = hasLeads && leads.hasMeetings();
        boolean winRate = sawDeals && deals.size() > 0;
        boolean match = rates && mFrom >= 0 && mTo >= 0;
        boolean closing = rates && cFrom >= 0 && cTo >= 0;
        boolean traffic = sawTraffic;
        boolean email = sawDelivered;
        Report r = new Report("cvr").period(window.from(), window.to()).groupBy(dims.stream().map(Dimension::key).toList());
        for (Dimension d : dims) r.column(d.key(), Character.toUpperCase(d.key().charAt(0)) + d.key().substring(1), Kind.TEXT);
        if (hasLeads) {
            r.column("leads", "Leads", Kind.COUNT);
            r.column("customers", "Customers", Kind.COUNT);
            if (cohort) {
                r.column("cohortCvr", "Cohort CVR", Kind.PERCENT);
                r.column("mature", "Mature", Kind.BOOLEAN);
            } else {
                r.column("cvr", "CVR (period)", Kind.PERCENT);
            }
        }
        if (shares) r.column("marketingOriginatedShare", "Mkt-originated", Kind.PERCENT);
        if (influence) r.column("marketingInfluencedShare", "Mkt-influenced", Kind.PERCENT);
        if (hasLeads && qualData) {
            r.column("mqls", "MQLs", Kind.COUNT);
            r.column("qualifiedLeadRate", "MQL rate", Kind.PERCENT);
            r.column("sqls", "SQLs", Kind.COUNT);
            r.column("salesQualifiedLeadRate", "SQL rate", Kind.PERCENT);
        }
        if (response) {
            r.column("responded", "Answered", Kind.COUNT);
            r.column("responseRate", "Answer rate", Kind.PERCENT);
            r.column("medianResponseMinutes", "Median response (min)", Kind.NUMBER);
            r.column("meanResponseMinutes", "Mean response (min)", Kind.NUMBER);
            r.column("responseWithinTarget", "Within target", Kind.PERCENT);
        }
        if (meetings) {
            r.column("meetingsBooked", "Meetings booked", Kind.COUNT);
            r.column("meetingsAttended", "Attended", Kind.COUNT);
            r.column("attendanceRate", "Attendance", Kind.PERCENT);
        }
        if (winRate) {
            r.column("wonDeals", "Won", Kind.COUNT);
            r.column("lostDeals", "Lost", Kind.COUNT);
            r.column("winRate", "Win rate", Kind.PERCENT);
        }
        if (opportunity) r.column("opportunityConversion", "Opp. conversion", Kind.PERCENT);
        if (match) r.column("matchRate", "Match rate", Kind.PERCENT);
        if (closing) r.column("closingRate", "Closing rate", Kind.PERCENT);
        if (traffic) {
            r.column("sessions", "Sessions", Kind.COUNT);
            if (hasLeads) r.column("trafficToLeadRatio", "Traffic→lead", Kind.PERCENT);
        }
        if (email) {
            r.column("emailsDelivered", "Emails delivered", Kind.COUNT);
            if ((emailFlags & Email.OPENS) != 0) r.column("openRate", "Open rate", Kind.PERCENT);
            if ((emailFlags & Email.CLICKS) != 0) r.column("clickRate", "Click rate", Kind.PERCENT);
            if ((emailFlags & Email.FORWARDS) != 0) r.column("forwardRate", "Forward rate", Kind.PERCENT);
        }

        List<List<String>> keys = new ArrayList<>(groups.keySet());
        keys.sort(Buckets::compare);
        for (List<String> k : keys) {
            Row row = new Row();
            for (int i = 0; i < dims.size(); i++) row.put(dims.get(i).key(), k.get(i));
            fill(row, r, groups.get(k), cohort, windowMinutes, asOfEnd, trafficRows);
            r.rows().add(row);
        }
        Row t = new Row();
        fill(t, r, total, cohort, windowMinutes, asOfEnd, true);
        r.total(t);

        // ---- sections
        if (hasLeads && qualData && !velocity.isEmpty()) {
            List<Row> rows = new ArrayList<>();
            YearMonth m = velocity.firstKey();
            long prev = -1;
            for (; !m.isAfter(velocity.lastKey()); m = m.plusMonths(1)) {
                long n = velocity.containsKey(m) ? velocity.get(m)[0] : 0;
                Row row = new Row().put("month", m.toString()).put("qualifiedLeads", n);
                row.put("leadVelocityRate", prev < 0 ? null
                        : Ratio.of(BigDecimal.valueOf(n - prev), BigDecimal.valueOf(prev), Kind.PERCENT, "no MQLs the month before"));
                rows.add(row);
                prev = n;
            }
            r.sections().add(new Section("Lead velocity (MQLs by the month they qualified)", "leadVelocity",
                    List.of(Column.text("month", "Month"), new Column("qualifiedLeads", "MQLs", Kind.COUNT),
                            new Column("leadVelocityRate", "Lead velocity rate", Kind.PERCENT)), rows));
        }
        if (sawPages) {
            List<Map.Entry<String, long[]>> list = new ArrayList<>(pages.entrySet());
            list.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                    : a.getKey().compareTo(b.getKey()));
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, long[]> e : list) {
                long[] p = e.getValue();
                Row row = new Row().put("page", e.getKey()).put("sessions", p[0]);
                if (sawTrafficUsers) row.put("users", p[1]);
                if (sawTrafficConversions) {
                    BigDecimal conv = Micros.toBigDecimal(p[2]).stripTrailingZeros();
                    row.put("conversions", conv.scale() < 0 ? conv.setScale(0) : conv);
                    row.put("landingPageConversion", p[2] % Micros.ONE == 0
                            ? Rates.rate(p[2] / Micros.ONE, p[0], "no sessions")
                            : Ratio.of(Micros.toBigDecimal(p[2]), BigDecimal.valueOf(p[0]), Kind.PERCENT, "no sessions"));
                }
                rows.add(row);
            }
            List<Column> cols = new ArrayList<>(List.of(Column.text("page", "Landing page"), new Column("sessions", "Sessions", Kind.COUNT)));
            if (sawTrafficUsers) cols.add(new Column("users", "Users", Kind.COUNT));
            if (sawTrafficConversions) {
                cols.add(new Column("conversions", "Conversions", Kind.QUANTITY));
                cols.add(new Column("landingPageConversion", "Conversion", Kind.PERCENT));
            }
            r.sections().add(new Section("Landing pages", "landingPages", cols, rows));
        }
        if (!lists.isEmpty()) {
            List<Row> rows = new ArrayList<>();
            lists.forEach((list, months) -> {
                long prev = -1;
                for (Map.Entry<YearMonth, long[]> e : months.entrySet()) {
                    long size = e.getValue()[1];
                    Row row = new Row().put("list", list).put("month", e.getKey().toString()).put("listSize", size)
                            .put("unsubscribes", e.getValue()[2]);
                    row.put("listGrowth", prev < 0 ? null
                            : Ratio.of(BigDecimal.valueOf(size - prev), BigDecimal.valueOf(prev), Kind.PERCENT, "empty list the month before"));
                    rows.add(row);
                    prev = size;
                }
            });
            r.sections().add(new Section("Email list growth", "listGrowth", List.of(Column.text("list", "List"),
                    Column.text("month", "Month"), new Column("listSize", "List size", Kind.COUNT),
                    new Column("unsubscribes", "Unsubscribes", Kind.COUNT), new Column("listGrowth", "Growth", Kind.PERCENT)), rows));
        }

        // ---- notes, warnings and what was skipped
        if (hasLeads) {
            r.extra().put("mode", cohort ? "cohort" : "period");
            if (cohort) {
                r.extra().put("windowDays", (long) options.windowDays());
                r.extra().put("asOf", asOf);
                r.notes().add("Cohort CVR: leads created in the period that became customers within " + options.windowDays()
                        + " days, as of " + asOf + ". Mature 'no': the window of the period's latest lead has not elapsed.");
            } else {
                r.notes().add("CVR (period, unlinked): customers won in the period / leads created in the period; the"
                        + " customers need not be those leads, so it can exceed 100 %.");
            }
        }
        if (response) r.notes().add("Response target: " + options.responseTargetSeconds() / 60.0 + " min; 'Within target' is a share of the answered leads.");
        if (existing > 0) {
            r.notes().add(existing + " lead" + (existing == 1 ? " was" : "s were") + " created after their account had"
                    + " become a customer; they are leads but not conversions.");
        }
        if (leads.duplicates() > 0) {
            r.warn(leads.duplicates() + " lead row" + (leads.duplicates() == 1 ? " repeats" : "s repeat") + " an id seen before (e.g. "
                    + String.join(", ", leads.duplicateExamples()) + "); each lead is counted once, with the earliest dates of its rows");
        }
        if (deals.duplicates() > 0) {
            r.warn(deals.duplicates() + " deal row" + (deals.duplicates() == 1 ? " repeats" : "s repeat")
                    + " an id seen before; each deal is counted once");
        }
        if (wonWithoutClose > 0 || closedWithoutDate > 0) {
            long n = Math.max(wonWithoutClose, closedWithoutDate);
            r.warn(n + " closed deal" + (n == 1 ? " has" : "s have") + " no close date; left out of the win rate and of customer dates");
        }
        if (negativeResponses > 0) {
            r.warn(negativeResponses + " lead" + (negativeResponses == 1 ? "'s" : "s'") + " first response is before the lead was"
                    + " created; left out of the response time");
        }
        if (noCreated > 0) r.warn(noCreated + " lead" + (noCreated == 1 ? " has" : "s have") + " no creation date and cannot be counted");
        if (qualifiedUndated > 0 && hasLeads && qualData) {
            r.notes().add(qualifiedUndated + " MQL" + (qualifiedUndated == 1 ? " has" : "s have")
                    + " no qualification date (qualified by lifecycle stage only), so " + (qualifiedUndated == 1 ? "it is" : "they are")
                    + " not in the lead velocity series.");
        }
        if (traffic && hasLeads && total.leadsInTrafficMonths < total.leads) {
            r.notes().add("Traffic→lead counts the " + total.leadsInTrafficMonths + " of " + total.leads + " leads created in months the"
                    + " traffic export covers, so leads and sessions describe the same months.");
        }
        if (trafficCut > 0) {
            r.warn(trafficCut + " traffic row" + (trafficCut == 1 ? " covers" : "s cover") + " a period that --from/--to cuts"
                    + " through; left out (export the report with a Date dimension to split it)");
        }
        if (trafficUnplaced > 0) {
            r.warn("traffic rows cover more than one " + timeDims() + " (the export has no Date dimension), so sessions"
                    + " and traffic-to-lead ratios are in the total only; export the GA4 report with Date to see them per "
                    + timeDims());
        }
        if (emailUnplaced > 0) {
            r.warn(emailUnplaced + " email send" + (emailUnplaced == 1 ? " has" : "s have") + " no send date; "
                    + (options.window().isOpen() ? "in the total only" : "left out of the period"));
        }
        if (!hasLeads) {
            skipped.add("cohortCvr/cvr, qualified lead rates, response time, meetings, marketing shares and"
                    + " trafficToLeadRatio: need --leads (a contacts or leads export)");
        } else {
            if (!qualData) skipped.add("qualifiedLeadRate, salesQualifiedLeadRate and leadVelocity: need MQL/SQL dates or a"
                    + " lifecycle stage column in the leads");
            if (!response) skipped.add("inbound response time: needs a first-response date in the leads (columns: { firstResponseAt: … })");
            if (!meetings) skipped.add("meetingsBooked, meetingsAttended, attendanceRate: need meeting counts in the leads"
                    + " (columns: { meetingsBooked: …, meetingsAttended: … })");
            if (marketing.isEmpty()) skipped.add("marketingOriginatedShare and marketingInfluencedShare: need marketingChannels in kpi.yaml");
            else if (!influence) skipped.add("marketingInfluencedShare: needs --touchpoints or a marketing-touch flag in the leads (columns: { marketingTouched: … })");
        }
        if (!winRate) skipped.add("winRate, matchRate, closingRate: need --deals" + (hasLeads ? "; customers come from the leads'"
                + " customer dates only" : ""));
        else if (!match && !closing) skipped.add("matchRate and closingRate: the deal stages (" + dealFunnel.name() + ") have no"
                + " proposal stage kpi knows; set funnel: { stages: [...], matchRate: { from: …, to: … }, closingRate: { from: …, to: … } }");
        if (!traffic) skipped.add("trafficToLeadRatio and landing-page conversion: need --traffic (GA4 landing pages)");
        else if (!sawPages) skipped.add("landing-page conversion: needs a landing-page column in the traffic export");
        if (!sawEmail) skipped.add("openRate, clickRate, forwardRate and listGrowth: need --email (a Mailchimp campaign export)");
        else if (!email) skipped.add("email rates: need a delivered count in the email export");
        else if (lists.isEmpty()) skipped.add("listGrowth: needs a list size per send in the email export");
        r.warnAboutNullRatios();
        return r;
    }

    private String timeDims() {
        return dims.stream().filter(Dimension::isTime).map(Dimension::key).collect(Collectors.joining("/"));
    }

    private static int min(int a, int b) {
        if (a == Minutes.NONE) return b;
        if (b == Minutes.NONE) return a;
        return Math.min(a, b);
    }

    private static int pick(int first, int second) { return first != TextCodes.NONE ? first : second; }

    private static void offer(Map<String, int[]> customers, String key, int at, int deal, int lead) {
        int[] cur = customers.get(key);
        if (cur == null || at < cur[0] || at == cur[0] && cur[1] < 0 && deal >= 0) {
            customers.put(key, new int[] {at, deal, lead});
        }
    }

    /** The groups a deal counts in: its fields, else its lead's, and {@code day} for time dimensions. */
    private List<CvrGroup> groupsOf(Map<List<String>, CvrGroup> groups, CvrGroup total, int d, int lead, LocalDate day) {
        if (dims.isEmpty()) return List.of(total);
        int channel = pick(deals.channel(d), lead < 0 ? TextCodes.NONE : leads.channel(lead));
        int campaign = pick(deals.campaign(d), lead < 0 ? TextCodes.NONE : leads.campaign(lead));
        int source = pick(deals.source(d), lead < 0 ? TextCodes.NONE : leads.source(lead));
        int owner = pick(deals.owner(d), lead < 0 ? TextCodes.NONE : leads.owner(lead));
        List<String> key = GroupKey.of(dims, text(channel), text(campaign), text(source), text(owner), day);
        return List.of(groups.computeIfAbsent(key, k -> new CvrGroup()), total);
    }

    private void fill(Row row, Report r, CvrGroup g, boolean cohort, long windowMinutes, int asOfEnd, boolean trafficHere) {
        if (r.column("leads") != null) {
            row.put("leads", g.leads);
            if (cohort) {
                row.put("customers", g.cohortCustomers);
                row.put("cohortCvr", Ratio.proportion(g.cohortCustomers, g.leads, "no leads created"));
                row.put("mature", g.latestCreated == Minutes.NONE ? null : g.latestCreated + windowMinutes <= asOfEnd);
            } else {
                row.put("customers", g.periodCustomers);
                row.put("cvr", Ratio.of(g.periodCustomers, g.leads, Kind.PERCENT, "no leads created"));
            }
        }
        long customers = cohort ? g.cohortCustomers : g.periodCustomers;
        if (r.column("marketingOriginatedShare") != null) {
            row.put("marketingOriginatedShare", Ratio.proportion(g.originated, customers, "no customers"));
        }
        if (r.column("marketingInfluencedShare") != null) {
            row.put("marketingInfluencedShare", Ratio.proportion(g.influenced, customers, "no customers"));
        }
        if (r.column("mqls") != null) {
            row.put("mqls", g.mqls);
            row.put("qualifiedLeadRate", Ratio.proportion(g.mqls, g.leads, "no leads created"));
            row.put("sqls", g.sqls);
            row.put("salesQualifiedLeadRate", Ratio.proportion(g.sqls, g.leads, "no leads created"));
        }
        if (r.column("responded") != null) {
            long answered = g.responseSeconds.size();
            row.put("responded", answered);
            row.put("responseRate", Ratio.proportion(answered, g.leads, "no leads created"));
            row.put("medianResponseMinutes", g.responseSeconds.median(60, 2));
            row.put("meanResponseMinutes", g.responseSeconds.mean(60, 2));
            row.put("responseWithinTarget", Ratio.proportion(g.respondedWithinTarget, answered, "no lead was answered"));
        }
        if (r.column("meetingsBooked") != null) {
            row.put("meetingsBooked", g.meetingsBooked);
            row.put("meetingsAttended", g.meetingsAttended);
            row.put("attendanceRate", Rates.rate(g.meetingsAttended, g.meetingsBooked, "no meetings booked"));
        }
        if (r.column("wonDeals") != null) {
            row.put("wonDeals", g.won);
            row.put("lostDeals", g.lost);
            row.put("winRate", Ratio.proportion(g.won, g.won + g.lost, "no deals closed"));
        }
        if (r.column("opportunityConversion") != null) {
            row.put("opportunityConversion", Ratio.proportion(g.dealsCreatedWon, g.dealsCreated, "no deals created"));
        }
        if (r.column("matchRate") != null) row.put("matchRate", Ratio.proportion(g.matchTo, g.matchFrom, "no deals reached the sales conversation stage"));
        if (r.column("closingRate") != null) row.put("closingRate", Ratio.proportion(g.closingTo, g.closingFrom, "no deals reached the proposal stage"));
        if (r.column("sessions") != null) {
            row.put("sessions", trafficHere ? g.sessions : null);
            if (r.column("trafficToLeadRatio") != null) {
                row.put("trafficToLeadRatio", trafficHere ? Rates.rate(g.leadsInTrafficMonths, g.sessions, "no sessions") : null);
            }
        }
        if (r.column("emailsDelivered") != null) {
            row.put("emailsDelivered", g.delivered);
            if (r.column("openRate") != null) row.put("openRate", Rates.rate(g.opens, g.delivered, "no emails delivered"));
            if (r.column("clickRate") != null) row.put("clickRate", Rates.rate(g.clicks, g.delivered, "no emails delivered"));
            if (r.column("forwardRate") != null) row.put("forwardRate", Rates.rate(g.forwards, g.delivered, "no emails delivered"));
        }
    }

    /** Whether entities must keep campaign, raw source and owner: only when the report is grouped by one. */
    static boolean detail(List<Dimension> dims) {
        return dims.contains(Dimension.CAMPAIGN) || dims.contains(Dimension.SOURCE) || dims.contains(Dimension.OWNER);
    }
}
