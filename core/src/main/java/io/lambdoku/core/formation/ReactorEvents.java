package io.lambdoku.core.formation;

/**
 * What the reactor did, one call per action, for the CLI to print as a line (or a JSON object): {@code app} the
 * row's name, {@code action} a short word ("deploy", "alias", "url", "scale", "status", "destroy", "retry"),
 * {@code detail} a sentence or value. Core never prints.
 */
public interface ReactorEvents {

    ReactorEvents NONE = (app, action, detail) -> {
    };

    void action(String app, String action, String detail);
}
