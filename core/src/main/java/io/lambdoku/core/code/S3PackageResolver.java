package io.lambdoku.core.code;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.CodeZip;

/**
 * Finds an S3 package's CodeSha256 and size without deploying it (aws: HeadObject, reading the object only
 * when it has no SHA-256 checksum; local: refused, it has no S3). Failures are LambdaExceptions written for
 * the user (no such object, no access, a bucket in another region).
 */
public interface S3PackageResolver {

    /** {@code function} and {@code events} only serve to report a download as a step of that function's deploy. */
    ResolvedPackage resolve(String function, S3Package location, Events events);

    /**
     * The package's bytes, of the very object resolved (its version, If-Match its ETag), checked against its
     * CodeSha256: only for a handler check, when a manifest deploys an S3 package under a new handler.
     */
    CodeZip download(String function, ResolvedPackage found, Events events);
}
