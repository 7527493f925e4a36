package dev.kpi.records;

import java.time.LocalDate;

/**
 * A purchase: an order, a payment or a paid invoice of a customer. {@code amount} is in micros of
 * {@code currency} (null currency = the reporting currency), refunds already taken off when the export
 * has a refunded column. {@code status} is the export's payment or invoice status as written (null when
 * the export has none); which statuses count as paid is decided by the calculator, not here.
 */
public record Transaction(String id, String customerId, LocalDate date, long amount, String currency, String status) {}
