package dev.kpi.input;

import dev.kpi.input.value.MoneyValue;
import dev.kpi.input.value.ValueException;
import dev.kpi.records.Deal;
import dev.kpi.records.Outcome;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps deals/opportunities. The outcome comes from a won flag column when there is one (Salesforce
 * {@code Won}), else a status column (Pipedrive {@code Won/Lost/Open}), else the stage name
 * ({@link StageRules}). An amount read from HubSpot's "Amount in company currency" is already in the
 * company (reporting) currency, so the deal's own currency column is not applied to it.
 */
final class DealMapper extends RowMapper<Deal> {
    private static final Pattern DATE_ENTERED = Pattern.compile("^Date entered \"(.+?)(?: \\(([^()]*)\\))?\"$",
            Pattern.CASE_INSENSITIVE);

    private final boolean amountInCompanyCurrency;
    private final List<int[]> stageColumns = new ArrayList<>();
    private final List<String> stageNames = new ArrayList<>();

    DealMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("stage") && !mapping.has("status") && !mapping.has("won")) {
            throw MissingColumn.of(ctx, "stage", "the deal stage, or a status/won column");
        }
        amountInCompanyCurrency = amountInCompanyCurrency(mapping);
        if (ctx.preset() != null && ctx.preset().has(Preset.Option.STAGE_ENTRY_COLUMNS)) {
            List<String> header = mapping.header();
            for (int i = 0; i < header.size(); i++) {
                Matcher m = DATE_ENTERED.matcher(header.get(i).strip());
                if (m.matches()) {
                    stageNames.add(m.group(1).strip());
                    stageColumns.add(new int[] {i});
                }
            }
        }
    }

    /** True when the amount is read from a column already in the company currency (HubSpot's "Amount in company currency"). */
    static boolean amountInCompanyCurrency(ColumnMapping mapping) {
        String header = mapping.headerOf("amount");
        return header != null && header.toLowerCase(Locale.ROOT).contains("company currency");
    }

    @Override
    protected Deal read(RawRow row) throws SkipRow {
        String id = id(row, "id");
        if (id == null) id = ctx.fileName() + ":" + row.exactLine();
        String stage = text(row, "stage");
        Outcome outcome = null;
        Boolean won = bool(row, "won");
        if (won != null) {
            outcome = won ? Outcome.WON : (ctx.stages().classify(stage) == Outcome.LOST || isClosedStage(stage)
                    ? Outcome.LOST : Outcome.OPEN);
        }
        if (outcome == null) {
            String status = text(row, "status");
            if (status != null) outcome = ctx.stages().classify(status);
        }
        if (outcome == null) outcome = ctx.stages().classify(stage);

        MoneyValue amount = money(row, "amount", false);
        String currency = null;
        if (amount != null && !amountInCompanyCurrency) {
            currency = amount.currency();
            if (currency == null) currency = currencyCode(row, "currency");
            if (currency == null) currency = ctx.defaultCurrency("amount");
        }
        List<String> accounts = ids(row, "accountId");
        Map<String, LocalDateTime> stageDates = Map.of();
        if (!stageColumns.isEmpty()) {
            stageDates = new LinkedHashMap<>();
            for (int k = 0; k < stageColumns.size(); k++) {
                String v = row.cell(stageColumns.get(k)[0]);
                if (v == null || v.isBlank()) continue;
                try {
                    stageDates.put(stageNames.get(k), ctx.dates().parseDateTime(v));
                } catch (ValueException e) {
                    ctx.diagnostics().bad(ctx.fileName(), row.line(), mapping.header().get(stageColumns.get(k)[0]), v,
                            e.reason(), false);
                }
            }
        }
        String source = text(row, "channel");
        return new Deal(id, accounts.isEmpty() ? null : accounts.get(0), ids(row, "contactIds"),
                dateTime(row, "created", false), dateTime(row, "closed", false), stage, outcome,
                amount == null ? 0 : amount.micros(), amount != null, currency, ctx.channels().normalize(source), source,
                text(row, "campaign"), text(row, "owner"), text(row, "pipeline"), text(row, "lostReason"), stageDates);
    }

    private static boolean isClosedStage(String stage) {
        return stage != null && stage.toLowerCase(Locale.ROOT).startsWith("closed");
    }
}
