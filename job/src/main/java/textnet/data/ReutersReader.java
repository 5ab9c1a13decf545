package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;
import textnet.JobException;

import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-21578 (Lewis), the 22 files {@code reut2-000.sgm … reut2-021.sgm} in a folder or in
 * {@code reuters21578.tar.gz}, reduced to a {@link ReutersSubset}. A document's id is its NEWID; its
 * source position is file order, then document order within the file. The label is the one topic
 * (R52, R8) or the set of categories (R90, joined as {@link LabelSet} says).
 */
final class ReutersReader {

    static final String HINT = "run scripts/fetch-data reuters or point data.path at your copy";
    private static final Pattern SGML_FILE = Pattern.compile("(?:^|/)(reut2-\\d{3}\\.sgm)$");

    /** One file's parse; {@code index} is the file's place in the source, the high half of each position. */
    private record ParsedFile(String name, int index, ReutersSgml.Parsed parsed) implements Serializable {

        /** The topics of the subset's candidate documents, per split ({@link Split#ordinal}). */
        List<Set<String>> candidateTopics(ReutersSubset subset) {
            List<Set<String>> topics = new ArrayList<>();
            for (Split ignored : Split.values()) {
                topics.add(new TreeSet<>());
            }
            for (ReutersDocument d : parsed.documents()) {
                Split split = subset.splitOf(d);
                if (split != null) {
                    topics.get(split.ordinal()).addAll(d.topics());
                }
            }
            return topics;
        }

        /** The subset's documents, given its categories (the topics found in both splits that it keeps). */
        List<LabelledDoc> documents(ReutersSubset subset, Set<String> categories) {
            List<LabelledDoc> docs = new ArrayList<>();
            List<ReutersDocument> all = parsed.documents();
            for (int i = 0; i < all.size(); i++) {
                ReutersDocument d = all.get(i);
                Split split = subset.splitOf(d);
                String label = split == null ? null
                        : subset.labelOf(d, categories, "reuters21578: " + name + " NEWID " + d.newId());
                if (label != null) {
                    docs.add(new LabelledDoc(split, ((long) index << 32) | i, d.newId(), d.text(), label, false));
                }
            }
            return docs;
        }
    }

    private ReutersReader() {
    }

    /**
     * One job parses the files to learn the subset's topics (those in both splits) and the chunks that
     * could not be parsed; the corpus's documents are then parsed again whenever they are read (the
     * SGML is 27 MB: parsing it is cheaper than keeping its text).
     */
    static Corpus read(SparkContext context, String path, ReutersSubset subset) {
        FileStatus status = InputPaths.require(context, "data.path", path, HINT);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(context);
        JavaRDD<ParsedFile> files = status.isDirectory()
                ? fromFolder(sc, CorpusFolder.of(context, status.getPath(), "data.path", path), path)
                : fromArchive(sc, InputFile.of(status.getPath(), path, status.getLen()), path);
        List<FileSummary> summaries = new ArrayList<>(files.map(f -> FileSummary.of(f, subset)).collect());
        List<String> notes = problemNotes(summaries, path);
        Set<String> categories = topicsInBothSplits(summaries, subset);
        if (categories.isEmpty()) {
            throw JobException.input("data.path: " + path + " has no " + subset.name().toLowerCase(Locale.ROOT)
                    + " documents (" + subset.rule() + ")");
        }
        JavaRDD<LabelledDoc> kept = files.flatMap(f -> f.documents(subset, categories).iterator());
        return new Corpus(context, kept, notes, counts -> List.of());
    }

    /** One task streams the archive: gzip cannot be split, and the whole corpus is 27 MB. */
    private static JavaRDD<ParsedFile> fromArchive(JavaSparkContext sc, InputFile archive, String userPath) {
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(sc.sc());
        return sc.parallelize(List.of(archive), 1)
                .flatMap(file -> filesInArchive(DocumentBytes.open(file, hadoop.value().value(), "data.path"), userPath)
                        .iterator());
    }

    private static List<ParsedFile> filesInArchive(InputStream archive, String userPath) throws Exception {
        List<ParsedFile> files = new ArrayList<>();
        try (InputStream in = archive) {
            TarGzEntries.forEach(in, userPath, name -> SGML_FILE.matcher(name).find(),
                    (name, bytes) -> files.add(parse(baseName(name), files.size(), bytes)));
        }
        return files;
    }

    /** The .sgm files are listed and checked on the driver ({@link CorpusFolder}); each task parses whole files. */
    private static JavaRDD<ParsedFile> fromFolder(JavaSparkContext sc, CorpusFolder folder, String userPath) {
        List<InputFile> sgml = folder.files("", n -> SGML_FILE.matcher(n).find());
        if (sgml.isEmpty()) {
            throw JobException.input("data.path: " + userPath + " has no reut2-*.sgm files; " + HINT);
        }
        List<Tuple2<InputFile, Integer>> indexed = new ArrayList<>();
        sgml.forEach(f -> indexed.add(new Tuple2<>(f, indexed.size())));
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(sc.sc());
        return sc.parallelize(indexed, Math.min(indexed.size(), sc.defaultParallelism())).map(f -> parse(f._1().name(),
                f._2(), DocumentBytes.read(f._1(), hadoop.value().value(), "data.path")));
    }

    /** The files are Latin-1 (reut2-017.sgm is not valid UTF-8), so every byte is a character. */
    private static ParsedFile parse(String name, int index, byte[] bytes) {
        return new ParsedFile(name, index, ReutersSgml.parse(name, new String(bytes, StandardCharsets.ISO_8859_1)));
    }

    private static String baseName(String entryName) {
        Matcher m = SGML_FILE.matcher(entryName);
        return m.find() ? m.group(1) : entryName;
    }

    /** What the driver needs to know of a parsed file: no document text. */
    private record FileSummary(String name, int index, int documents, List<String> problems,
                               List<Set<String>> candidateTopics) implements Serializable {

        static FileSummary of(ParsedFile f, ReutersSubset subset) {
            return new FileSummary(f.name(), f.index(), f.parsed().documents().size(), f.parsed().problems(),
                    f.candidateTopics(subset));
        }
    }

    /** One note per file with chunks that could not be parsed; no documents at all is an error. */
    private static List<String> problemNotes(List<FileSummary> summaries, String userPath) {
        summaries.sort(Comparator.comparingInt(FileSummary::index));
        if (summaries.stream().mapToInt(FileSummary::documents).sum() == 0) {
            throw JobException.input("data.path: no <REUTERS> documents in the reut2-*.sgm files of " + userPath + "; " + HINT);
        }
        List<String> notes = new ArrayList<>();
        for (FileSummary f : summaries) {
            if (!f.problems().isEmpty()) {
                notes.add("reuters21578: " + f.name() + ": skipped " + f.problems().size() + " <REUTERS> chunk(s) that"
                        + " could not be parsed (first: " + f.problems().get(0) + ")");
            }
        }
        return notes;
    }

    /** The subset's categories: the topics of its candidates found in both splits that it keeps. */
    private static Set<String> topicsInBothSplits(List<FileSummary> summaries, ReutersSubset subset) {
        Set<String> train = new TreeSet<>();
        Set<String> test = new TreeSet<>();
        for (FileSummary f : summaries) {
            train.addAll(f.candidateTopics().get(Split.TRAIN.ordinal()));
            test.addAll(f.candidateTopics().get(Split.TEST.ordinal()));
        }
        train.retainAll(test);
        train.removeIf(t -> !subset.keeps(t));
        return train;
    }
}
