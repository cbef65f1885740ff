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
            // --- around functions (LocalInfra): roles, schedules, alarms, reserved concurrency ---
            """
            CREATE TABLE IF NOT EXISTS roles (        -- execution roles: kept and shown, not enforced
              name TEXT PRIMARY KEY,
              spec TEXT NOT NULL,                      -- JSON: function, statements, managed
              created TEXT NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS schedules (    -- names are unique in the account, as in Scheduler's default group
              name TEXT PRIMARY KEY,
              function TEXT NOT NULL,
              spec TEXT NOT NULL,                      -- JSON: expression, timezone, payload, enabled
              created INTEGER NOT NULL,                -- epoch ms; a rate's first fire
              last_fired INTEGER)                      -- epoch ms of the due time last fired; see Scheduler""",
            "CREATE INDEX IF NOT EXISTS schedules_by_function ON schedules(function)",
            """
            CREATE TABLE IF NOT EXISTS alarms (       -- names are unique in the account, as in CloudWatch
              name TEXT PRIMARY KEY,
              function TEXT NOT NULL,
              spec TEXT NOT NULL,                      -- JSON: metric, statistic, threshold, comparison, periods, actions
              state TEXT NOT NULL,
              reason TEXT NOT NULL,
              updated INTEGER NOT NULL)                -- epoch ms of the last state change""",
            "CREATE INDEX IF NOT EXISTS alarms_by_function ON alarms(function)",
            """
            CREATE TABLE IF NOT EXISTS alarm_history (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              function TEXT NOT NULL,
              alarm TEXT NOT NULL,
              from_state TEXT NOT NULL,
              to_state TEXT NOT NULL,
              reason TEXT NOT NULL,
              at INTEGER NOT NULL)                     -- epoch ms""",
            "CREATE INDEX IF NOT EXISTS alarm_history_by_alarm ON alarm_history(alarm, at)",
            """
            CREATE TABLE IF NOT EXISTS function_concurrency ( -- PutFunctionConcurrency; no row: unreserved
              function TEXT PRIMARY KEY,
              reserved INTEGER NOT NULL)""",
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
            "CREATE INDEX IF NOT EXISTS activity_by_time ON activity(function, at)",
            """
            CREATE TABLE IF NOT EXISTS rollouts (     -- every rollout of an alias (LocalRolloutStore); its newest row is the alias's current one
              seq INTEGER PRIMARY KEY AUTOINCREMENT,   -- creation order: 'newest' never depends on two processes' clocks
              id TEXT NOT NULL UNIQUE,
              function TEXT NOT NULL,
              alias TEXT NOT NULL,
              started INTEGER NOT NULL,                -- epoch ms, for the history's order
              generation INTEGER NOT NULL,             -- +1 on every rewrite: the compare-and-swap's version
              body TEXT NOT NULL)                      -- the record as RolloutJson""",
            "CREATE INDEX IF NOT EXISTS rollouts_by_alias ON rollouts(function, alias, seq)",
            "CREATE INDEX IF NOT EXISTS rollouts_by_start ON rollouts(function, started)",
            // --- the local KMS (LocalKms); key material lives in files under kms/, never in this database ---
            """
            CREATE TABLE IF NOT EXISTS kms_keys (
              id TEXT PRIMARY KEY,                     -- a UUID, as KMS's key ids
              arn TEXT NOT NULL UNIQUE,
              description TEXT NOT NULL,
              enabled INTEGER NOT NULL,
              created INTEGER NOT NULL)                -- epoch ms""",
            """
            CREATE TABLE IF NOT EXISTS kms_aliases (  -- 'alias/NAME', unique in the account as in KMS
              name TEXT PRIMARY KEY,
              key_id TEXT NOT NULL REFERENCES kms_keys(id),
              created INTEGER NOT NULL)                -- epoch ms""",
            // --- the reactor's issue: function URLs, provisioned concurrency, the formation table ---
            """
            CREATE TABLE IF NOT EXISTS function_urls ( -- CreateFunctionUrlConfig; qualifier '' is $LATEST
              function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
              qualifier TEXT NOT NULL,
              url_id TEXT NOT NULL UNIQUE,             -- the host's first label, as Lambda's 32-character ids
              auth TEXT NOT NULL,                      -- NONE | AWS_IAM
              cors TEXT,                               -- JSON of the Cors block; NULL: none
              created TEXT NOT NULL,
              modified TEXT NOT NULL,
              PRIMARY KEY (function, qualifier))""",
            """
            CREATE TABLE IF NOT EXISTS provisioned_concurrency ( -- PutProvisionedConcurrencyConfig of an alias or version
              function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
              qualifier TEXT NOT NULL,
              requested INTEGER NOT NULL,
              allocated INTEGER NOT NULL DEFAULT 0,    -- environments initialised, as the server that keeps them reports
              available INTEGER NOT NULL DEFAULT 0,    -- of those, the ones not serving an invocation at its last report
              version TEXT,                            -- the version they run (an alias's moves), NULL: none yet
              status TEXT NOT NULL,                    -- IN_PROGRESS | READY | FAILED
              reason TEXT,
              owner TEXT,                              -- the serving process keeping them warm (pid:start), NULL: none yet
              modified TEXT NOT NULL,                  -- the last Put: a keeper's report is conditional on it
              PRIMARY KEY (function, qualifier))""",
            """
            CREATE TABLE IF NOT EXISTS formation (     -- the desired-state table of apps (LocalFormationStore)
              name TEXT PRIMARY KEY,
              desired TEXT NOT NULL,                   -- JSON: Version, Scale, Source, Public
              generation INTEGER NOT NULL,             -- +1 on every write of the desire
              observed TEXT,                           -- JSON the reactor wrote back; NULL: not yet
              seq INTEGER NOT NULL)                    -- formation_seq's value at the row's last write""",
            """
            CREATE TABLE IF NOT EXISTS formation_seq ( -- the change sequence the reactor waits on; deletes bump it too
              id INTEGER PRIMARY KEY CHECK (id = 1),
              value INTEGER NOT NULL)""",
            "INSERT OR IGNORE INTO formation_seq(id, value) VALUES (1, 0)",
            """
            CREATE TABLE IF NOT EXISTS formation_deletions ( -- deleted rows' names, so a change feed can report them
              seq INTEGER PRIMARY KEY,                 -- formation_seq's value the delete took
              name TEXT NOT NULL,
              at INTEGER NOT NULL)                     -- epoch ms; entries a day old are dropped""");

    private Schema() {
    }
}
