#!/usr/bin/env bash
# Makes a jars-only SPARK_HOME from the Maven build (no Spark distribution needed).
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
Usage: submit-scripts/cluster-home.sh [DIR]

Makes DIR (default: target/spark-home, or \$BACKGRID_SPARK_HOME) a jars-only Spark home: DIR/jars
holds the runtime jars of Spark, Scala, Hadoop (client-runtime), Parquet, Avro and Jackson at the
versions backgrid builds against, copied from the local Maven repository (downloaded once if
missing), and DIR/conf/log4j2.properties keeps Spark's daemons quiet. Does nothing when DIR is
already up to date. Prints DIR.

Use it as SPARK_HOME for cluster-start.sh and submit.sh (with SPARK_SCALA_VERSION=2.13, which
those scripts set). A real Spark 4.2 distribution (Scala 2.13) works as SPARK_HOME too.
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
home="${1:-${BACKGRID_SPARK_HOME:-$BACKGRID_HOME/target/spark-home}}"
pom="$BACKGRID_HOME/submit-scripts/spark-home/pom.xml"
stamp="$home/.backgrid-spark-home"
if [ -f "$stamp" ] && [ ! "$pom" -nt "$stamp" ] && [ ! "$BACKGRID_HOME/pom.xml" -nt "$stamp" ] && [ -d "$home/jars" ]; then
  echo "$home"
  exit 0
fi
command -v mvn >/dev/null || die "mvn not found: install Maven 3.8 or newer"
echo "[backgrid] making a jars-only Spark home in $home ..." >&2
rm -rf "$home/jars"
mkdir -p "$home/jars" "$home/conf"
# -o first (everything is usually in ~/.m2 after a build); online when something is missing.
copy() {
  mvn -B -q "$@" -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$home/jars" >&2
}
copy -o || copy || die "could not copy Spark's jars (see above)"
cp "$BACKGRID_HOME/conf/log4j2.properties" "$home/conf/log4j2.properties"
touch "$stamp"
echo "[backgrid] $(find "$home/jars" -name '*.jar' | wc -l) jars in $home/jars" >&2
echo "$home"
