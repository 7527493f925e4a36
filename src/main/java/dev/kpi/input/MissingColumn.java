package dev.kpi.input;

import dev.kpi.config.ConfigException;

/** The error for a file that lacks a column kpi needs: names the field, the headers and the config key to set. */
final class MissingColumn {
    private MissingColumn() {}

    static ConfigException of(ReadContext ctx, String field, String meaning) {
        String type = ctx.mapping().schema().type().key();
        String hint = Headers.closest(ctx.mapping().header(), field);
        return new ConfigException(ctx.fileName() + ": no column for '" + field + "' (" + meaning + ") in this "
                + type + " file" + (ctx.preset() == null ? "" : " (read with preset " + ctx.preset().name() + ")")
                + (hint == null ? "" : "; closest header: '" + hint + "'")
                + ". Headers: " + String.join(", ", ctx.mapping().header())
                + ". Map it in kpi.yaml under inputs." + type + ".columns." + field);
    }
}
