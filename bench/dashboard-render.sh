#!/usr/bin/env bash
# Render speed of every dashboard page (issue 16: "pages for 200 apps and 1,000 releases each render in under
# 300 ms"): a local store seeded with $APPS apps of $RELEASES releases each (bench/dashboard-lib.sh, SQL copies of
# one created app), one formation row, served by 'lambdoku dashboard'; each page requested
# whole with curl (request to last byte) $RUNS times after one cold request, the median printed and written to
# bench/results/dashboard-render.md. A page not served by this build (404) reads "-".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-9}"
apps="${APPS:-200}"
releases="${RELEASES:-1000}"
. "$root/bench/dashboard-lib.sh"
seed_dashboard_store "$root" "$db" "$apps" "$releases"
"$root/lambdoku" formation:set app000 --version v1 --scale 1 >/dev/null
start_dashboard

rows=""
for page in "overview /" "app /apps/app000" "activity /activity" "rollouts /rollouts" "formation /formation"; do
  name="${page%% *}"; path="${page#* }"
  # the first request of the page, which also tells whether this build serves it
  read -r code secs < <(curl -s -o /dev/null -b "$work/jar" -w '%{http_code} %{time_total}\n' "$base$path")
  if [ "$code" = 404 ]; then
    cold="-"; med="-"; size="-"
  else
    cold="$(awk -v s="$secs" 'BEGIN {printf "%d", 1000 * s}') ms"; med="$(page_ms "$path") ms"; size="$(bytes "$path") bytes"
  fi
  printf '%-10s %-16s cold %-9s median %s\n' "$name" "$path" "$cold" "$med"
  rows="$rows| $name (\`$path\`) | $cold | $med | $size |
"
done

cat >"$root/bench/results/dashboard-render.md" <<MD
# Dashboard render speed

\`bench/dashboard-render.sh\`: $apps apps of $releases releases each (half in two-stage pipelines) in a local
store, one formation row; served by \`lambdoku dashboard\`; each page requested whole with curl (request to last
byte): one cold request (the dashboard's first read of the store), then the median of $runs; on $(nproc) cores,
$(date -u +%Y-%m-%d).

| page | first request (cold) | median of $runs | size |
|---|---|---|---|
$rows
MD
