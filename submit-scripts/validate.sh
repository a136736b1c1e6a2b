#!/usr/bin/env bash
# Checks a study and prints its grid without running anything.
set -euo pipefail
source "$(dirname "$0")/common.sh"

case "${1:-}" in
  -h|--help|"")
    echo "Usage: submit-scripts/validate.sh STUDY.conf [--first N]"
    echo "Checks the study (every problem at once, with file and line) and prints its grid size and first configurations."
    [ -n "${1:-}" ] && exit 0 || exit 2 ;;
esac
[ -f "$1" ] || die "no such study file: $1"
backgrid_build_if_needed
BACKGRID_CDS_NAME=validate
backgrid_command validate "$@"
