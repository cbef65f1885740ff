package io.lambdoku.cli.dashboard;

/**
 * A traffic-split bar: inline SVG, whose attributes the Content-Security-Policy allows where a style attribute
 * would be refused. The label says the split in words for screen readers.
 */
public final class Weights {

    private Weights() {
    }

    /** A bar of {@code first}% and {@code second}% (the rest empty). */
    public static void bar(Html h, int first, int second, String label) {
        h.open("svg", "class", "weights", "viewbox", "0 0 100 6", "preserveaspectratio", "none", "role", "img",
                "aria-label", label);
        h.open("rect", "class", "w0", "width", "100", "height", "6").close();
        h.open("rect", "class", "w1", "width", Integer.toString(first), "height", "6").close();
        if (second > 0) {
            h.open("rect", "class", "w2", "x", Integer.toString(first), "width", Integer.toString(second), "height", "6").close();
        }
        h.close();
    }
}
