package io.lambdoku.core.code;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.S3Code;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deployment package already in S3, as a user names it: {@code s3://BUCKET/KEY} or
 * {@code s3://BUCKET/KEY?versionId=VERSION}. Checked here, once, against what Lambda's CreateFunction and
 * UpdateFunctionCode accept for S3Bucket, S3Key and S3ObjectVersion, so a typo fails before any call.
 * The key is taken as typed (no percent-decoding), up to the first {@code ?}.
 */
public record S3Package(String bucket, String key, Optional<String> versionId) {

    private static final String SCHEME = "s3://";
    private static final String USAGE = "; write s3://BUCKET/KEY or s3://BUCKET/KEY?versionId=VERSION.";
    /** Lambda's S3Bucket: 3–63 of these characters (legacy us-east-1 buckets may hold capitals and _), not ending in a dot. */
    private static final Pattern BUCKET = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{1,61}[0-9A-Za-z]");
    /** Lambda's S3Key and S3ObjectVersion: 1–1024 characters. */
    private static final int MAX_KEY_BYTES = 1024;

    public S3Package {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        versionId = versionId == null ? Optional.empty() : versionId;
    }

    /** Whether a package argument names an S3 object rather than a file or folder. */
    public static boolean isS3(String location) {
        return location.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    public static S3Package parse(String location) {
        if (!isS3(location)) {
            throw bad(location, "does not start with s3://");
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw bad(location, "names no bucket");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw bad(location, "names the bucket '" + bucket + "', which is not a bucket name (3 to 63 letters, digits, "
                    + "dots, hyphens or underscores, starting and ending with a letter or digit)");
        }
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int query = path.indexOf('?');
        String key = query < 0 ? path : path.substring(0, query);
        if (key.isEmpty()) {
            throw bad(location, "names no object key");
        }
        if (key.endsWith("/")) {
            throw bad(location, "names a folder (" + key + "), not a zip");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw bad(location, "has a key longer than S3's 1024 bytes");
        }
        return new S3Package(bucket, key, query < 0 ? Optional.empty() : Optional.of(version(location, path.substring(query + 1))));
    }

    /** The object as found, with what Lambda will report for it. */
    public S3Code resolved(Optional<String> version, String codeSha256, long size) {
        return new S3Code(bucket, key, version, codeSha256, size);
    }

    /** The object as found, and its ETag. */
    public S3Code resolved(Optional<String> version, String codeSha256, long size, String eTag) {
        return new S3Code(bucket, key, version, codeSha256, size, Optional.ofNullable(eTag));
    }

    public String uri() {
        return SCHEME + bucket + "/" + key + versionId.map(v -> "?versionId=" + v).orElse("");
    }

    @Override
    public String toString() {
        return uri();
    }

    private static String version(String location, String query) {
        if (!query.startsWith("versionId=")) {
            throw bad(location, "has '?" + query + "' after the key, but only ?versionId=VERSION may follow it");
        }
        String v = query.substring("versionId=".length());
        if (v.isEmpty() || v.length() > MAX_KEY_BYTES || v.contains("&") || v.toLowerCase(Locale.ROOT).equals("null")) {
            throw bad(location, "has no usable versionId ('" + v + "')");
        }
        return v;
    }

    private static InvalidParameterException bad(String location, String why) {
        return new InvalidParameterException("The package " + location + " " + why + USAGE);
    }
}
