#!/usr/bin/env bash
# Whole-process wall time of everyday lambdoku commands on the local backend, next to the JVM's
# floor (java -version, a hello-world class) measured in the same run. Medians of N runs after a
# warm-up. Writes bench/results/cli-latency.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMBDOKU_HOME="$work/home"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

"$root/lambdoku" --version >/dev/null               # builds and prepares the archive if needed
"$root/lambdoku" create bench --code "$root/examples/hello-python" >/dev/null
for i in $(seq 1 20); do "$root/lambdoku" config:set -a bench "K$i=v$i" >/dev/null; done

mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' >"$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

. "$root/bench/lib.sh"

n=0
set_key() { n=$((n + 1)); "$root/lambdoku" config:set -a bench "BENCH=$n$RANDOM"; }

rows=(
  "java -version|$(median_ms "$java" -version)"
  "hello-world JVM|$(median_ms "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$work/hello" Hello)"
  "lambdoku --version|$(median_ms "$root/lambdoku" --version)"
  "lambdoku config|$(median_ms "$root/lambdoku" config -a bench)"
  "lambdoku config:set|$(median_ms set_key)"
  "lambdoku releases|$(median_ms "$root/lambdoku" releases -a bench)"
)

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
