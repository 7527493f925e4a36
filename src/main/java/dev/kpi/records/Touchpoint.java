package dev.kpi.records;

import java.time.LocalDateTime;

/**
 * One marketing touch of a customer journey: a visit, click, form fill or CRM-recorded source.
 * {@code journeyId} is the contact, account or visitor the touch belongs to; {@code accountId} (nullable)
 * is the account of that contact when the export names one, so journeys can be joined to deals per
 * account. {@code channel} is the normalised channel (config {@code channels}); {@code source} keeps
 * the raw value. {@code cost} is in micros of {@code currency} (null currency = the reporting currency)
 * and only meaningful when {@code hasCost}.
 */
public record Touchpoint(
        String journeyId,
        String accountId,
        LocalDateTime at,
        String channel,
        String source,
        String campaign,
        long cost,
        boolean hasCost,
        String currency) {
}
