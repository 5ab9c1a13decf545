package textnet.eval;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import textnet.train.EpochRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code loss.png} and {@code accuracy.png}: the two figures of the Keras notebook (Chollet,
 * "Deep Learning with Python", 4.1), training as points ("bo") and validation as a line ("b"),
 * drawn into images without a display.
 */
public final class HistoryPlots {

    public static final String LOSS = "loss.png";
    public static final String ACCURACY = "accuracy.png";
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private HistoryPlots() {
    }

    /**
     * Both figures as PNG files' bytes, by file name ({@link #LOSS}, {@link #ACCURACY}); the
     * validation line only when the history has one. Writing them is the caller's (io.AtomicFiles).
     */
    public static Map<String, byte[]> png(List<EpochRecord> history) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(LOSS, png(chart("Training and validation loss", "Loss", history, EpochRecord::loss,
                r -> r.valLoss() == null ? Double.NaN : r.valLoss(), "loss", Styler.LegendPosition.InsideNE)));
        files.put(ACCURACY, png(chart("Training and validation accuracy", "Accuracy", history, EpochRecord::accuracy,
                r -> r.valAccuracy() == null ? Double.NaN : r.valAccuracy(), "accuracy", Styler.LegendPosition.InsideSE)));
        return files;
    }

    static XYChart chart(String title, String yTitle, List<EpochRecord> history, ToDoubleFunction<EpochRecord> train,
                         ToDoubleFunction<EpochRecord> validation, String metric, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("Epochs").yAxisTitle(yTitle).build();
        // the legend goes where the curves are not: loss falls away from the top right, accuracy rises
        // away from the bottom right (the top right hid the last training-accuracy points)
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(8);
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        XYSeries points = chart.addSeries("Training " + metric, epochs, history.stream().mapToDouble(train).toArray());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        double[] val = history.stream().mapToDouble(validation).toArray();
        if (val.length > 0 && !Double.isNaN(val[0])) {
            XYSeries line = chart.addSeries("Validation " + metric, epochs, val);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static byte[] png(XYChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }
}
