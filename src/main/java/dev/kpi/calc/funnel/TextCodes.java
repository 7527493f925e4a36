package dev.kpi.calc.funnel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small integer codes for the few distinct texts a CRM export repeats on every row (channels,
 * campaigns, owners, stage names), so entity tables store an {@code int} per row instead of a reference.
 * Code {@link #NONE} stands for null.
 */
public final class TextCodes {
    public static final int NONE = -1;

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    public int code(String text) {
        if (text == null) return NONE;
        Integer c = codes.get(text);
        if (c != null) return c;
        codes.put(text, texts.size());
        texts.add(text);
        return texts.size() - 1;
    }

    /** The text of a code; null for {@link #NONE}. */
    public String text(int code) { return code == NONE ? null : texts.get(code); }

    public int size() { return texts.size(); }
}
