package io.lambdoku.core.activity;

import java.time.Instant;
import java.util.Objects;

/** One thing that happened to a function: when, who did it ({@code user@host}), what (a short verb phrase), details. */
public record ActivityEvent(Instant at, String who, String what, String detail) {

    public ActivityEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(detail, "detail");
    }
}
