package dev.kpi.input.value;

/**
 * A cell that cannot be read as the value its column holds. {@link #reason()} is a short human phrase such as
 * "not a number" or "ambiguous date"; the caller adds file, row and column.
 *
 * <p>The exception carries no stack trace: it is thrown for bad cells, which are data, not program errors, and a file
 * with many bad cells should not pay for stack walks.
 */
public final class ValueException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public ValueException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** The short human phrase that says what is wrong with the cell. */
    public String reason() {
        return reason;
    }
}
