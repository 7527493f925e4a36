package dev.kpi.calc.attribution;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One marketing touchpoint of a journey: the normalised channel, an optional campaign and when it
 * happened. Channel and time are required; campaign may be null.
 */
public record Touch(String channel, String campaign, LocalDateTime at) {
    public Touch {
        Objects.requireNonNull(channel, "touch channel");
        Objects.requireNonNull(at, "touch time");
    }

    public static Touch of(String channel, LocalDateTime at) { return new Touch(channel, null, at); }
}
