package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keras notebook's question on the real IMDB corpus: with 10,000 validation reviews and 20
 * epochs the validation loss turns up after a few epochs; early stopping must stop there and keep
 * the best epoch's weights.
 */
class EarlyStoppingEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void imdbStopsNearTheBestEpochAndKeepsItsWeights() throws Exception {
        String corpus = SparkTestSupport.corpus("aclImdb-labeled.tar.gz").toString();
        JsonNode m = TrainEndToEndTest.train(dir.resolve("early"), "imdb.yaml", corpus,
                "--set", "data.validation=10000", "--set", "train.epochs=20",
                "--set", "train.early-stopping.monitor=val_loss", "--set", "train.early-stopping.patience=2",
                "--set", "train.early-stopping.restore-best=true");
        JsonNode history = m.path("history");
        int best = 1;
        for (int e = 1; e <= history.size(); e++) {
            if (history.get(e - 1).path("val_loss").asDouble() < history.get(best - 1).path("val_loss").asDouble()) {
                best = e;
            }
        }
        System.err.println("early stopping: best " + m.path("best_epoch") + ", stopped " + m.path("stopped_epoch")
                + ", test " + m.path("test").path("accuracy") + ", history " + history);
        assertEquals(best, m.path("best_epoch").asInt(), "best_epoch is the lowest val_loss of the history");
        assertEquals(best + 2, m.path("stopped_epoch").asInt(), "stops after patience epochs without improvement");
        assertEquals(m.path("stopped_epoch").asInt(), history.size());
        assertTrue(history.size() < 20, "stopped before 20 epochs");
        assertEquals(best, m.path("early_stopping").path("restored_epoch").asInt());

        // the saved model is the best epoch's: a plain run of exactly that many epochs (same seed,
        // so the same first epochs) gives the same test metrics
        JsonNode plain = TrainEndToEndTest.train(dir.resolve("plain"), "imdb.yaml", corpus,
                "--set", "data.validation=10000", "--set", "train.epochs=" + best);
        assertEquals(plain.path("test").path("loss").asDouble(), m.path("test").path("loss").asDouble(), 1e-12);
        assertEquals(plain.path("test").path("roc_auc").asDouble(), m.path("test").path("roc_auc").asDouble(), 1e-12);
        assertTrue(m.path("test").path("accuracy").asDouble() >= 0.86, "IMDB test accuracy " + m.path("test"));
    }
}
