# Shared by the scripts in submit-scripts/: locate the repository, build when sources changed,
# and assemble the classpath (the project's classes plus Spark's jars from the Maven build).
# shellcheck shell=bash

BACKGRID_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BACKGRID_CLASSPATH_FILE="$BACKGRID_HOME/spark-jobs/target/backgrid.classpath"
BACKGRID_BUILT_MARK="$BACKGRID_HOME/spark-jobs/target/.backgrid-built"

# The --add-opens list Spark's own launcher passes to Java 17 (the first flag must come first).
BACKGRID_JAVA_OPENS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"

die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# Builds the modules (tests skipped) when a source or POM is newer than the last build.
# BACKGRID_CLASSPATH, when set (the tests set it), is used as is and nothing is built.
backgrid_build_if_needed() {
  command -v java >/dev/null || die "java not found: install Java 17 or newer"
  [ -n "${BACKGRID_CLASSPATH:-}" ] && return 0
  if [ -f "$BACKGRID_BUILT_MARK" ] && [ -f "$BACKGRID_CLASSPATH_FILE" ] && \
     [ -z "$(find "$BACKGRID_HOME/pom.xml" "$BACKGRID_HOME"/engine "$BACKGRID_HOME"/datasets "$BACKGRID_HOME"/spark-jobs \
            \( -name '*.java' -o -name 'pom.xml' -o -name '*.conf' -o -name '*.js' -o -name '*.html' \) -path '*/src/main/*' -newer "$BACKGRID_BUILT_MARK" -print -quit 2>/dev/null)" ] && \
     [ ! "$BACKGRID_HOME/pom.xml" -nt "$BACKGRID_BUILT_MARK" ]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found: install Maven 3.8 or newer"
  echo "[backgrid] building (first run, or sources changed) ..." >&2
  # One reactor build; the last module (spark-jobs) writes the classpath file, Spark included.
  # Maven prints stray colour codes (ESC[0m) even with -B and style.color=never: they are stripped.
  (cd "$BACKGRID_HOME" && mvn -B -q -Dstyle.color=never -DskipTests package dependency:build-classpath -pl spark-jobs -am \
      -Dmdep.outputFile="$BACKGRID_CLASSPATH_FILE" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g') >&2 \
    || die "the build failed (see above)"
  touch "$BACKGRID_BUILT_MARK"
}

backgrid_classpath() {
  [ -n "${BACKGRID_CLASSPATH:-}" ] && { echo "$BACKGRID_CLASSPATH"; return; }
  echo "$BACKGRID_HOME/spark-jobs/target/classes:$BACKGRID_HOME/datasets/target/classes:$BACKGRID_HOME/engine/target/classes:$(cat "$BACKGRID_CLASSPATH_FILE")"
}

# Runs a Java main class of the project with Spark's JVM flags, bound to loopback.
backgrid_java() {
  local main="$1"
  shift
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  # shellcheck disable=SC2086
  # BACKGRID_JAVA_PREFIX: a command to run java under (query.sh's shell: rlwrap, for history)
  exec ${BACKGRID_JAVA_PREFIX:-} java $BACKGRID_JAVA_OPENS ${BACKGRID_JAVA_OPTS:--Xmx4g} \
    -Dlog4j2.configurationFile="$BACKGRID_HOME/conf/log4j2.properties" \
    -cp "$(backgrid_classpath)" "$main" "$@"
}
