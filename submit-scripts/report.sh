#!/usr/bin/env bash
# A study's report: one self-contained HTML page from its published tables.
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/report.sh STUDY_DIR|URI [--out FILE.html] [--metric sharpe] [--top N]

Reads the published tables of a study (<output>/<study>, e.g. results/demo, or any Hadoop URI)
and writes one HTML page with its charts, data and scripts inlined; it opens offline and makes
no network request. Without --out it is <output>/<study>-report.html beside a local study, or
./<study>-report.html for a URI. An existing file is replaced only if it is an earlier report.

  --out FILE.html   where to write the page
  --metric NAME     the portfolio_metrics column to rank and colour by (default sharpe)
  --top N           configurations in the leaderboard and the paths (default 10)

Example: submit-scripts/report.sh results/demo --top 5
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
[ $# -ge 1 ] || { usage >&2; die "needs a study directory"; }
[ -d "$1" ] || [[ "$1" == *://* ]] || die "no such study directory: $1 (run the study first: submit-scripts/run-local.sh)"
backgrid_build_if_needed
BACKGRID_CDS_NAME=report
BACKGRID_DEFAULT_OPTS=-Xmx2g backgrid_command report "$@"
