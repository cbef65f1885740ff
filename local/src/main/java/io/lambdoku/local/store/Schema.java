package io.lambdoku.local.store;

import java.util.List;

/** The local backend's tables. Version 0 of a function is $LATEST. */
final class Schema {

    static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE IF NOT EXISTS functions (
              name TEXT PRIMARY KEY,
              last_version INTEGER NOT NULL DEFAULT 0, -- highest number ever published: never reused
              tags TEXT NOT NULL DEFAULT '{}',
              busy_until INTEGER NOT NULL DEFAULT 0,   -- epoch ms; LastUpdateStatus is InProgress until then
              created TEXT NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS code (
              sha TEXT PRIMARY KEY,                    -- CodeSha256, base64
              hex TEXT NOT NULL UNIQUE,                -- the blob's file name
              size INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS versions (
              function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
              version INTEGER NOT NULL,
              settings TEXT NOT NULL,
              description TEXT NOT NULL,
              code_sha TEXT NOT NULL REFERENCES code(sha),
              revision_id TEXT NOT NULL,
              last_modified TEXT NOT NULL,
              PRIMARY KEY (function, version))""",
            """
            CREATE TABLE IF NOT EXISTS aliases (
              function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
              name TEXT NOT NULL,
              version INTEGER NOT NULL,
              extra_version INTEGER,
              extra_weight REAL,
              description TEXT NOT NULL,
              revision_id TEXT NOT NULL,
              PRIMARY KEY (function, name))""",
            """
            CREATE TABLE IF NOT EXISTS blob_intents (  -- blobs being written; see BlobIntents
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              hex TEXT NOT NULL,
              pid INTEGER NOT NULL,
              pid_started INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS invocations (  -- one row per invocation, for metrics
              function TEXT NOT NULL,
              version TEXT NOT NULL,                   -- the version that ran
              qualifier TEXT NOT NULL,                 -- what was invoked: $LATEST, a version or an alias
              request_id TEXT NOT NULL,
              started INTEGER NOT NULL,                -- epoch ms
              duration_ms REAL NOT NULL,
              init_ms REAL NOT NULL,
              error INTEGER NOT NULL,
              throttled INTEGER NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS invocations_by_time ON invocations(function, started)",
            """
            CREATE TABLE IF NOT EXISTS log_events (   -- what functions printed, per log stream, as CloudWatch Logs keeps it
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              function TEXT NOT NULL,
              stream TEXT NOT NULL,
              at INTEGER NOT NULL,                     -- epoch ms
              message TEXT NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS log_events_by_time ON log_events(function, at)",
            """
            CREATE TABLE IF NOT EXISTS log_groups (   -- per function's log group: its retention and size (see LogRetention)
              function TEXT PRIMARY KEY,
              retention_days INTEGER,                  -- NULL: the store's default; 0: never expire
              max_bytes INTEGER,                       -- NULL: the store's default
              stored_bytes INTEGER NOT NULL DEFAULT 0) -- UTF-8 bytes of its log_events' messages, kept on every write""",
            // stores from before log_groups: count what their groups hold, once
            """
            INSERT OR IGNORE INTO log_groups(function, stored_bytes)
              SELECT function, sum(length(CAST(message AS BLOB))) FROM log_events GROUP BY function""",
            "INSERT OR IGNORE INTO log_groups(function) SELECT DISTINCT function FROM invocations",
            """
            CREATE TABLE IF NOT EXISTS locks (        -- a function's lease (see LocalLockStore); no row: not locked
              function TEXT PRIMARY KEY,
              lease_id TEXT NOT NULL,
              generation INTEGER NOT NULL,             -- +1 on every heartbeat or takeover: the compare-and-swap's version
              operation TEXT NOT NULL,
              holder TEXT NOT NULL,                    -- user@host
              pid INTEGER NOT NULL,
              created INTEGER NOT NULL,                -- epoch ms
              heartbeat INTEGER NOT NULL,              -- epoch ms
              ttl_ms INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS activity (     -- what happened to an app that Lambda does not keep (LocalActivity)
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              function TEXT NOT NULL,
              at INTEGER NOT NULL,                     -- epoch ms
              who TEXT NOT NULL,
              what TEXT NOT NULL,
              detail TEXT NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS activity_by_time ON activity(function, at)");

    private Schema() {
    }
}
