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

/**
 * Functions' locks as objects {@code lambdoku/locks/<function>.json} in the artifact bucket, changed only by
 * S3's conditional requests ({@link ConditionalObjects}): If-None-Match takes a free lock, If-Match renews or
 * takes over the lease that was read, and releases it. The JSON holds the lease id and the heartbeat's
 * millisecond, so no two versions of a lock share an ETag. Under the bucket's {@code lambdoku/} prefix, beside
 * the code, so one IAM resource pattern covers everything lambdoku writes there.
 */
final class S3LockStore implements LockStore {

    private final ConditionalObjects objects;

    S3LockStore(ConditionalObjects objects) {
        this.objects = objects;
    }

    static String key(String function) {
        return "lambdoku/locks/" + function + ".json";
    }

    @Override
    public Optional<StoredLease> read(String function) {
        return objects.read(function, key(function)).map(got -> new StoredLease(parse(function, got.body()), got.etag()));
    }

    @Override
    public Optional<StoredLease> create(Lease lease) {
        return objects.create(lease.function(), key(lease.function()), json(lease)).map(etag -> new StoredLease(lease, etag));
    }

    @Override
    public Optional<StoredLease> replace(StoredLease expected, Lease lease) {
        return objects.replace(lease.function(), key(lease.function()), expected.version(), json(lease))
                .map(etag -> new StoredLease(lease, etag));
    }

    @Override
    public boolean delete(StoredLease expected) {
        String function = expected.lease().function();
        return objects.delete(function, key(function), expected.version());
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
