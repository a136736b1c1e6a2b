#!/usr/bin/env bash
# Stops the local cluster cluster-start.sh started: exactly the processes it recorded, and their children.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/cluster-common.sh"

case "${1:-}" in
  -h|--help)
    cat <<USAGE
Usage: submit-scripts/cluster-stop.sh

Stops the master and workers recorded in $BACKGRID_CLUSTER_DIR/*.pid (see cluster-start.sh) and
every process below them (the executors a worker started): SIGTERM, then SIGKILL after 10 s for
what is left. Touches no other process. Keeps the logs.
USAGE
    exit 0 ;;
esac
[ -d "$BACKGRID_CLUSTER_DIR" ] || { echo "[backgrid] no cluster state in $BACKGRID_CLUSTER_DIR: nothing to stop"; exit 0; }

pids=()
shopt -s nullglob
for f in "$BACKGRID_CLUSTER_DIR"/worker-*.pid "$BACKGRID_CLUSTER_DIR"/master.pid; do
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  name="$(basename "$f" .pid)"
  case "$name" in master) class=deploy.master.Master ;; *) class=deploy.worker.Worker ;; esac
  if cluster_pid_is "$pid" "$class"; then
    # The whole tree now, before the parent goes (its children would be re-parented).
    for p in $(cluster_tree "$pid"); do pids+=("$p"); done
  fi
  rm -f "$f"
done
if [ ${#pids[@]} -eq 0 ]; then
  echo "[backgrid] no cluster process alive"
  exit 0
fi
kill -TERM "${pids[@]}" 2>/dev/null || true
for _ in $(seq 1 20); do
  left=()
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
  [ ${#left[@]} -eq 0 ] && break
  sleep 0.5
done
left=()
for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
if [ ${#left[@]} -gt 0 ]; then
  kill -KILL "${left[@]}" 2>/dev/null || true
  sleep 0.5
fi
for p in "${pids[@]}"; do
  kill -0 "$p" 2>/dev/null && die "process $p is still alive after SIGKILL"
done
echo "[backgrid] cluster stopped: ${#pids[@]} processes (${pids[*]})"
