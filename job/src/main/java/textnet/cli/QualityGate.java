package textnet.cli;

import textnet.JobException;
import textnet.eval.TestMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train --min-accuracy X --min-metric name=value ...}: lower bars on test metrics, checked
 * after evaluation. A run below any bar is written but not published (README, "Quality gate").
 */
final class QualityGate {

    private final Map<String, Double> bars;

    private QualityGate(Map<String, Double> bars) {
        this.bars = bars;
    }

    /** Parses the options; bad syntax is a config error before any work is done. */
    static QualityGate of(Double minAccuracy, List<String> minMetrics) {
        Map<String, Double> bars = new LinkedHashMap<>();
        if (minAccuracy != null) {
            bars.put("accuracy", minAccuracy);
        }
        for (String option : minMetrics) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw JobException.config("--min-metric needs name=value, got '" + option + "'");
            }
            String name = option.substring(0, eq).trim();
            try {
                bars.put(name, Double.parseDouble(option.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw JobException.config("--min-metric " + name + ": '" + option.substring(eq + 1) + "' is not a number");
            }
        }
        return new QualityGate(bars);
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    /** Once the task is known (before training): every bar must name a metric of the task. */
    void requireKnownMetrics(String task) {
        List<String> known = TestMetrics.gateMetrics(task);
        for (String name : bars.keySet()) {
            if (!known.contains(name)) {
                throw JobException.config("--min-metric " + name + ": not a " + task
                        + " test metric with a lower bar (one of " + String.join(", ", known) + ")");
            }
        }
    }

    /** The bars that the test metrics fall short of, as one-line messages; empty when the run passes. */
    List<String> failures(Map<String, Object> testMetrics) {
        List<String> out = new ArrayList<>();
        bars.forEach((name, bar) -> {
            double value = ((Number) testMetrics.get(name)).doubleValue();
            if (!(value >= bar)) {
                out.add(String.format(Locale.ROOT, "test %s %.4f is below the bar %s", name, value, bar));
            }
        });
        return out;
    }

    /** For metrics.json: {@code {"passed": ..., "bars": {...}, "failures": [...]}}. */
    Map<String, Object> report(List<String> failures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", failures.isEmpty());
        m.put("bars", bars);
        m.put("failures", failures);
        return m;
    }
}
