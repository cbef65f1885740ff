package io.lambdoku.aws;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom the aws backend talks: taken from the command line first, then the process
 * environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, LAMBDOKU_ARTIFACT_BUCKET), then the SDK's
 * own default chains. Static keys in the environment are read from the given map rather than
 * System.getenv so tests and the CLI hand in the same thing.
 *
 * <p>Endpoints follow the AWS CLI's order: {@code --endpoint-url} for every service; else a service's own
 * {@code AWS_ENDPOINT_URL_<SERVICE>} (or the SDK's {@code aws.endpointUrl<Service>} system property);
 * else {@code AWS_ENDPOINT_URL}. The SDK itself reads the service-specific ones only when no endpoint is
 * set on the client, which lambdoku always does for a stand-in, so it resolves them here: that is how
 * one service goes to another stand-in (LocalStack for one, moto for the rest).
 */
public record AwsOptions(
        Optional<String> region,
        Optional<String> profile,
        Optional<URI> endpoint,
        Optional<String> artifactBucket,
        Optional<StaticKeys> keys,
        Map<Service, URI> serviceEndpoints) {

    /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and optionally AWS_SESSION_TOKEN. */
    public record StaticKeys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    }

    /** The services lambdoku calls, with the SDK's names for their own endpoint settings. */
    public enum Service {
        LAMBDA("LAMBDA", "Lambda"), S3("S3", "S3"), STS("STS", "Sts"), CLOUDWATCH_LOGS("CLOUDWATCH_LOGS", "CloudWatchLogs"),
        CLOUDWATCH("CLOUDWATCH", "CloudWatch"), IAM("IAM", "Iam"), EVENTBRIDGE("EVENTBRIDGE", "EventBridge"),
        KMS("KMS", "Kms"), DYNAMODB("DYNAMODB", "DynamoDb"), DYNAMODB_STREAMS("DYNAMODB_STREAMS", "DynamoDbStreams");

        private final String envSuffix;
        private final String propertySuffix;

        Service(String envSuffix, String propertySuffix) {
            this.envSuffix = envSuffix;
            this.propertySuffix = propertySuffix;
        }

        public String environmentVariable() {
            return "AWS_ENDPOINT_URL_" + envSuffix;
        }

        public String systemProperty() {
            return "aws.endpointUrl" + propertySuffix;
        }
    }

    public AwsOptions {
        serviceEndpoints = serviceEndpoints.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(serviceEndpoints));
    }

    /** With one endpoint (or none) for every service. */
    public AwsOptions(Optional<String> region, Optional<String> profile, Optional<URI> endpoint, Optional<String> artifactBucket,
                      Optional<StaticKeys> keys) {
        this(region, profile, endpoint, artifactBucket, keys, Map.of());
    }

    public static AwsOptions fromEnvironment(Map<String, String> env) {
        Map<Service, URI> services = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            nonBlank(System.getProperty(s.systemProperty())).or(() -> nonBlank(env.get(s.environmentVariable())))
                    .ifPresent(url -> services.put(s, endpointUri(url)));
        }
        return new AwsOptions(
                nonBlank(env.get("AWS_REGION")).or(() -> nonBlank(env.get("AWS_DEFAULT_REGION"))),
                nonBlank(env.get("AWS_PROFILE")),
                nonBlank(env.get("AWS_ENDPOINT_URL")).map(AwsOptions::endpointUri),
                nonBlank(env.get("LAMBDOKU_ARTIFACT_BUCKET")),
                keys(env),
                services);
    }

    /** Where this service's calls go: its own endpoint, else the general one, else (empty) AWS itself. */
    public Optional<URI> endpointFor(Service service) {
        return Optional.ofNullable(serviceEndpoints.get(service)).or(this::endpoint);
    }

    public AwsOptions withRegion(Optional<String> r) {
        return r.isEmpty() ? this : new AwsOptions(r, profile, endpoint, artifactBucket, keys, serviceEndpoints);
    }

    /** A profile named on the command line beats keys in the environment, as with the AWS CLI. */
    public AwsOptions withProfile(Optional<String> p) {
        return p.isEmpty() ? this : new AwsOptions(region, p, endpoint, artifactBucket, Optional.empty(), serviceEndpoints);
    }

    /** --endpoint-url: every service's calls go there, whatever the environment says, as with the AWS CLI. */
    public AwsOptions withEndpoint(Optional<String> e) {
        return e.isEmpty() ? this
                : new AwsOptions(region, profile, e.map(AwsOptions::endpointUri), artifactBucket, keys, Map.of());
    }

    public AwsOptions withArtifactBucket(Optional<String> b) {
        return b.isEmpty() ? this : new AwsOptions(region, profile, endpoint, b, keys, serviceEndpoints);
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
