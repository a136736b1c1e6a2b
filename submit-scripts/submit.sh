#!/usr/bin/env bash
# Submits a study to a Spark cluster with the shaded jar: spark-submit of a Spark distribution, or
# SparkSubmit from a jars-only Spark home (cluster-home.sh).
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/submit.sh [--master URL] [spark-submit options...] STUDY.conf [run options]

Runs 'backgrid run STUDY.conf [run options]' under spark-submit with the cluster jar
(spark-jobs/target/backgrid-spark-jobs-*-cluster.jar, built first when missing or older than the
sources). Options before STUDY.conf go to spark-submit (--master, --conf k=v, --executor-memory,
--total-executor-cores, --num-executors, ...); options after it go to 'backgrid run':
  --data PATH|URI       price table instead of study.data (read by the driver only)
  --output PATH|URI     output root instead of study.output (written by the executors)
  --partitions N        partitions to spread the configurations over
  --fresh               discard earlier results of the study and recompute everything

SPARK_HOME decides how it is launched:
  - SPARK_HOME/bin/spark-submit exists (a Spark 4.2 / Scala 2.13 distribution, YARN, Kubernetes):
    that spark-submit.
  - otherwise (a jars-only home from submit-scripts/cluster-home.sh): java -cp "SPARK_HOME/jars/*"
    org.apache.spark.deploy.SparkSubmit, with SPARK_SCALA_VERSION=2.13 and Spark's JVM flags.
  - unset: the home cluster-start.sh used, else target/spark-home if it exists.

The driver runs here (client mode) and reads STUDY.conf and the price data from this machine;
relative paths in the study resolve against the current directory. The executors write the
tables: on a cluster of several machines the output must be a filesystem they all see (an
hdfs://, s3a:// or shared-mount path: --output hdfs:///user/me/results). Without --master,
spark-submit's default applies (spark-defaults.conf, else local[*]).

Environment: SPARK_HOME; BACKGRID_JAVA_OPTS (default -Xmx2g) for the driver JVM on a jars-only
home (with a distribution use --driver-memory); BACKGRID_CLUSTER_JAR to submit another jar.
Example: submit-scripts/cluster-start.sh 2 &&
         submit-scripts/submit.sh --master spark://127.0.0.1:7077 conf/studies/demo.conf --output /tmp/results
USAGE
}

# Splits the arguments: spark-submit options, the study file, the run options.
submit_opts=()
study=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --verbose|-v|--supervise) submit_opts+=("$1"); shift ;;
    --*=*) submit_opts+=("$1"); shift ;;
    -*)
      [ $# -ge 2 ] || die "spark-submit option $1 needs a value (see --help)"
      submit_opts+=("$1" "$2"); shift 2 ;;
    *) study="$1"; shift; break ;;
  esac
done
[ -n "$study" ] || { usage >&2; die "needs a study file"; }
[ -f "$study" ] || die "no such study file: $study (see --help)"

if [ -z "${SPARK_HOME:-}" ]; then
  state="${BACKGRID_CLUSTER_DIR:-$BACKGRID_HOME/target/spark-cluster}/spark-home"
  if [ -f "$state" ]; then
    SPARK_HOME="$(cat "$state")"
  elif [ -d "$BACKGRID_HOME/target/spark-home/jars" ]; then
    SPARK_HOME="$BACKGRID_HOME/target/spark-home"
  else
    die "SPARK_HOME is not set: point it at a Spark 4.2 (Scala 2.13) installation, or make a jars-only one with submit-scripts/cluster-home.sh"
  fi
fi
export SPARK_HOME
[ -x "$SPARK_HOME/bin/spark-submit" ] || [ -d "$SPARK_HOME/jars" ] || \
  die "SPARK_HOME=$SPARK_HOME has neither bin/spark-submit nor jars/ (make a jars-only home with submit-scripts/cluster-home.sh)"

# The cluster jar: given, or built when missing or older than the sources.
jar="${BACKGRID_CLUSTER_JAR:-}"
if [ -z "$jar" ]; then
  jar="$(ls "$BACKGRID_HOME"/spark-jobs/target/backgrid-spark-jobs-*-cluster.jar 2>/dev/null | head -1 || true)"
  if [ -z "$jar" ] || [ -n "$(find "$BACKGRID_HOME/pom.xml" "$BACKGRID_HOME"/engine "$BACKGRID_HOME"/datasets "$BACKGRID_HOME"/spark-jobs \
        \( -name '*.java' -o -name 'pom.xml' -o -name '*.conf' \) -path '*src*' -newer "$jar" -print -quit 2>/dev/null)" ]; then
    command -v mvn >/dev/null || die "mvn not found: install Maven 3.8 or newer (needed to build the cluster jar)"
    echo "[backgrid] building the cluster jar ..." >&2
    # without Maven's stray colour codes (ESC[0m), which would prefix the next line printed
    (cd "$BACKGRID_HOME" && mvn -B -q -Dstyle.color=never -DskipTests package -pl spark-jobs -am 2>&1 \
      | sed -e 's/\x1b\[[0-9;]*m//g') >&2 || die "the build failed (see above)"
    jar="$(ls "$BACKGRID_HOME"/spark-jobs/target/backgrid-spark-jobs-*-cluster.jar | head -1)"
  fi
fi
[ -f "$jar" ] || die "no such jar: $jar"

args=(--class io.backgrid.spark.cli.BackgridCli --name "backgrid $(basename "$study" .conf)" "${submit_opts[@]}" "$jar" run "$study" "$@")
if [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  exec "$SPARK_HOME/bin/spark-submit" "${args[@]}"
fi
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
exec java $BACKGRID_JAVA_OPENS ${BACKGRID_JAVA_OPTS:--Xmx2g} \
  -Dlog4j2.configurationFile="$BACKGRID_HOME/conf/log4j2.properties" \
  -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "${args[@]}"
