package io.lambdoku.core.lambda;

import java.util.Map;
import java.util.Objects;

/** What CreateFunction takes: the code is a zip, or (aws only) an object in S3. */
public record NewFunction(String name, FunctionSettings settings, String description, CodeSource code, Map<String, String> tags) {

    public NewFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(code, "code");
        description = description == null ? "" : description;
        tags = Map.copyOf(tags);
    }
}
