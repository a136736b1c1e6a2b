# Shared by the cluster-*.sh scripts: where a local test cluster keeps its state, and its ports.
# shellcheck shell=bash

BACKGRID_CLUSTER_DIR="${BACKGRID_CLUSTER_DIR:-$BACKGRID_HOME/target/spark-cluster}"
BACKGRID_MASTER_PORT="${BACKGRID_MASTER_PORT:-7077}"
BACKGRID_MASTER_UI_PORT="${BACKGRID_MASTER_UI_PORT:-8080}"
# The master's REST submission server (Spark's port 6066) stays off unless a port is given here.
BACKGRID_MASTER_REST_PORT="${BACKGRID_MASTER_REST_PORT:-}"
# cluster-start.sh writes this file into the state directory it makes; it removes only a
# directory that holds it, so a BACKGRID_CLUSTER_DIR naming someone's directory is never deleted.
BACKGRID_CLUSTER_MARKER=".backgrid-cluster"

# True when PID is alive and its command line contains TEXT (so a reused PID is never touched).
cluster_pid_is() {
  local pid="$1" text="$2"
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$text"
}

# PID and all its descendants (children first listed after their parent).
cluster_tree() {
  local pid="$1" child
  echo "$pid"
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    cluster_tree "$child"
  done
}

# The master's JSON status page.
cluster_master_json() {
  curl -fsS --max-time 5 "http://127.0.0.1:$BACKGRID_MASTER_UI_PORT/json/" 2>/dev/null
}
