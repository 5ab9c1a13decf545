package textnet.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteTokenTableTest {

    private static int idOf(ByteTokenTable table, String token) {
        byte[] b = token.getBytes(StandardCharsets.UTF_8);
        return table.idOf(b, b.length, ByteTokenTable.hash(b, b.length));
    }

    private static int find(ByteTokenTable table, String token) {
        byte[] b = token.getBytes(StandardCharsets.UTF_8);
        return table.find(b, b.length, ByteTokenTable.hash(b, b.length));
    }

    @Test
    void denseIdsInOrderOfFirstSightThroughManyRehashes() {
        ByteTokenTable table = new ByteTokenTable();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String token = Integer.toString(random.nextInt(50_000), 36) + (i % 7 == 0 ? "é" : "");
            int id = idOf(table, token);
            assertEquals(expected.computeIfAbsent(token, t -> expected.size()), id, token);
        }
        assertEquals(expected.size(), table.size());
        expected.forEach((token, id) -> assertEquals(token, table.token(id)));
    }

    /**
     * Tokens that share their first 8 or 16 bytes (what a slot keeps) differ by length or by a later
     * byte, even when their hashes collide: every one gets its own id.
     */
    @Test
    void tokensSharingTheirPackedBytesAreToldApart() {
        String base = "abcdefghijklmnopqrstu";
        for (int run = 0; run < 4; run++) {
            int sameHash = run & 1;
            ByteTokenTable table = new ByteTokenTable();
            List<String> tokens = new java.util.ArrayList<>();
            for (int length = 1; length <= base.length(); length++) {
                tokens.add(base.substring(0, length));
                tokens.add(base.substring(0, length - 1) + "Z");
            }
            if (run >= 2) { // longer tokens first: a shorter one must not be taken for them
                java.util.Collections.reverse(tokens);
            }
            for (int round = 0; round < 2; round++) { // added, then found again
                for (int i = 0; i < tokens.size(); i++) {
                    byte[] b = tokens.get(i).getBytes(StandardCharsets.UTF_8);
                    int hash = sameHash == 1 ? 42 : ByteTokenTable.hash(b, b.length);
                    assertEquals(i, table.idOf(b, b.length, hash), tokens.get(i));
                    assertEquals(i, table.find(b, b.length, hash), tokens.get(i));
                }
            }
            assertEquals(tokens.size(), table.size());
            byte[] longer = (base + "v").getBytes(StandardCharsets.UTF_8);
            assertEquals(-1, table.find(longer, longer.length, sameHash == 1 ? 42 : ByteTokenTable.hash(longer, longer.length)));
        }
    }

    @Test
    void findsOnlyWhatWasAdded() {
        ByteTokenTable table = new ByteTokenTable();
        idOf(table, "good");
        idOf(table, "bad");
        assertEquals(0, find(table, "good"));
        assertEquals(1, find(table, "bad"));
        assertEquals(-1, find(table, "badly"));
        assertEquals(-1, find(table, ""));
    }

    @Test
    void countsAddUpAndTiesGoByToken() {
        TokenCounts a = counts("b a a", "c");
        TokenCounts b = counts("d b, B", "");
        TokenCounts sum = TokenCounts.plus(a, b);
        assertEquals(List.of("b", "a", "c", "d"), sum.mostFrequent(10));
        assertEquals(List.of("b", "a"), TokenCounts.plus(b, a).mostFrequent(2));
    }

    private static TokenCounts counts(String... texts) {
        TokenCounter counter = new TokenCounter(TextVectorizerTest.KERAS);
        for (String t : texts) {
            counter.add(t);
        }
        return counter.counts();
    }
}
