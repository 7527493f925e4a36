package dev.kpi.input;

/** How a mapped column's cells are parsed. */
public enum FieldType {
    /** Free text, trimmed; placeholders become null. */
    TEXT,
    /** An identifier kept as text (never a number, so 18-digit ids and leading zeros survive). */
    ID,
    /** Several ids in one cell separated by {@code ;} (HubSpot associations). */
    ID_LIST,
    /** A calendar date (a date-time cell keeps its date). */
    DATE,
    /** A date-time; a date-only cell is the start of that day. */
    DATETIME,
    /** A month ("2025-01", "Jan 2025", or a date within it). */
    MONTH,
    /** Money in the file's number locale, with optional currency symbol or code. */
    MONEY,
    /** A whole count with optional thousands separators. */
    COUNT,
    /** A decimal quantity (platform conversions can be fractional). */
    DECIMAL,
    /** A yes/no flag (1/0, true/false, yes/no, x). */
    BOOL,
    /** An ISO currency code. */
    CURRENCY
}
