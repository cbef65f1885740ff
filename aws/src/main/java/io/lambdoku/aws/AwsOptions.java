package io.lambdoku.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom the aws backend talks: taken from the command line first, then the process
 * environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, LAMBDOKU_ARTIFACT_BUCKET), then the SDK's
 * own default chains. Static keys in the environment are read from the given map rather than
 * System.getenv so tests and the CLI hand in the same thing.
 */
public record AwsOptions(
        Optional<String> region,
        Optional<String> profile,
        Optional<URI> endpoint,
        Optional<String> artifactBucket,
        Optional<StaticKeys> keys) {

    /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and optionally AWS_SESSION_TOKEN. */
    public record StaticKeys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    }

    public static AwsOptions fromEnvironment(Map<String, String> env) {
        return new AwsOptions(
                nonBlank(env.get("AWS_REGION")).or(() -> nonBlank(env.get("AWS_DEFAULT_REGION"))),
                nonBlank(env.get("AWS_PROFILE")),
                nonBlank(env.get("AWS_ENDPOINT_URL_LAMBDA")).or(() -> nonBlank(env.get("AWS_ENDPOINT_URL")))
                        .map(AwsOptions::endpointUri),
                nonBlank(env.get("LAMBDOKU_ARTIFACT_BUCKET")),
                keys(env));
    }

    public AwsOptions withRegion(Optional<String> r) {
        return r.isEmpty() ? this : new AwsOptions(r, profile, endpoint, artifactBucket, keys);
    }

    /** A profile named on the command line beats keys in the environment, as with the AWS CLI. */
    public AwsOptions withProfile(Optional<String> p) {
        return p.isEmpty() ? this : new AwsOptions(region, p, endpoint, artifactBucket, Optional.empty());
    }

    public AwsOptions withEndpoint(Optional<String> e) {
        return e.isEmpty() ? this : new AwsOptions(region, profile, e.map(AwsOptions::endpointUri), artifactBucket, keys);
    }

    public AwsOptions withArtifactBucket(Optional<String> b) {
        return b.isEmpty() ? this : new AwsOptions(region, profile, endpoint, b, keys);
    }

    private static Optional<StaticKeys> keys(Map<String, String> env) {
        Optional<String> id = nonBlank(env.get("AWS_ACCESS_KEY_ID"));
        Optional<String> secret = nonBlank(env.get("AWS_SECRET_ACCESS_KEY"));
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StaticKeys(id.get(), secret.get(), nonBlank(env.get("AWS_SESSION_TOKEN"))));
    }

    static URI endpointUri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new io.lambdoku.core.lambda.InvalidParameterException("Endpoint URL '" + text
                    + "' is not an http(s) URL like http://127.0.0.1:4566.");
        }
        return uri;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
