# Shared by the bench scripts (sourced): timing helpers. Expects $runs.

# median_ms CMD...: runs CMD once to warm up, then $runs times; prints the median wall time in ms
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq 1 "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0 + 500000) / 1000000 ))) # rounded: truncating took ~0.5 ms off every run
  done
  printf '%s\n' "${times[@]}" | median
}

# median: the median of the whole numbers on stdin, one per line
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
