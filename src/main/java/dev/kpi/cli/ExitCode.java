package dev.kpi.cli;

/** The process exit codes; listed in {@code kpi --help} and the README. Scripts rely on them. */
public enum ExitCode {
    OK(0, "success"),
    THRESHOLD(1, "a --fail-if condition held for at least one row"),
    USAGE(2, "usage error: unknown option, bad argument, missing input"),
    DATA(3, "bad input data: unreadable file, malformed CSV, bad rows under --strict"),
    CONFIG(4, "bad config: unknown key, missing column mapping, missing fx rate"),
    INTERNAL(5, "internal error (a bug: please report it with --debug output)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() { return code; }

    public String meaning() { return meaning; }
}
