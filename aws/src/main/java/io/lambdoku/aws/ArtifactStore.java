package io.lambdoku.aws;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
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
