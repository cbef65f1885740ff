#!/usr/bin/env bash
# Dashboard benchmark (issue 16): the overview and the activity page of a local store with $APPS apps of
# $RELEASES releases each (half of them in two-stage pipelines), served by 'lambdoku dashboard', timed with curl
# from request to last byte: the median of $RUNS after one warm-up. Writes bench/results/dashboard.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
apps="${APPS:-200}"
releases="${RELEASES:-1000}"
. "$root/bench/dashboard-lib.sh"
seed_dashboard_store "$root" "$db" "$apps" "$releases"
start_dashboard
# the first request of a page reads every app's releases (a cold cache); later ones only what changed
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
