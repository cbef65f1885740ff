#!/usr/bin/env bash
# Whole-process wall time of everyday lambdoku commands on the local backend, next to the JVM's
# floor (java -version, a hello-world class) measured in the same run. With BASELINE=<git rev>, that
# revision is built in a scratch worktree and measured in the same run too, to show a change made
# nothing slower. Medians of N runs after a warm-up. Writes bench/results/cli-latency.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-15}"
work="$(mktemp -d)"
baseline="${BASELINE:-}"
cleanup() {
  [ -n "$baseline" ] && git -C "$root" worktree remove --force "$work/baseline" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export LAMBDOKU_HOME="$work/home"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Each tree gets its own launcher cache, so the two never invalidate each other's archive.
lk() { LAMBDOKU_CACHE="$work/cache-current" "$root/lambdoku" "$@"; }
base() { LAMBDOKU_CACHE="$work/cache-baseline" "$work/baseline/lambdoku" "$@"; }

lk --version >/dev/null                              # builds and prepares the archive if needed
if [ -n "$baseline" ]; then
  git -C "$root" worktree add -q --detach "$work/baseline" "$baseline"
  base --version >/dev/null 2>&1
fi
lk create bench --code "$root/examples/hello-python" >/dev/null
for i in $(seq 1 20); do lk config:set -a bench "K$i=v$i" >/dev/null; done

mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' >"$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

. "$root/bench/lib.sh"

n=0
set_key() { n=$((n + 1)); "$@" config:set -a bench "BENCH=$n$RANDOM"; }

rows=(
  "java -version|$(median_ms "$java" -version)"
  "hello-world JVM|$(median_ms "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$work/hello" Hello)"
)
for who in lk ${baseline:+base}; do
  label=""
  [ "$who" = base ] && label=" (baseline $baseline)"
  rows+=(
    "lambdoku --version$label|$(median_ms $who --version)"
    "lambdoku config$label|$(median_ms $who config -a bench)"
    "lambdoku config:set$label|$(median_ms set_key $who)"
    "lambdoku releases$label|$(median_ms $who releases -a bench)"
  )
done

out="$root/bench/results/cli-latency.md"
{
  echo "# CLI latency, local backend"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1), median of $runs runs after one warm-up, whole process."
  echo
  echo "| command | median ms |"
  echo "|---|---:|"
  for r in "${rows[@]}"; do echo "| ${r%%|*} | ${r##*|} |"; done
} >"$out"
cat "$out"
