#!/usr/bin/env bash
# Invocation benchmarks through `lambdoku local serve`, all in one run: per runtime, the cold start
# (Init Duration of a new environment, median of N) and warm invoke latency (p50, p99) and
# throughput of an echo handler under wrk (1 connection, bounded in time), next to the floor: an
# HTTP echo answered by the same server with no function behind it. Writes bench/results/invoke.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-7}"
seconds="${SECONDS_PER_RUN:-5}"
command -v wrk >/dev/null || { echo "invoke bench: needs wrk (apt-get install wrk)." >&2; exit 1; }
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export LAMBDOKU_HOME="$work/home"
lk() { "$root/lambdoku" "$@"; }
lk --version >/dev/null

mkdir -p "$work/py" "$work/node" "$work/java/src/bench"
printf 'def handler(event, context):\n    return event\n' >"$work/py/app.py"
printf '{"name": "echo-python", "runtime": "python3.12", "handler": "app.handler"}\n' >"$work/py/lambdoku.json"
printf 'export const handler = async (e) => e;\n' >"$work/node/index.mjs"
printf '{"name": "echo-node", "runtime": "nodejs20.x", "handler": "index.handler"}\n' >"$work/node/lambdoku.json"
cat >"$work/java/src/bench/Echo.java" <<'JAVA'
package bench;
public class Echo {
    public Object handleRequest(Object event, Object context) { return event; }
}
JAVA
printf '{"name": "echo-java", "runtime": "java21", "handler": "bench.Echo::handleRequest", "memory": 512, "build": "javac --release 17 -d . src/bench/Echo.java", "include": ["bench/**"]}\n' >"$work/java/lambdoku.json"
for f in py node java; do lk deploy "$work/$f" >/dev/null; done

# cold starts: each config change makes a new release, whose first invoke starts a new environment
cold() {
  local fn=$1 values=()
  for i in $(seq 1 "$runs"); do
    lk config:set -a "$fn" "RUN=$i$RANDOM" >/dev/null
    values+=("$(lk invoke -a "$fn" --log 2>&1 >/dev/null | sed -n 's/.*Init Duration: \([0-9.]*\) ms.*/\1/p')")
  done
  printf '%s\n' "${values[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
cold_py=$(cold echo-python); cold_node=$(cold echo-node); cold_java=$(cold echo-java)

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$root/lambdoku" local serve --port "$port" >"$work/serve.log" 2>&1 &   # not via lk(): $! must be the server itself
server=$!
for _ in $(seq 1 100); do grep -q listening "$work/serve.log" 2>/dev/null && break; sleep 0.2; done
url="http://127.0.0.1:$port"
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"hello": "world", "n": 42}'
wrk.headers["Content-Type"] = "application/json"
LUA

# presign URL: the URL with a SigV4 query signature (service lambda, valid an hour), which wrk can send
# unchanged request after request; on loopback local serve takes any access key, but only signed requests
presign() {
  python3 - "$1" <<'PY'
import datetime, hashlib, hmac, sys, urllib.parse
url = urllib.parse.urlsplit(sys.argv[1])
now = datetime.datetime.now(datetime.timezone.utc)
amz_date, day = now.strftime('%Y%m%dT%H%M%SZ'), now.strftime('%Y%m%d')
scope = f'{day}/us-east-1/lambda/aws4_request'
query = urllib.parse.urlencode({'X-Amz-Algorithm': 'AWS4-HMAC-SHA256', 'X-Amz-Credential': f'bench/{scope}',
    'X-Amz-Date': amz_date, 'X-Amz-Expires': '3600', 'X-Amz-SignedHeaders': 'host'}, quote_via=urllib.parse.quote, safe='')
path = '/'.join(urllib.parse.quote(s, safe='') for s in url.path.split('/'))
canonical = f'POST\n{path}\n{query}\nhost:{url.netloc}\n\nhost\nUNSIGNED-PAYLOAD'
to_sign = f'AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n' + hashlib.sha256(canonical.encode()).hexdigest()
key = b'AWS4bench'
for part in (day, 'us-east-1', 'lambda', 'aws4_request'):
    key = hmac.new(key, part.encode(), hashlib.sha256).digest()
print(f'{url.scheme}://{url.netloc}{url.path}?{query}&X-Amz-Signature=' + hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest())
PY
}

# wrk_row URL: "p50_ms p99_ms requests_per_s" of a timed run after a warm-up
wrk_row() {
  wrk -t1 -c1 -d2s -s "$work/post.lua" "$1" >/dev/null
  wrk -t1 -c1 -d"${seconds}s" --latency -s "$work/post.lua" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    END { printf "%.3f %.3f %d\n", p50, p99, rps }'
}
floor=$(wrk_row "$url/lambdoku/echo")   # unsigned: the echo route is open on loopback only
py=$(wrk_row "$(presign "$url/2015-03-31/functions/echo-python/invocations")")
node=$(wrk_row "$(presign "$url/2015-03-31/functions/echo-node/invocations")")
java=$(wrk_row "$(presign "$url/2015-03-31/functions/echo-java/invocations")")

row() { # name cold "p50 p99 rps"
  set -- "$1" "$2" $3
  local over
  over=$(python3 -c "print(f'{$3 - ${floor%% *}:+.3f}')")
  echo "| $1 | $2 | $3 | $over | $4 | $5 |"
}
out="$root/bench/results/invoke.md"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
{
  echo "# Invocation through lambdoku local serve"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java_bin" -version 2>&1 | head -1), $(python3 --version), node $(node --version),"
  echo "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), 1 connection, ${seconds} s per row after a 2 s warm-up; cold start: median Init Duration of $runs new environments."
  echo
  echo "| handler | cold start ms | warm p50 ms | p50 over floor ms | warm p99 ms | invokes/s |"
  echo "|---|---:|---:|---:|---:|---:|"
  set -- $floor
  echo "| HTTP echo on the same server (floor) | - | $1 | - | $2 | $3 |"
  row "Python echo" "$cold_py" "$py"
  row "Node echo" "$cold_node" "$node"
  row "Java echo" "$cold_java" "$java"
} >"$out"
cat "$out"
