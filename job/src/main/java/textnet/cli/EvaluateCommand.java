package textnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code textnet evaluate --model DIR}: the model's metrics on a labelled dataset's test split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a saved model on the test split of a labelled dataset (its training config's by default).")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder (RUN/model).")
    Path model;

    @Option(names = "--data", paramLabel = "PATH", description = "Sets data.path.")
    String data;

    @Option(names = "--set", paramLabel = "key=value", description = "Override a data.* key, e.g. data.test=more.tsv.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
    String master;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the metrics as JSON to FILE (default: after the report on stdout).")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing --output file.")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return Predictor.evaluate(model, data, overrides, master, output, overwrite, Inputs.commandLine(spec));
    }
}
