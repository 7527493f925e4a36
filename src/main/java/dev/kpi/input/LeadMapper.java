package dev.kpi.input;

import dev.kpi.records.Lead;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Maps contacts/leads. With the HubSpot preset, the campaign comes from the source drill-down that
 * carries {@code utm_campaign} for that source: Drill-Down 1 for paid search, email and other
 * campaigns; Drill-Down 2 for paid and organic social (HubSpot's documented layout).
 */
final class LeadMapper extends RowMapper<Lead> {
    private final int drillDown1;
    private final int drillDown2;

    LeadMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("created")) throw MissingColumn.of(ctx, "created", "when the lead was created");
        List<String> header = mapping.header();
        boolean hubspot = ctx.preset() != null && ctx.preset().has(Preset.Option.HUBSPOT_SOURCE_DRILL_DOWN);
        drillDown1 = hubspot ? Preset.find(header, List.of("Original Source Drill-Down 1", "Original Source Data 1",
                "Original Source Drill Down 1")) : -1;
        drillDown2 = hubspot ? Preset.find(header, List.of("Original Source Drill-Down 2", "Original Source Data 2",
                "Original Source Drill Down 2")) : -1;
    }

    @Override
    protected Lead read(RawRow row) throws SkipRow {
        String id = id(row, "id");
        if (id == null) id = ctx.fileName() + ":" + row.exactLine();
        LocalDateTime created = dateTime(row, "created", true);
        String source = text(row, "channel");
        String campaign = text(row, "campaign");
        if (campaign == null && !mapping.has("campaign") && source != null) campaign = drillDownCampaign(row, source);
        List<String> accounts = ids(row, "accountId");
        return new Lead(id, created, ctx.channels().normalize(source), source, campaign, text(row, "lifecycleStage"),
                dateTime(row, "mqlDate", false), dateTime(row, "sqlDate", false), dateTime(row, "opportunityDate", false),
                dateTime(row, "customerDate", false), accounts.isEmpty() ? null : accounts.get(0), text(row, "owner"),
                bool(row, "marketingTouched"), dateTime(row, "firstResponseAt", false), smallCount(row, "meetingsBooked"),
                smallCount(row, "meetingsAttended"));
    }

    private Integer smallCount(RawRow row, String field) throws SkipRow {
        Long n = count(row, field);
        if (n == null) return null;
        if (n < 0 || n > Integer.MAX_VALUE) {
            bad(row, field, n.toString(), "not a count of meetings", false);
            return null;
        }
        return n.intValue();
    }

    private String drillDownCampaign(RawRow row, String source) {
        String s = source.toLowerCase(Locale.ROOT).replace('_', ' ');
        int col;
        switch (s) {
            case "paid search": case "email marketing": case "other campaigns":
                col = drillDown1;
                break;
            case "paid social": case "organic social": case "social media":
                col = drillDown2;
                break;
            default:
                return null;
        }
        String v = row.cell(col);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
