package textnet.ml;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;
import textnet.io.ModelFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Saves a {@link TextNetModel} as Spark ML saves its own models: {@code metadata/} (class, uid,
 * params; what a PipelineModel's loader reads to find {@link TextNetModel#read()}) and the data,
 * here textnet's model folder in {@code model/} (model.json with SHA-256 of every file, .npy
 * weights). The folder is written locally by {@link ModelFiles} and copied to the target file
 * system, so HDFS or S3 paths work as they do for Spark's own models.
 */
final class TextNetModelWriter extends MLWriter {

    static final String MODEL_DIR = "model";

    private final TextNetModel model;

    TextNetModelWriter(TextNetModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(model, path, sparkSession());
        java.nio.file.Path local = null;
        try {
            local = Files.createTempDirectory("textnet-model");
            ModelFiles.saveVectorInput(model.network(), local);
            Path target = new Path(path, MODEL_DIR);
            FileSystem fs = HadoopFiles.rawFileSystem(target, sc());
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the TextNetModel to " + path, e);
        } finally {
            HadoopFiles.deleteLocal(local);
        }
    }
}
