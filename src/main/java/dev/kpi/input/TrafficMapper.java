package dev.kpi.input;

import dev.kpi.records.Traffic;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Maps web-analytics rows (GA4 landing pages, traffic acquisition) to {@link Traffic}. The period of a
 * row comes from a Date column, else a Year-month column, else the report range in the preamble (GA4
 * writes {@code # Start date: 20250101} / {@code # End date: 20250331}); such a row covers the whole range
 * and is never booked to one day.
 *
 * <p>The channel comes from the channel-group column when there is one: GA4's group names are kept,
 * except {@code Direct}, {@code Referral} and {@code Email}, which become {@code Direct Traffic},
 * {@code Referrals} and {@code Email Marketing} so that they meet the CRM's source names (HubSpot's
 * labels) in one row; then config {@code channels:} applies. Without a channel group the source / medium
 * is classified the way GA4's default channel grouping does it, in short: {@code (direct) / (none)} →
 * Direct Traffic, a paid medium ({@code cpc}, {@code ppc}, {@code paid…}) → Paid Social on a social site,
 * else Paid Search; {@code organic} → Organic Search; a social medium or site → Organic Social;
 * {@code email} → Email Marketing; {@code referral} → Referrals; {@code display}, {@code banner},
 * {@code cpm} → Display; anything else → Unassigned.
 */
final class TrafficMapper extends RowMapper<Traffic> {
    private static final Set<String> SOCIAL_SITES = Set.of("facebook", "facebook.com", "m.facebook.com", "l.facebook.com",
            "fb", "instagram", "instagram.com", "linkedin", "linkedin.com", "lnkd.in", "twitter", "twitter.com", "t.co", "x",
            "x.com", "tiktok", "tiktok.com", "reddit", "reddit.com", "pinterest", "pinterest.com", "youtube", "youtube.com",
            "meta", "threads.net", "xing", "xing.com");

    TrafficMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("sessions")) throw MissingColumn.of(ctx, "sessions", "sessions (visits)");
    }

    @Override
    protected Traffic read(RawRow row) throws SkipRow {
        LocalDate date = null;
        LocalDate end = null;
        if (mapping.has("date") && raw(row, "date") != null) {
            date = date(row, "date", true);
        } else if (mapping.has("month") && raw(row, "month") != null) {
            date = month(row, "month", true);
            end = date.withDayOfMonth(date.lengthOfMonth());
        } else if (ctx.reportRange() != null) {
            date = ctx.reportRange().start();
            end = ctx.reportRange().end();
        }
        if (end != null && end.equals(date)) end = null;

        int present = 0;
        Long sessions = count(row, "sessions");
        if (sessions == null) throw bad(row, "sessions", raw(row, "sessions"), "required sessions count is empty", true);
        present |= Traffic.SESSIONS;
        Long users = count(row, "users");
        if (users != null) present |= Traffic.USERS;
        Long engaged = count(row, "engagedSessions");
        if (engaged != null) present |= Traffic.ENGAGED_SESSIONS;
        Long conversions = decimalMicros(row, "conversions");
        if (conversions != null) present |= Traffic.CONVERSIONS;

        String source = text(row, "source");
        String group = text(row, "channel");
        String channel = group != null ? fromChannelGroup(group) : source != null ? fromSourceMedium(source) : null;
        if (channel == null) channel = ctx.defaultChannel();
        String page = raw(row, "page") == null ? null : raw(row, "page").strip();
        return new Traffic(date, end, page, ctx.channels().normalize(channel), source, text(row, "campaign"), sessions,
                users == null ? 0 : users, engaged == null ? 0 : engaged, conversions == null ? 0 : conversions, present);
    }

    /** GA4 channel-group names, with the three that the CRMs name differently renamed to the CRM labels. */
    static String fromChannelGroup(String group) {
        switch (group.strip().toLowerCase(Locale.ROOT)) {
            case "direct": return "Direct Traffic";
            case "referral": return "Referrals";
            case "email": return "Email Marketing";
            default: return group.strip();
        }
    }

    /** The channel of a GA4 {@code source / medium} value (a short form of GA4's default channel grouping). */
    static String fromSourceMedium(String sourceMedium) {
        String s = sourceMedium.toLowerCase(Locale.ROOT).strip();
        int slash = s.indexOf('/');
        String source = (slash < 0 ? s : s.substring(0, slash)).strip();
        String medium = slash < 0 ? "" : s.substring(slash + 1).strip();
        boolean social = SOCIAL_SITES.contains(source) || source.endsWith(".facebook.com") || source.endsWith("linkedin.com");
        if (source.equals("(direct)") && (medium.equals("(none)") || medium.equals("(not set)") || medium.isEmpty())) {
            return "Direct Traffic";
        }
        boolean paid = medium.equals("cpc") || medium.equals("ppc") || medium.equals("retargeting")
                || medium.startsWith("paid") || medium.endsWith("-paid") || medium.endsWith("_paid");
        if (paid) return social || medium.contains("social") ? "Paid Social" : "Paid Search";
        if (medium.equals("organic")) return "Organic Search";
        if (medium.equals("social") || medium.equals("social-network") || medium.equals("social-media")
                || medium.equals("sm") || medium.equals("social network") || medium.equals("social media") || social) {
            return "Organic Social";
        }
        if (medium.equals("email") || medium.equals("e-mail") || medium.equals("e_mail") || medium.equals("e mail")
                || source.equals("newsletter")) {
            return "Email Marketing";
        }
        if (medium.equals("referral")) return "Referrals";
        if (medium.equals("display") || medium.equals("banner") || medium.equals("cpm") || medium.equals("interstitial")) {
            return "Display";
        }
        return "Unassigned";
    }
}
