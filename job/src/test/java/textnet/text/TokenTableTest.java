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
        TokenCounts a = TokenizedPartition.countsOf(List.of("b a a", "c").iterator(), tokenizer);
        TokenCounts b = TokenizedPartition.countsOf(List.of("d b, B", "").iterator(), tokenizer);
        TokenCounts sum = TokenCounts.plus(a, b);
        assertEquals(List.of("b", "a", "c", "d"), sum.mostFrequent(10));
        assertEquals(List.of("b", "a"), TokenCounts.plus(b, a).mostFrequent(2));
    }
}
