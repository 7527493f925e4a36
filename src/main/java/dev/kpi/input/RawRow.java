package dev.kpi.input;

/** One data record as text cells, with the physical line it starts on (1-based, counting preamble lines). */
public record RawRow(long line, String[] cells) {
    public String cell(int index) {
        return index >= 0 && index < cells.length ? cells[index] : null;
    }
}
