package io.lambdoku.aws;

import io.lambdoku.aws.AwsOptions.Service;
import io.lambdoku.core.lambda.BackendException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import java.time.Duration;

/**
 * Builds SDK clients on first use only, so commands that fail on their arguments, and every local
 * command, never pay for the SDK. One HTTP client is shared by all services.
 */
public final class AwsClients implements AutoCloseable {

    /** Throttling (TooManyRequestsException, 429) is retried by the SDK's standard strategy with jitter, up to this bound. */
    private static final int MAX_ATTEMPTS = 8;

    private final AwsOptions options;
    private SdkHttpClient http;
    private Region region;
    private LambdaClient lambda;
    private S3Client s3;
    private StsClient sts;
    private CloudWatchLogsClient logs;
    private CloudWatchClient cloudwatch;
    private IamClient iam;
    private EventBridgeClient events;
    private KmsClient kms;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient dynamoDbStreams;
    private AwsCredentialsProvider credentials;
    /** Requests answered in process (tests): nothing may reach the network, not even the SDK's own probes. */
    private final boolean offline;

    public AwsClients(AwsOptions options) {
        this.options = options;
        this.offline = false;
    }

    /** With a given HTTP client: tests answer the SDK's requests themselves, with no network. */
    AwsClients(AwsOptions options, SdkHttpClient http) {
        this.options = options;
        this.http = http;
        this.offline = true;
    }

    public AwsOptions options() {
        return options;
    }

    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = configure(LambdaClient.builder(), Service.LAMBDA).build();
        }
        return lambda;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // moto, LocalStack and other stand-ins answer path-style requests only.
            s3 = configure(S3Client.builder(), Service.S3).forcePathStyle(options.endpointFor(Service.S3).isPresent())
                    .build();
        }
        return s3;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = configure(StsClient.builder(), Service.STS).build();
        }
        return sts;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = configure(CloudWatchLogsClient.builder(), Service.CLOUDWATCH_LOGS).build();
        }
        return logs;
    }

    public synchronized CloudWatchClient cloudwatch() {
        if (cloudwatch == null) {
            cloudwatch = configure(CloudWatchClient.builder(), Service.CLOUDWATCH).build();
        }
        return cloudwatch;
    }

    /** IAM is global: the SDK's endpoint rules send every region's calls to the partition's one IAM endpoint. */
    public synchronized IamClient iam() {
        if (iam == null) {
            iam = configure(IamClient.builder(), Service.IAM).build();
        }
        return iam;
    }

    public synchronized EventBridgeClient events() {
        if (events == null) {
            events = configure(EventBridgeClient.builder(), Service.EVENTBRIDGE).build();
        }
        return events;
    }

    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = configure(KmsClient.builder(), Service.KMS).build();
        }
        return kms;
    }

    /** The formation table's. */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder(), Service.DYNAMODB).build();
        }
        return dynamoDb;
    }

    /** The formation table's stream. */
    public synchronized DynamoDbStreamsClient dynamoDbStreams() {
        if (dynamoDbStreams == null) {
            dynamoDbStreams = configure(DynamoDbStreamsClient.builder(), Service.DYNAMODB_STREAMS).build();
        }
        return dynamoDbStreams;
    }

    public synchronized Region region() {
        if (region == null) {
            region = options.region().map(Region::of).orElseGet(this::defaultRegion);
        }
        return region;
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, Service service) {
        builder.httpClient(http()).region(region()).credentialsProvider(credentialsProvider())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS).build()));
        options.endpointFor(service).ifPresent(builder::endpointOverride);
        if (offline) {
            // defaults_mode=auto in ~/.aws/config would ask EC2 instance metadata (169.254.169.254) for the region
            builder.defaultsMode(DefaultsMode.LEGACY);
        }
        return builder;
    }

    private SdkHttpClient http() {
        if (http == null) {
            http = new LazyTlsHttpClient(Duration.ofSeconds(5), Duration.ofMinutes(2));
        }
        return http;
    }

    /** The credentials every client signs with, for requests made outside a client (a function URL's, signed by hand). */
    synchronized AwsCredentialsProvider credentialsProvider() {
        if (credentials == null) {
            credentials = credentials();
        }
        return credentials;
    }

    private AwsCredentialsProvider credentials() {
        if (options.keys().isPresent()) {
            AwsOptions.StaticKeys k = options.keys().get();
            return StaticCredentialsProvider.create(k.sessionToken().isPresent()
                    ? AwsSessionCredentials.create(k.accessKeyId(), k.secretAccessKey(), k.sessionToken().get())
                    : AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey()));
        }
        if (options.profile().isPresent()) {
            return ProfileCredentialsProvider.builder().profileName(options.profile().get()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private Region defaultRegion() {
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            options.profile().ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw new BackendException("No AWS region is set; pass --region, set AWS_REGION, or set one in ~/.aws/config.");
        }
    }

    @Override
    public synchronized void close() {
        if (lambda != null) {
            lambda.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (sts != null) {
            sts.close();
        }
        if (logs != null) {
            logs.close();
        }
        if (cloudwatch != null) {
            cloudwatch.close();
        }
        if (iam != null) {
            iam.close();
        }
        if (events != null) {
            events.close();
        }
        if (kms != null) {
            kms.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (dynamoDbStreams != null) {
            dynamoDbStreams.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
