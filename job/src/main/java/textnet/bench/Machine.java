package textnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** One line describing the machine a benchmark ran on: CPU, cores, memory, OS, Java. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse(System.getProperty("os.arch"));
        String memory = procLine("/proc/meminfo", "MemTotal").map(l -> String.format(Locale.ROOT, "%.1f GiB RAM",
                Long.parseLong(l.replaceAll("\\D", "")) / (1024.0 * 1024.0))).orElse("unknown RAM");
        return String.format(Locale.ROOT, "%s, %d cores, %s, %s %s, Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
