package io.lambdoku.core.rollout;

/** Where a rollout is; the last three are final. */
public enum Phase {
    PENDING, PRE_HOOK, SHIFTING, POST_HOOK, ROLLING_BACK, SUCCEEDED, ROLLED_BACK, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == ROLLED_BACK || this == FAILED;
    }

    /** As the user reads it: {@code Shifting}, {@code RolledBack}. */
    public String title() {
        StringBuilder out = new StringBuilder();
        for (String word : name().split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }
}
