package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The app's activity as one small object per event, {@code lambdoku/activity/<function>/<key>.json}, in the
 * artifact bucket. S3 rather than the reactor's formation table: the bucket already exists wherever lambdoku
 * keeps code and locks (no table to provision, nothing billed while idle), and an event written once as its
 * own object needs no read-modify-write, so two runs recording at once can never lose one. The key starts with
 * the time counted down from the far future, so S3's ascending key order lists the newest first and a listing
 * of N keys is the newest N.
 */
final class S3Activity implements Activity {

    private final S3Client s3;
    private final String bucket;
    private final AwsErrors errors;

    S3Activity(S3Client s3, String bucket, AwsErrors errors) {
        this.s3 = s3;
        this.bucket = bucket;
        this.errors = errors;
    }

    static String prefix(String function) {
        return "lambdoku/activity/" + function + "/";
    }

    /** 19 digits of Long.MAX_VALUE less the epoch millisecond: later events sort first; the random tail keeps ties apart. */
    static String key(String function, Instant at) {
        return prefix(function) + String.format(Locale.ROOT, "%019d", Long.MAX_VALUE - at.toEpochMilli()) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".json";
    }

    @Override
    public void record(String function, ActivityEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("who", e.who());
        m.put("what", e.what());
        m.put("detail", e.detail());
        byte[] body;
        try {
            body = JSON.std.asBytes(m);
        } catch (IOException x) {
            throw new IllegalStateException(x);
        }
        errors.run(AwsErrors.Subject.function(function), () -> s3.putObject(b -> b.bucket(bucket).key(key(function, e.at()))
                .contentType("application/json"), RequestBody.fromBytes(body)));
    }

    @Override
    public List<ActivityEvent> list(String function, int limit) {
        return errors.call(AwsErrors.Subject.function(function), () -> s3.listObjectsV2(b -> b.bucket(bucket)
                .prefix(prefix(function)).maxKeys(limit)).contents().stream().map(o -> read(o.key())).toList());
    }

    private ActivityEvent read(String key) {
        try {
            Map<String, Object> m = JSON.std.mapFrom(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
            return new ActivityEvent(Instant.parse(String.valueOf(m.get("at"))), String.valueOf(m.get("who")),
                    String.valueOf(m.get("what")), String.valueOf(m.get("detail")));
        } catch (IOException e) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " is not an activity event: " + e.getMessage(), e);
        }
    }
}
