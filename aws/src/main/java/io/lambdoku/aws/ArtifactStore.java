package io.lambdoku.aws;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.S3Code;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Every zip lambdoku uploads, kept in an S3 bucket under its CodeSha256, so rollback and promote can
 * restore any release's code by reference (no re-upload, no 50 MB limit) even where Lambda's own
 * Code.Location cannot be downloaded.
 */
final class ArtifactStore {

    private final S3Client s3;
    private final String bucket;

    ArtifactStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    String bucket() {
        return bucket;
    }

    static String key(String codeSha256) {
        return "lambdoku/sha256/" + HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256)) + ".zip";
    }

    /** Uploads unless the bucket already holds it: the key is the content's hash, so equal keys mean equal bytes. */
    String put(String codeSha256, byte[] zip) {
        String key = key(codeSha256);
        if (!has(codeSha256)) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromBytes(zip));
        }
        return key;
    }

    /**
     * Copies a user's S3 package in, server-side (no bytes pass through us), unless the bucket already holds it:
     * the user may overwrite or delete their object, and a release's code must stay restorable. The copy is of
     * the object resolved (its version, If-Match its ETag) and S3 computes its SHA-256; one that is not the
     * CodeSha256 planned is deleted and refused, so a key never holds other bytes than its name says.
     */
    String copy(S3Code code) {
        String key = key(code.codeSha256());
        if (has(code.codeSha256())) {
            return key;
        }
        CopyObjectResponse copied;
        try {
            copied = s3.copyObject(b -> b.sourceBucket(code.bucket()).sourceKey(code.key())
                    .sourceVersionId(code.version().orElse(null)).copySourceIfMatch(code.eTag().orElse(null))
                    .destinationBucket(bucket).destinationKey(key).contentType("application/zip")
                    .metadataDirective(MetadataDirective.REPLACE).checksumAlgorithm(ChecksumAlgorithm.SHA256));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw changed(code);
            }
            throw e;
        }
        String sha = copied.copyObjectResult() == null ? null : copied.copyObjectResult().checksumSHA256();
        if (sha != null && !sha.equals(code.codeSha256())) {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            throw changed(code);
        }
        return key;
    }

    /** Not a race to retry: the object itself is another one now. */
    private static InvalidParameterException changed(S3Code code) {
        return new InvalidParameterException("The package " + code.uri() + " changed since it was read (another object"
                + " is there now), so it was not deployed; deploy or plan it again.");
    }

    boolean has(String codeSha256) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(codeSha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    Optional<byte[]> get(String codeSha256) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(codeSha256))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
