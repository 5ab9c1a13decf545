package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import textnet.JobException;
import textnet.eval.HistoryPlots;
import textnet.io.AtomicFiles;
import textnet.io.OwnedFolder;
import textnet.train.EpochRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code textnet plot RUN_DIR}: redraws loss.png and accuracy.png from the run's metrics.json. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Redraw a run's loss.png and accuracy.png from its metrics.json (no Spark needed).")
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder written by train.")
    private Path runDir;

    @Override
    public Integer call() {
        Path runDir = realFolder(this.runDir);
        // the marker is enough here: plot replaces only its own two files (by rename, so a link in
        // their place is replaced, never written through), it removes nothing
        if (!OwnedFolder.hasMarker(runDir, OwnedFolder.Kind.RUN)) {
            throw JobException.output("plot redraws only a textnet run folder, and " + this.runDir + " has no textnet"
                    + " marker (" + OwnedFolder.MARKER + "); nothing was written");
        }
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
        writePlots(history, runDir);
        Console.info("wrote " + runDir.resolve(HistoryPlots.LOSS) + " and " + runDir.resolve(HistoryPlots.ACCURACY));
        return 0;
    }

    /** loss.png and accuracy.png into {@code dir}, each a new file renamed into place (never written through a link). */
    static void writePlots(List<EpochRecord> history, Path dir) {
        try {
            for (Map.Entry<String, byte[]> png : HistoryPlots.png(history).entrySet()) {
                AtomicFiles.write(dir.resolve(png.getKey()), png.getValue());
            }
        } catch (IOException e) {
            throw JobException.output("cannot write the plots into " + dir + ": " + e.getMessage());
        }
    }

    private static Path realFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw JobException.input("run folder " + dir + " does not exist or is not a folder");
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw JobException.input("run folder " + dir + " cannot be read: " + e.getMessage());
        }
    }
}
