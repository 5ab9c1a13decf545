package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
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
 * source position is file order, then document order within the file.
 */
final class ReutersReader {

    static final String HINT = "run scripts/fetch-data reuters or point data.path at your copy";
    private static final Pattern SGML_FILE = Pattern.compile("(?:^|/)(reut2-\\d{3}\\.sgm)$");

    /** One file's parse; {@code index} is the file's place in the source, the high half of each position. */
    private record ParsedFile(String name, int index, ReutersSgml.Parsed parsed) implements Serializable {

        List<LabelledDoc> subsetCandidates() {
            List<LabelledDoc> docs = new ArrayList<>();
            List<ReutersDocument> all = parsed.documents();
            for (int i = 0; i < all.size(); i++) {
                ReutersDocument d = all.get(i);
                Split split = ReutersSubset.splitOf(d);
                if (split != null) {
                    docs.add(new LabelledDoc(split, ((long) index << 32) | i, d.newId(), d.text(), d.topics().get(0), false));
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
    static Corpus read(SparkSession spark, String path, ReutersSubset subset) {
        FileStatus status = InputPaths.require(spark, "data.path", path, HINT);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<ParsedFile> files = status.isDirectory()
                ? fromFolder(sc, CorpusFolder.of(spark, status.getPath(), "data.path", path), path)
                : fromArchive(sc, InputFile.of(status.getPath(), path, status.getLen()), path);
        List<FileSummary> summaries = new ArrayList<>(files.map(FileSummary::of).collect());
        List<String> notes = problemNotes(summaries, path);
        DocCounts candidates = new DocCounts();
        summaries.forEach(f -> DocCounts.merge(candidates, f.candidates()));
        Set<String> topics = topicsInBothSplits(candidates, subset);
        if (topics.isEmpty()) {
            throw JobException.input("data.path: " + path + " has no " + subset.name().toLowerCase(Locale.ROOT)
                    + " documents (TOPICS=\"YES\", one topic, a topic found in both LEWISSPLIT TRAIN and TEST)");
        }
        JavaRDD<LabelledDoc> kept = files.flatMap(f -> f.subsetCandidates().iterator()).filter(d -> topics.contains(d.label()));
        return new Corpus(spark, kept, notes, counts -> List.of());
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
    private record FileSummary(String name, int index, int documents, List<String> problems, DocCounts candidates)
            implements Serializable {

        static FileSummary of(ParsedFile f) {
            DocCounts candidates = new DocCounts();
            f.subsetCandidates().forEach(d -> DocCounts.add(candidates, d));
            return new FileSummary(f.name(), f.index(), f.parsed().documents().size(), f.parsed().problems(), candidates);
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

    private static Set<String> topicsInBothSplits(DocCounts counts, ReutersSubset subset) {
        Set<String> topics = new TreeSet<>(counts.labels(Split.TRAIN));
        topics.retainAll(counts.labels(Split.TEST));
        topics.removeIf(t -> !subset.keeps(t));
        return topics;
    }
}
