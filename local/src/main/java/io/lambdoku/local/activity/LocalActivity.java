package io.lambdoku.local.activity;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.local.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The app's activity as rows of the store, in the order they were written (id breaks ties of one millisecond). */
public final class LocalActivity implements Activity {

    private final Database db;

    public LocalActivity(Database db) {
        this.db = db;
    }

    @Override
    public void record(String function, ActivityEvent e) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO activity(function, at, who, what, detail) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, function);
                ps.setLong(2, e.at().toEpochMilli());
                ps.setString(3, e.who());
                ps.setString(4, e.what());
                ps.setString(5, e.detail());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ActivityEvent> list(String function, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, who, what, detail FROM activity WHERE function = ? ORDER BY at DESC, id DESC LIMIT ?")) {
                ps.setString(1, function);
                ps.setInt(2, limit);
                List<ActivityEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new ActivityEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
                return events;
            }
        });
    }
}
