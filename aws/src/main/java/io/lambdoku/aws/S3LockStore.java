package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lock.Lease;
import io.lambdoku.core.lock.LockStore;
import io.lambdoku.core.lock.StoredLease;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Functions' locks as objects {@code lambdoku/locks/<function>.json} in the artifact bucket, changed only by
 * S3's conditional requests, as Terraform's S3 backend locks its state: PutObject with {@code If-None-Match: *}
 * takes a free lock, PutObject with {@code If-Match: <ETag>} renews or takes over the lease that was read,
 * DeleteObject with {@code If-Match} releases it (general purpose buckets since 2025-09). A 412 means another
 * run changed it first; S3 answers 409 ConditionalRequestConflict to the loser of two concurrent conditional
 * writes, which means the same. The ETag is the MD5 of the JSON, which holds the lease id and the heartbeat's
 * millisecond, so no two versions of a lock share one. Under the bucket's {@code lambdoku/} prefix, beside
 * the code, so one IAM resource pattern covers everything lambdoku writes there.
 */
final class S3LockStore implements LockStore {

    private final S3Client s3;
    private final String bucket;
    private final AwsErrors errors;

    S3LockStore(S3Client s3, String bucket, AwsErrors errors) {
        this.s3 = s3;
        this.bucket = bucket;
        this.errors = errors;
    }

    static String key(String function) {
        return "lambdoku/locks/" + function + ".json";
    }

    @Override
    public Optional<StoredLease> read(String function) {
        return errors.call(AwsErrors.Subject.function(function), () -> {
            ResponseBytes<GetObjectResponse> got;
            try {
                got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(function)));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
            return Optional.of(new StoredLease(parse(function, got.asByteArray()), got.response().eTag()));
        });
    }

    @Override
    public Optional<StoredLease> create(Lease lease) {
        return conditional(lease.function(), () -> s3.putObject(b -> b.bucket(bucket).key(key(lease.function())).ifNoneMatch("*")
                .contentType("application/json"), RequestBody.fromBytes(json(lease))).eTag())
                .map(etag -> new StoredLease(lease, etag));
    }

    @Override
    public Optional<StoredLease> replace(StoredLease expected, Lease lease) {
        return conditional(lease.function(), () -> s3.putObject(b -> b.bucket(bucket).key(key(lease.function())).ifMatch(expected.version())
                .contentType("application/json"), RequestBody.fromBytes(json(lease))).eTag())
                .map(etag -> new StoredLease(lease, etag));
    }

    @Override
    public boolean delete(StoredLease expected) {
        return conditional(expected.lease().function(), () -> {
            s3.deleteObject(b -> b.bucket(bucket).key(key(expected.lease().function())).ifMatch(expected.version()));
            return "deleted";
        }).isPresent();
    }

    /**
     * Empty when S3 refused the condition: changed (412), gone (404 NoSuchKey; a missing bucket is an error), or
     * raced by another conditional write (409).
     */
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

    static byte[] json(Lease l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("function", l.function());
        m.put("operation", l.operation());
        m.put("holder", l.holder());
        m.put("pid", l.pid());
        m.put("created", l.created().toString());
        m.put("heartbeat", l.heartbeat().toString());
        m.put("ttlSeconds", l.ttl().toMillis() / 1000.0);
        try {
            return JSON.std.asBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Lease parse(String function, byte[] bytes) {
        try {
            Map<String, Object> m = JSON.std.mapFrom(bytes);
            return new Lease(String.valueOf(m.get("id")), function, String.valueOf(m.get("operation")),
                    String.valueOf(m.get("holder")), ((Number) m.get("pid")).longValue(),
                    Instant.parse(String.valueOf(m.get("created"))), Instant.parse(String.valueOf(m.get("heartbeat"))),
                    Duration.ofMillis(Math.round(((Number) m.get("ttlSeconds")).doubleValue() * 1000)));
        } catch (IOException | RuntimeException e) {
            throw new BackendException("The lock object s3://…/" + key(function) + " is not a lambdoku lease (" + e.getMessage()
                    + "); if no lambdoku run holds it, remove it with 'lambdoku lock:break -a " + function + " --reason …'.", e);
        }
    }
}
