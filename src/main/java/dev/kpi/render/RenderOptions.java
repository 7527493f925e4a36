package dev.kpi.render;

/**
 * How to render for the current destination.
 *
 * @param color         emit ANSI bold/dim codes (table format only); the CLI decides (terminal, NO_COLOR)
 * @param terminalWidth columns of the terminal, 0 when unknown; tables wider than this are still
 *                      printed in full, never truncated
 */
public record RenderOptions(boolean color, int terminalWidth) {
    /** No colour, unknown width: what files, pipes and tests get. */
    public static RenderOptions plain() { return new RenderOptions(false, 0); }
}
