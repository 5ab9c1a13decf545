package textnet.io;

import textnet.JobException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Where an output may go: never onto or around something the user gave the command to read (a
 * config, a corpus, a model), nor onto or around the current directory. Compared by real path, so a
 * link or {@code ..} does not hide that two paths are the same place.
 */
public final class OutputPlace {

    /**
     * Something an output must keep clear of.
     *
     * @param what         how the message names it: {@code "data.path"}, {@code "the config"}
     * @param mayHoldOutputs whether an output may be written inside it (the current directory: yes;
     *                     a corpus folder: no)
     */
    public record Kept(String what, Path path, boolean mayHoldOutputs) {
    }

    private OutputPlace() {
    }

    public static Kept currentDirectory() {
        return new Kept("the current directory", Paths.get("").toAbsolutePath(), true);
    }

    /**
     * @param option the output's flag, for the message ({@code --out}, {@code --output}, {@code --checkpoints})
     * @throws JobException (output) when {@code out} is, contains, or (for inputs) lies inside a kept path
     */
    public static void requireApart(String option, Path out, List<Kept> kept) {
        Path o = real(out);
        for (Kept k : kept) {
            Path p = real(k.path());
            if (o.equals(p)) {
                throw JobException.output(option + " " + out + " is " + k.what() + " (" + k.path() + "); choose another path");
            }
            if (p.startsWith(o)) {
                throw JobException.output(option + " " + out + " contains " + k.what() + " (" + k.path()
                        + "); textnet never writes over what it reads or where you work: choose another path");
            }
            if (!k.mayHoldOutputs() && o.startsWith(p)) {
                throw JobException.output(option + " " + out + " is inside " + k.what() + " (" + k.path()
                        + "); textnet does not write into its inputs: choose another path");
            }
        }
    }

    /**
     * The real path of {@code path}: links resolved for the part that exists, the rest appended as
     * written (after removing {@code .} and {@code ..}).
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
