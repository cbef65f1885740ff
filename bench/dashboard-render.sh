#!/usr/bin/env bash
# Render speed of every dashboard page (issue 16: "pages for 200 apps and 1,000 releases each render in under
# 300 ms"): a local store seeded with $APPS apps of $RELEASES releases each (bench/dashboard-seed.sh, SQL copies of
# one created app), one formation row, served by 'lambdoku dashboard'; each page requested
# whole with curl (request to last byte) $RUNS times after one cold request, the median printed and written to
# bench/results/dashboard-render.md. A page not served by this build (404) reads "-".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-9}"
apps="${APPS:-200}"
releases="${RELEASES:-1000}"
command -v sqlite3 >/dev/null || { echo "dashboard-render bench: needs sqlite3 (apt-get install sqlite3)." >&2; exit 1; }
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export LAMBDOKU_HOME="$work/home"
db="$LAMBDOKU_HOME/local/lambdoku.db"
. "$root/bench/dashboard-seed.sh"
seed_dashboard_store "$root" "$db" "$apps" "$releases"
"$root/lambdoku" formation:set app000 --version v1 --scale 1 >/dev/null

"$root/lambdoku" dashboard --port 0 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 300); do grep -q '^Dashboard: ' "$work/out" 2>/dev/null && break; sleep 0.1; done
url="$(sed -n 's/^Dashboard: //p' "$work/out")"
base="${url%%/\?*}"
curl -s -o /dev/null -c "$work/jar" "$url"

status() { curl -s -o /dev/null -b "$work/jar" -w '%{http_code}' "$base$1"; }
ms() { curl -s -o /dev/null -b "$work/jar" -w '%{time_total}\n' "$base$1" | awk '{printf "%d", 1000 * $1}'; }
median() {
  for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -b "$work/jar" -w '%{time_total}\n' "$base$1"; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%d", 1000 * (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}
rows=""
for page in "overview /" "app /apps/app000" "activity /activity" "rollouts /rollouts" "formation /formation"; do
  name="${page%% *}"; path="${page#* }"
  if [ "$(status "$path")" = 404 ]; then
    cold="-"; med="-"; size="-"
  else
    cold="$(ms "$path") ms"; med="$(median "$path") ms"; size="$(curl -s -b "$work/jar" "$base$path" | wc -c) bytes"
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
