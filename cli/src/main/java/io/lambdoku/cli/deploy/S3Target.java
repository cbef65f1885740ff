package io.lambdoku.cli.deploy;

import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.code.S3PackageResolver;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.deploy.ManifestReader;
import io.lambdoku.core.plan.Target;
import io.lambdoku.core.plan.Targets;
import java.nio.file.Path;
import java.util.List;

/**
 * deploy and plan of {@code s3://BUCKET/KEY[?versionId=V]}: like a zip, the package carries no manifest, so it
 * goes to the existing function -a names; or, with {@code --package}, it is the code of a function folder. Resolved before the backend is opened, so the local backend refuses
 * it having touched nothing.
 */
final class S3Target {

    private S3Target() {
    }

    static Target of(Session session, String given, List<String> apps, Targets.Request request) {
        S3Package location = S3Package.parse(given);
        if (apps.isEmpty()) {
            throw new UsageException("Deploying an s3:// package needs -a NAME of an existing function.");
        }
        String name = Session.functionName(apps.get(0));
        ResolvedPackage found = session.s3Packages().resolve(name, location, session.events());
        return new Targets(session.events()).s3(session.api(), found, name, request);
    }

    /** {@code deploy DIR --package s3://…}: one function folder's manifest, its code that object (nothing is built). */
    static Target folder(Session session, Path dir, String given, String pkg, Targets.Request request) {
        S3Package location = S3Package.parse(pkg);
        if (!ManifestReader.present(dir)) {
            throw new UsageException("--package gives the code of one function folder, and " + given + " holds no "
                    + Manifest.FILE + "; deploy each function's folder with its own package.");
        }
        String folder = dir.getFileName() == null ? given : dir.getFileName().toString();
        S3PackageResolver packages = session.s3Packages();
        ResolvedPackage found = packages.resolve(folder, location, session.events());
        return new Targets(session.events()).folder(dir, request, found, session.api(), packages);
    }
}
