package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import textnet.JobException;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Large Movie Review Dataset (Maas et al. 2011): {@code {train,test}/{pos,neg}/<id>_<rating>.txt},
 * as a folder or as the .tar.gz; {@code unsup/} and everything else is ignored. A review's id is its
 * path inside the corpus ({@code train/pos/0_9.txt}); its source position is archive entry order, or
 * file name order for a folder.
 */
final class AclImdbReader {

    static final String HINT = "run scripts/fetch-data imdb or point data.path at your copy";
    static final List<String> LABELS = List.of("neg", "pos");
    private static final String LAYOUT = "expected the aclImdb layout {train,test}/{pos,neg}/*.txt";

    /** group 1: the id; 2: the split; 3: the label. Anything before train/ or test/ (aclImdb/) is dropped. */
    private static final Pattern REVIEW = Pattern.compile("(?:^|/)((train|test)/(neg|pos)/[^/]+\\.txt)$");

    private AclImdbReader() {
    }

    /** @param partitions how many tasks read an archive (each keeps its share; see {@link #fromArchive}) */
    static Corpus read(SparkContext context, String path, int partitions) {
        FileStatus status = InputPaths.require(context, "data.path", path, HINT);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(context);
        JavaRDD<LabelledDoc> docs = status.isDirectory()
                ? fromFolder(sc, CorpusFolder.of(context, status.getPath(), "data.path", path), path)
                : fromArchive(sc, InputFile.of(status.getPath(), path, status.getLen()), path, partitions);
        return new Corpus(context, docs, List.of(), counts -> {
            requireEveryPart(counts, path);
            return counts.repaired() == 0 ? List.of()
                    : List.of("aclImdb: " + counts.repaired() + " reviews were not valid UTF-8;"
                    + " their malformed bytes were replaced with U+FFFD");
        });
    }

    /**
     * Each of the {@code partitions} tasks streams the whole archive (gzip cannot be split) and keeps
     * the reviews whose id hashes to it ({@link IdPartitioner}): inflating 28 MB is cheap next to
     * decoding and tokenizing, which this spreads evenly over the cores.
     */
    private static JavaRDD<LabelledDoc> fromArchive(JavaSparkContext sc, InputFile archive, String userPath,
                                                    int partitions) {
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(sc.sc());
        return sc.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions)
                .mapPartitionsWithIndex((partition, unused) -> {
                    InputStream in = DocumentBytes.open(archive, hadoop.value().value(), "data.path");
                    org.apache.spark.TaskContext.get().addTaskCompletionListener(
                            (org.apache.spark.util.TaskCompletionListener) context -> closeQuietly(in));
                    return reviewsInArchive(in, userPath, partition, partitions);
                }, true);
    }

    /** The reviews of the archive whose ids hash to {@code partition}, one at a time (a task holds one review). */
    private static Iterator<LabelledDoc> reviewsInArchive(InputStream archive, String userPath, int partition,
                                                          int partitions) {
        long[] nextPosition = new long[Split.values().length];
        Iterator<TarGzEntries.Entry> entries = TarGzEntries.iterator(archive, userPath, name -> REVIEW.matcher(name).find());
        return new Iterator<>() {
            private LabelledDoc next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    TarGzEntries.Entry e = entries.next();
                    Matcher m = REVIEW.matcher(e.name());
                    m.find();
                    Split split = Split.valueOf(m.group(2).toUpperCase(Locale.ROOT));
                    long position = nextPosition[split.ordinal()]++; // counted for every review, kept or not
                    if (IdPartitioner.partitionOf(m.group(1), partitions) == partition) {
                        next = review(split, position, m.group(1), m.group(3), e.content());
                    }
                }
                return next != null;
            }

            @Override
            public LabelledDoc next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                LabelledDoc d = next;
                next = null;
                return d;
            }
        };
    }

    /** The task is over: a stream a failure left open is closed (a finished one already is). */
    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // nothing more to read
        }
    }

    /** One review file as the driver listed it, with its id, split, label and position (file name order). */
    private record ListedReview(InputFile file, Split split, long position, String id, String label)
            implements Serializable {
    }

    /**
     * The four folders are listed and checked on the driver ({@link CorpusFolder}: no links out of the
     * corpus, no FIFOs, no oversized files), which also fixes each review's position; tasks read exactly
     * the listed files. Files that are not .txt are skipped.
     */
    private static JavaRDD<LabelledDoc> fromFolder(JavaSparkContext sc, CorpusFolder folder, String userPath) {
        String root = corpusRoot(folder, userPath);
        List<ListedReview> reviews = new ArrayList<>();
        for (Split split : Split.values()) {
            long position = 0;
            for (String label : LABELS) {
                String part = split.folder() + "/" + label;
                if (!folder.hasFolder(root + part)) {
                    throw JobException.input("data.path: " + userPath + " has no " + part + " folder; " + LAYOUT);
                }
                for (InputFile file : folder.files(root + part, n -> n.endsWith(".txt"))) {
                    String id = part + "/" + file.name().substring(file.name().lastIndexOf('/') + 1);
                    reviews.add(new ListedReview(file, split, position++, id, label));
                }
            }
        }
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(sc.sc());
        return sc.parallelize(reviews, Math.max(1, Math.min(reviews.size(), sc.defaultParallelism())))
                .map(r -> review(r.split(), r.position(), r.id(), r.label(),
                        DocumentBytes.read(r.file(), hadoop.value().value(), "data.path")));
    }

    /** data.path may be the aclImdb folder itself ("") or the folder it was unpacked into ("aclImdb/"). */
    private static String corpusRoot(CorpusFolder folder, String userPath) {
        if (folder.hasFolder("train") || folder.hasFolder("test")) {
            return "";
        }
        if (folder.hasFolder("aclImdb")) {
            return "aclImdb/";
        }
        throw JobException.input("data.path: " + userPath + " has no train/ and test/ folders (nor aclImdb/train,"
                + " aclImdb/test); " + LAYOUT);
    }

    private static LabelledDoc review(Split split, long position, String id, String label, byte[] bytes) {
        return LabelledDoc.ofUtf8(split, position, id, bytes, label);
    }

    private static void requireEveryPart(DocCounts counts, String userPath) {
        if (counts.total() == 0) {
            throw JobException.input("data.path: no aclImdb reviews in " + userPath + "; " + LAYOUT);
        }
        for (Split split : Split.values()) {
            for (String label : LABELS) {
                if (counts.count(split, label) == 0) {
                    throw JobException.input("data.path: " + userPath + " has no " + split.folder() + "/" + label
                            + " reviews; " + LAYOUT);
                }
            }
        }
    }
}
