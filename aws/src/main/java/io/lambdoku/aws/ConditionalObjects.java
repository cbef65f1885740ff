package io.lambdoku.aws;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * JSON objects in the artifact bucket that several runs change at once (locks, rollout records), changed only by
 * S3's conditional requests, as Terraform's S3 backend locks its state: PutObject with {@code If-None-Match: *}
 * creates one where there is none, PutObject with {@code If-Match: <ETag>} replaces the version that was read,
 * DeleteObject with {@code If-Match} removes it (general purpose buckets since 2025-09). A refused condition is an
 * empty answer, never an error: 412 means another run changed it first; S3 answers 409
 * ConditionalRequestConflict to the loser of two concurrent conditional writes, which means the same; 404
 * NoSuchKey means it is gone (a missing bucket stays an error). An ETag is the MD5 of the body, so callers keep
 * something in the body that differs between versions (an id, a heartbeat) for no two versions to share one.
 */
final class ConditionalObjects {

    /** An object's body and the ETag a conditional write must name to change it. */
    record Read(byte[] body, String etag) {
    }

    private final S3Client s3;
    private final String bucket;
    private final AwsErrors errors;

    ConditionalObjects(S3Client s3, String bucket, AwsErrors errors) {
        this.s3 = s3;
        this.bucket = bucket;
        this.errors = errors;
    }

    /** {@code s3://bucket/key}, to name an object in a message. */
    String where(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** The object, or empty when there is none; {@code function} is what the call is about, for error messages. */
    Optional<Read> read(String function, String key) {
        return errors.call(AwsErrors.Subject.function(function), () -> {
            ResponseBytes<GetObjectResponse> got;
            try {
                got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
            return Optional.of(new Read(got.asByteArray(), got.response().eTag()));
        });
    }

    /** Writes the object where none is; its new ETag, or empty when one exists. */
    Optional<String> create(String function, String key, byte[] body) {
        return conditional(function, () -> s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*")
                .contentType("application/json"), RequestBody.fromBytes(body)).eTag());
    }

    /** Rewrites the object read with {@code etag}; its new ETag, or empty when it changed or went since. */
    Optional<String> replace(String function, String key, String etag, byte[] body) {
        return conditional(function, () -> s3.putObject(b -> b.bucket(bucket).key(key).ifMatch(etag)
                .contentType("application/json"), RequestBody.fromBytes(body)).eTag());
    }

    /** Deletes the object read with {@code etag}; false when it changed or went since. */
    boolean delete(String function, String key, String etag) {
        return conditional(function, () -> {
            s3.deleteObject(b -> b.bucket(bucket).key(key).ifMatch(etag));
            return "deleted";
        }).isPresent();
    }

    /** The keys directly under {@code prefix} (which ends in /), every page, in S3's ascending key order. */
    List<String> keys(String function, String prefix) {
        return errors.call(AwsErrors.Subject.function(function), () -> s3.listObjectsV2Paginator(b -> b.bucket(bucket)
                .prefix(prefix).delimiter("/")).contents().stream().map(S3Object::key).toList());
    }

    private Optional<String> conditional(String function, Supplier<String> call) {
        return errors.call(AwsErrors.Subject.function(function), () -> {
            try {
                return Optional.of(call.get());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 412 || e.statusCode() == 409 || "NoSuchKey".equals(AwsErrors.code(e))) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}
