package dev.kpi.calc;

import dev.kpi.records.Deal;
import dev.kpi.records.Lead;
import dev.kpi.records.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link FirstWonTable} against hand-derived cases and against a plain {@code HashMap} holding what the
 * table replaced in {@link CacCalculator}: {@code map.merge(key, offered, (a, b) -> a.before(b) ? a : b)}.
 */
class FirstWonTableTest {
    /** One offer, and the reference entry: the record CacCalculator kept per customer before the table. */
    record Ref(String key, long second, int nano, String dealId, String channel, String campaign, String contactId,
               String accountId) {
        /** The old FirstWon.before: earlier second, then nano, then smaller id by String.compareTo. */
        boolean before(Ref o) {
            if (second != o.second) return second < o.second;
            if (nano != o.nano) return nano < o.nano;
            return dealId.compareTo(o.dealId) < 0;
        }

        void offerTo(FirstWonTable t) {
            t.offer(key, second, nano, dealId, channel, campaign, contactId, accountId);
        }
    }

    static Map<String, Ref> reference(List<Ref> offers) {
        Map<String, Ref> m = new HashMap<>();
        for (Ref r : offers) m.merge(r.key(), r, (a, b) -> a.before(b) ? a : b);
        return m;
    }

    /** The table's entries, decoded, keyed by customer key; also checks size, closedDay and key uniqueness. */
    static Map<String, Ref> contents(FirstWonTable t) {
        Map<String, Ref> m = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            Ref r = new Ref(t.key(i), t.closedSecond(i), t.closedNano(i), t.dealId(i), t.channel(i), t.campaign(i),
                    t.contactId(i), t.accountId(i));
            assertNull(m.put(r.key(), r), "key twice: " + r.key());
            LocalDate expected = LocalDateTime.ofEpochSecond(r.second(), r.nano(), ZoneOffset.UTC).toLocalDate();
            assertEquals(expected, t.closedDay(i));
        }
        return m;
    }

    static FirstWonTable table(Ref... offers) {
        FirstWonTable t = new FirstWonTable();
        for (Ref r : offers) r.offerTo(t);
        return t;
    }

    static Ref only(FirstWonTable t) {
        assertEquals(1, t.size());
        return contents(t).values().iterator().next();
    }

    static final long JAN_20 = LocalDate.of(2025, 1, 20).atStartOfDay().toEpochSecond(ZoneOffset.UTC); // 1737331200

    // ---- hand-written cases ----

    @Test void earlierCloseWinsWhicheverComesFirst() {
        Ref late = new Ref("A", JAN_20 + 60, 0, "D1", "Paid Search", "Brand", "c1", "A");
        Ref early = new Ref("A", JAN_20, 999_999_999, "D2", "Paid Social", null, null, "A");
        assertEquals(early, only(table(late, early)));
        assertEquals(early, only(table(early, late)));
        assertEquals(1737331200L, JAN_20);
    }

    @Test void sameSecondEarlierNanoWins() {
        Ref a = new Ref("A", JAN_20, 5, "D9", "x", "y", "c", "A");
        Ref b = new Ref("A", JAN_20, 4, "Z1", null, null, null, null);
        assertEquals(b, only(table(a, b)));
        assertEquals(b, only(table(b, a)));
    }

    @Test void fullTieOnTimeTakesTheSmallerIdByCompareTo() {
        Ref d10 = new Ref("A", JAN_20, 0, "D10", "ten", null, null, "A");
        Ref d9 = new Ref("A", JAN_20, 0, "D9", "nine", null, null, "A");
        // "D10" < "D9" as strings ('1' < '9'), whatever the numbers say.
        assertEquals(d10, only(table(d9, d10)));
        assertEquals(d10, only(table(d10, d9)));
    }

    @Test void idsComparedAsStringsNotAsUtf8Bytes() {
        String replacement = "\uFFFD";            // U+FFFD, UTF-8 EF BF BD
        String grin = "\uD83D\uDE00";             // U+1F600, UTF-8 F0 9F 98 80: larger in bytes
        // String.compareTo compares chars: 0xFFFD - 0xD83D = 10176 > 0, so the emoji's surrogate pair is smaller.
        assertEquals(10176, replacement.compareTo(grin));
        assertTrue(Arrays.compare(replacement.getBytes(StandardCharsets.UTF_8), grin.getBytes(StandardCharsets.UTF_8)) < 0);
        Ref r = new Ref("A", JAN_20, 0, replacement, "r", null, null, "A");
        Ref g = new Ref("A", JAN_20, 0, grin, "g", null, null, "A");
        assertEquals(g, only(table(r, g)));
        assertEquals(g, only(table(g, r)));
        // Through a merge too (the stored id is decoded from the other table's bytes).
        FirstWonTable t = table(r);
        t.mergeFrom(table(g));
        assertEquals(g, only(t));
        FirstWonTable u = table(g);
        u.mergeFrom(table(r));
        assertEquals(g, only(u));
    }

    @Test void fullTieIncludingIdTakesTheOfferedEntryAsMapMergeDid() {
        // Same deal twice with different fields: the old map kept the later one (the merge function's b).
        Ref first = new Ref("A", JAN_20, 0, "D1", "one", null, null, "A");
        Ref again = new Ref("A", JAN_20, 0, "D1", "two", "camp", "c", "A");
        assertEquals(again, only(table(first, again)));
        assertEquals(reference(List.of(first, again)).get("A"), only(table(first, again)));
        FirstWonTable t = table(first);
        t.mergeFrom(table(again));
        assertEquals(again, only(t));
    }

    @Test void nullContactChannelCampaignAndAccount() {
        Ref r = new Ref("deal:D1", JAN_20, 0, "D1", null, null, null, null);
        FirstWonTable t = table(r);
        assertNull(t.channel(0));
        assertNull(t.campaign(0));
        assertNull(t.contactId(0));
        assertNull(t.accountId(0));
        assertEquals("D1", t.dealId(0));
        assertEquals("deal:D1", t.key(0));
        assertEquals(LocalDate.of(2025, 1, 20), t.closedDay(0));
    }

    @Test void accountIdThatIsTheKeyAndOneThatIsNot() {
        FirstWonTable t = table(
                new Ref("ACME", JAN_20, 0, "D1", null, null, "c1", "ACME"),
                // The empty account id is not the key (customerKey skips it) and must come back as "", not null.
                new Ref("contact:c2", JAN_20, 0, "D2", null, null, "c2", ""),
                new Ref("contact:c3", JAN_20, 0, "D3", null, null, "c3", null));
        Map<String, Ref> m = contents(t);
        assertEquals("ACME", m.get("ACME").accountId());
        assertEquals("", m.get("contact:c2").accountId());
        assertNull(m.get("contact:c3").accountId());
        assertEquals("c2", m.get("contact:c2").contactId());
    }

    @Test void nonAsciiAndUnpairedSurrogateKeysStayDistinct() {
        // getBytes(UTF_8) turns an unpaired surrogate into '?', which would merge the first three customers.
        String[] keys = {"a?", "a\uD800", "a\uDC00", "Société Générale", "日本株式会社", "\uD83D\uDE00 GmbH", "", "a"};
        FirstWonTable t = new FirstWonTable();
        for (int i = 0; i < keys.length; i++) {
            t.offer(keys[i], JAN_20 + i, 0, "id-" + keys[i], "ch" + i, null, "contact " + keys[i], keys[i]);
        }
        Map<String, Ref> m = contents(t);
        assertEquals(keys.length, m.size());
        for (int i = 0; i < keys.length; i++) {
            Ref r = m.get(keys[i]);
            assertEquals(JAN_20 + i, r.second());
            assertEquals("id-" + keys[i], r.dealId());
            assertEquals("contact " + keys[i], r.contactId());
            assertEquals(keys[i], r.accountId());
            assertEquals("ch" + i, r.channel());
        }
    }

    @Test void closedDayBeforeEpochFloors() {
        FirstWonTable t = table(new Ref("A", -1, 500, "D", null, null, null, "A")); // 1969-12-31T23:59:59.0000005
        assertEquals(LocalDate.of(1969, 12, 31), t.closedDay(0));
    }

    @Test void nullDealIdFailsOnATieAsCompareToDid() {
        FirstWonTable t = table(new Ref("A", JAN_20, 0, null, null, null, null, "A"));
        assertNull(t.dealId(0));
        t.offer("A", JAN_20 + 1, 0, "later", null, null, null, "A"); // no tie: fine
        assertThrows(NullPointerException.class, () -> t.offer("A", JAN_20, 0, "D", null, null, null, "A"));
    }

    @Test void longerReplacementPayloadIsAppendedShorterOverwrites() {
        FirstWonTable t = new FirstWonTable();
        t.offer("K", 100, 0, "short", "a", null, null, "K");
        t.offer("K", 90, 0, "a much longer deal id é", "b", "camp", "a contact id", "not the key");
        assertEquals(new Ref("K", 90, 0, "a much longer deal id é", "b", "camp", "a contact id", "not the key"), only(t));
        t.offer("K", 80, 0, "s", null, null, null, null);
        assertEquals(new Ref("K", 80, 0, "s", null, null, null, null), only(t));
    }

    @Test void arenaOverflowIsAnErrorNotAWrap() {
        assertEquals(49, FirstWonTable.grownCapacity(32, 40)); // half as much again, plus one
        assertEquals(1000, FirstWonTable.grownCapacity(32, 1000));
        assertEquals(Integer.MAX_VALUE - 8, FirstWonTable.grownCapacity(1_500_000_000, 1_500_000_001));
        assertThrows(IllegalStateException.class, () -> FirstWonTable.grownCapacity(Integer.MAX_VALUE - 8, (long) Integer.MAX_VALUE));
    }

    @Test void encodingRoundTripsAndIsUtf8ForWellFormedText() {
        for (String s : new String[] {"", "abc", "é", "日本", "\uD83D\uDE00", "\uFFFD", "x\uD800y", "\uDC00", "\uD800"}) {
            byte[] b = new byte[3 * s.length()];
            int n = FirstWonTable.encode(s, b, 0);
            assertEquals(FirstWonTable.encodedLength(s), n);
            assertEquals(s, FirstWonTable.decode(b, 0, n));
            boolean wellFormed = !s.contains("\uD800") && !s.contains("\uDC00");
            if (wellFormed) assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(b, n));
        }
    }

    // ---- growth ----

    @Test void growsPastManyDoublings() {
        FirstWonTable t = new FirstWonTable(); // 16 entries, 32 slots, 512 bytes of arena to start
        int n = 300_000;                      // > 16 · 2^14: 15 doublings of the entries
        for (int i = 0; i < n; i++) {
            String key = "customer-é-" + i;
            t.offer(key, i, i % 7, "deal-" + i, "ch" + (i % 5), i % 3 == 0 ? null : "camp" + (i % 2000),
                    i % 4 == 0 ? null : "contact-" + i, i % 2 == 0 ? key : null);
        }
        // Offer each again, later: nothing changes; earlier for every tenth: replaced.
        for (int i = 0; i < n; i++) {
            String key = "customer-é-" + i;
            long second = i % 10 == 0 ? i - 1_000_000 : i + 1;
            t.offer(key, second, 0, "again-" + i, null, null, null, null);
        }
        assertEquals(n, t.size());
        Map<String, Ref> m = contents(t);
        for (int i = 0; i < n; i++) {
            String key = "customer-é-" + i;
            Ref r = m.get(key);
            if (i % 10 == 0) {
                assertEquals(new Ref(key, i - 1_000_000, 0, "again-" + i, null, null, null, null), r);
            } else {
                assertEquals(new Ref(key, i, i % 7, "deal-" + i, "ch" + (i % 5), i % 3 == 0 ? null : "camp" + (i % 2000),
                        i % 4 == 0 ? null : "contact-" + i, i % 2 == 0 ? key : null), r);
            }
        }
    }

    // ---- randomized differential test ----

    static final String[] ID_PREFIXES = {"D", "d", "\uFFFD", "\uD83D\uDE00", "é", "\uD800", "日", "D-"};
    static final String[] KEY_PREFIXES = {"acct-", "Société ", "日本", "\uD83D\uDE00", "a\uDC00", "x?"};

    /**
     * ~200k offers over ~20k keys. A deal (key, id) always carries the same time and fields, as a repeated row of
     * the same deal would, so a full tie has one possible winner and the result cannot depend on the order; times
     * come from few values so ties on time (decided by the id) are common.
     */
    static List<Ref> randomOffers(long seed, int keys, int offers) {
        Random rnd = new Random(seed);
        String[] keyOf = new String[keys];
        int[] kind = new int[keys];
        for (int k = 0; k < keys; k++) {
            kind[k] = rnd.nextInt(4);
            String base = KEY_PREFIXES[rnd.nextInt(KEY_PREFIXES.length)] + k;
            keyOf[k] = kind[k] <= 1 ? base : kind[k] == 2 ? "contact:" + base : "deal:" + base;
        }
        String[] channels = {null, "Paid Search", "Paid Social", "Organic", "Email", "Référent"};
        List<Ref> out = new ArrayList<>(offers);
        for (int i = 0; i < offers; i++) {
            int k = rnd.nextInt(keys);
            String key = keyOf[k];
            String id = ID_PREFIXES[rnd.nextInt(ID_PREFIXES.length)] + rnd.nextInt(12);
            Random d = new Random(key.hashCode() * 31L + id.hashCode());
            long second = 1_700_000_000L + (d.nextInt(8) - 2) * 86_400L * 400 + d.nextInt(3); // 2020 … 2030
            if (d.nextInt(50) == 0) second = -86_400L * 3 - d.nextInt(2); // before 1970
            int nano = new int[] {0, 0, 1, 999_999_999}[d.nextInt(4)];
            String channel = channels[d.nextInt(channels.length)];
            String campaign = d.nextInt(4) == 0 ? null : "campaign " + d.nextInt(3000);
            String contact = d.nextInt(3) == 0 ? null : "c" + d.nextInt(50_000) + (d.nextBoolean() ? "" : "é");
            String account = switch (kind[k]) {
                case 0, 1 -> key;                       // the customer key is the account id
                case 2 -> d.nextBoolean() ? null : "";  // empty account id: the key falls back to the contact
                default -> null;
            };
            out.add(new Ref(key, second, nano, id, channel, campaign, contact, account));
        }
        return out;
    }

    @Test void randomOffersMatchTheMapInAnyOrderAndSplit() {
        List<Ref> offers = randomOffers(20250120L, 20_000, 200_000);
        Map<String, Ref> expected = reference(offers);
        assertTrue(expected.size() > 19_000, "keys: " + expected.size());

        FirstWonTable single = new FirstWonTable();
        for (Ref r : offers) r.offerTo(single);
        assertEquals(expected, contents(single));

        Random rnd = new Random(7);
        for (int round = 0; round < 3; round++) {
            List<FirstWonTable> parts = new ArrayList<>();
            int from = 0;
            for (int p = 0; p < 7; p++) {
                int to = p == 6 ? offers.size() : from + rnd.nextInt(2 * offers.size() / 7);
                to = Math.min(to, offers.size());
                FirstWonTable part = new FirstWonTable();
                for (Ref r : offers.subList(from, to)) r.offerTo(part);
                parts.add(part);
                from = to;
            }
            Collections.shuffle(parts, rnd);
            // As CacCalculator does: a main table (here with some offers of its own first) merges the chunks.
            FirstWonTable main = new FirstWonTable();
            List<Ref> own = offers.subList(0, 1000 * round);
            for (Ref r : own) r.offerTo(main);
            for (FirstWonTable p : parts) main.mergeFrom(p);
            assertEquals(expected, contents(main), "round " + round);
        }

        List<Ref> shuffled = new ArrayList<>(offers);
        Collections.shuffle(shuffled, new Random(11));
        FirstWonTable other = new FirstWonTable();
        for (Ref r : shuffled) r.offerTo(other);
        assertEquals(expected, contents(other));
    }

    // ---- through CacCalculator ----

    /**
     * A deal with an empty account id: its customer is its contact, and its channel comes from the lead stored
     * under account "" (leadByAccount.get("")), as it did with the map; a null account id looks nothing up.
     */
    @Test void emptyAccountIdStillLooksUpTheLeadsOfAccountEmpty() {
        for (String account : new String[] {"", null}) {
            CacCalculator c = new CacCalculator(new CacCalculator.Options(List.of(Dimension.CHANNEL), CacCalculatorTest.Q1,
                    0, null, null, null));
            // A lead without an id but with account "": only leadByAccount can lead to it.
            c.add(new Lead(null, LocalDate.of(2025, 1, 2).atTime(9, 0), "Events", "Events", null, null, null, null,
                    null, null, "", null, null, null, null, null));
            c.add(new Deal("D1", account, List.of("c9"), null, LocalDate.of(2025, 1, 20).atTime(12, 0), "Won",
                    Outcome.WON, 0, false, null, null, null, null, null, null, null, Map.of()));
            Report r = c.finish(CacCalculatorTest.FX);
            assertEquals(1L, r.total().get("newCustomers"));
            String expectedChannel = account == null ? Dimension.NONE : "Events";
            assertEquals(1L, CacCalculatorTest.find(r, "channel", expectedChannel).get("newCustomers"), "account " + account);
        }
    }
}
