package io.lambdoku.aws;

import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.code.S3PackageResolver;
import io.lambdoku.core.code.Zips;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Resolves {@code s3://BUCKET/KEY[?versionId=V]} without moving its bytes when S3 can say what Lambda will:
 * an object uploaded with a SHA-256 checksum carries base64(SHA-256(bytes)) — exactly Lambda's CodeSha256 —
 * and HeadObject returns it when asked (ChecksumMode ENABLED). Otherwise the object is read once to compute it.
 */
public final class S3Packages implements S3PackageResolver {

    private final AwsClients clients;
    private final AwsErrors errors;

    public S3Packages(AwsClients clients) {
        this.clients = clients;
        this.errors = new AwsErrors(clients.options().endpoint().map(Object::toString).orElse("AWS S3"));
    }

    @Override
    public ResolvedPackage resolve(String function, S3Package p, Events events) {
        HeadObjectResponse head = s3(p, () -> clients.s3().headObject(b -> b.bucket(p.bucket()).key(p.key())
                .versionId(p.versionId().orElse(null)).checksumMode(ChecksumMode.ENABLED)));
        // pinned to the version seen, so the deploy reads this object even if the key is overwritten meanwhile
        Optional<String> version = p.versionId().or(() -> Optional.ofNullable(head.versionId()).filter(v -> !v.equals("null")));
        Optional<String> sha = fullObjectSha256(head);
        if (sha.isPresent()) {
            return new ResolvedPackage(p, p.resolved(version, sha.get(), head.contentLength(), head.eTag()), head.eTag(), false);
        }
        events.step(function, "download " + p + " to compute its CodeSha256 (it was uploaded without a SHA-256 checksum)");
        String computed = s3(p, () -> sha256(p, version, head.eTag()));
        return new ResolvedPackage(p, p.resolved(version, computed, head.contentLength(), head.eTag()), head.eTag(), true);
    }

    @Override
    public CodeZip download(String function, ResolvedPackage found, Events events) {
        S3Package p = found.requested();
        events.step(function, "download " + p + " to check its handler");
        byte[] bytes = s3(p, () -> clients.s3().getObjectAsBytes(b -> b.bucket(p.bucket()).key(p.key())
                .versionId(found.code().version().orElse(null)).ifMatch(found.eTag().isEmpty() ? null : found.eTag()))
                .asByteArray());
        CodeZip zip = Zips.checked(bytes, p.uri());
        if (!zip.codeSha256().equals(found.codeSha256())) {
            throw new InvalidParameterException("The package " + p + " changed since it was read (another object is there"
                    + " now); deploy or plan it again.");
        }
        return zip;
    }

    /**
     * Only a FULL_OBJECT checksum is the SHA-256 of the bytes; a multipart upload's COMPOSITE one is a
     * checksum of the parts' checksums ("…-3"), which Lambda's CodeSha256 never equals.
     */
    static Optional<String> fullObjectSha256(HeadObjectResponse head) {
        String sha = head.checksumSHA256();
        if (sha == null || sha.contains("-") || head.checksumType() == ChecksumType.COMPOSITE) {
            return Optional.empty();
        }
        return Optional.of(sha);
    }

    /** Streams the object through SHA-256, never holding it: a package may be 250 MB. If-Match: the object HEAD saw. */
    private String sha256(S3Package p, Optional<String> version, String eTag) {
        MessageDigest digest = sha256();
        try (ResponseInputStream<GetObjectResponse> in = clients.s3().getObject(b -> b.bucket(p.bucket()).key(p.key())
                .versionId(version.orElse(null)).ifMatch(eTag))) {
            digest(in, digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + p + " failed: " + e.getMessage(), e);
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    private static void digest(InputStream in, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
    }

    /** S3's refusals, in a sentence about the package; HEAD answers carry no error code, so the status decides. */
    private <T> T s3(S3Package p, Supplier<T> call) {
        return errors.call(AwsErrors.Subject.function(p.bucket()), () -> {
            try {
                return call.get();
            } catch (S3Exception e) {
                throw refusal(p, e);
            }
        });
    }

    private RuntimeException refusal(S3Package p, S3Exception e) {
        return switch (e.statusCode()) {
            case 404 -> new ResourceNotFoundException("No object " + p + " in S3 (or no bucket " + p.bucket()
                    + (p.versionId().isPresent() ? "); check the bucket, the key and the versionId." : "); check the bucket and the key."));
            case 403 -> new BackendException("S3 refused to let these credentials read " + p + " (403); lambdoku needs "
                    + "s3:GetObject" + (p.versionId().isPresent() ? " and s3:GetObjectVersion" : "") + " on it, "
                    + "see 'lambdoku setup --print-policy'.", e);
            case 301 -> new InvalidParameterException("The bucket " + p.bucket() + " is in " + bucketRegion(e) + ", not "
                    + clients.region().id() + ": Lambda reads code only from a bucket in the function's region.");
            case 400 -> new InvalidParameterException("S3 refused " + p + ": " + (e.awsErrorDetails().errorMessage() == null
                    ? "bad request (is the versionId right?)" : e.awsErrorDetails().errorMessage()) + ".");
            case 412 -> new BackendException("The object " + p + " was replaced while lambdoku read it; try again.", e);
            default -> e;
        };
    }

    /** S3 names a bucket's region in a header of its 301 answer. */
    private static String bucketRegion(S3Exception e) {
        return Optional.ofNullable(e.awsErrorDetails()).map(d -> d.sdkHttpResponse())
                .flatMap(r -> r.firstMatchingHeader("x-amz-bucket-region")).orElse("another region");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
