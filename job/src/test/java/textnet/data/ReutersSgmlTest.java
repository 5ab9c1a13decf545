package textnet.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReutersSgmlTest {

    static String fixture() throws IOException {
        try (InputStream in = ReutersSgmlTest.class.getResourceAsStream("reuters-quirks.sgm")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Map<String, ReutersDocument> byNewId(ReutersSgml.Parsed parsed) {
        return parsed.documents().stream().collect(Collectors.toMap(ReutersDocument::newId, Function.identity()));
    }

    @Test
    void parsesEveryWellFormedChunkInFileOrder() throws IOException {
        ReutersSgml.Parsed parsed = ReutersSgml.parse("reut2-000.sgm", fixture());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"),
                parsed.documents().stream().map(ReutersDocument::newId).toList());
    }

    @Test
    void reportsBrokenChunksWithFileNameAndLine() throws IOException {
        List<String> problems = ReutersSgml.parse("reut2-000.sgm", fixture()).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("reut2-000.sgm line "), problems.get(0));
        assertTrue(problems.get(0).contains("no NEWID"), problems.get(0));
        assertTrue(problems.get(1).contains("no closing </REUTERS>"), problems.get(1));
    }

    @Test
    void textIsTitleSpaceBodyWithEntitiesDecoded() throws IOException {
        ReutersDocument d = byNewId(ReutersSgml.parse("f", fixture())).get("1");
        // &lt; &gt; &amp; &quot; &apos; decoded, unknown &foo; kept, &#127; a character, &#3; a space, 0xE9 = é.
        assertEquals("PROFIT <UP> AT CAF\u00e9 CO Net rose & sales \"grew\" 'a lot' &foo; \u007fX.\n Reuter\n ",
                d.text());
        assertEquals(List.of("earn"), d.topics());
        assertEquals("YES", d.topicsAttribute());
        assertEquals("TRAIN", d.lewisSplit());
    }

    @Test
    void missingTitleOrBodyLeavesTheOther() throws IOException {
        Map<String, ReutersDocument> docs = byNewId(ReutersSgml.parse("f", fixture()));
        assertEquals("Body without a title.\n ", docs.get("2").text());
        assertEquals("BRIEF TITLE ONLY", docs.get("3").text());
    }

    @Test
    void unprocessedTextIsTheTextElementWithoutTags() throws IOException {
        ReutersDocument d = byNewId(ReutersSgml.parse("f", fixture())).get("4");
        assertEquals(" \nSHORT <X> NOTICE here \n ", d.text());
    }

    @Test
    void topicsComeFromTheTopicsElementOnly() throws IOException {
        Map<String, ReutersDocument> docs = byNewId(ReutersSgml.parse("f", fixture()));
        assertEquals(List.of("earn", "acq"), docs.get("6").topics());
        assertEquals(List.of(), docs.get("9").topics());
        assertEquals("NO", docs.get("5").topicsAttribute());
        assertEquals("NOT-USED", docs.get("7").lewisSplit());
    }

    @Test
    void numericReferencesBelow32BecomeSpacesAndOutOfRangeOnesStay() {
        assertEquals(" a b c", ReutersSgml.decodeEntities("&#2;a&#31;b&#3;c"));
        assertEquals("&#9999999; &#x41; &unknown;", ReutersSgml.decodeEntities("&#9999999; &#x41; &unknown;"));
        assertEquals("<&amp;>", ReutersSgml.decodeEntities("&lt;&amp;amp;&gt;"));
    }
}
