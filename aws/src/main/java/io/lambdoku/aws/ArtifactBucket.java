package io.lambdoku.aws;

import io.lambdoku.core.lambda.BackendException;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Creates the artifact bucket that {@code lambdoku setup} asks for, named after the account and region unless given. */
public final class ArtifactBucket {

    /** The bucket, its region, and whether this call created it. */
    public record Ready(String bucket, String region, boolean created) {
    }

    private ArtifactBucket() {
    }

    public static Ready ensure(AwsClients clients, Optional<String> name) {
        AwsErrors errors = new AwsErrors(clients.options().endpoint().map(Object::toString).orElse("AWS"));
        Region region = clients.region();
        String bucket = name.or(() -> clients.options().artifactBucket()).orElseGet(() -> defaultName(clients, region));
        S3Client s3 = clients.s3();
        return errors.call(AwsErrors.Subject.function(bucket), () -> {
            if (exists(s3, bucket)) {
                return new Ready(bucket, region.id(), false);
            }
            s3.createBucket(b -> {
                b.bucket(bucket);
                // us-east-1 is S3's default location and refuses to be named as a constraint.
                if (!Region.US_EAST_1.equals(region)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region.id())));
                }
            });
            return new Ready(bucket, region.id(), true);
        });
    }

    static String defaultName(AwsClients clients, Region region) {
        return defaultName(AwsAccount.of(clients), region.id());
    }

    /** The bucket {@code setup} creates when none is named: one per account and region. */
    public static String defaultName(String account, String region) {
        return "lambdoku-artifacts-" + account + "-" + region;
    }

    private static boolean exists(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw new BackendException("The bucket " + bucket + " exists but these credentials may not use it; "
                        + "pick another name with --artifact-bucket.", e);
            }
            throw e;
        }
    }
}
