package textnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.api.buffer.DataType;
import textnet.JobException;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.data.Corpus;
import textnet.data.CorpusReaders;
import textnet.data.PredictInput;
import textnet.eval.Evaluator;
import textnet.eval.Predictions;
import textnet.eval.TestMetrics;
import textnet.io.ModelFiles;
import textnet.io.TrainedModel;
import textnet.nn.MultiHotBatch;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlocks;
import textnet.train.NativeThreads;
import scala.Tuple2;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The work behind {@code predict} and {@code evaluate}: a saved model applied with Spark. */
final class Predictor {

    private static final int BATCH = 1024;

    private Predictor() {
    }

    static int run(Path modelDir, Path input, Path output, String master) {
        TrainedModel model = ModelFiles.load(modelDir); // refuse a bad model before starting Spark
        if (!Files.exists(input)) {
            throw JobException.input("--input " + input + " does not exist");
        }
        SparkSession spark = SparkSessions.create(master, "textnet predict", false);
        Dataset<Row> docs = PredictInput.read(spark, input, model.config().data());
        List<Tuple2<String, float[]>> scored = score(model.vectorizer().transformUnlabelled(docs), model.spec(),
                model.parameters()).collect();
        List<String> classes = model.vectorizer().labels().labels();
        try {
            if (output != null && output.toString().endsWith(".parquet")) {
                PredictionsParquet.write(spark, scored, classes, model.spec().outputUnits(), output);
            } else {
                write(scored, classes, model.spec().outputUnits(), output);
            }
        } catch (IOException e) {
            throw JobException.output("cannot write " + output + ": " + e.getMessage());
        }
        Console.info("predicted " + scored.size() + " documents" + (output == null ? "" : " into " + output));
        return 0;
    }

    /** Prints the metrics report; the metrics as JSON go to {@code output}, or after the report on stdout. */
    static int evaluate(Path modelDir, String data, List<String> overrides, String master, Path output) {
        TrainedModel model = ModelFiles.load(modelDir);
        JobConfig config = withData(model.config(), data, overrides);
        DataOption.requireReadBy(data, config);
        SparkSession spark = SparkSessions.create(master, "textnet evaluate", false);
        Corpus corpus = CorpusReaders.read(spark, config.data(), config.train().partitions());
        JavaRDD<textnet.text.MultiHotBlock> test = MultiHotBlocks.deal(
                model.vectorizer().transform(corpus.test(), "test"), config.train().partitions(), "test rows");
        Evaluator.Scored scored = new Evaluator(model.spec()).predict(test, model.parameters());
        List<String> classes = model.vectorizer().labels().labels();
        Map<String, Object> metrics = TestMetrics.of(scored, classes,
                JavaSparkContext.fromSparkContext(spark.sparkContext()));
        TestMetrics.report(metrics, classes).forEach(Console::out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            if (output == null) {
                Console.out(json.writeValueAsString(metrics));
            } else {
                writeAtomically(output, json.writeValueAsString(metrics) + "\n");
                Console.info("wrote " + output);
            }
        } catch (IOException e) {
            throw JobException.output("cannot write " + output + ": " + e.getMessage());
        }
        return 0;
    }

    /** The model's own config with only the data.* keys changed. */
    private static JobConfig withData(JobConfig saved, String data, List<String> overrides) {
        List<String> all = new ArrayList<>();
        if (data != null) {
            all.add("data.path='" + data.replace("'", "''") + "'");
        }
        for (String o : overrides) {
            if (!o.startsWith("data.")) {
                throw JobException.config("evaluate --set only changes data.* keys, not '" + o + "'");
            }
            all.add(o);
        }
        return ConfigLoader.override(saved, all);
    }

    /** (id, output units) per document, computed partition by partition in batches. */
    private static JavaRDD<Tuple2<String, float[]>> score(JavaRDD<Tuple2<String, int[]>> features, NetworkSpec spec,
                                                          float[] parameters) {
        int units = spec.outputUnits();
        return features.mapPartitions((Iterator<Tuple2<String, int[]>> rows) -> {
            NativeThreads.useOnePerTask();
            Network network = new Network(spec, DataType.FLOAT);
            List<Tuple2<String, float[]>> out = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<int[]> indices = new ArrayList<>();
            while (rows.hasNext() || !ids.isEmpty()) {
                if (rows.hasNext()) {
                    Tuple2<String, int[]> r = rows.next();
                    ids.add(r._1());
                    indices.add(r._2());
                }
                if (ids.size() == BATCH || (!rows.hasNext() && !ids.isEmpty())) {
                    float[] probs = network.predict(parameters, MultiHotBatch.unlabelled(indices));
                    for (int i = 0; i < ids.size(); i++) {
                        float[] p = new float[units];
                        System.arraycopy(probs, i * units, p, 0, units);
                        out.add(new Tuple2<>(ids.get(i), p));
                    }
                    ids.clear();
                    indices.clear();
                }
            }
            return out.iterator();
        });
    }

    private static void write(List<Tuple2<String, float[]>> scored, List<String> classes, int units, Path output)
            throws IOException {
        boolean jsonl = output != null && output.toString().endsWith(".jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        if (!jsonl) {
            sb.append("id,label");
            for (String c : classes) {
                sb.append(",p_").append(csv(c));
            }
            sb.append('\n');
        }
        for (Tuple2<String, float[]> row : scored) {
            Predictions p = new Predictions(units, row._2(), new int[1]);
            double[] probs = p.classProbabilities(0);
            String label = classes.get(p.predictedClass(0));
            if (jsonl) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("id", row._1());
                m.put("label", label);
                Map<String, Double> pm = new java.util.LinkedHashMap<>();
                for (int k = 0; k < classes.size(); k++) {
                    pm.put(classes.get(k), probs[k]);
                }
                m.put("probabilities", pm);
                sb.append(json.writeValueAsString(m)).append('\n');
            } else {
                sb.append(csv(row._1())).append(',').append(csv(label));
                for (double v : probs) {
                    sb.append(String.format(Locale.ROOT, ",%.6f", v));
                }
                sb.append('\n');
            }
        }
        if (output == null) {
            PrintStream out = System.out;
            out.print(sb);
            out.flush();
        } else {
            writeAtomically(output, sb);
        }
    }

    /** Readers of {@code output} see the old file or the whole new one. */
    private static void writeAtomically(Path output, CharSequence text) throws IOException {
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Path tmp = output.resolveSibling("." + output.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
