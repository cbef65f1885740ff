#!/usr/bin/env bash
# Dashboard benchmark (issue 16): the overview and the activity page of a local store with $APPS apps of
# $RELEASES releases each (half of them in two-stage pipelines), served by 'lambdoku dashboard', timed with curl
# from request to last byte: the median of $RUNS after one warm-up. Writes bench/results/dashboard.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
apps="${APPS:-200}"
releases="${RELEASES:-1000}"
command -v sqlite3 >/dev/null || { echo "dashboard bench: needs sqlite3 (apt-get install sqlite3)." >&2; exit 1; }
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export LAMBDOKU_HOME="$work/home"
db="$LAMBDOKU_HOME/local/lambdoku.db"

. "$root/bench/dashboard-seed.sh"
seed_dashboard_store "$root" "$db" "$apps" "$releases"

"$root/lambdoku" dashboard --port 0 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 300); do grep -q '^Dashboard: ' "$work/out" 2>/dev/null && break; sleep 0.1; done
url="$(sed -n 's/^Dashboard: //p' "$work/out")"
base="${url%%/\?*}"
curl -s -o /dev/null -c "$work/jar" "$url"

# the first request of a page reads every app's releases (a cold cache); later ones only what changed
cold_ms() { curl -s -o /dev/null -b "$work/jar" -w '%{time_total}' "$base$1" | awk '{printf "%d", 1000 * $1}'; }
page_ms() {
  for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -b "$work/jar" -w '%{time_total}\n' "$base$1"; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%d", 1000 * (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}
bytes() { curl -s -b "$work/jar" "$base$1" | wc -c; }
overview_cold_ms=$(cold_ms /)
activity_cold_ms=$(cold_ms /activity)
overview_ms=$(page_ms /)
activity_ms=$(page_ms /activity)

cat >"$root/bench/results/dashboard.md" <<MD
# Dashboard benchmark

\`bench/dashboard.sh\`: $apps apps of $releases releases each (half in two-stage pipelines) in a local store,
served by \`lambdoku dashboard\`; each page timed with curl from request to last byte, median of $runs after
a warm-up, on $(nproc) cores.

| page | first request (cold) | median after | size |
|---|---|---|---|
| overview (\`/\`) | ${overview_cold_ms} ms | ${overview_ms} ms | $(bytes /) bytes |
| activity (\`/activity\`) | ${activity_cold_ms} ms | ${activity_ms} ms | $(bytes /activity) bytes |

The first request reads all $releases releases of every app, as Lambda lists versions oldest first; after it,
an app's releases are read again only when its \$LATEST RevisionId moved (ReleaseCache). Reads that take
over 3 s show "… timed out" in their place and still fill the cache.
MD
cat "$root/bench/results/dashboard.md"
