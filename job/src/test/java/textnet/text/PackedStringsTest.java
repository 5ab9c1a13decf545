package textnet.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Strings packed into one char array come back as they were, through Java serialization too. */
class PackedStringsTest {

    @Test
    void anyStringsComeBackAsTheyWere() throws Exception {
        String[] strings = {"", "the", "café", "日本語", "", "", "", "3:1048576"};
        strings[4] = "emoji \uD83D\uDE00";
        strings[5] = "lone \uD800 surrogate";
        PackedStrings packed = PackedStrings.of(strings);
        assertEquals(strings.length, packed.size());
        assertArrayEquals(strings, packed.toArray());
        assertEquals(List.of(strings), List.of(PackedStrings.of(List.of(strings)).toArray()));
        assertArrayEquals(strings, roundTrip(packed).toArray());
        assertEquals(0, PackedStrings.of(new String[0]).toArray().length);
    }

    /** The classes that carry packed strings serialize to what they were. */
    @Test
    void tokenCountsSurviveSerialization() throws Exception {
        TokenCounts counts = new TokenCounts(new String[] {"b", "a", "café"}, new long[] {3, 5, 1}, new long[] {2, 4, 1});
        TokenCounts back = roundTrip(counts);
        assertEquals(counts.mostFrequent(3), back.mostFrequent(3));
        assertArrayEquals(counts.documentsWith(List.of("a", "café", "zz")), back.documentsWith(List.of("a", "café", "zz")));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
