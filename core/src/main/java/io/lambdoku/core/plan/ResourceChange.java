package io.lambdoku.core.plan;

import java.util.Objects;

/**
 * One resource's line of a plan: {@code + role lambdoku-hello …}, {@code ~ function hello  memory 128 -> 256},
 * {@code - schedule nightly …}, or {@code =} when it stays as it is ({@code !} finishes an interrupted change).
 */
public record ResourceChange(Action action, String resource, String line) {

    public enum Action {
        ADD("+"), CHANGE("~"), DESTROY("-"), RECOVER("!"), NONE("=");

        private final String marker;

        Action(String marker) {
            this.marker = marker;
        }

        public String marker() {
            return marker;
        }

        static Action ofMarker(String marker) {
            for (Action a : values()) {
                if (a.marker.equals(marker)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("no plan action '" + marker + "'");
        }
    }

    public ResourceChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(line, "line");
    }

    static ResourceChange of(Action action, String resource, String detail) {
        return new ResourceChange(action, resource, action.marker() + " " + resource + (detail.isEmpty() ? "" : "  " + detail));
    }

    public boolean changes() {
        return action != Action.NONE;
    }
}
