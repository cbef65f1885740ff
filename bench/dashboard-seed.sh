# Sourced by the dashboard benchmarks: seed_dashboard_store ROOT DB APPS RELEASES fills a fresh local store with APPS
# apps of RELEASES releases each (half of them in two-stage pipelines) in seconds, as SQL copies of one app created
# through the launcher, instead of APPS x RELEASES deploys.
seed_dashboard_store() {
  "$1/lambdoku" create seed --code "$1/examples/hello-python" >/dev/null
  # every app a copy of seed's rows: $4 published versions, the newest one's code on $LATEST
  sqlite3 "$2" "
    WITH RECURSIVE a(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM a WHERE i < $3 - 1)
    INSERT INTO functions(name, last_version, tags, created)
      SELECT printf('app%03d', i), $4,
        CASE WHEN i % 2 = 0 THEN json_object('lambdoku:downstreams', printf('app%03d', i + 1)) ELSE '{}' END, created
      FROM a, functions WHERE name = 'seed';
    WITH RECURSIVE a(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM a WHERE i < $3 - 1),
      v(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM v WHERE n < $4)
    INSERT INTO versions(function, version, settings, description, code_sha, revision_id, last_modified)
      SELECT printf('app%03d', i), n, s.settings, CASE WHEN n = 0 THEN '' ELSE 'Release ' || n END, s.code_sha,
        lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ($4 - n) || ' minutes')
      FROM a, v, versions s WHERE s.function = 'seed' AND s.version = 0;
    DELETE FROM versions WHERE function = 'seed'; DELETE FROM functions WHERE name = 'seed';"
}
