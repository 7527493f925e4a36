package dev.kpi.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RowMapperTest {
    @Test void scientificNotationOfDamagedIds() {
        // what the regex -?\d(\.\d+)?[eE][+]?\d+ accepted, checked by hand
        for (String s : new String[] {"1.20253E+17", "1E+17", "-1.5e3", "9.9E9"}) assertTrue(RowMapper.looksScientific(s), s);
        for (String s : new String[] {"120253000000000000", "12.5E+3", "1.2E", "E5", "1.2E+", "1.2F+5", "A1E5", "1..2E5", "1.E5"}) {
            assertFalse(RowMapper.looksScientific(s), s);
        }
    }

    @Test void currencyCodes() {
        assertTrue(RowMapper.isCurrencyCode("EUR"));
        assertFalse(RowMapper.isCurrencyCode("EU"));
        assertFalse(RowMapper.isCurrencyCode("Eur"));
        assertFalse(RowMapper.isCurrencyCode("EURO"));
    }
}
