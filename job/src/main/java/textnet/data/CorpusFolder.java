package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import textnet.JobException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A folder of documents (an aclImdb or Reuters corpus, predict's folder of .txt files) listed on the
 * driver, every file checked before any task reads it: regular (a FIFO or device would never end), at
 * most {@link DocumentBytes#MAX_BYTES}, and, on the local file system, not reached through a symbolic
 * link that leads outside the folder: such a link would read a file that is not part of the corpus
 * into the vocabulary, as an archive with links would (those are refused too). Links that stay inside
 * the folder are fine.
 *
 * <p>On HDFS and object stores the listing is Hadoop's: HDFS has symbolic links switched off by
 * default (and resolves them itself when on), S3 has none, and neither has FIFOs or devices.
 */
final class CorpusFolder {

    private final SparkContext context;
    private final Path dir;
    private final String key;
    private final String userValue;
    /** The folder's real path when it is local (links resolved), else null. */
    private final java.nio.file.Path realRoot;

    private CorpusFolder(SparkContext context, Path dir, String key, String userValue, java.nio.file.Path realRoot) {
        this.context = context;
        this.dir = dir;
        this.key = key;
        this.userValue = userValue;
        this.realRoot = realRoot;
    }

    /** @param dir a folder, as {@link InputPaths#require} returned it */
    static CorpusFolder of(SparkContext context, Path dir, String key, String userValue) {
        try {
            boolean local = LocalFiles.isLocal(InputPaths.fileSystem(context, dir));
            return new CorpusFolder(context, dir, key, userValue, local ? LocalFiles.of(dir).toRealPath() : null);
        } catch (IOException e) {
            throw JobException.input(key + ": cannot read " + userValue + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code relative} ("train/pos", "" for the folder itself) is a folder of this one. */
    boolean hasFolder(String relative) {
        if (realRoot == null) {
            return InputPaths.isDirectory(context, relative.isEmpty() ? dir : new Path(dir, relative));
        }
        java.nio.file.Path folder = realRoot.resolve(relative);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        // name the outermost link that leaves, e.g. "train" when train/ itself points elsewhere
        java.nio.file.Path inside = realRoot;
        for (java.nio.file.Path part : realRoot.relativize(folder)) {
            inside = inside.resolve(part);
            requireInside(inside, realRoot.relativize(inside).toString());
        }
        return true;
    }

    /**
     * The files directly in the folder {@code relative} whose names pass the filter, sorted by name,
     * each named by its path inside this folder ({@code train/pos/1_9.txt}). Sub-folders are skipped,
     * and so are hidden names (starting with '.' or '_': macOS's {@code ._1_9.txt}, Hadoop's
     * {@code _SUCCESS}), as Hadoop's input formats skip them.
     */
    List<InputFile> files(String relative, Predicate<String> name) {
        Predicate<String> wanted = n -> !n.startsWith(".") && !n.startsWith("_") && name.test(n);
        return realRoot == null ? hadoopFiles(relative, wanted) : localFiles(relative, wanted);
    }

    private List<InputFile> hadoopFiles(String relative, Predicate<String> name) {
        List<InputFile> files = new ArrayList<>();
        for (FileStatus status : InputPaths.filesIn(context, relative.isEmpty() ? dir : new Path(dir, relative), name)) {
            String inside = inside(relative, status.getPath().getName());
            DocumentBytes.requireSize(key, inside + " in " + userValue, status.getLen());
            files.add(InputFile.of(status.getPath(), inside, status.getLen()));
        }
        return files;
    }

    private List<InputFile> localFiles(String relative, Predicate<String> name) {
        java.nio.file.Path folder = realRoot.resolve(relative);
        List<java.nio.file.Path> entries = new ArrayList<>();
        try (DirectoryStream<java.nio.file.Path> list = Files.newDirectoryStream(folder)) {
            for (java.nio.file.Path entry : list) {
                if (name.test(entry.getFileName().toString())) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw JobException.input(key + ": cannot list " + OneLine.name(inside(relative, "")) + " of " + userValue
                    + ": " + OneLine.of(e.getMessage()), e);
        }
        entries.sort(Comparator.comparing(e -> e.getFileName().toString()));
        List<InputFile> files = new ArrayList<>(entries.size());
        for (java.nio.file.Path entry : entries) {
            String inside = inside(relative, entry.getFileName().toString());
            try {
                // one lstat per file; only links cost more (their target's real path and attributes)
                BasicFileAttributes own = LocalFiles.ownAttributes(entry);
                java.nio.file.Path target = own.isSymbolicLink() ? requireInside(entry, inside) : entry;
                BasicFileAttributes attributes = own.isSymbolicLink()
                        ? Files.readAttributes(target, BasicFileAttributes.class) : own;
                if (attributes.isDirectory()) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    throw JobException.input(key + ": " + OneLine.name(inside) + " in " + userValue + " is "
                            + LocalFiles.oddKind(target) + ", not a regular file");
                }
                DocumentBytes.requireSize(key, inside + " in " + userValue, attributes.size());
                files.add(new InputFile(target.toUri().toString(), inside, attributes.size()));
            } catch (IOException e) {
                throw JobException.input(key + ": cannot read " + OneLine.name(inside) + " in " + userValue + ": "
                        + OneLine.of(e.getMessage()), e);
            }
        }
        return files;
    }

    /** The real path of {@code path}; refused when it is outside this folder (or a link to nowhere). */
    private java.nio.file.Path requireInside(java.nio.file.Path path, String inside) {
        java.nio.file.Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw JobException.input(key + ": " + OneLine.name(inside) + " in " + userValue + " is a link to nothing ("
                    + OneLine.name(linkTarget(path)) + ")");
        } catch (IOException e) {
            throw JobException.input(key + ": cannot read " + OneLine.name(inside) + " in " + userValue + ": "
                    + OneLine.of(e.getMessage()), e);
        }
        if (!real.startsWith(realRoot)) {
            throw JobException.input(key + ": " + OneLine.name(inside) + " links outside the corpus folder " + userValue
                    + " (to " + OneLine.name(real.toString()) + "); links that leave the corpus are refused");
        }
        return real;
    }

    private static String linkTarget(java.nio.file.Path link) {
        try {
            return String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }

    private static String inside(String relative, String name) {
        return relative.isEmpty() ? name : name.isEmpty() ? relative : relative + "/" + name;
    }
}
