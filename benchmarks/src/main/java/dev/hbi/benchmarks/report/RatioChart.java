package dev.hbi.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws each shape's ratio of HBI to RSocket-java and to the raw socket as horizontal bars on a
 * logarithmic axis, one panel per comparator, bars for both HBI wires; 1× is the comparator itself and a
 * bar to the right of it means HBI is better.
 */
final class RatioChart {

    private static final int LABEL_WIDTH = 230;
    private static final int PANEL_WIDTH = 330;
    private static final int GAP = 40;
    private static final int TOP = 56;
    private static final int ROW = 34;
    private static final int BAR = 12;
    private static final double MIN_LOG2 = -6;
    private static final double MAX_LOG2 = 6;
    private static final List<String> WIRES = List.of("hbi-mux", "hbi-classic");
    private static final List<String> COLOURS = List.of("#1f5fa8", "#9bbbe0");

    private final Results results;
    private final StringBuilder svg = new StringBuilder();

    RatioChart(Results results) {
        this.results = results;
    }

    /**
     * Draws the chart.
     *
     * @param caption a line under the title: date, machine, JDK
     * @return the SVG document
     */
    String draw(String caption) {
        List<Shape> shapes = Shape.measured(results);
        int width = LABEL_WIDTH + 2 * PANEL_WIDTH + GAP + 20;
        int height = TOP + shapes.size() * ROW + 50;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(10, 18, "HBI as a ratio to RSocket-java and to the raw socket (log scale; right of 1× is better)", "bold");
        text(10, 34, caption, "normal");
        panel(0, "rsocket", "÷ RSocket-java", shapes);
        panel(1, "raw", "÷ raw socket", shapes);
        for (int i = 0; i < shapes.size(); i++) {
            text(10, TOP + i * ROW + ROW / 2 + 4, shapes.get(i).name(), "normal");
        }
        legend(height - 22);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void panel(int index, String other, String title, List<Shape> shapes) {
        int left = LABEL_WIDTH + index * (PANEL_WIDTH + GAP);
        int bottom = TOP + shapes.size() * ROW;
        text(left + PANEL_WIDTH / 2 - 40, TOP - 6, title, "bold");
        for (double log2 = MIN_LOG2; log2 <= MAX_LOG2; log2 += 2) {
            double x = x(left, Math.pow(2, log2));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x, TOP, x, bottom, log2 == 0 ? "#333" : "#ddd"));
            text(x - 10, bottom + 14, log2 < 0 ? "1/" + (int) Math.pow(2, -log2) + "×" : (int) Math.pow(2, log2) + "×",
                    "normal");
        }
        for (int i = 0; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            for (int w = 0; w < WIRES.size(); w++) {
                int y = TOP + i * ROW + 4 + w * (BAR + 2);
                Optional<Double> hbi = s.value().apply(results, WIRES.get(w));
                Optional<Double> them = s.value().apply(results, other);
                if (hbi.isPresent() && them.isPresent()) {
                    bar(left, y, s.advantage(hbi.get(), them.get()), COLOURS.get(w));
                } else if (w == 0) {
                    text(x(left, 1) + 4, y + 10, "n/a", "normal");
                }
            }
        }
    }

    private void bar(int left, int y, double ratio, String colour) {
        double one = x(left, 1);
        double end = x(left, Math.max(Math.pow(2, MIN_LOG2), Math.min(Math.pow(2, MAX_LOG2), ratio)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                Math.min(one, end), y, Math.abs(end - one), BAR, colour));
        double labelX = ratio >= 1 ? end + 3 : end - 38;
        text(labelX, y + 10, Format.ratio(ratio), "normal");
    }

    private void legend(int y) {
        int x = LABEL_WIDTH;
        for (int w = 0; w < WIRES.size(); w++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, y - 10, COLOURS.get(w)));
            text(x + 16, y, w == 0 ? "HBI, multiplexed wire" : "HBI, classic wire", "normal");
            x += 180;
        }
    }

    private static double x(int left, double ratio) {
        double log2 = Math.log(ratio) / Math.log(2);
        return left + (log2 - MIN_LOG2) / (MAX_LOG2 - MIN_LOG2) * PANEL_WIDTH;
    }

    private void text(double x, double y, String s, String weight) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"%s\">%s</text>%n", x, y, weight,
                s.replace("&", "&amp;").replace("<", "&lt;")));
    }
}
