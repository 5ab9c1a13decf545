package textnet.text;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenTableTest {

    @Test
    void denseIdsInOrderOfFirstSightThroughManyRehashes() {
        TokenTable table = new TokenTable();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String token = Integer.toString(random.nextInt(50_000), 36);
            String text = "<" + token + ">";
            int id = table.idOf(text, 1, text.length() - 1);
            assertEquals(expected.computeIfAbsent(token, t -> expected.size()), id, token);
        }
        assertEquals(expected.size(), table.size());
        expected.forEach((token, id) -> assertEquals(token, table.token(id)));
    }

    @Test
    void countsAddUpAndTiesGoByToken() {
        Tokenizer tokenizer = new Tokenizer(TextVectorizerTest.KERAS);
        TokenCounts a = counts(tokenizer, "b a a", "c");
        TokenCounts b = counts(tokenizer, "d b, B", "");
        TokenCounts sum = TokenCounts.plus(a, b);
        assertEquals(List.of("b", "a", "c", "d"), sum.mostFrequent(10));
        assertEquals(List.of("b", "a"), TokenCounts.plus(b, a).mostFrequent(2));
    }

    @Test
    void findsOnlyWhatWasAdded() {
        TokenTable table = new TokenTable();
        table.idOf("xgoodx", 1, 5);
        table.idOf("bad", 0, 3);
        assertEquals(0, table.find("a good one", 2, 6));
        assertEquals(1, table.find("bad", 0, 3));
        assertEquals(-1, table.find("badly", 0, 5));
    }

    private static TokenCounts counts(Tokenizer tokenizer, String... texts) {
        TokenCounter counter = new TokenCounter(tokenizer);
        for (String t : texts) {
            counter.add(t);
        }
        return counter.counts();
    }
}
