package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import textnet.JobException;
import textnet.eval.HistoryPlots;
import textnet.train.EpochRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code textnet plot RUN_DIR}: redraws loss.png and accuracy.png from the run's metrics.json. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Redraw a run's loss.png and accuracy.png from its metrics.json (no Spark needed).")
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder written by train.")
    Path runDir;

    @Override
    public Integer call() {
        Path metrics = runDir.resolve("metrics.json");
        if (!Files.isRegularFile(metrics)) {
            throw JobException.input("run folder " + runDir + " has no metrics.json");
        }
        List<EpochRecord> history = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode epochs = json.readTree(metrics.toFile()).path("history");
            if (!epochs.isArray() || epochs.isEmpty()) {
                throw JobException.input(metrics + " has no \"history\" to plot");
            }
            for (JsonNode epoch : epochs) {
                history.add(json.treeToValue(epoch, EpochRecord.class));
            }
        } catch (IOException e) {
            throw JobException.input(metrics + " is not a readable metrics.json: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            HistoryPlots.write(history, runDir);
        } catch (IOException e) {
            throw JobException.output("cannot write the plots into " + runDir + ": " + e.getMessage());
        }
        Console.info("wrote " + runDir.resolve(HistoryPlots.LOSS) + " and " + runDir.resolve(HistoryPlots.ACCURACY));
        return 0;
    }
}
