package textnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import textnet.JobException;
import textnet.io.ModelFiles;
import textnet.io.OnnxExport;
import textnet.io.OutputPlace;
import textnet.io.ProcessOwner;
import textnet.io.StagedOutput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code textnet export --model DIR --format onnx}: the model folder's ONNX graphs (README,
 * "Serving"), written into the folder and listed in its model.json (a folder saved before textnet
 * wrote them gets them), or one graph to {@code --output FILE}. No Spark needed.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a model folder's ONNX graphs: model.onnx (over the vectorizer's rows) and model-text.onnx"
                + " (over raw text), into the folder or, with --output, one of them to FILE (no Spark needed).")
final class ExportCommand implements Callable<Integer> {

    enum Graph { vector, text }

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder (RUN/model).")
    Path model;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "FORMAT", description = "onnx (the only one).")
    String format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write one graph to FILE instead of into the model folder.")
    Path output;

    @Option(names = "--graph", defaultValue = "vector", paramLabel = "GRAPH",
            description = "With --output: vector (model.onnx, the default) or text (model-text.onnx).")
    Graph graph;

    @Option(names = "--overwrite", description = "Replace an existing --output file.")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("onnx")) {
            throw JobException.config("--format " + format + ": textnet exports onnx only");
        }
        if (!Files.isDirectory(model)) {
            throw JobException.input("--model " + model + " is not a folder");
        }
        if (output == null) {
            ModelFiles.OnnxGraphs graphs = ModelFiles.addOnnx(model);
            Console.info("wrote " + model.resolve(OnnxExport.VECTOR_FILE));
            Console.info(graphs.text() != null ? "wrote " + model.resolve(OnnxExport.TEXT_FILE)
                    : "note: no " + OnnxExport.TEXT_FILE + ": " + graphs.noText());
            return 0;
        }
        ModelFiles.OnnxGraphs graphs = ModelFiles.onnxGraphs(model);
        byte[] bytes = graph == Graph.vector ? graphs.vector() : graphs.text();
        if (bytes == null) {
            throw JobException.input("--model " + model + " has no text graph: " + graphs.noText()
                    + "; export --graph vector and vectorize as the README's NumPy recipe does");
        }
        List<OutputPlace.Kept> kept = List.of(new OutputPlace.Kept("the model (--model)", model, false),
                OutputPlace.currentDirectory());
        try (StagedOutput staged = StagedOutput.create(output, overwrite, null, kept,
                ProcessOwner.current(Inputs.commandLine(spec)))) {
            try {
                Files.write(staged.path(), bytes);
            } catch (IOException e) {
                throw JobException.output("cannot write --output " + output + ": " + e.getMessage());
            }
            staged.publish();
        }
        Console.info("wrote " + output);
        return 0;
    }
}
