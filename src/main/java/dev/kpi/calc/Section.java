package dev.kpi.calc;

import java.util.List;

/**
 * An extra table printed after the main one in table and markdown views (a model comparison, the
 * required counts of a funnel target). Machine formats carry the same data under {@code jsonKey}.
 */
public record Section(String title, String jsonKey, List<Column> columns, List<Row> rows) {}
