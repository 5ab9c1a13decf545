package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import textnet.config.DataConfig;
import textnet.config.DataFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the bytes textnet's readers stream inside their tasks, for the console's progress line
 * while reading: an archive that every task streams whole gives Spark no finer unit of progress
 * than the task.
 *
 * <p>The counter reaches the tasks without being passed through every reader: the driver sets it,
 * serialized, as a Spark local property of the jobs it starts while reading ({@link #countInto}),
 * which Spark sends with each of their tasks; a task deserializes it once, and deserializing an
 * accumulator inside a task registers it with that task, as for one in a task's closure
 * ({@code AccumulatorV2.readObject}), so that executor heartbeats and the task's end report it.
 * Without the property (progress off, predict, tests) streams are left as they are.
 */
public final class ReadProgress {

    private static final String PROPERTY = "textnet.progress.bytes-read";
    /** The counter of each running task that streams input, deserialized once per task. */
    private static final Map<Long, LongAccumulator> TASKS = new ConcurrentHashMap<>();

    private ReadProgress() {
    }

    /** Driver: the tasks of jobs this thread starts from now on add the bytes they stream to {@code counter} (null: no longer). */
    public static void countInto(SparkContext sc, LongAccumulator counter) {
        sc.setLocalProperty(PROPERTY, counter == null ? null : encode(counter));
    }

    /**
     * The bytes the readers will stream for {@code data} in {@code passes} passes over the corpus, when
     * known: an aclImdb archive is streamed whole by each of Spark's default parallelism of tasks per
     * pass (see AclImdbReader), a Reuters archive once more for its topics, table files once per pass;
     * 0 when not known (a folder of documents, Parquet: Spark reads those; their stages' tasks show
     * progress instead).
     */
    public static long bytesToStream(SparkContext sc, DataConfig data, int passes) {
        if (!DataFormat.NAMES.contains(data.format())) {
            return 0;
        }
        try {
            return switch (data.dataFormat()) {
                case ACLIMDB -> archiveBytes(sc, data.path()) * sc.defaultParallelism() * passes;
                case REUTERS21578 -> archiveBytes(sc, data.path()) * (passes + 1L);
                case TSV, CSV, JSONL -> (bytesOf(sc, data.train()) + bytesOf(sc, data.test())) * passes;
                case PARQUET -> 0;
            };
        } catch (IOException | RuntimeException e) {
            return 0; // the reader says what is wrong with the path
        }
    }

    /** An archive's length; 0 for a folder. */
    private static long archiveBytes(SparkContext sc, String value) throws IOException {
        Path path = InputPaths.hadoopPath(value);
        FileStatus status = path.getFileSystem(sc.hadoopConfiguration()).getFileStatus(path);
        return status.isDirectory() ? 0 : status.getLen();
    }

    /** A file's length, or a folder's files' (what a glob matches is not counted: 0). */
    private static long bytesOf(SparkContext sc, String value) throws IOException {
        Path path = InputPaths.hadoopPath(value);
        org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(sc.hadoopConfiguration());
        if (!fs.exists(path)) {
            return 0;
        }
        return fs.getContentSummary(path).getLength();
    }

    /** Task: {@code in}, counting the bytes read from it when the job counts them. */
    static InputStream counted(InputStream in) {
        LongAccumulator counter = counter();
        if (counter == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counter.add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    counter.add(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                counter.add(Math.max(skipped, 0));
                return skipped;
            }
        };
    }

    private static LongAccumulator counter() {
        TaskContext task = TaskContext.get();
        String encoded = task == null ? null : task.getLocalProperty(PROPERTY);
        if (encoded == null) {
            return null;
        }
        try {
            return TASKS.computeIfAbsent(task.taskAttemptId(), id -> {
                task.addTaskCompletionListener((TaskCompletionListener) done -> TASKS.remove(id));
                return decode(encoded); // registers this copy with the task
            });
        } catch (RuntimeException e) {
            return null; // a progress line is never worth failing a task for
        }
    }

    private static String encode(LongAccumulator counter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(counter); // AccumulatorV2.writeReplace: a zero copy with the same id
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static LongAccumulator decode(String encoded) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            return (LongAccumulator) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the progress counter", e);
        }
    }
}
