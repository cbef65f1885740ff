package io.lambdoku.core.lambda;

import java.util.Map;
import java.util.Objects;

/** What CreateFunction takes. */
public record NewFunction(String name, FunctionSettings settings, String description, CodeZip code, Map<String, String> tags) {

    public NewFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(code, "code");
        description = description == null ? "" : description;
        tags = Map.copyOf(tags);
    }
}
