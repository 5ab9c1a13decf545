package textnet.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of a command's phases, measured from the JVM's start, for metrics.json and the benchmark. */
final class PhaseClock {

    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long lastMillis = jvmStartMillis;

    /** Records the time since the previous lap (or the JVM's start) under {@code phase}. */
    double lap(String phase) {
        long now = System.currentTimeMillis();
        double s = (now - lastMillis) / 1000.0;
        seconds.put(phase, s);
        lastMillis = now;
        return s;
    }

    double get(String phase) {
        return seconds.getOrDefault(phase, 0.0);
    }

    /** The laps so far, plus {@code total}: JVM start to now. */
    Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>(seconds);
        out.put("total", (System.currentTimeMillis() - jvmStartMillis) / 1000.0);
        return out;
    }

    /** Peak heap use so far, summed over the heap's pools, in MiB. */
    static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
