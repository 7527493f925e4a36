package dev.kpi.cli;

/** A user-facing failure with the exit code it maps to; the message is printed as one line, no stack trace. */
public class KpiException extends RuntimeException {
    private final ExitCode exitCode;

    public KpiException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() { return exitCode; }

    public static KpiException usage(String message) { return new KpiException(ExitCode.USAGE, message); }
}
