package dev.hbi.benchmarks.report;

import java.util.Locale;

/** Numbers as the report writes them: three significant digits, thousands grouped. */
final class Format {

    private Format() {
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String ratio(double v) {
        String digits = v >= 10 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 0.1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.2g", v);
        return digits + "×";
    }
}
