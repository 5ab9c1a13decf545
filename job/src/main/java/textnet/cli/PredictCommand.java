package textnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code textnet predict --model DIR --input PATH}: class probabilities for new text. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict labels and class probabilities for new documents.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder (RUN/model).")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "A folder of .txt files, one .txt, or a .tsv/.csv/.jsonl/.parquet file.")
    Path input;

    @Option(names = "--output", paramLabel = "PATH", description = "Where to write predictions (.csv, .jsonl or .parquet; default: stdout as CSV).")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing --output (a file, or a Parquet folder textnet wrote).")
    boolean overwrite;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return Predictor.run(model, input, output, overwrite, master, Inputs.commandLine(spec));
    }
}
