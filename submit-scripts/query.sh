#!/usr/bin/env bash
# Spark SQL over a study's tables.
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/query.sh STUDY_DIR "SQL" [--csv] [--max-rows N]
       submit-scripts/query.sh STUDY_DIR FILE.sql [--csv]
       submit-scripts/query.sh STUDY_DIR            (an interactive shell; statements end with ';',
                                                      \tables, \d TABLE, \q; history with rlwrap)

Registers every table of STUDY_DIR (<output>/<study>, e.g. results/demo) as a view named after it
(configs, portfolio_metrics, sleeve_metrics, sleeve_correlations, rebalances, lifecycle_events,
equity, runs) and
prints the result of each statement as a table, or as CSV with --csv. Without a statement it opens
a shell on one Spark session, so each query after the first answers without a start-up; statements
piped in run one after the other.

Example: submit-scripts/query.sh results/demo "SELECT allocation_algorithm, max(sharpe) FROM portfolio_metrics JOIN configs USING (config_id) GROUP BY allocation_algorithm"
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
[ $# -ge 1 ] || { usage >&2; die "needs a study directory (and a SQL statement or .sql file, or none for a shell)"; }
[ -d "$1" ] || [[ "$1" == *://* ]] || die "no such study directory: $1 (run the study first: submit-scripts/run-local.sh)"
backgrid_build_if_needed
if [ $# -eq 1 ] && [ -t 0 ] && command -v rlwrap >/dev/null; then
  BACKGRID_JAVA_PREFIX="rlwrap -H $HOME/.backgrid_sql_history"
fi
# One statement (or file) on small tables: the JIT's first tier only, which halves the CPU such a
# short command spends compiling (issue 15, BENCHMARKS.md "Research loop"); a shell keeps both tiers
# for the queries that follow.
BACKGRID_CDS_NAME=query
if [ $# -ge 2 ]; then
  # one statement: in the warm JVM, or in a JVM of its own on the JIT's first tier (starts faster)
  BACKGRID_DEFAULT_OPTS="-Xmx4g -XX:TieredStopAtLevel=1" backgrid_command query "$@"
else
  # the shell: in the warm JVM too (its statements are planned by a warm JIT), reading this
  # terminal's or pipe's lines through the client; in a JVM of its own, one session for them all
  backgrid_command query "$@"
fi
