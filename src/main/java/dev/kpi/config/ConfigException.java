package dev.kpi.config;

/** A config file (or a config-level setting) that cannot be used: the CLI prints it and exits with 4. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) { super(message); }

    public ConfigException(String message, Throwable cause) { super(message, cause); }
}
