# Sourced by the dashboard benchmarks (bench/dashboard-render.sh), after they set root, runs,
# apps and releases: a scratch LAMBDOKU_HOME removed on exit, the store seeding, the server and the timings.
set -euo pipefail
command -v sqlite3 >/dev/null || { echo "dashboard bench: needs sqlite3 (apt-get install sqlite3)." >&2; exit 1; }
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export LAMBDOKU_HOME="$work/home"
db="$LAMBDOKU_HOME/local/lambdoku.db"

# seed_dashboard_store ROOT DB APPS RELEASES fills a fresh local store with APPS apps of RELEASES releases each (half
# of them in two-stage pipelines) in seconds, as SQL copies of one app created through the launcher, instead of
# APPS x RELEASES deploys.
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

# Starts 'lambdoku dashboard' on a free port and takes its cookie: then $base is its root.
start_dashboard() {
  "$root/lambdoku" dashboard --port 0 >"$work/out" 2>"$work/err" &
  pid=$!
  for _ in $(seq 1 300); do grep -q '^Dashboard: ' "$work/out" 2>/dev/null && break; sleep 0.1; done
  url="$(sed -n 's/^Dashboard: //p' "$work/out")"
  base="${url%%/\?*}"
  curl -s -o /dev/null -c "$work/jar" "$url"
}

# One request of a page, whole, in ms; the median of $runs; its size in bytes.
cold_ms() { curl -s -o /dev/null -b "$work/jar" -w '%{time_total}' "$base$1" | awk '{printf "%d", 1000 * $1}'; }
page_ms() {
  for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -b "$work/jar" -w '%{time_total}\n' "$base$1"; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%d", 1000 * (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}
bytes() { curl -s -b "$work/jar" "$base$1" | wc -c; }
