package io.lambdoku.core.release;

/**
 * A change someone left on $LATEST without publishing it (a command killed between its write and its
 * publish, or an edit outside lambdoku), released by the next command: what was found there, e.g.
 * "code 3f2a9c1d, config DB_URL", and the release made of it.
 */
public record Recovered(String found, Release release) {

    /** "$LATEST had unreleased changes (code 3f2a9c1d); released them as v7 'Deploy 3f2a9c1d (recovered)'". */
    public String sentence() {
        return "$LATEST had unreleased changes (" + found + "); released them as " + release.label() + " '"
                + release.description() + "'.";
    }
}
