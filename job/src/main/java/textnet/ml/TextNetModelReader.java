package textnet.ml;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import scala.Option;
import textnet.io.ModelFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Loads what {@link TextNetModelWriter} saved: the model folder is copied to a local temporary
 * folder and read by {@link ModelFiles#loadVectorInput}, so a tampered or foreign folder is refused
 * with the same checks as {@code textnet predict} applies; then the params from Spark's metadata.
 */
final class TextNetModelReader extends MLReader<TextNetModel> {

    @Override
    public TextNetModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                TextNetModel.class.getName());
        java.nio.file.Path local = null;
        try {
            local = Files.createTempDirectory("textnet-model");
            java.nio.file.Path folder = local.resolve(TextNetModelWriter.MODEL_DIR);
            Path source = new Path(path, TextNetModelWriter.MODEL_DIR);
            FileSystem fs = HadoopFiles.rawFileSystem(source, sc());
            fs.copyToLocalFile(false, source, new Path(folder.toUri()), true);
            TextNetModel model = new TextNetModel(metadata.uid(), ModelFiles.loadVectorInput(folder));
            metadata.getAndSetParams(model, Option.empty());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load a TextNetModel from " + path, e);
        } finally {
            HadoopFiles.deleteLocal(local);
        }
    }
}
