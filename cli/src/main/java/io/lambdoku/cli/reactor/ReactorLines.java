package io.lambdoku.cli.reactor;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.cli.Output;
import io.lambdoku.core.formation.ReactorEvents;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reactor's actions as lines: {@code shop: deploy v3 Deploy 1a2b3c4d (git …)}, or one compact JSON object a line. */
final class ReactorLines implements ReactorEvents {

    private final Output output;
    private final Clock clock;

    ReactorLines(Output output, Clock clock) {
        this.output = output;
        this.clock = clock;
    }

    @Override
    public void action(String app, String action, String detail) {
        if (!output.json()) {
            output.line(app + ": " + action + " " + detail);
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", clock.instant().toString());
        m.put("app", app);
        m.put("action", action);
        m.put("detail", detail);
        try {
            output.line(JSON.std.asString(m));
        } catch (IOException e) {
            output.line("{\"app\":\"" + app + "\",\"action\":\"" + action + "\"}");
        }
    }
}
