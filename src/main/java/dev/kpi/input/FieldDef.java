package dev.kpi.input;

/** A canonical field of a record type that config {@code columns:} and presets map export headers onto. */
public record FieldDef(String name, FieldType type, String description) {}
