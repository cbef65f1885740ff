package io.lambdoku.core.app;

import io.lambdoku.core.lambda.FunctionSettings;
import java.util.Optional;

/** The settings {@code apps:update} was asked to change; the rest stay as they are. */
public record SettingsChange(Optional<Integer> memorySize, Optional<Integer> timeout, Optional<String> handler,
                             Optional<String> runtime) {

    public boolean isEmpty() {
        return memorySize.isEmpty() && timeout.isEmpty() && handler.isEmpty() && runtime.isEmpty();
    }

    public FunctionSettings applyTo(FunctionSettings s) {
        FunctionSettings out = s;
        if (memorySize.isPresent()) {
            out = out.withMemorySize(memorySize.get());
        }
        if (timeout.isPresent()) {
            out = out.withTimeout(timeout.get());
        }
        if (handler.isPresent()) {
            out = out.withHandler(handler.get());
        }
        if (runtime.isPresent()) {
            out = out.withRuntime(runtime.get());
        }
        return out;
    }
}
