package io.lambdoku.cli.dashboard;

import io.lambdoku.cli.Session;
import java.time.Clock;

/**
 * What pages work with: the session (the backend the command was started for, with its ports), the
 * time-limited fetch every read of the backend goes through, and the live topics.
 */
public final class Dashboard {

    private final Session session;
    private final Fetch fetch;
    private final Clock clock;
    private final Live live;
    private final Results results = new Results();

    Dashboard(Session session, Fetch fetch, Clock clock, Live live) {
        this.session = session;
        this.fetch = fetch;
        this.clock = clock;
        this.live = live;
    }

    public Session session() {
        return session;
    }

    public Fetch fetch() {
        return fetch;
    }

    public Clock clock() {
        return clock;
    }

    /** Outcomes of actions, for the pages their POSTs redirect to. */
    public Results results() {
        return results;
    }

    /** The {@code data-live} attribute value of a region showing {@code topic} (see {@link Routes#live}). */
    public String liveRegion(String topic) {
        return live.attribute(topic);
    }
}
