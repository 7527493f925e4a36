package dev.kpi.input.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads money cells as users' files have them: {@code 1234.56}, {@code $1,234.56}, {@code 1.234,56 €},
 * {@code €1.234,56}, {@code (123.45)}, {@code -$12.00}, {@code $-12.00}, {@code USD 12}, {@code 12 USD},
 * {@code EUR 1.234,56}, {@code CHF 1'234.50}, {@code 1 234,56 €} with no-break or narrow no-break spaces,
 * {@code R$ 1.234,56}, {@code 100 zł}.
 *
 * <h2>Number</h2>
 * The amount follows the rules of {@link NumberParser} for the file's {@link NumberLocale} (thousands separators only
 * in valid positions, parentheses or a sign for negatives, six decimals kept, half-even rounding). Scientific notation
 * is rejected (a spreadsheet's display of a large amount whose digits were dropped), and so is {@code %}.
 *
 * <h2>Currency</h2>
 * A currency may stand before or after the number (or both, if they agree), outside or inside the sign and
 * parentheses, with or without a blank. It is either a three-letter ISO 4217 code in any case ({@code usd 12} gives
 * USD; an unknown code such as {@code XYZ} is an error) or a symbol:
 * <ul>
 *   <li>{@code €} EUR, {@code £} GBP, {@code ₹} INR, {@code R$} BRL, {@code zł} PLN, {@code Kč} CZK, {@code Ft} HUF,
 *       {@code lei} RON, {@code ₽ ₩ ₺ ₪ ₫ ₱ ฿ ₴ ₦}, {@code RMB}, {@code 元} and {@code CN¥} CNY, {@code JP¥} JPY;</li>
 *   <li>prefixed dollars: {@code US$} USD, {@code CA$ C$} CAD, {@code A$ AU$} AUD, {@code NZ$} NZD, {@code HK$} HKD,
 *       {@code S$ SG$} SGD, {@code MX$} MXN, {@code NT$} TWD;</li>
 *   <li>weak symbols, whose meaning is a guess: {@code $} gives USD and {@code ¥}/{@code ￥} JPY (the common
 *       meanings; a Canadian or Chinese file should map them in the constructor), {@code kr} and {@code kr.} give
 *       null (Swedish, Norwegian, Danish or Icelandic krona: ambiguous, so left to the caller).</li>
 * </ul>
 * An ISO code beats a weak symbol ({@code CAD $12} is CAD); two different strong currencies in one cell are an error.
 *
 * <h2>Placeholders</h2>
 * Callers check {@link NumberParser#isMissing} first; {@link #parse} throws for placeholders with reason "empty" or
 * "no value (placeholder)".
 *
 * <p>Instances are immutable and thread-safe; a cell without a currency allocates only its result.
 */
public final class MoneyParser {
    private static final List<Symbol> DEFAULT_SYMBOLS = List.of(
            strong("US$", "USD"), strong("CA$", "CAD"), strong("C$", "CAD"), strong("A$", "AUD"),
            strong("AU$", "AUD"), strong("NZ$", "NZD"), strong("HK$", "HKD"), strong("S$", "SGD"),
            strong("SG$", "SGD"), strong("MX$", "MXN"), strong("R$", "BRL"), strong("NT$", "TWD"),
            weak("$", "USD"),
            strong("\u20AC", "EUR"), strong("\u00A3", "GBP"),
            weak("\u00A5", "JPY"), weak("\uFFE5", "JPY"), strong("JP\u00A5", "JPY"), strong("CN\u00A5", "CNY"),
            strong("RMB", "CNY"), strong("\u5143", "CNY"),
            strong("\u20B9", "INR"), strong("\u20BD", "RUB"), strong("\u20A9", "KRW"), strong("\u20BA", "TRY"),
            strong("\u20AA", "ILS"), strong("\u20AB", "VND"), strong("\u20B1", "PHP"), strong("\u0E3F", "THB"),
            strong("\u20B4", "UAH"), strong("\u20A6", "NGN"),
            strong("z\u0142", "PLN"), strong("K\u010D", "CZK"), strong("Ft", "HUF"), strong("lei", "RON"),
            weak("kr.", null), weak("kr", null));

    /** ISO 4217 codes by (a*26 + b)*26 + c over upper-case letters, so a code is looked up without a String. */
    private static final Symbol[] NO_SYMBOLS = {};

    /**
     * The ISO 4217 codes the JDK knows, by {@link #isoIndex}. A holder class: loading the JDK's currency data
     * costs a few milliseconds of start-up, paid only when a value or a setting names a code.
     */
    private static final class Iso {
        static final Symbol[] CODES = new Symbol[26 * 26 * 26];

        static {
            for (Currency c : Currency.getAvailableCurrencies()) {
                String code = c.getCurrencyCode();
                if (code.length() == 3) CODES[isoIndex(code, 0)] = strong(code, code);
            }
        }
    }

    private final NumberParser numbers;
    /** Symbols grouped by their lower-cased first (last) character, longest first within a group. */
    private final char[] firstChars;
    private final Symbol[][] byFirstChar;
    private final char[] lastChars;
    private final Symbol[][] byLastChar;

    public MoneyParser(NumberLocale locale) {
        this(locale, Map.of());
    }

    /** Parsers with the default symbols, one per number locale: immutable, and building one costs a few milliseconds of start-up. */
    private static final Map<NumberLocale, MoneyParser> DEFAULTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The parser with the default symbols for {@code locale} (shared: parsers are immutable). */
    public static MoneyParser of(NumberLocale locale) {
        return DEFAULTS.computeIfAbsent(locale, MoneyParser::new);
    }

    /**
     * A parser whose symbols are the defaults plus {@code symbolCurrencies}, which adds symbols or changes their
     * meaning: {@code "$" -> "CAD"}, {@code "kr" -> "SEK"}, {@code "Rs" -> "INR"}. A null or blank value makes the
     * symbol mean "currency unknown" (null in the result). Codes must be ISO 4217.
     */
    public MoneyParser(NumberLocale locale, Map<String, String> symbolCurrencies) {
        this.numbers = new NumberParser(locale);
        List<Symbol> all = new ArrayList<>(DEFAULT_SYMBOLS);
        symbolCurrencies.forEach((text, code) -> {
            if (text == null || text.isBlank() || Character.isDigit(text.charAt(0))) {
                throw new IllegalArgumentException("not a currency symbol: '" + text + "'");
            }
            String iso = code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
            if (iso != null && (!isAsciiLetters(iso) || Iso.CODES[isoIndex(iso, 0)] == null)) {
                throw new IllegalArgumentException("not an ISO 4217 currency code: '" + code + "'");
            }
            all.removeIf(s -> s.text.equalsIgnoreCase(text.trim()));
            all.add(iso == null ? weak(text.trim(), null) : strong(text.trim(), iso));
        });
        all.sort(Comparator.comparingInt((Symbol s) -> s.text.length()).reversed());
        Map<Character, List<Symbol>> first = new LinkedHashMap<>();
        Map<Character, List<Symbol>> last = new LinkedHashMap<>();
        for (Symbol sym : all) {
            first.computeIfAbsent(Character.toLowerCase(sym.text.charAt(0)), k -> new ArrayList<>()).add(sym);
            last.computeIfAbsent(Character.toLowerCase(sym.text.charAt(sym.text.length() - 1)), k -> new ArrayList<>())
                    .add(sym);
        }
        this.firstChars = keys(first);
        this.byFirstChar = groups(first);
        this.lastChars = keys(last);
        this.byLastChar = groups(last);
    }

    private static char[] keys(Map<Character, List<Symbol>> grouped) {
        char[] keys = new char[grouped.size()];
        int i = 0;
        for (Character c : grouped.keySet()) keys[i++] = c;
        return keys;
    }

    private static Symbol[][] groups(Map<Character, List<Symbol>> grouped) {
        return grouped.values().stream().map(l -> l.toArray(new Symbol[0])).toArray(Symbol[][]::new);
    }

    private static Symbol[] candidates(char[] keys, Symbol[][] groups, char c) {
        char lower = Character.toLowerCase(c);
        for (int i = 0; i < keys.length; i++) if (keys[i] == lower) return groups[i];
        return NO_SYMBOLS;
    }

    public NumberLocale locale() {
        return numbers.locale();
    }

    /** Reads a money cell; see the class comment for the accepted forms and currency rules. */
    public MoneyValue parse(CharSequence raw) throws ValueException {
        try {
            return read(raw);
        } catch (ValueException e) {
            throw NumberParser.explain(raw, e);
        }
    }

    private MoneyValue read(CharSequence s) throws ValueException {
        if (s == null) throw new ValueException("empty");
        int from = Spaces.skip(s, 0, s.length());
        int to = Spaces.skipBack(s, from, s.length());
        if (from == to) throw new ValueException("empty");
        boolean negative = false;
        boolean signed = false;
        Symbol strong = null;
        Symbol weak = null;
        for (int pass = 0; pass < 3 && from < to; pass++) {
            char c = s.charAt(from);
            if (isDigit(c)) break;
            if (c == '(' && !signed) {
                if (s.charAt(to - 1) != ')') throw notMoney();
                negative = signed = true;
                from = Spaces.skip(s, from + 1, to - 1);
                to = Spaces.skipBack(s, from, to - 1);
            } else if (NumberParser.isSign(c) && !signed) {
                negative = c != '+';
                signed = true;
                from = Spaces.skip(s, from + 1, to);
            } else if (c == numbers.locale().decimal()) {
                break;
            } else {
                Symbol sym = prefix(s, from, to);
                if (sym == null) throw notMoney();
                if (sym.weak) weak = agree(weak, sym);
                else strong = agree(strong, sym);
                from = Spaces.skip(s, from + sym.text.length(), to);
            }
        }
        if (from < to && !isDigit(s.charAt(to - 1))) {
            Symbol sym = suffix(s, from, to);
            if (sym == null) throw notMoney();
            if (sym.weak) weak = agree(weak, sym);
            else strong = agree(strong, sym);
            to = Spaces.skipBack(s, from, to - sym.text.length());
        }
        if (from >= to) throw notMoney();
        long shape = numbers.validate(s, from, to, false);
        long micros = NumberParser.scaled(s, from, to, NumberParser.decimalAt(shape), 6, false);
        String currency = strong != null ? strong.code : weak != null ? weak.code : null;
        return new MoneyValue(negative ? -micros : micros, currency);
    }

    private static Symbol agree(Symbol seen, Symbol next) throws ValueException {
        if (seen != null && !Objects.equals(seen.code, next.code)) {
            throw new ValueException("two different currencies");
        }
        return next;
    }

    /** The currency symbol or ISO code starting at {@code from}, or null. */
    private Symbol prefix(CharSequence s, int from, int to) throws ValueException {
        for (Symbol sym : candidates(firstChars, byFirstChar, s.charAt(from))) {
            int end = from + sym.text.length();
            if (end <= to && Spaces.equalsIgnoreCase(s, from, end, sym.text)
                    && !(sym.endsWithLetter && end < to && Character.isLetter(s.charAt(end)))) {
                return sym;
            }
        }
        if (from + 3 <= to && isAsciiLetters(s, from, from + 3)
                && !(from + 3 < to && Character.isLetter(s.charAt(from + 3)))) {
            return iso(s, from);
        }
        return null;
    }

    /** The currency symbol or ISO code ending at {@code to}, or null. */
    private Symbol suffix(CharSequence s, int from, int to) throws ValueException {
        for (Symbol sym : candidates(lastChars, byLastChar, s.charAt(to - 1))) {
            int start = to - sym.text.length();
            if (start >= from && Spaces.equalsIgnoreCase(s, start, to, sym.text)
                    && !(sym.startsWithLetter && start > from && Character.isLetter(s.charAt(start - 1)))) {
                return sym;
            }
        }
        if (to - 3 >= from && isAsciiLetters(s, to - 3, to)
                && !(to - 3 > from && Character.isLetter(s.charAt(to - 4)))) {
            return iso(s, to - 3);
        }
        return null;
    }

    private static Symbol iso(CharSequence s, int at) throws ValueException {
        Symbol sym = Iso.CODES[isoIndex(s, at)];
        if (sym == null) throw new ValueException("unknown currency '" + s.subSequence(at, at + 3) + "'");
        return sym;
    }

    private static int isoIndex(CharSequence s, int at) {
        int a = (s.charAt(at) | 0x20) - 'a';
        int b = (s.charAt(at + 1) | 0x20) - 'a';
        int c = (s.charAt(at + 2) | 0x20) - 'a';
        return (a * 26 + b) * 26 + c;
    }

    private static boolean isAsciiLetters(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (s.charAt(i) | 0x20);
            if (c < 'a' || c > 'z') return false;
        }
        return true;
    }

    private static boolean isAsciiLetters(String s) {
        return s.length() == 3 && isAsciiLetters(s, 0, 3);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static ValueException notMoney() {
        return new ValueException("not a money amount");
    }

    private static Symbol strong(String text, String code) {
        return new Symbol(text, code, false);
    }

    private static Symbol weak(String text, String code) {
        return new Symbol(text, code, true);
    }

    /** A currency marker as written in cells; a weak one is a guess that an ISO code or a strong symbol overrides. */
    private static final class Symbol {
        final String text;
        final String code;
        final boolean weak;
        final boolean startsWithLetter;
        final boolean endsWithLetter;

        Symbol(String text, String code, boolean weak) {
            this.text = text;
            this.code = code;
            this.weak = weak;
            this.startsWithLetter = Character.isLetter(text.charAt(0));
            this.endsWithLetter = Character.isLetter(text.charAt(text.length() - 1));
        }
    }
}
