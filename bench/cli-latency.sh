#!/usr/bin/env bash
# Whole-process wall time of everyday lambdoku commands on the local backend, next to the JVM's
# floor (java -version, a hello-world class) measured in the same run, each with its ratio to the
# hello-world JVM (issue 17's yardstick). Then a scale table: `releases` of a function with 10, 100 and
# 1,000 releases, and `deploy` of a folder of 1, 10 and 100 functions. With BASELINE=<git rev>, that
# revision is built in a scratch worktree and measured in the same run too, to show a change made
# nothing slower. Medians of RUNS runs (default 9) after a warm-up; SCALE=0 skips the scale table.
# Writes bench/results/cli-latency.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-9}"
scale="${SCALE:-1}"
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

hello_jvm=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$work/hello" Hello)
hello=$(median_ms "${hello_jvm[@]}")
rows=(
  "java -version|$(median_ms "$java" -version)"
  "hello-world JVM|$hello"
)

# The floor under every local command: the JVM opening the store with sqlite-jdbc and running one query, with
# the launcher's flags and archive (bench/floor/SqliteFloor.java; its own class is the only one read from a
# directory; -Xshare:on, so an archive the JVM refuses stops the bench instead of measuring a slower floor).
# The flags are the launcher's, copied: keep them equal. Nothing lambdoku does starts a local command faster.
jar="$root/cli/target/lambdoku.jar"
java_major=17 # as the launcher names the JDK in its key file: by the release file beside the java found, else 17
java_release="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")/release"
[ -f "$java_release" ] && java_major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_release")"
key_file="$work/cache-current/keys/${root//\//%}-java$java_major.key"
cache_dir="$work/cache-current/$(sed -n 2p "$key_file")"
runtime_dir="$work/cache-current/$(sed -n 4p "$key_file")"   # the runtime the launcher linked from that JDK
# A JDK 17-24 launcher's local archive (JDK 25+ makes an AOT cache): dumped on the runtime it linked, when it could.
local_java="$java"
local_jsa="$cache_dir/lambdoku-local.jsa"
[ -f "$cache_dir/lambdoku-linked.mark" ] && [ -x "$runtime_dir/bin/java" ] && local_java="$runtime_dir/bin/java"
if [ -f "$local_jsa" ]; then
  javac -d "$work/floor" -cp "$jar" "$root/bench/floor/SqliteFloor.java"
  store="$(find "$LAMBDOKU_HOME" -name lambdoku.db | head -1)"
  locale=()   # the launcher's choice of locale data, by the JDK version its cache key ends with
  [ "${cache_dir##*-java}" -lt 21 ] && locale=(-Djava.locale.providers=COMPAT)
  local_jvm=("$local_java" "${locale[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable
             -Xlog:all=error:stderr -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote -XX:CICompilerCount=1
             -XX:CompileThresholdScaling=2 -Xshare:on -XX:ArchiveRelocationMode=0 -XX:SharedArchiveFile="$local_jsa")
  floor=("${local_jvm[@]}" -cp "$jar:$work/floor" SqliteFloor "$store" "$cache_dir/sqlite-native")
  [ "$("${floor[@]}")" -gt 0 ] || { echo "cli-latency: the sqlite floor program read no versions." >&2; exit 1; }
  # Not the yardstick: the hello-world JVM on the runtime and archive local commands start from, to show what of a
  # command's time that runtime saves before lambdoku's own code runs.
  [ "$local_java" != "$java" ] && rows+=("hello-world JVM on lambdoku's linked runtime and archive|$(median_ms "${local_jvm[@]}" -cp "$jar:$work/hello" Hello)")
  rows+=("JVM + sqlite-jdbc: open the store, one query (the floor)|$(median_ms "${floor[@]}")")
fi
# With a baseline, each command's runs alternate between the two trees (A B A B ...), so a load change on
# a shared machine moves both medians alike instead of one tree's rows.
median_pair_ms() { # CMD_A... -- CMD_B...: prints "A_ms B_ms"
  local a=() b=() ta=() tb=() t0 t1
  while [ "$1" != -- ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  "${a[@]}" >/dev/null 2>&1 || true
  "${b[@]}" >/dev/null 2>&1 || true
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N); "${a[@]}" >/dev/null 2>&1 || true; t1=$(date +%s%N); ta+=($(( (t1 - t0 + 50000) / 100000 )))
    t0=$(date +%s%N); "${b[@]}" >/dev/null 2>&1 || true; t1=$(date +%s%N); tb+=($(( (t1 - t0 + 50000) / 100000 )))
  done
  # tenths of a ms: a ratio of two whole-ms medians near 2.5 moves by 0.1 with one ms of rounding
  echo "$(printf '%s\n' "${ta[@]}" | median | tenths) $(printf '%s\n' "${tb[@]}" | median | tenths)"
}
tenths() { awk '{printf "%.1f", $1 / 10}'; }

commands=(
  "--version|--version"
  "help|help"
  "config|config -a bench"
  "config:get|config:get -a bench K1"
  "config:set (no-op)|config:set -a bench K1=v1"
  "config:set|SET"
  "releases|releases -a bench"
  "apps:info|apps:info -a bench"
)
# Without a baseline, each everyday command's runs alternate with the hello-world JVM's (H C H C ...), and its
# ratio is to that hello-world median: this VM's speed drifts by ±10% within a minute, and a hello-world measured
# once, before every command, put the same commands 0.2x apart from one run to the next.
declare -A took beside
for c in "${commands[@]}"; do
  args="${c#*|}"
  if [ -z "$baseline" ]; then
    if [ "$args" = SET ]; then pair=$(median_pair_ms "${hello_jvm[@]}" -- set_key lk); else pair=$(median_pair_ms "${hello_jvm[@]}" -- lk $args); fi
    beside[lk|$c]=${pair% *}
    took[lk|$c]=${pair#* }
  else
    if [ "$args" = SET ]; then pair=$(median_pair_ms set_key lk -- set_key base); else pair=$(median_pair_ms lk $args -- base $args); fi
    took[lk|$c]=${pair% *}
    took[base|$c]=${pair#* }
  fi
done
# Issue 17: the launcher runs local commands on the java it finds, not on a JDK 25+ installed beside it, because these
# rows say that is faster (the aws backend's commands, which do run there, are in bench/aws-latency.sh).
jdk25="$(ls -d /usr/lib/jvm/*-25-* /usr/lib/jvm/*-25 2>/dev/null | head -1 || true)"
if [ -n "$jdk25" ]; then
  JAVA_HOME="$jdk25" lk --version >/dev/null 2>&1   # its own archives (AOT caches), once
  rows+=("hello-world JVM, JDK 25|$(median_ms "$jdk25/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$work/hello" Hello)")
  rows+=("lambdoku --version, JDK 25 (AOT cache)|$(JAVA_HOME="$jdk25" median_ms lk --version)")
  rows+=("lambdoku config, JDK 25 (AOT cache)|$(JAVA_HOME="$jdk25" median_ms lk config -a bench)")
fi
for who in lk ${baseline:+base}; do
  label=""
  [ "$who" = base ] && label=" (baseline $baseline)"
  for c in "${commands[@]}"; do rows+=("lambdoku ${c%%|*}$label|${took[$who|$c]}|${beside[$who|$c]:-}"); done
done

# A function with N releases: one real release, then N-1 copies of it written straight into the
# store (publishing 1,000 releases one process at a time would take minutes; `releases` reads rows).
seed_releases() { # NAME N
  lk create "$1" --code "$root/examples/hello-python" >/dev/null
  python3 - "$LAMBDOKU_HOME" "$1" "$2" <<'PY'
import glob, sqlite3, sys, uuid
home, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = sqlite3.connect(glob.glob(home + "/**/lambdoku.db", recursive=True)[0], timeout=60)
with db:
    cols = "settings, code_sha, last_modified"
    row = db.execute(f"SELECT {cols} FROM versions WHERE function=? AND version=1", (name,)).fetchone()
    for v in range(2, n + 1):
        db.execute("INSERT INTO versions(function, version, settings, description, code_sha, revision_id, last_modified)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)", (name, v, row[0], "Set K%d" % v, row[1], str(uuid.uuid4()), row[2]))
    db.execute("UPDATE functions SET last_version=? WHERE name=?", (n, name))
PY
}

# A folder of N function folders, each a copy of hello-python with its own name.
make_folder() { # DIR N
  for i in $(seq 1 "$2"); do
    mkdir -p "$1/f$i"
    cp "$root/examples/hello-python/app.py" "$1/f$i/"
    printf '{"name": "%s-f%d", "runtime": "python3.12", "handler": "app.handler"}\n' "${1##*/}" "$i" >"$1/f$i/lambdoku.json"
  done
}

scale_rows=()
if [ "$scale" != 0 ]; then
  for k in 10 100 1000; do
    seed_releases "rel$k" "$k"
    scale_rows+=("lambdoku releases, $k releases|$(median_ms lk releases -a "rel$k")")
  done
  for k in 1 10 100; do
    make_folder "$work/dep$k" "$k"
    lk deploy "$work/dep$k" >/dev/null 2>&1       # creates them; the runs below redeploy unchanged code
    scale_rows+=("lambdoku deploy, folder of $k (unchanged)|$(median_ms lk deploy "$work/dep$k")")
  done
fi

ratio() { awk -v a="$1" -v b="${2:-$hello}" 'BEGIN { printf "%.2f", a / b }'; }
row() { # LABEL|MS[|HELLO BESIDE IT]
  local label="${1%%|*}" rest="${1#*|}" ms ref
  ms="${rest%%|*}"
  ref=""
  [ "$rest" != "$ms" ] && ref="${rest#*|}"
  echo "| $label | $ms | ${ref:-$hello} | $(ratio "$ms" "$ref") |"
}
out="$root/bench/results/cli-latency.md"
{
  echo "# CLI latency, local backend"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1), median of $runs runs after one warm-up, whole process${baseline:+, runs of the two trees alternating}; ratio: to the hello-world JVM of the same run${baseline:-, for each everyday command: to the hello-world JVM runs alternating with its own}."
  echo
  echo "| command | median ms | hello-world JVM, ms | × hello-world JVM |"
  echo "|---|---:|---:|---:|"
  for r in "${rows[@]}"; do row "$r"; done
  if [ ${#scale_rows[@]} -gt 0 ]; then
    echo
    echo "## Scale"
    echo
    echo "| command | median ms | hello-world JVM, ms | × hello-world JVM |"
    echo "|---|---:|---:|---:|"
    for r in "${scale_rows[@]}"; do row "$r"; done
  fi
} >"$out"
cat "$out"
