package textnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import textnet.data.LabelSet;
import textnet.nn.NetworkSpec;
import textnet.nn.PredictedClass;
import textnet.eval.Predictions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code predict}'s output, written from the executors whatever the number of documents: one row per
 * document, {@code id}, {@code label} and {@code p_CLASS} per class, as CSV (a header, then a line
 * per document), JSON Lines ({@code {"id", "label", "probabilities": {class: p}}}) or Parquet (a
 * folder of part files). Rows are formatted by the tasks that scored them; a CSV or JSONL file is the
 * tasks' part files joined in partition order (input order), streamed, so the driver never holds the
 * predictions; stdout gets them a partition at a time. A multi-label model's rows have {@code labels}
 * instead of {@code label}: the predicted classes (those above its threshold, maybe none), joined by
 * '|' in CSV, a list in JSONL, an array of strings in Parquet.
 */
final class PredictionsOutput implements java.io.Serializable {

    /** {@code predict --output}'s formats, by the output's name: .parquet, .jsonl, or CSV. */
    enum Format {
        CSV, JSONL, PARQUET;

        static Format of(Path output) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".parquet") ? PARQUET : name.endsWith(".jsonl") ? JSONL : CSV;
        }
    }

    private final List<String> classes;
    private final int units;
    private final boolean multiLabel;
    private final double threshold;

    PredictionsOutput(List<String> classes, NetworkSpec spec) {
        this.classes = List.copyOf(classes);
        this.units = spec.outputUnits();
        this.multiLabel = spec.multiLabel();
        this.threshold = spec.threshold();
    }

    /** Multi-label: the names of the classes a row's outputs predict, in class order. */
    private List<String> predictedSet(float[] outputs) {
        return Arrays.stream(PredictedClass.setOf(outputs, 0, units, threshold)).mapToObj(classes::get).toList();
    }

    /** The label column's name. */
    private String labelColumn() {
        return multiLabel ? "labels" : "label";
    }

    /**
     * Writes {@code scored} (id, output units) to {@code file} (a path that does not exist yet) in
     * {@code format}, using {@code parts} (a folder that does not exist yet) for the tasks' part files.
     *
     * @return how many documents were written
     */
    long write(SparkSession spark, JavaRDD<Tuple2<String, float[]>> scored, Format format, Path file, Path parts)
            throws IOException {
        if (format == Format.PARQUET) {
            JavaRDD<Row> rows = scored.map(this::row).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                spark.createDataFrame(rows, schema()).write().mode(SaveMode.ErrorIfExists).parquet(file.toUri().toString());
                return rows.count();
            } finally {
                rows.unpersist(false);
            }
        }
        JavaRDD<String> lines = lines(scored, format == Format.JSONL).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            lines.saveAsTextFile(parts.toUri().toString());
            join(format == Format.CSV ? header() : null, parts, file);
            return lines.count();
        } finally {
            lines.unpersist(false);
        }
    }

    /** Prints the CSV to stdout, one partition at a time; returns how many documents. */
    long print(JavaRDD<Tuple2<String, float[]>> scored, PrintStream out) {
        JavaRDD<String> lines = lines(scored, false).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = lines.count(); // scores every partition at once; the iterator then reads the cache
            out.println(header());
            for (Iterator<String> it = lines.toLocalIterator(); it.hasNext(); ) {
                out.println(it.next());
            }
            out.flush();
            return count;
        } finally {
            lines.unpersist(false);
        }
    }

    private JavaRDD<String> lines(JavaRDD<Tuple2<String, float[]>> scored, boolean jsonl) {
        List<String> names = classes;
        int k = units;
        return scored.mapPartitions(it -> {
            ObjectMapper json = new ObjectMapper();
            return new Iterator<String>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public String next() {
                    Tuple2<String, float[]> r = it.next();
                    Predictions p = new Predictions(k, r._2(), new int[1]);
                    double[] probs = p.classProbabilities(0);
                    List<String> set = multiLabel ? predictedSet(r._2()) : null;
                    String label = multiLabel ? String.join(String.valueOf(LabelSet.SEPARATOR), set)
                            : names.get(p.predictedClass(0));
                    if (jsonl) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", r._1());
                        m.put(labelColumn(), multiLabel ? set : label);
                        Map<String, Double> pm = new LinkedHashMap<>();
                        for (int c = 0; c < names.size(); c++) {
                            pm.put(names.get(c), probs[c]);
                        }
                        m.put("probabilities", pm);
                        try {
                            return json.writeValueAsString(m);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    StringBuilder sb = new StringBuilder(csv(r._1())).append(',').append(csv(label));
                    for (double v : probs) {
                        sb.append(String.format(Locale.ROOT, ",%.6f", v));
                    }
                    return sb.toString();
                }
            };
        });
    }

    private String header() {
        StringBuilder sb = new StringBuilder("id,").append(labelColumn());
        for (String c : classes) {
            sb.append(",p_").append(csv(c));
        }
        return sb.toString();
    }

    /** The header (if any), then the part files in name order (part-00000, ...), into {@code file}. */
    private static void join(String header, Path parts, Path file) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(parts)) {
            files = listed.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (header != null) {
                out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Path part : files) {
                try (InputStream in = Files.newInputStream(part)) {
                    in.transferTo(out);
                }
            }
        }
    }

    private Row row(Tuple2<String, float[]> s) {
        Predictions p = new Predictions(units, s._2(), new int[1]);
        double[] probs = p.classProbabilities(0);
        Object[] values = new Object[2 + probs.length];
        values[0] = s._1();
        values[1] = multiLabel ? predictedSet(s._2()).toArray(String[]::new) : classes.get(p.predictedClass(0));
        for (int k = 0; k < probs.length; k++) {
            values[2 + k] = probs[k];
        }
        return RowFactory.create(values);
    }

    private StructType schema() {
        StructType schema = new StructType().add("id", DataTypes.StringType, false)
                .add(labelColumn(), multiLabel ? DataTypes.createArrayType(DataTypes.StringType, false)
                        : DataTypes.StringType, false);
        for (String c : classes) {
            schema = schema.add("p_" + c, DataTypes.DoubleType, false);
        }
        return schema;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
