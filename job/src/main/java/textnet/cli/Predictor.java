package textnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import textnet.JobException;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.data.Corpus;
import textnet.data.CorpusReaders;
import textnet.data.PredictInput;
import textnet.eval.Evaluator;
import textnet.eval.TestMetrics;
import textnet.io.ModelFiles;
import textnet.io.OutputPlace;
import textnet.io.OwnedFolder;
import textnet.io.ProcessOwner;
import textnet.io.Scratch;
import textnet.io.StagedOutput;
import textnet.io.TrainedModel;
import textnet.nn.ForwardPass;
import textnet.nn.NativeThreads;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.text.DocVector;
import textnet.text.LabelSets;
import textnet.text.MultiHotBlocks;
import scala.Tuple2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The work behind {@code predict} and {@code evaluate}: a saved model applied with Spark. */
final class Predictor {

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
                    predict(model, input, null, PredictionsOutput.Format.CSV, master, scratch);
                    return 0;
                });
            }
        }
        List<OutputPlace.Kept> kept = List.of(new OutputPlace.Kept("--input", input, false),
                new OutputPlace.Kept("the model (--model)", modelDir, false), OutputPlace.currentDirectory());
        PredictionsOutput.Format format = PredictionsOutput.Format.of(output);
        OwnedFolder.Kind folder = format == PredictionsOutput.Format.PARQUET ? OwnedFolder.Kind.PREDICTIONS : null;
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

    /** Scores every document of {@code input}; writes them to {@code file} in {@code format}, or to stdout when null. */
    private static long predict(TrainedModel model, Path input, Path file, PredictionsOutput.Format format, String master,
                                Scratch scratch) throws IOException {
        SparkSession spark = SparkSessions.create(master, "textnet predict", false, scratch);
        Dataset<Row> docs = PredictInput.read(spark, input, model.config().data());
        JavaRDD<Tuple2<String, float[]>> scored = score(model.vectorizer().transformUnlabelled(docs), model.spec(),
                model.parameters());
        PredictionsOutput output = new PredictionsOutput(model.vectorizer().labels().labels(), model.spec());
        if (file == null) {
            long count = output.print(scored, System.out);
            Console.info("predicted " + count + " documents");
            return count;
        }
        return output.write(spark, scored, format, file, scratch.root().resolve("parts"));
    }

    /** Prints the metrics report; the metrics as JSON go to {@code output}, or after the report on stdout. */
    static int evaluate(Path modelDir, String data, List<String> overrides, String master, Path output,
                        boolean overwrite, String commandLine) throws Exception {
        TrainedModel model = ModelFiles.load(modelDir);
        JobConfig config = withData(model.config(), data, overrides);
        DataOption.requireReadBy(data, config);
        if (config.data().multiLabel() != model.spec().multiLabel()) {
            throw JobException.config("config key 'data.labels': the model was trained on "
                    + (model.spec().multiLabel() ? "multi-label" : "single-label") + " data; --data and --set must keep"
                    + " its documents' " + (model.spec().multiLabel() ? "sets of classes" : "one class"));
        }
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
        Corpus corpus = CorpusReaders.read(spark.sparkContext(), config.data());
        LabelSets sets = model.spec().multiLabel() ? model.vectorizer().labelSetsOf(corpus.test(), "test") : null;
        JavaRDD<textnet.text.MultiHotBlock> test = MultiHotBlocks.deal(
                model.vectorizer().transform(corpus.test(), "test", sets), config.train().partitions(),
                config.train().blockRows(), sets, "test rows");
        List<String> classes = model.vectorizer().labels().labels();
        Map<String, Object> metrics = new Evaluator(model.spec()).metrics(test, model.parameters(), classes, null);
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

    /** (id, output units) per document, computed partition by partition in batches ({@link ForwardPass}). */
    private static JavaRDD<Tuple2<String, float[]>> score(JavaRDD<Tuple2<String, DocVector>> features, NetworkSpec spec,
                                                          float[] parameters) {
        int units = spec.outputUnits();
        return features.mapPartitions((Iterator<Tuple2<String, DocVector>> rows) -> {
            NativeThreads.useOnePerTask();
            return ForwardPass.lazily(rows, Tuple2::_2, new Network(spec), parameters,
                    (List<Tuple2<String, DocVector>> batch, float[] outputs, List<Tuple2<String, float[]>> out) -> {
                        for (int i = 0; i < batch.size(); i++) {
                            out.add(new Tuple2<>(batch.get(i)._1(), Arrays.copyOfRange(outputs, i * units, (i + 1) * units)));
                        }
                    });
        });
    }
}
