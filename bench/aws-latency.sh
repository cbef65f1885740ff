#!/usr/bin/env bash
# Whole-process wall time of lambdoku's everyday commands with the aws backend against a moto_server
# started here on a free loopback port, side by side with the AWS CLI's get-function-configuration on
# the same server, and the same lambdoku commands on the local backend, all in one run, each with its
# ratio to the AWS CLI's (issue 17: aws 'config' at most 0.4 of it). Medians of N runs after a warm-up.
# Writes bench/results/aws-latency.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-15}"
work="$(mktemp -d)"
unset JAVA_HOME # lambdoku as the launcher picks its JDKs (see the rows below)
command -v moto_server >/dev/null || { echo "aws-latency: moto_server is not installed." >&2; exit 1; }
command -v aws >/dev/null || { echo "aws-latency: the AWS CLI (aws) is not installed." >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null || true; rm -rf "$work"' EXIT
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf -X POST "$endpoint/moto-api/reset" >/dev/null && break; sleep 0.2; done
curl -sf -X POST "$endpoint/moto-api/config" -d '{"lambda":{"use_docker":false}}' >/dev/null

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL="$endpoint" LAMBDOKU_ARTIFACT_BUCKET=lambdoku-bench LAMBDOKU_HOME="$work/home"
role="$(aws iam create-role --role-name lambdoku-bench --assume-role-policy-document '{"Version":"2012-10-17","Statement":[]}' \
  --query Role.Arn --output text)"

lk() { "$root/lambdoku" "$@"; }
lk --version >/dev/null                              # builds and prepares the archive if needed
lk --backend aws setup >/dev/null
lk --backend aws create bench --role "$role" --code "$root/examples/hello-python" >/dev/null
lk create bench --code "$root/examples/hello-python" >/dev/null
for i in $(seq 1 20); do
  lk --backend aws config:set -a bench "K$i=v$i" >/dev/null
  lk config:set -a bench "K$i=v$i" >/dev/null
done

. "$root/bench/lib.sh"

n=0
set_key() { n=$((n + 1)); lk "$@" config:set -a bench "BENCH=$n$RANDOM"; }

# The launcher runs the aws backend's commands on a JDK 25+ installed beside the java it finds, when there is one and no
# JAVA_HOME chose the JDK (so this bench sets the user's aside, above); the row with JAVA_HOME set runs on the java
# found, for comparison.
found_jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
JAVA_HOME="$found_jdk" lk --backend aws config -a bench >/dev/null   # that JDK's archive, once
rows=(
  "aws lambda get-function-configuration (AWS CLI v1)|$(median_ms aws lambda get-function-configuration --function-name bench)"
  "lambdoku config, aws backend|$(median_ms lk --backend aws config -a bench)"
  "lambdoku config, aws backend, on the java found (JAVA_HOME=$found_jdk)|$(JAVA_HOME="$found_jdk" median_ms lk --backend aws config -a bench)"
  "lambdoku config:set, aws backend|$(median_ms set_key --backend aws)"
  "lambdoku releases, aws backend|$(median_ms lk --backend aws releases -a bench)"
  "lambdoku config, local backend|$(median_ms lk --backend local config -a bench)"
  "lambdoku config:set, local backend|$(median_ms set_key --backend local)"
  "lambdoku releases, local backend|$(median_ms lk --backend local releases -a bench)"
)

out="$root/bench/results/aws-latency.md"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
{
  echo "# CLI latency, aws backend against moto_server"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1), moto $(python3 -c 'import moto; print(moto.__version__)'),"
  echo "$(aws --version 2>&1 | cut -d' ' -f1), median of $runs runs after one warm-up, whole process, all rows measured in this run."
  echo
  echo "| command | median ms | × AWS CLI |"
  echo "|---|---:|---:|"
  cli_ms="${rows[0]##*|}"
  for r in "${rows[@]}"; do
    echo "| ${r%%|*} | ${r##*|} | $(awk -v a="${r##*|}" -v b="$cli_ms" 'BEGIN { printf "%.2f", a / b }') |"
  done
} >"$out"
cat "$out"
