/**
 * Reading the cells of CRM and ad-platform exports into typed values: counts, micros, rates, money with currency,
 * dates, months and reporting periods.
 *
 * <p>Every parser throws {@link dev.kpi.input.value.ValueException} with a short reason for a cell it cannot read;
 * placeholders ("--", "(not set)", "&lt; 10%", blank…) are recognised by
 * {@link dev.kpi.input.value.NumberParser#isMissing}, which callers check first. The number, money and numeric date
 * paths allocate nothing but their result and use neither regular expressions nor exceptions for valid cells, so they
 * suit a reader of millions of rows. All parsers are immutable and thread-safe.
 *
 * <p>Decisions that matter to callers, each explained where it is implemented:
 * <ul>
 *   <li>Thousands separators are accepted only in valid positions, which turns most wrong-locale readings into errors;
 *       only cells like {@code 1.696} and {@code 1,234} stay ambiguous and follow the file's
 *       {@link dev.kpi.input.value.NumberLocale} ({@link dev.kpi.input.value.NumberLocale#infer} explains the
 *       voting rules).</li>
 *   <li>Scientific notation is read for decimals and rates, rejected for counts and money.</li>
 *   <li>{@code $} means USD and {@code ¥} JPY unless an ISO code in the cell or the configuration says otherwise;
 *       {@code kr} leaves the currency unknown.</li>
 *   <li>A year-last date that contradicts the day/month order is an error, not a silent swap; dotted dates are
 *       always day first; two-digit years are 2000-2099; 8 digits are yyyyMMdd, 10 digits epoch seconds, 12-13 digits
 *       epoch milliseconds.</li>
 * </ul>
 */
package dev.kpi.input.value;
