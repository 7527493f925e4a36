package dev.kpi.records;

import java.time.LocalDateTime;

/**
 * A contact or lead from the CRM. Lifecycle timestamps are null when the export leaves them empty; a
 * lead that skipped a stage simply has no date for it. {@code channel} is the normalised channel
 * (config {@code channels}); {@code source} keeps the raw value it came from. {@code meetingsBooked}
 * and {@code meetingsAttended} are counts per lead, null when the export has no such column.
 */
public record Lead(
        String id,
        LocalDateTime created,
        String channel,
        String source,
        String campaign,
        String lifecycleStage,
        LocalDateTime mqlDate,
        LocalDateTime sqlDate,
        LocalDateTime opportunityDate,
        LocalDateTime customerDate,
        String accountId,
        String owner,
        Boolean marketingTouched,
        LocalDateTime firstResponseAt,
        Integer meetingsBooked,
        Integer meetingsAttended) {
}
