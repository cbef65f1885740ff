package io.lambdoku.core.plan;

import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.lambda.CodeZip;
import java.util.Objects;

/**
 * What one function should become: its manifest (settings, and what lives around it), its package and the
 * release message a change is published under. {@code managesInfra}: false for a zip deployed as it is,
 * which says nothing about schedules and alarms (so none is destroyed).
 */
public record Target(Manifest manifest, CodeZip code, String release, boolean managesInfra) {

    public Target {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(release, "release");
    }

    public String function() {
        return manifest.name();
    }
}
