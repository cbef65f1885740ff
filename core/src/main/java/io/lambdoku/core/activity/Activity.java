package io.lambdoku.core.activity;

import java.util.List;

/**
 * What happened to an app that Lambda itself does not keep (lock takeovers and breaks; later rollouts):
 * an append-only record per function. Local: a table of the store; AWS: objects in the artifact bucket.
 */
public interface Activity {

    void record(String function, ActivityEvent event);

    /** The newest {@code limit} events, newest first. */
    List<ActivityEvent> list(String function, int limit);
}
