package io.lambdoku.core.code;

import io.lambdoku.core.event.Events;

/**
 * Finds an S3 package's CodeSha256 and size without deploying it (aws: HeadObject, reading the object only
 * when it has no SHA-256 checksum; local: refused, it has no S3). Failures are LambdaExceptions written for
 * the user (no such object, no access, a bucket in another region).
 */
public interface S3PackageResolver {

    /** {@code function} and {@code events} only serve to report a download as a step of that function's deploy. */
    ResolvedPackage resolve(String function, S3Package location, Events events);
}
