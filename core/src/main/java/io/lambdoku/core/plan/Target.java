package io.lambdoku.core.plan;

import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.lambda.CodePackage;
import java.util.Objects;
import java.util.Optional;

/**
 * What one function should become: its manifest (settings, and what lives around it), its package and the
 * release message a change is published under. {@code managesInfra}: false for a zip deployed as it is,
 * which says nothing about schedules and alarms (so none is destroyed). {@code s3}: the package is an object
 * in S3, as requested and as found (its ETag), so apply can tell whether it changed since the plan.
 */
public record Target(Manifest manifest, CodePackage code, String release, boolean managesInfra, Optional<ResolvedPackage> s3) {

    public Target {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(release, "release");
        s3 = s3 == null ? Optional.empty() : s3;
        if (s3.isPresent() && !s3.get().code().equals(code)) {
            throw new IllegalArgumentException("an S3 target deploys the object it resolved");
        }
    }

    /** A package in hand: a built folder or a zip. */
    public Target(Manifest manifest, CodePackage code, String release, boolean managesInfra) {
        this(manifest, code, release, managesInfra, Optional.empty());
    }

    /** A package in S3, deployed by reference. */
    public static Target fromS3(Manifest manifest, ResolvedPackage found, String release, boolean managesInfra) {
        return new Target(manifest, found.code(), release, managesInfra, Optional.of(found));
    }

    /** The same target with its S3 package as found again (apply's look at whether it changed). */
    Target withPackage(ResolvedPackage found) {
        return fromS3(manifest, found, release, managesInfra);
    }

    public String function() {
        return manifest.name();
    }
}
