package textnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.api.java.JavaRDD;
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
import textnet.io.OutputPlace;
import textnet.io.OwnedFolder;
import textnet.io.ProcessOwner;
import textnet.io.Scratch;
import textnet.io.StagedOutput;
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

    /**
     * {@code predict}: writes to {@code output} (staged beside it and renamed into place; an existing
     * one only with {@code overwrite}) or, without one, to stdout.
     */
    static int run(Path modelDir, Path input, Path output, boolean overwrite, String master, String commandLine)
            throws Exception {
        TrainedModel model = ModelFiles.load(modelDir); // refuse a bad model before starting Spark
        if (!Files.exists(input)) {
            throw JobException.input("--input " + input + " does not exist");
        }
        ProcessOwner me = ProcessOwner.current(commandLine);
        if (output == null) {
            try (Scratch scratch = Scratch.create(systemTemp(), "textnet-predict", me)) {
                return JobProcess.within("predict", scratch, scratch.root().resolve(TrainCommand.LOG_FILE), () -> {
                    scratch.notes().forEach(n -> Console.info("note: " + n));
                    predict(model, input, null, Format.CSV, master, scratch);
                    return 0;
                });
            }
        }
        List<OutputPlace.Kept> kept = List.of(new OutputPlace.Kept("--input", input, false),
                new OutputPlace.Kept("the model (--model)", modelDir, false), OutputPlace.currentDirectory());
        Format format = Format.of(output);
        OwnedFolder.Kind folder = format == Format.PARQUET ? OwnedFolder.Kind.PREDICTIONS : null;
        try (StagedOutput staged = StagedOutput.create(output, overwrite, folder, kept, me)) {
            return JobProcess.within("predict", staged.scratch(), staged.scratch().root().resolve(TrainCommand.LOG_FILE), () -> {
                staged.scratch().notes().forEach(n -> Console.info("note: " + n));
                long count = predict(model, input, staged.path(), format, master, staged.scratch());
                staged.publish();
                Console.info("predicted " + count + " documents into " + output);
                return 0;
            });
        }
    }

    /** {@code predict --output}'s formats, by the output's name: .parquet, .jsonl, or CSV. */
    private enum Format {
        CSV, JSONL, PARQUET;

        static Format of(Path output) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".parquet") ? PARQUET : name.endsWith(".jsonl") ? JSONL : CSV;
        }
    }

    /** Scores every document of {@code input}; writes them to {@code file} in {@code format}, or to stdout when null. */
    private static long predict(TrainedModel model, Path input, Path file, Format format, String master, Scratch scratch)
            throws IOException {
        SparkSession spark = SparkSessions.create(master, "textnet predict", false, scratch);
        Dataset<Row> docs = PredictInput.read(spark, input, model.config().data());
        List<Tuple2<String, float[]>> scored = score(model.vectorizer().transformUnlabelled(docs), model.spec(),
                model.parameters()).collect();
        List<String> classes = model.vectorizer().labels().labels();
        int units = model.spec().outputUnits();
        if (file == null) {
            PrintStream out = System.out;
            out.print(text(scored, classes, units, false));
            out.flush();
            Console.info("predicted " + scored.size() + " documents");
        } else if (format == Format.PARQUET) {
            PredictionsParquet.write(spark, scored, classes, units, file);
        } else {
            Files.writeString(file, text(scored, classes, units, format == Format.JSONL), StandardCharsets.UTF_8);
        }
        return scored.size();
    }

    /** Prints the metrics report; the metrics as JSON go to {@code output}, or after the report on stdout. */
    static int evaluate(Path modelDir, String data, List<String> overrides, String master, Path output,
                        boolean overwrite, String commandLine) throws Exception {
        TrainedModel model = ModelFiles.load(modelDir);
        JobConfig config = withData(model.config(), data, overrides);
        DataOption.requireReadBy(data, config);
        ProcessOwner me = ProcessOwner.current(commandLine);
        if (output == null) {
            try (Scratch scratch = Scratch.create(systemTemp(), "textnet-evaluate", me)) {
                return JobProcess.within("evaluate", scratch, scratch.root().resolve(TrainCommand.LOG_FILE), () -> {
                    scratch.notes().forEach(n -> Console.info("note: " + n));
                    Console.out(evaluate(model, config, master, scratch));
                    return 0;
                });
            }
        }
        List<OutputPlace.Kept> kept = Inputs.plus(Inputs.of(null, config.data()),
                new OutputPlace.Kept("the model (--model)", modelDir, false));
        try (StagedOutput staged = StagedOutput.create(output, overwrite, null, kept, me)) {
            return JobProcess.within("evaluate", staged.scratch(), staged.scratch().root().resolve(TrainCommand.LOG_FILE), () -> {
                staged.scratch().notes().forEach(n -> Console.info("note: " + n));
                Files.writeString(staged.path(), evaluate(model, config, master, staged.scratch()) + "\n", StandardCharsets.UTF_8);
                staged.publish();
                Console.info("wrote " + output);
                return 0;
            });
        }
    }

    /** Reads and scores the test split, prints the report, and returns the metrics as JSON. */
    private static String evaluate(TrainedModel model, JobConfig config, String master, Scratch scratch)
            throws IOException {
        SparkSession spark = SparkSessions.create(master, "textnet evaluate", false, scratch);
        Corpus corpus = CorpusReaders.read(spark, config.data(), config.train().partitions());
        JavaRDD<textnet.text.MultiHotBlock> test = MultiHotBlocks.deal(
                model.vectorizer().transform(corpus.test(), "test"), config.train().partitions(), "test rows");
        List<String> classes = model.vectorizer().labels().labels();
        Map<String, Object> metrics = TestMetrics.of(
                new Evaluator(model.spec()).summarize(test, model.parameters(), classes.size()), classes);
        TestMetrics.report(metrics, classes).forEach(Console::out);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(metrics);
    }

    /** Where a command without an output file keeps its scratch folder: the system's temp folder. */
    private static Path systemTemp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
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

    /** The predictions as CSV (a header, then id, label, p_CLASS...) or JSONL ({"id", "label", "probabilities"}). */
    private static String text(List<Tuple2<String, float[]>> scored, List<String> classes, int units, boolean jsonl)
            throws IOException {
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
        return sb.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
