#!/usr/bin/env bash
# Spark SQL over a study's tables.
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/query.sh STUDY_DIR "SQL" [--csv] [--max-rows N]
       submit-scripts/query.sh STUDY_DIR FILE.sql [--csv]

Registers every table of STUDY_DIR (<output>/<study>, e.g. results/demo) as a view named after it
(configs, portfolio_metrics, sleeve_metrics, sleeve_correlations, rebalances, lifecycle_events, equity, runs) and
prints the result of each statement as a table, or as CSV with --csv.

Example: submit-scripts/query.sh results/demo "SELECT allocation_algorithm, max(sharpe) FROM portfolio_metrics JOIN configs USING (config_id) GROUP BY allocation_algorithm"
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
[ $# -ge 2 ] || { usage >&2; die "needs a study directory and a SQL statement or .sql file"; }
[ -d "$1" ] || [[ "$1" == *://* ]] || die "no such study directory: $1 (run the study first: submit-scripts/run-local.sh)"
backgrid_build_if_needed
backgrid_java io.backgrid.spark.cli.BackgridCli query "$@"
