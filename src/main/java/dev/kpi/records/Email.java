package dev.kpi.records;

import java.time.LocalDate;

/**
 * One email send (a campaign row of an email tool's report export). Counts are per send: {@code opens}
 * and {@code clicks} are unique opens and clicks (recipients who opened or clicked at least once), so
 * they are proportions of {@code delivered}. {@code listSize} is the audience size at the send, when the
 * export has it. {@code present} says which count columns had a value.
 */
public record Email(
        LocalDate date,
        String campaign,
        String list,
        String channel,
        long sent,
        long delivered,
        long opens,
        long clicks,
        long forwards,
        long unsubscribes,
        long listSize,
        int present) {

    public static final int SENT = 1;
    public static final int DELIVERED = 1 << 1;
    public static final int OPENS = 1 << 2;
    public static final int CLICKS = 1 << 3;
    public static final int FORWARDS = 1 << 4;
    public static final int UNSUBSCRIBES = 1 << 5;
    public static final int LIST_SIZE = 1 << 6;

    public boolean has(int flag) { return (present & flag) != 0; }
}
