#!/usr/bin/env bash
# Starts a local Spark standalone cluster (a master and N workers on 127.0.0.1) for trying and testing.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/cluster-common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/cluster-start.sh [N]

Starts Spark's standalone master on spark://127.0.0.1:$BACKGRID_MASTER_PORT (web UI and JSON status on
http://127.0.0.1:$BACKGRID_MASTER_UI_PORT/) and N workers (default 2), each with --cores 1 --memory 2g,
all bound to 127.0.0.1; waits until the master lists N ALIVE workers. Makes the jars-only Spark home
first (cluster-home.sh) unless SPARK_HOME is set. Stop it with submit-scripts/cluster-stop.sh.

Logs, PID files and the workers' work directories (executor logs) go to the state directory
$BACKGRID_CLUSTER_DIR. The script marks that directory as its own (a $BACKGRID_CLUSTER_MARKER file)
and replaces it on the next start only when it carries the mark; it refuses a directory it did not
make (unless empty). The ports it opens are listed in docs/cluster.md.

Environment:
  SPARK_HOME                a Spark home (default: the one cluster-home.sh makes)
  BACKGRID_CLUSTER_DIR      state directory
  BACKGRID_MASTER_PORT      master port (default 7077)
  BACKGRID_MASTER_UI_PORT   master web UI port (default 8080)
  BACKGRID_MASTER_REST_PORT enable the master's REST submission server on this port (default: off)
  BACKGRID_WORKER_CORES     cores per worker (default 1)
  BACKGRID_WORKER_MEMORY    memory per worker (default 2g)
  BACKGRID_CLUSTER_TIMEOUT  seconds to wait for the workers (default 120)
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
workers="${1:-2}"
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || die "invalid number of workers '$workers' (expected an integer >= 1; see --help)"
[ -z "$BACKGRID_MASTER_REST_PORT" ] || [[ "$BACKGRID_MASTER_REST_PORT" =~ ^[1-9][0-9]*$ ]] || \
  die "invalid BACKGRID_MASTER_REST_PORT '$BACKGRID_MASTER_REST_PORT' (expected a port number, or unset for no REST server)"
# Never delete a directory this script did not make: only one with its marker, or an empty one.
if [ -e "$BACKGRID_CLUSTER_DIR" ] && [ ! -f "$BACKGRID_CLUSTER_DIR/$BACKGRID_CLUSTER_MARKER" ] && \
   { [ ! -d "$BACKGRID_CLUSTER_DIR" ] || [ -n "$(ls -A "$BACKGRID_CLUSTER_DIR")" ]; }; then
  die "Cannot use $BACKGRID_CLUSTER_DIR as the cluster state directory: it exists and was not made by cluster-start.sh (no $BACKGRID_CLUSTER_MARKER file); set BACKGRID_CLUSTER_DIR to a new directory, or remove that one yourself"
fi
command -v curl >/dev/null || die "curl not found: it is needed to ask the master for its workers"
if [ -f "$BACKGRID_CLUSTER_DIR/master.pid" ] && cluster_pid_is "$(cat "$BACKGRID_CLUSTER_DIR/master.pid")" deploy.master.Master; then
  die "a cluster is already running from $BACKGRID_CLUSTER_DIR (master PID $(cat "$BACKGRID_CLUSTER_DIR/master.pid")); stop it first: submit-scripts/cluster-stop.sh"
fi
if cluster_master_json >/dev/null; then
  die "port $BACKGRID_MASTER_UI_PORT already answers (another Spark master?); choose other ports with BACKGRID_MASTER_PORT and BACKGRID_MASTER_UI_PORT"
fi

export SPARK_HOME="${SPARK_HOME:-$("$BACKGRID_HOME/submit-scripts/cluster-home.sh")}"
[ -d "$SPARK_HOME/jars" ] || die "SPARK_HOME=$SPARK_HOME has no jars/ directory (make one with submit-scripts/cluster-home.sh)"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
if [ -f "$BACKGRID_CLUSTER_DIR/$BACKGRID_CLUSTER_MARKER" ]; then
  rm -rf "$BACKGRID_CLUSTER_DIR"
fi
mkdir -p "$BACKGRID_CLUSTER_DIR"
echo "made by backgrid's cluster-start.sh; cluster-start.sh replaces this directory at its next start" \
  >"$BACKGRID_CLUSTER_DIR/$BACKGRID_CLUSTER_MARKER"
echo "$SPARK_HOME" >"$BACKGRID_CLUSTER_DIR/spark-home"
url="spark://127.0.0.1:$BACKGRID_MASTER_PORT"
log4j="-Dlog4j2.configurationFile=$BACKGRID_HOME/conf/log4j2.properties"
started=$(date +%s)

# Each daemon in its own session (setsid), so a Ctrl-C in this shell does not reach it.
start_daemon() {
  local name="$1"
  shift
  # shellcheck disable=SC2086
  setsid java $BACKGRID_JAVA_OPENS -Xmx512m "$log4j" -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*" "$@" \
    >"$BACKGRID_CLUSTER_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$BACKGRID_CLUSTER_DIR/$name.pid"
}

if [ -n "$BACKGRID_MASTER_REST_PORT" ]; then
  rest=(-Dspark.master.rest.enabled=true "-Dspark.master.rest.port=$BACKGRID_MASTER_REST_PORT")
else
  rest=(-Dspark.master.rest.enabled=false)
fi
start_daemon master "${rest[@]}" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$BACKGRID_MASTER_PORT" --webui-port "$BACKGRID_MASTER_UI_PORT"
for i in $(seq 1 "$workers"); do
  mkdir -p "$BACKGRID_CLUSTER_DIR/worker-$i"
  SPARK_WORKER_DIR="$BACKGRID_CLUSTER_DIR/worker-$i" start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --webui-port 0 --cores "${BACKGRID_WORKER_CORES:-1}" --memory "${BACKGRID_WORKER_MEMORY:-2g}" \
    --work-dir "$BACKGRID_CLUSTER_DIR/worker-$i" "$url"
done
echo "$url" >"$BACKGRID_CLUSTER_DIR/master-url"

timeout="${BACKGRID_CLUSTER_TIMEOUT:-120}"
alive=0
while :; do
  for f in "$BACKGRID_CLUSTER_DIR"/*.pid; do
    kill -0 "$(cat "$f")" 2>/dev/null || {
      "$BACKGRID_HOME/submit-scripts/cluster-stop.sh" >&2 || true
      die "$(basename "$f" .pid) exited at start; its log: $BACKGRID_CLUSTER_DIR/$(basename "$f" .pid).log"
    }
  done
  alive=$(cluster_master_json | grep -o '"state" *: *"ALIVE"' | wc -l || true)
  [ "$alive" -ge "$workers" ] && break
  if [ $(( $(date +%s) - started )) -ge "$timeout" ]; then
    "$BACKGRID_HOME/submit-scripts/cluster-stop.sh" >&2 || true
    die "only $alive of $workers workers ALIVE after ${timeout}s; logs in $BACKGRID_CLUSTER_DIR (cluster stopped)"
  fi
  sleep 1
done
echo "[backgrid] cluster up in $(( $(date +%s) - started )) s: master $url (UI http://127.0.0.1:$BACKGRID_MASTER_UI_PORT/), $workers workers ALIVE"
echo "[backgrid] submit:  submit-scripts/submit.sh --master $url conf/studies/demo.conf"
echo "[backgrid] stop:    submit-scripts/cluster-stop.sh"
