package dev.kpi.input;

import dev.kpi.config.InputConfig;

/** One file to read and the config block whose settings apply to it. */
public record InputSpec(InputSource source, InputConfig settings) {}
