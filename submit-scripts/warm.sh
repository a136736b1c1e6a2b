#!/usr/bin/env bash
# Lists or stops this user's warm JVMs (see "The warm JVM" in common.sh and the README).
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/warm.sh [status|stop]

The scripts run their commands (run-local.sh, query.sh STATEMENT, report.sh, validate.sh) in a warm
JVM kept in the background per directory, started by the first of them; it stops by itself after
BACKGRID_WARM_IDLE minutes (default 20) without a command, or when the project is rebuilt.
  status   the warm JVMs running (the default): process id, the directory each serves, its log
  stop     stops them now (a command running in one ends as on Ctrl-C: what it kept is kept)
BACKGRID_WARM=0 makes the scripts run every command in a JVM of its own.
USAGE
}

servers() {
  local pidfile pid
  for pidfile in "$BACKGRID_WARM_DIR"/*.sock.pid; do
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    kill -0 "$pid" 2>/dev/null && echo "$pid ${pidfile%.sock.pid}"
  done
}

case "${1:-status}" in
  -h | --help) usage ;;
  status)
    found=0
    while read -r pid base; do
      found=1
      echo "pid $pid: $(sed -n 's/.* warm: serving \(.*\) on .*/serves \1/p' "$base.log" | head -1); log $base.log"
    done < <(servers)
    [ "$found" = 1 ] || echo "no warm JVM is running"
    ;;
  stop)
    while read -r pid base; do
      kill "$pid" 2>/dev/null && echo "stopped the warm JVM $pid"
    done < <(servers)
    ;;
  *) usage >&2; exit 2 ;;
esac
