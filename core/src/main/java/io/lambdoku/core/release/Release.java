package io.lambdoku.core.release;

import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;

/** A published version seen as a Heroku release: its number, message, time, code and settings. */
public record Release(String function, int version, String description, String created, String codeSha256,
                      long codeSize, FunctionSettings settings) {

    public static Release of(FunctionConfig published) {
        return new Release(published.name(), published.versionNumber(), published.description(),
                published.lastModified(), published.codeSha256(), published.codeSize(), published.settings());
    }

    public String label() {
        return "v" + version;
    }
}
