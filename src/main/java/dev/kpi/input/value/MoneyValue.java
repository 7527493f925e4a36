package dev.kpi.input.value;

/**
 * A money cell as read: the amount in micros (millionths of the currency unit, see
 * {@link dev.kpi.records.Micros}) and the ISO 4217 code of the currency written in the cell, or null when the cell
 * names none (plain {@code 1234.56}) or names it ambiguously ({@code kr}). A null currency means "the currency of the
 * column, file or config", which the caller knows.
 */
public record MoneyValue(long micros, String currency) {}
