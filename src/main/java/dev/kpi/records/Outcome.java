package dev.kpi.records;

/** The state of a deal: won and lost are outcomes, everything else is still open. */
public enum Outcome { WON, LOST, OPEN }
