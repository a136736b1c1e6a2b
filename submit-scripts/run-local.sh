#!/usr/bin/env bash
# Runs a study on Spark local[*] on this machine; builds the project first if needed.
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/run-local.sh [STUDY.conf] [run options]

Runs every configuration of a study on Spark local[*] and writes the tables to
<output>/<study>/ (study.output, "results" by default). STUDY.conf defaults to
conf/studies/demo.conf, which runs on the bundled data with no other setup.

Run options (passed to 'backgrid run'):
  --data PATH|URI       price table instead of study.data
  --output PATH|URI     output root instead of study.output
  --partitions N        partitions to spread the configurations over
  --batch-size N        configurations per batch, what an interrupted run keeps (default 2000)
  --fresh               discard earlier results of the study and recompute everything
  --report              also write the study's report, <output>/<study>-report.html (always for the demo)
  --master URL          another master than local[*]

Environment: BACKGRID_JAVA_OPTS (default -Xmx4g) for the driver JVM; BACKGRID_TIMINGS=1 prints
when each step ended; BACKGRID_CDS=0 skips the class-data archive (target/cds, made by the first
run after a build).
Example: submit-scripts/run-local.sh conf/studies/all-algorithms.conf --partitions 16
USAGE
}

study="$BACKGRID_HOME/conf/studies/demo.conf"
if [ $# -gt 0 ]; then
  case "$1" in
    -h|--help) usage; exit 0 ;;
    -*) ;;
    *) study="$1"; shift ;;
  esac
fi
[ -f "$study" ] || die "no such study file: $study (see --help)"
backgrid_build_if_needed
# The demo study also gets its report (the run prints the report command for any other study).
report=()
if [ "$(cd "$(dirname "$study")" && pwd)/$(basename "$study")" = "$BACKGRID_HOME/conf/studies/demo.conf" ] && \
   [[ " $* " != *" --report "* ]]; then
  report=(--report)
fi
BACKGRID_CDS_NAME=run
backgrid_command run "$study" "${report[@]}" "$@"
