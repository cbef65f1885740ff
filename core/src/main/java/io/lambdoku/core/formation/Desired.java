package io.lambdoku.core.formation;

import java.util.Optional;

/**
 * What a formation row asks for. {@code version}: a release ("7", "v7"), an alias, or "git:REF" of
 * {@code source}'s repository; empty with a source: the folder as it is. {@code scale}: provisioned
 * concurrency on the app's alias {@code live}; 0 stops the app (every invoke throttled, nothing deleted).
 * {@code isPublic}: on AWS the URL's auth is NONE instead of AWS_IAM.
 */
public record Desired(Optional<String> version, int scale, Optional<String> source, boolean isPublic) {

    public Desired {
        version = version == null ? Optional.empty() : version;
        source = source == null ? Optional.empty() : source;
    }
}
