package textnet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Packages follow the data flow (STYLE.md; README, "Code layout"): a package imports only packages
 * before it, never one after it. {@code config} comes first (every stage reads it), then the stages
 * in the order data flows through them; {@code ml} (Spark ML stages) and {@code cli} call all of
 * them; {@code bench} drives the CLI. An exception would have to be listed by name in
 * {@link #KNOWN}.
 */
class PackageOrderTest {

    private static final List<String> FLOW = List.of(
            "config", "data", "text", "nn", "optim", "train", "eval", "io", "ml", "cli", "bench");

    /** Known back-imports, each to be removed by the change that ends it (none left). */
    private static final Set<String> KNOWN = Set.of();

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?textnet\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageImportsOneLaterInTheDataFlow() throws IOException {
        Path main = Path.of("src/main/java/textnet");
        Set<String> found = new TreeSet<>();
        List<String> unknownPackages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = main.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // textnet.JobException, read by all
                }
                String from = relative.getName(0).toString();
                if (!FLOW.contains(from)) {
                    unknownPackages.add(from);
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String to = m.group(1);
                    if (FLOW.indexOf(to) > FLOW.indexOf(from)) {
                        found.add(relative.toString().replace('\\', '/') + " -> " + to);
                    }
                }
            }
        }
        assertEquals(List.of(), unknownPackages, "packages missing from FLOW");
        assertEquals(new TreeSet<>(KNOWN), found, "imports against the data flow (FLOW: " + FLOW + ")");
    }
}
