package io.lambdoku.local.activity;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.time.Instant;
import java.util.List;

/** The app's activity as rows of the store, in the order they were written (id breaks ties of one millisecond). */
public final class LocalActivity implements Activity {

    private final Database db;

    public LocalActivity(Database db) {
        this.db = db;
    }

    @Override
    public void record(String function, ActivityEvent e) {
        db.write(c -> Sql.execute(c, "INSERT INTO activity(function, at, who, what, detail) VALUES (?, ?, ?, ?, ?)",
                function, e.at().toEpochMilli(), e.who(), e.what(), e.detail()));
    }

    @Override
    public List<ActivityEvent> list(String function, int limit) {
        return db.read(c -> Sql.query(c, rs -> new ActivityEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                rs.getString(3), rs.getString(4)),
                "SELECT at, who, what, detail FROM activity WHERE function = ? ORDER BY at DESC, id DESC LIMIT ?", function, limit));
    }
}
