package dev.kpi.records;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An opportunity or deal. {@code amount} is in micros of {@code currency} (null currency = the reporting
 * currency). {@code outcome} is derived from the stage (or a status/won column) with the configured
 * stage names. {@code stageDates} holds stage-entry timestamps when the export has them (HubSpot
 * "Date entered …" columns), keyed by stage name in export order.
 */
public record Deal(
        String id,
        String accountId,
        List<String> contactIds,
        LocalDateTime created,
        LocalDateTime closed,
        String stage,
        Outcome outcome,
        long amount,
        boolean hasAmount,
        String currency,
        String channel,
        String source,
        String campaign,
        String owner,
        String pipeline,
        String lostReason,
        Map<String, LocalDateTime> stageDates) {

    /** The key that identifies the customer: the account, else the first contact, else the deal itself. */
    public String customerKey() {
        if (accountId != null && !accountId.isEmpty()) return accountId;
        if (contactIds != null && !contactIds.isEmpty()) return "contact:" + contactIds.get(0);
        return "deal:" + id;
    }
}
