#!/usr/bin/env bash
# The research loop's steps (issue 15, BENCHMARKS.md "Research loop"), each timed end to end as a
# user runs it: wall time and the CPU time of the whole command (user + sys, all threads, which
# says more than wall time on a busy machine). Steps:
#   demo        submit-scripts/run-local.sh conf/studies/demo.conf (40 configurations, its report)
#   demo-rerun  the same command again: nothing to compute
#   grid100     100 risk-parity configurations, 3 sleeves x 2,517 days (a real-data shape: 10 years of
#               three stocks), generated data, --fresh
#   grid100-rerun  the same again: nothing to compute
#   query       one submit-scripts/query.sh statement on the demo's tables
#   w1          (only with BENCH_W1=1) W1's 10,000 configurations (benchmarks/study-bench.sh 10000)
# With the warm JVM (the scripts' default, README "The warm JVM"), the warm JVMs are stopped first
# and a first step, demo-first, is the demo run that starts one (what the first command after 20
# idle minutes costs); the CPU column then adds the warm JVM's CPU during the step to the command's.
#
# Usage: benchmarks/loop.sh [REPEATS]       (default 1: each step once; the best of REPEATS is shown)
# Environment: BENCH_DIR (default /tmp/backgrid-loop), BENCH_W1=1 to add the W1 step,
# BACKGRID_WARM=0 to time every command in a JVM of its own.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/backgrid-loop}"
repeats="${1:-1}"
mkdir -p "$dir"
(source "$here/submit-scripts/common.sh" && backgrid_build_if_needed)

if [ ! -d "$dir/three-stocks" ]; then
  "$here/submit-scripts/generate.sh" --out="$dir/three-stocks" --seed=3 --equities=3 --bonds=0 --commodities=0 \
    --start=2015-01-02 --days=2517 --late-fraction=0 --missing-rate=0 >/dev/null
fi
cat > "$dir/grid100.conf" <<CONF
# 100 configurations on three stocks: 10 lookbacks x 10 risk-free rates, risk-parity, monthly.
study {
  name = grid100
  data = "$dir/three-stocks"
  output = "$dir/results"
  capital = 1000000
  sleeves = [
    { id = a, strategy = buy-and-hold, universe = [EQ01] }
    { id = b, strategy = buy-and-hold, universe = [EQ02] }
    { id = c, strategy = buy-and-hold, universe = [EQ03] }
  ]
  allocation { algorithm = risk-parity }
  rebalance { frequency = monthly }
  grid {
    "allocation.lookback" = [21, 42, 63, 84, 105, 126, 147, 168, 189, 210]
    "risk-free" = [0.0, 0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009]
  }
}
CONF

# "pid ticks" of each warm JVM running: the CPU (user + sys, clock ticks) it has used so far.
warm_ticks() {
  local pid f
  for pid in $(pgrep -f 'io.backgrid.spark.cli.WarmServer' || true); do
    f=($(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null || echo "0 0"))
    echo "$pid $((f[0] + f[1]))"
  done
}

# CPU seconds the warm JVMs running now used since $1 (warm_ticks' output then): a JVM started
# since counts whole, one stopped since is left out.
warm_cpu_since() {
  local before="$1" pid ticks was sum=0
  while read -r pid ticks; do
    [ -n "$pid" ] || continue
    was=$(awk -v p="$pid" '$1 == p { print $2 }' <<<"$before")
    sum=$((sum + ticks - ${was:-0}))
  done < <(warm_ticks)
  echo "scale=2; $sum / $(getconf CLK_TCK)" | bc
}

# step NAME COMMAND...: runs it REPEATS times, prints the best wall time and that run's CPU time.
step() {
  local name="$1" best_wall="" best_cpu="" i wall user sys cpu warm0
  shift
  for ((i = 0; i < repeats; i++)); do
    warm0=$(warm_ticks)
    /usr/bin/time -o "$dir/$name.time" -f '%e %U %S' "$@" >"$dir/$name.log" 2>&1 \
      || { echo "$name failed, see $dir/$name.log" >&2; tail -5 "$dir/$name.log" >&2; exit 1; }
    read -r wall user sys <"$dir/$name.time"
    cpu=$(echo "$user + $sys + $(warm_cpu_since "$warm0")" | bc)
    if [ -z "$best_wall" ] || (( $(echo "$wall < $best_wall" | bc) )); then
      best_wall="$wall"
      best_cpu="$cpu"
    fi
  done
  printf '%-14s %8.1f %8.1f\n' "$name" "$best_wall" "$best_cpu"
}

printf 'load average at start: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %8s %8s\n' step wall_s cpu_s
if [ "${BACKGRID_WARM:-1}" != 0 ]; then
  "$here/submit-scripts/warm.sh" stop >/dev/null
  sleep 2
  step demo-first "$here/submit-scripts/run-local.sh" "$here/conf/studies/demo.conf" --output "$dir/results" --fresh
fi
step demo "$here/submit-scripts/run-local.sh" "$here/conf/studies/demo.conf" --output "$dir/results" --fresh
step demo-rerun "$here/submit-scripts/run-local.sh" "$here/conf/studies/demo.conf" --output "$dir/results"
step grid100 "$here/submit-scripts/run-local.sh" "$dir/grid100.conf" --fresh
step grid100-rerun "$here/submit-scripts/run-local.sh" "$dir/grid100.conf"
step query "$here/submit-scripts/query.sh" "$dir/results/demo" \
  "SELECT c.allocation_algorithm, round(max(m.sharpe), 3) AS best_sharpe FROM portfolio_metrics m JOIN configs c USING (config_id) GROUP BY c.allocation_algorithm ORDER BY best_sharpe DESC"
# A query in an open shell: the README's queries (conf/queries/*.sql) piped into one shell, against
# one trivial statement; the difference over the number of queries is the time of one.
if grep -q 'arity = "0..1"' "$here/spark-jobs/src/main/java/io/backgrid/spark/cli/QueryCommand.java" 2>/dev/null; then
  # each file is one statement without its ';' (query.sh runs files as they are): the shell needs it
  queries=$(for f in "$here"/conf/queries/*.sql; do cat "$f"; echo ';'; done)
  count=$(ls "$here"/conf/queries/*.sql | wc -l)
  step shell-1 bash -c "echo 'SELECT 1;' | '$here/submit-scripts/query.sh' '$dir/results/demo'"
  step shell-all bash -c "printf '%s\\n' \"\$0\" | '$here/submit-scripts/query.sh' '$dir/results/demo'" "$queries"
  echo "(shell: $count statements in shell-all)"
fi
if [ "${BENCH_W1:-0}" = 1 ]; then
  start=$(date +%s.%N)
  "$here/benchmarks/study-bench.sh" 10000 | tail -1 | sed 's/^/w1 (study-bench.sh): /'
fi
printf 'load average at end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
