package io.lambdoku.core.lambda;

/**
 * A published version as a list of releases shows it: number, message, time and code, without the settings that
 * a listing never prints (see {@link LambdaApi#versionSummaries}).
 */
public record VersionSummary(String function, int version, String description, String created, String codeSha256,
                             long codeSize) {

    public static VersionSummary of(FunctionConfig published) {
        return new VersionSummary(published.name(), published.versionNumber(), published.description(),
                published.lastModified(), published.codeSha256(), published.codeSize());
    }

    public String label() {
        return "v" + version;
    }
}
