package textnet.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one Reuters-21578 file. The files are SGML, not XML (undeclared entities, unescaped {@code &}
 * and {@code <}, control characters), so this scans {@code <REUTERS ...>...</REUTERS>} chunks with
 * regular expressions instead of using an XML parser. Pure Java, so it can be tested without Spark.
 *
 * <p>A document's text is TITLE + " " + BODY (either may be missing); with neither, as in
 * {@code <TEXT TYPE="UNPROC">}, it is the TEXT element's content with tags removed. Entities are
 * decoded afterwards, so a decoded {@code &lt;} can never be taken for a tag.
 */
public final class ReutersSgml {

    /** The documents that parsed, in file order, and one line per chunk that did not. */
    public record Parsed(List<ReutersDocument> documents, List<String> problems) {
    }

    private static final Pattern CHUNK_START = Pattern.compile("<REUTERS(?=[\\s>])");
    private static final String CHUNK_END = "</REUTERS>";
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TOPIC = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(?:(lt|gt|amp|quot|apos)|#(\\d{1,7}));");
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'");
    private static final Map<String, Pattern> OPEN_TAGS = Map.of(
            "TOPICS", openTag("TOPICS"), "TITLE", openTag("TITLE"), "BODY", openTag("BODY"), "TEXT", openTag("TEXT"));

    private ReutersSgml() {
    }

    public static Parsed parse(String fileName, String sgml) {
        List<ReutersDocument> documents = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher start = CHUNK_START.matcher(sgml);
        while (start.find()) {
            starts.add(start.start());
        }
        LineCounter lines = new LineCounter(sgml);
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int limit = i + 1 < starts.size() ? starts.get(i + 1) : sgml.length();
            String problem = parseChunk(sgml.substring(from, limit), documents);
            if (problem != null) {
                problems.add(fileName + " line " + lines.lineOf(from) + ": " + problem);
            }
        }
        return new Parsed(documents, problems);
    }

    /** Adds the chunk's document, or returns why it cannot be parsed. */
    private static String parseChunk(String chunk, List<ReutersDocument> documents) {
        int tagEnd = chunk.indexOf('>');
        int end = chunk.indexOf(CHUNK_END);
        if (tagEnd < 0 || chunk.lastIndexOf('<', tagEnd) != 0) {
            return "<REUTERS tag is not closed";
        }
        if (end < 0) {
            return "no closing " + CHUNK_END + " before the next <REUTERS or the end of the file";
        }
        Map<String, String> attributes = attributes(chunk.substring(0, tagEnd));
        String newId = attributes.get("NEWID");
        if (newId == null || newId.isBlank()) {
            return "<REUTERS> has no NEWID";
        }
        String body = chunk.substring(tagEnd + 1, end);
        documents.add(new ReutersDocument(newId, attributes.getOrDefault("TOPICS", ""),
                attributes.getOrDefault("LEWISSPLIT", ""), topics(body), text(body)));
        return null;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1).toUpperCase(java.util.Locale.ROOT), m.group(2));
        }
        return attributes;
    }

    private static List<String> topics(String body) {
        String element = content(body, "TOPICS");
        List<String> topics = new ArrayList<>();
        if (element != null) {
            Matcher d = TOPIC.matcher(element);
            while (d.find()) {
                topics.add(decodeEntities(d.group(1)));
            }
        }
        return topics;
    }

    private static String text(String body) {
        String title = content(body, "TITLE");
        String main = content(body, "BODY");
        if (title != null && main != null) {
            return decodeEntities(title) + " " + decodeEntities(main);
        }
        if (title != null || main != null) {
            return decodeEntities(title != null ? title : main);
        }
        String text = content(body, "TEXT");
        return text == null ? "" : decodeEntities(TAG.matcher(text).replaceAll(""));
    }

    /** The content of the first {@code <NAME ...>...</NAME>} element, or null when there is none. */
    private static String content(String body, String name) {
        Matcher open = OPEN_TAGS.get(name).matcher(body);
        if (!open.find()) {
            return null;
        }
        int close = body.indexOf("</" + name + ">", open.end());
        return close < 0 ? null : body.substring(open.end(), close);
    }

    private static Pattern openTag(String name) {
        return Pattern.compile("<" + name + "(?:\\s[^>]*)?>");
    }

    /**
     * The five XML entities and numeric references; control characters ({@code &#2;} starts a story,
     * {@code &#3;} ends it, {@code &#31;} separates fields) become spaces. Unknown entities stay as written.
     */
    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = NAMED.get(m.group(1));
            } else {
                int code = Integer.parseInt(m.group(2));
                replacement = code < 32 ? " " : Character.isValidCodePoint(code) ? Character.toString(code) : m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Line numbers for offsets visited in increasing order, counting each newline once. */
    private static final class LineCounter {
        private final String s;
        private int offset;
        private int line = 1;

        LineCounter(String s) {
            this.s = s;
        }

        int lineOf(int target) {
            for (; offset < target; offset++) {
                if (s.charAt(offset) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
