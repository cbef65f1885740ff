#!/usr/bin/env bash
# Store benchmarks (issue 11): 'logs -n 5' on a function with a large log history, the query plans
# of the old and the new newest-lines query, and what 'gc' does to that history (the 100 MB cap).
# Writes bench/results/store.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
lines="${LINES:-300000}"   # of 1000 bytes each: a few hundred MB, as one 200 MB print used to leave
. "$root/bench/lib.sh"
command -v sqlite3 >/dev/null || { echo "store bench: needs sqlite3 (apt-get install sqlite3)." >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMBDOKU_HOME="$work/home"
lk() { "$root/lambdoku" "$@"; }
db="$LAMBDOKU_HOME/local/lambdoku.db"

lk create hist --code "$root/examples/hello-python" --runtime python3.12 --handler app.handler >/dev/null
now=$(( $(date +%s) * 1000 ))
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $lines)
  INSERT INTO log_events(function, stream, at, message) SELECT 'hist', 's', $now - ($lines - i), hex(zeroblob(500)) FROM n;
  INSERT INTO log_groups(function, stored_bytes) VALUES ('hist', $lines * 1000)
  ON CONFLICT(function) DO UPDATE SET stored_bytes = excluded.stored_bytes;"
size_mb=$(( $(stat -c %s "$db") / 1048576 ))

old="SELECT id, at, stream, message FROM log_events WHERE function = 'hist' AND at >= $((now - 86400000)) ORDER BY id DESC LIMIT 5"
new="SELECT id, at, stream, message FROM log_events WHERE function = 'hist' AND at >= $((now - 86400000)) ORDER BY at DESC, id DESC LIMIT 5"
plan() { sqlite3 "$db" "EXPLAIN QUERY PLAN $1" | sed 's/^/    /'; }
query_ms() { median_ms sqlite3 "$db" "$1"; }
old_ms=$(query_ms "$old")
new_ms=$(query_ms "$new")
logs_ms=$(median_ms lk logs -a hist -n 5)
gc_start=$(date +%s%N)
gc_line="$(lk gc)"
gc_ms=$(( ($(date +%s%N) - gc_start) / 1000000 ))
after_mb=$(( $(stat -c %s "$db") / 1048576 ))
logs_after_ms=$(median_ms lk logs -a hist -n 5)

cat >"$root/bench/results/store.md" <<MD
# Store benchmarks

$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), sqlite3 $(sqlite3 --version | cut -d' ' -f1); median of $runs runs after one warm-up.

A function with $lines log lines of 1000 bytes in the last day (a ${size_mb} MB database), as one 200 MB print
left it before the per-invocation cap.

| what | median ms |
|---|---:|
| old newest-5 query (ORDER BY id DESC), sqlite3 process | $old_ms |
| new newest-5 query (ORDER BY at DESC, id DESC), sqlite3 process | $new_ms |
| \`lambdoku logs -n 5\` (whole process) | $logs_ms |
| \`lambdoku gc\` on that history (trims the group to 3/4 of its 100 MB cap, vacuums) | $gc_ms |
| \`lambdoku logs -n 5\` after gc | $logs_after_ms |

Database after gc: ${after_mb} MB. gc said: \`$gc_line\`

Old plan:

$(plan "$old")

New plan:

$(plan "$new")
MD
cat "$root/bench/results/store.md"
