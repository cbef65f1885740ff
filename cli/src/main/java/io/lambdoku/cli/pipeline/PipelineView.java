package io.lambdoku.cli.pipeline;

import io.lambdoku.cli.Session;
import java.util.List;
import java.util.Map;

final class PipelineView {

    private PipelineView() {
    }

    static void print(Session session, String function, List<String> downstreams) {
        if (session.output().json()) {
            session.output().json(Map.of("function", function, "downstreams", downstreams));
        } else if (downstreams.isEmpty()) {
            session.output().line(function + " has no downstreams.");
        } else {
            session.output().line(function + " -> " + String.join(", ", downstreams));
        }
    }
}
