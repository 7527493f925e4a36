package dev.kpi.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatTest {
    @Test void parsesNamesAndAliasesIgnoringCase() {
        assertEquals(Format.TABLE, Format.parse("table"));
        assertEquals(Format.JSON, Format.parse("JSON"));
        assertEquals(Format.JSONL, Format.parse(" JsonL "));
        assertEquals(Format.JSONL, Format.parse("ndjson"));
        assertEquals(Format.CSV, Format.parse("Csv"));
        assertEquals(Format.MARKDOWN, Format.parse("markdown"));
        assertEquals(Format.MARKDOWN, Format.parse("MD"));
    }

    @Test void unknownNameListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Format.parse("xml"));
        assertTrue(e.getMessage().contains("'xml'") && e.getMessage().contains("jsonl"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Format.parse(null));
    }

    @Test void eachFormatHasItsRenderer() {
        assertInstanceOf(TableRenderer.class, Renderers.forFormat(Format.TABLE));
        assertInstanceOf(JsonRenderer.class, Renderers.forFormat(Format.JSON));
        assertInstanceOf(JsonlRenderer.class, Renderers.forFormat(Format.JSONL));
        assertInstanceOf(CsvRenderer.class, Renderers.forFormat(Format.CSV));
        assertInstanceOf(MarkdownRenderer.class, Renderers.forFormat(Format.MARKDOWN));
    }
}
