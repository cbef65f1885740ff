package io.lambdoku.cli.deploy;

import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.plan.Target;
import io.lambdoku.core.plan.Targets;
import java.util.List;

/**
 * deploy and plan of {@code s3://BUCKET/KEY[?versionId=V]}: like a zip, the package carries no manifest, so it
 * goes to the existing function -a names. Resolved before the backend is opened, so the local backend refuses
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
}
