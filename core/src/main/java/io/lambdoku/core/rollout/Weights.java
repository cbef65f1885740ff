package io.lambdoku.core.rollout;

/** Percentages as users write them: {@code 20%}, {@code 12.5%}, {@code 33.3%}. */
public final class Weights {

    private Weights() {
    }

    public static String text(double percent) {
        double rounded = Math.round(percent * 10) / 10.0;
        return (rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded)) + "%";
    }
}
