package io.lambdoku.core.release;

import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.VersionSummary;

/** A published version seen as a Heroku release: its number, message, time, code and settings. */
public record Release(String function, int version, String description, String created, String codeSha256,
                      long codeSize, FunctionSettings settings) {

    public static Release of(FunctionConfig published) {
        return new Release(published.name(), published.versionNumber(), published.description(),
                published.lastModified(), published.codeSha256(), published.codeSize(), published.settings());
    }

    public VersionSummary summary() {
        return new VersionSummary(function, version, description, created, codeSha256, codeSize);
    }

    public String label() {
        return "v" + version;
    }

    /** A CodeSha256 (base64) as the release messages name code: its first 8 hex digits ("Deploy 1a2b3c4d"). */
    public static String sha8(String codeSha256) {
        try {
            String hex = java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(codeSha256));
            return hex.length() >= 8 ? hex.substring(0, 8) : hex;
        } catch (IllegalArgumentException notBase64) {
            return codeSha256.length() <= 8 ? codeSha256 : codeSha256.substring(0, 8); // a backend's own notation
        }
    }
}
