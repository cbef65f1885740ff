package io.lambdoku.local;

import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.code.S3PackageResolver;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;

/** The local backend has no S3 to read a package from: an {@code s3://} package is refused before anything changes. */
public final class NoS3Packages implements S3PackageResolver {

    static final String REFUSAL = "The local backend cannot deploy s3://… packages: it has no S3; download the zip and "
            + "deploy the file, or use --backend aws.";

    @Override
    public ResolvedPackage resolve(String function, S3Package location, Events events) {
        throw refusal();
    }

    @Override
    public CodeZip download(String function, ResolvedPackage found, Events events) {
        throw refusal();
    }

    static InvalidParameterException refusal() {
        return new InvalidParameterException(REFUSAL);
    }
}
