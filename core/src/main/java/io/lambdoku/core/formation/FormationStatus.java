package io.lambdoku.core.formation;

/** A row's Status as the reactor writes it back; {@link #word()} is how the table and the CLI spell it. */
public enum FormationStatus {
    PENDING("Pending"), DEPLOYING("Deploying"), READY("Ready"), STOPPED("Stopped"), FAILED("Failed"),
    DELETING("Deleting");

    private final String word;

    FormationStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The word read back from a table any client may have written; unknown words are Pending. */
    public static FormationStatus of(String word) {
        for (FormationStatus s : values()) {
            if (s.word.equalsIgnoreCase(word)) {
                return s;
            }
        }
        return PENDING;
    }
}
