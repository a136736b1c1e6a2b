#!/usr/bin/env bash
# Study throughput on W1 (BENCHMARKS.md): generates W1's data once, writes studies of 1,000 /
# 10,000 / 100,000 configurations, runs each with submit-scripts/run-local.sh under
# /usr/bin/time -v, and prints wall time (command start to tables written), the job's own rate
# (its progress line: configurations computed / seconds since the first batch started, so the
# SparkSession start and the data load are excluded) and the peak RSS (driver and local[*]
# executors share one JVM).
#
# Usage: benchmarks/study-bench.sh [SIZES...]      (default: 1000 10000 100000)
# Environment: BENCH_DIR (default /tmp/backgrid-bench), BENCH_XMX (default 1g: -Xmx for every run),
# BENCH_JAVA_OPTS (more JVM options, e.g. -XX:StartFlightRecording=filename=job.jfr).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/backgrid-bench}"
xmx="${BENCH_XMX:-1g}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
mkdir -p "$dir"

# W1's market, the same spec as io.backgrid.benchmarks.Workloads.W1_MARKET.
if [ ! -d "$dir/w1-data" ]; then
  "$here/submit-scripts/generate.sh" --out="$dir/w1-data" --seed=7 --equities=40 --bonds=6 --commodities=3 \
    --start=2005-01-03 --days=5040 --late-fraction=0 --missing-rate=0 >/dev/null
fi

# W1's grid is 504 configurations, 456 distinct ones in a study (fixed reads no lookback, so its
# three lookbacks are one configuration); a neutral axis (the risk-free rate, which changes only
# Sharpe and Sortino, not the work) multiplies it past the size, then grid-sample keeps exactly N.
write_study() {
  local n="$1" reps=$(( ($1 + 455) / 456 )) rf="" i
  for ((i = 0; i < reps; i++)); do rf+="${rf:+, }$(printf '0.%05d' "$i")"; done
  cat > "$dir/w1-$n.conf" <<CONF
# W1 (BENCHMARKS.md) x ${reps} risk-free rates, sampled to ${n} configurations.
study {
  name = w1-${n}
  data = "${dir}/w1-data"
  output = "${dir}/results"
  capital = 1000000
  execution { fill = close, fractional-shares = false, netting = true }
  costs { commission-per-share = 0.005, commission-bps = 1, slippage-bps = 2 }
  sleeves = [
    { id = momentum, strategy = momentum, universe = [$(seq -f 'EQ%02g' -s ', ' 1 20)], params { lookback = 60, top = 5 } }
    { id = reversion, strategy = mean-reversion, universe = [$(seq -f 'EQ%02g' -s ', ' 21 30)], params { lookback = 20, entry-z = 2, exit-z = 0.5 } }
    { id = trend, strategy = trend-following, universe = [$(seq -f 'EQ%02g' -s ', ' 31 40)], params { fast = 50, slow = 200 } }
    { id = core, strategy = buy-and-hold, universe = [BD01, BD02, BD03, BD04, BD05, BD06, CM01, CM02, CM03, MKT] }
  ]
  allocation {
    adaptive { benchmark = MKT }
  }
  rebalance { drift-threshold = null, cooldown = 0 }
  grid {
    "allocation.algorithm" = [fixed, dynamic, risk-parity, kelly, drawdown, erc, adaptive]
    "rebalance.frequency" = [weekly, monthly, quarterly, yearly]
    "allocation.weights" = [[0.25, 0.25, 0.25, 0.25], [0.4, 0.3, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4],
                            [0.5, 0.1, 0.1, 0.3], [0.3, 0.3, 0.1, 0.2], [0.2, 0.2, 0.2, 0.2]]
    "allocation.lookback" = [21, 63, 126]
    "risk-free" = [${rf}]
  }
  grid-sample { size = ${n}, seed = 1 }
  equity { top = 5, by = sharpe }
}
CONF
}

# Build first (when sources changed), so that no run times a build.
(source "$here/submit-scripts/common.sh" && backgrid_build_if_needed)

printf '%-8s %10s %12s %14s %12s\n' configs wall_s job_rate/s wall_rate/s peak_rss_MB
for n in "${sizes[@]}"; do
  write_study "$n"
  log="$dir/w1-$n.log"
  start=$(date +%s.%N)
  BACKGRID_JAVA_OPTS="-Xmx$xmx ${BENCH_JAVA_OPTS:-}" /usr/bin/time -v "$here/submit-scripts/run-local.sh" "$dir/w1-$n.conf" --fresh >"$log" 2>&1 \
    || { echo "run of $n failed, see $log" >&2; tail -20 "$log" >&2; exit 1; }
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc)
  # The last progress line carries the job's rate: "[backgrid] 1,000 / 1,000 configurations (100.0%), 123/s, ...".
  rate=$(grep -o '[0-9]*/s, ' "$log" | tail -1 | tr -dc '0-9')
  rss=$(awk '/Maximum resident set size/ {print int($NF / 1024)}' "$log")
  printf '%-8s %10.1f %12s %14.1f %12s\n' "$n" "$wall" "${rate:-?}" "$(echo "$n / $wall" | bc -l)" "$rss"
done
