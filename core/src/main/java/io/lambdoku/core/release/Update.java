package io.lambdoku.core.release;

import io.lambdoku.core.lambda.CodeSource;
import io.lambdoku.core.lambda.FunctionSettings;
import java.util.Objects;
import java.util.Optional;

/** What one change writes onto $LATEST before it is published under {@code description}. */
public record Update(Optional<FunctionSettings> settings, Optional<CodeSource> code, String description) {

    public Update {
        Objects.requireNonNull(description, "description");
    }

    public static Update settings(FunctionSettings settings, String description) {
        return new Update(Optional.of(settings), Optional.empty(), description);
    }

    public static Update code(CodeSource code, String description) {
        return new Update(Optional.empty(), Optional.of(code), description);
    }
}
