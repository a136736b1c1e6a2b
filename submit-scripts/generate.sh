#!/usr/bin/env bash
# Price data: 'generate' (see --help). No Spark needed.
set -euo pipefail
source "$(dirname "$0")/common.sh"
backgrid_build_if_needed
backgrid_java io.backgrid.datasets.cli.DataCli generate "$@"
