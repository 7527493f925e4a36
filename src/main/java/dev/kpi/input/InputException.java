package dev.kpi.input;

/** Input data that cannot be used as given: the CLI prints the message and exits with code 3. */
public class InputException extends RuntimeException {
    public InputException(String message) { super(message); }

    public InputException(String message, Throwable cause) { super(message, cause); }
}
