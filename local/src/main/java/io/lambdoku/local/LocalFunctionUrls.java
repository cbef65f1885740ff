package io.lambdoku.local;

import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.local.store.Database;
import java.util.List;
import java.util.Optional;

/** Function URLs of the local backend (table function_urls); served by {@code local serve}. */
final class LocalFunctionUrls {

    private final Database db;
    private final Arns arns;
    private final LocalOptions options;

    LocalFunctionUrls(Database db, Arns arns, LocalOptions options) {
        this.db = db;
        this.arns = arns;
        this.options = options;
    }

    FunctionUrl create(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        throw new UnsupportedOperationException("function URLs: not built yet");
    }

    FunctionUrl get(String function, Optional<String> qualifier) {
        throw new UnsupportedOperationException("function URLs: not built yet");
    }

    FunctionUrl update(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        throw new UnsupportedOperationException("function URLs: not built yet");
    }

    void delete(String function, Optional<String> qualifier) {
        throw new UnsupportedOperationException("function URLs: not built yet");
    }

    List<FunctionUrl> list(String function) {
        throw new UnsupportedOperationException("function URLs: not built yet");
    }
}
