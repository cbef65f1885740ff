#!/usr/bin/env bash
# Deploy benchmarks, all measured in one run (medians of N whole-process runs after a warm-up):
#  (a) zip building: `lambdoku build` vs `zip -X -r` on the same ~100 MB tree of mixed files, MB/s;
#  (b) a no-op redeploy of an unchanged function: wall time, and whether any code went up;
#  (c) deploying 20 functions with --parallel 1 vs --parallel 8, on the local backend and on moto.
# Writes bench/results/deploy.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
work="$(mktemp -d)"
moto=""
trap '[ -n "$moto" ] && kill "$moto" 2>/dev/null; rm -rf "$work"' EXIT
export LAMBDOKU_HOME="$work/home"
. "$root/bench/lib.sh"
lk() { "$root/lambdoku" "$@"; }
lk --version >/dev/null

# (a) a tree like a real package: source text, minified-ish JSON, and already-compressed binaries
tree="$work/tree"
python3 - "$tree" <<'PY'
import os, random, sys
root = sys.argv[1]
rnd = random.Random(42)
words = [("w%d" % i) for i in range(5000)]
total = 0
i = 0
while total < 100 * 1024 * 1024:
    d = os.path.join(root, "pkg%02d" % (i % 40), "mod%03d" % (i % 300))
    os.makedirs(d, exist_ok=True)
    kind = i % 4
    if kind == 3:
        data = rnd.randbytes(rnd.randint(20_000, 400_000))
        name = "blob%05d.bin" % i
    else:
        n = rnd.randint(2_000, 120_000)
        data = " ".join(rnd.choice(words) for _ in range(n // 6)).encode()
        name = "file%05d.%s" % (i, ("py", "js", "json")[kind])
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
    total += len(data)
    i += 1
with open(os.path.join(root, "app.py"), "w") as f:
    f.write("def handler(e, c):\n    return 1\n")
with open(os.path.join(root, "lambdoku.json"), "w") as f:
    f.write('{"name": "big", "runtime": "python3.12", "handler": "app.handler"}')
PY
mb=$(du -sm --apparent-size "$tree" | cut -f1)
files=$(find "$tree" -type f | wc -l)
zip_ms=$(median_ms bash -c "rm -f '$work/z.zip'; cd '$tree' && zip -X -r -q '$work/z.zip' .")
build_ms=$(median_ms lk build "$tree" -o "$work/b.zip")
zip_size=$(stat -c %s "$work/z.zip")
build_size=$(stat -c %s "$work/b.zip")

# (b) no-op redeploy on the local backend
fn="$work/fn"
mkdir -p "$fn" && cp "$root/examples/hello-python/"* "$fn/"
lk deploy "$fn" >/dev/null
noop_ms=$(median_ms lk deploy "$fn")
noop_json=$(lk deploy "$fn" --json | tr -d ' \n')

# (c) 20 functions
many="$work/many"
for i in $(seq -w 1 20); do
  mkdir -p "$many/f$i"
  printf 'def handler(e, c):\n    return %s\n' "$i" >"$many/f$i/app.py"
  printf '{"name": "f%s", "runtime": "python3.12", "handler": "app.handler"}\n' "$i" >"$many/f$i/lambdoku.json"
done
bump() { for d in "$many"/f*; do printf '# %s\n' "$RANDOM$RANDOM" >>"$d/app.py"; done; }
deploy_many() { bump; lk "$@" deploy "$many" --parallel "$p" >/dev/null; }
p=1; local_p1=$(median_ms deploy_many)
p=8; local_p8=$(median_ms deploy_many)

moto_p1="n/a"; moto_p8="n/a"
if command -v moto_server >/dev/null; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto=$!
  endpoint="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do curl -sf -X POST "$endpoint/moto-api/reset" >/dev/null && break; sleep 0.2; done
  curl -sf -X POST "$endpoint/moto-api/config" -d '{"lambda":{"use_docker":false}}' >/dev/null
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
  role="$(aws --endpoint-url "$endpoint" iam create-role --role-name bench --assume-role-policy-document '{}' --query Role.Arn --output text)"
  for d in "$many"/f*; do sed -i "s|{|{\"role\": \"$role\", |" "$d/lambdoku.json"; done
  p=1; moto_p1=$(median_ms deploy_many --backend aws --endpoint-url "$endpoint")
  p=8; moto_p8=$(median_ms deploy_many --backend aws --endpoint-url "$endpoint")
fi

out="$root/bench/results/deploy.md"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
{
  echo "# Deploy benchmarks"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1), $(zip -v | sed -n 2p | sed 's/^ *//'), median of $runs whole-process runs after one warm-up, all in this run."
  echo
  echo "## (a) Building a zip of a ${mb} MB tree ($files files, a quarter incompressible)"
  echo
  echo "| tool | median ms | MB/s | zip bytes |"
  echo "|---|---:|---:|---:|"
  echo "| zip -X -r | $zip_ms | $(( mb * 1000 / zip_ms )) | $zip_size |"
  echo "| lambdoku build | $build_ms | $(( mb * 1000 / build_ms )) | $build_size |"
  echo
  echo "Ratio lambdoku/zip wall time: $(python3 -c "print(round($build_ms/$zip_ms, 2))")"
  echo
  echo "## (b) No-op redeploy of an unchanged function (local backend)"
  echo
  echo "median $noop_ms ms; answer: \`$noop_json\` (changed=false: no code upload, no configuration write, no release)"
  echo
  echo "## (c) Deploying 20 changed functions"
  echo
  echo "| backend | --parallel 1 ms | --parallel 8 ms |"
  echo "|---|---:|---:|"
  echo "| local | $local_p1 | $local_p8 |"
  echo "| aws on moto_server | $moto_p1 | $moto_p8 |"
} >"$out"
cat "$out"
