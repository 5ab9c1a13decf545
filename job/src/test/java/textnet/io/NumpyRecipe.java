package textnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's NumPy recipe ("Model files"), run as written by python3 in a folder whose
 * {@code model/} is a model folder: each text's network outputs, as the recipe computes them.
 */
public final class NumpyRecipe {

    private NumpyRecipe() {
    }

    /** Whether python3 with NumPy is here (the tests that run the recipe are skipped otherwise). */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Each text's outputs from {@code predict(text)}, the recipe run in {@code folder} (which holds model/). */
    public static List<double[]> predict(Path folder, List<String> texts) throws Exception {
        String readme = Files.readString(SparkTestSupport.project().resolve("README.md"));
        int from = readme.indexOf("```python\nimport json, re, numpy as np");
        if (from < 0) {
            throw new AssertionError("README.md has no NumPy recipe");
        }
        String recipe = readme.substring(readme.indexOf('\n', from) + 1, readme.indexOf("```", from + 3));
        ObjectMapper json = new ObjectMapper();
        Files.writeString(folder.resolve("texts.json"), json.writeValueAsString(texts));
        String script = recipe + "\nfor t in json.load(open('texts.json', encoding='utf-8')):\n"
                + "    print(json.dumps([float(p) for p in np.atleast_1d(predict(t))]))\n";
        Files.writeString(folder.resolve("recipe.py"), script);
        Process p = new ProcessBuilder("python3", "recipe.py").directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("the recipe failed:\n" + out);
        }
        List<double[]> outputs = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            JsonNode row = json.readTree(line);
            double[] values = new double[row.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i).asDouble();
            }
            outputs.add(values);
        }
        if (outputs.size() != texts.size()) {
            throw new AssertionError(texts.size() + " texts, " + outputs.size() + " outputs:\n" + out);
        }
        return outputs;
    }
}
