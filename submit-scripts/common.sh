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

# The project's jars (the build packages them), else its class directories; then the dependencies.
# Jars only: the JVM can then keep a class-data sharing archive of them (backgrid_cds_options).
# backgrid_command works it out once (BACKGRID_CLASSPATH_NOW) for all its uses.
backgrid_classpath() {
  [ -n "${BACKGRID_CLASSPATH:-}" ] && { echo "$BACKGRID_CLASSPATH"; return; }
  [ -n "${BACKGRID_CLASSPATH_NOW:-}" ] && { echo "$BACKGRID_CLASSPATH_NOW"; return; }
  local m jar own=""
  for m in spark-jobs datasets engine; do
    jar="$(ls -t "$BACKGRID_HOME/$m/target/backgrid-$m-"*.jar 2>/dev/null | grep -v -- '-cluster\.jar$' | head -1)"
    [ -n "$jar" ] || jar="$BACKGRID_HOME/$m/target/classes"
    own="$own$jar:"
  done
  echo "$own$(cat "$BACKGRID_CLASSPATH_FILE")"
}

# Class-data sharing (issue 15): a third to a half of a short command's CPU is loading and
# verifying Spark's classes. The first run of a command after a build records the classes it loaded
# in target/cds/<command>.jsa (that run is a few seconds slower); later runs map them from there.
# Only with the built jars (not BACKGRID_CLASSPATH), and never across builds: an archive older than
# a jar or the classpath is remade. BACKGRID_CDS=0 turns it off.
BACKGRID_CDS_DIR="$BACKGRID_HOME/spark-jobs/target/cds"
backgrid_cds_options() {
  local name="$1" archive f
  [ "${BACKGRID_CDS:-1}" = 1 ] && [ -z "${BACKGRID_CLASSPATH:-}" ] || return 0
  case ":$(backgrid_classpath):" in *"/target/classes:"*) return 0 ;; esac
  archive="$BACKGRID_CDS_DIR/$name.jsa"
  if [ -f "$archive" ]; then
    for f in "$BACKGRID_CLASSPATH_FILE" "$BACKGRID_HOME"/{spark-jobs,datasets,engine}/target/backgrid-*.jar; do
      [ "$f" -nt "$archive" ] && { rm -f "$archive"; break; }
    done
  fi
  if [ -f "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  elif mkdir -p "$BACKGRID_CDS_DIR" 2>/dev/null; then
    # written under a name of its own, renamed by the next run once the writing JVM has ended
    echo "-XX:ArchiveClassesAtExit=$archive.$$.tmp -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# An archive a finished run wrote (its JVM is gone) becomes the command's archive.
backgrid_cds_adopt() {
  local name="$1" tmp pid
  for tmp in "$BACKGRID_CDS_DIR/$name.jsa".*.tmp; do
    [ -f "$tmp" ] || continue
    pid="${tmp%.tmp}"
    pid="${pid##*.}"
    if ! kill -0 "$pid" 2>/dev/null; then
      mv -f "$tmp" "$BACKGRID_CDS_DIR/$name.jsa" 2>/dev/null || true
    fi
  done
}

# Runs a Java main class of the project with Spark's JVM flags, bound to loopback.
# BACKGRID_JAVA_OPTS (the user's) or else BACKGRID_DEFAULT_OPTS (the script's) or -Xmx4g.
backgrid_java() {
  local main="$1"
  shift
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  # shellcheck disable=SC2086
  # BACKGRID_JAVA_PREFIX: a command to run java under (query.sh's shell: rlwrap, for history)
  # BACKGRID_CDS_NAME: the command's class-data sharing archive (see backgrid_cds_options)
  local cds=""
  if [ -n "${BACKGRID_CDS_NAME:-}" ]; then
    backgrid_cds_adopt "$BACKGRID_CDS_NAME"
    cds="$(backgrid_cds_options "$BACKGRID_CDS_NAME")"
  fi
  exec ${BACKGRID_JAVA_PREFIX:-} java $BACKGRID_JAVA_OPENS ${BACKGRID_JAVA_OPTS:-${BACKGRID_DEFAULT_OPTS:--Xmx4g}} $cds \
    -Dlog4j2.configurationFile="$BACKGRID_HOME/conf/log4j2.properties" \
    -cp "$(backgrid_classpath)" "$main" "$@"
}

# The warm JVM (issue 15, io.backgrid.spark.cli.WarmServer): run, validate, report and query
# commands (the SQL shell too) go to a JVM kept running in the background for this directory, class
# path, Java options and Spark/Hadoop environment, started by the first of them and stopped after
# BACKGRID_WARM_IDLE minutes (default 20) without a command or when the project is rebuilt, so a
# command pays for its own work only, not for starting Java and Spark. BACKGRID_WARM=0 runs every
# command in a JVM of its own, as the tests do (they set BACKGRID_CLASSPATH) unless BACKGRID_WARM=1.
# submit-scripts/warm.sh lists and stops them.
BACKGRID_WARM_DIR="${TMPDIR:-/tmp}/backgrid-warm-$(id -u)"

backgrid_warm_enabled() {
  case "${BACKGRID_WARM:-}" in
    0 | off | false | no) return 1 ;;
    1 | on | true | yes) return 0 ;;
  esac
  [ -z "${BACKGRID_CLASSPATH:-}" ]
}

# The socket of the warm JVM for this directory, class path, options and environment.
backgrid_warm_socket() {
  local key
  key="$({
    pwd
    command -v java
    echo "${BACKGRID_JAVA_OPTS:-}"
    backgrid_classpath
    ls -l --time-style=+%s "$BACKGRID_CLASSPATH_FILE" "$BACKGRID_HOME"/{spark-jobs,datasets,engine}/target/backgrid-*.jar 2>/dev/null
    env | grep -E '^(SPARK_|HADOOP_|JAVA_HOME=|TZ=|LANG=|LC_)' | sort
  } | sha1sum | cut -c1-16)"
  echo "$BACKGRID_WARM_DIR/$key.sock"
}

# Starts the warm JVM of socket $1 unless it runs; false when it could not be started in ~15 s.
backgrid_warm_start() {
  local socket="$1" i cds=""
  if [ -S "$socket" ] && [ -f "$socket.pid" ] && kill -0 "$(cat "$socket.pid")" 2>/dev/null; then
    return 0
  fi
  mkdir -p "$BACKGRID_WARM_DIR" 2>/dev/null && [ -O "$BACKGRID_WARM_DIR" ] && chmod 700 "$BACKGRID_WARM_DIR" || return 1
  # the run command's class-data archive when there is one; a warm JVM never writes one (a JVM that
  # records its classes for an archive ran W1 ~40% slower, and a warm JVM lives long)
  backgrid_cds_adopt run
  cds="$(backgrid_cds_options run)"
  [[ "$cds" == *SharedArchiveFile* ]] || cds=""
  # shellcheck disable=SC2086
  setsid java $BACKGRID_JAVA_OPENS ${BACKGRID_JAVA_OPTS:--Xmx4g} -XX:G1PeriodicGCInterval=60000 $cds \
    -Dlog4j2.configurationFile="$BACKGRID_HOME/conf/log4j2.properties" \
    -cp "$(backgrid_classpath)" io.backgrid.spark.cli.WarmServer "$socket" "${BACKGRID_WARM_IDLE:-20}" \
    </dev/null >"${socket%.sock}.log" 2>&1 &
  echo "[backgrid] started a warm JVM for this and the next commands here (it stops after" \
    "${BACKGRID_WARM_IDLE:-20} min without one; submit-scripts/warm.sh stop; BACKGRID_WARM=0: none)" >&2
  for ((i = 0; i < 300; i++)); do
    [ -S "$socket" ] && return 0
    kill -0 $! 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# Runs backgrid command "$@" (run, validate, report, query) in the warm JVM when it is
# enabled and the command runs on this machine (no --master), else in a JVM of its own
# (backgrid_java). The client is a JVM of ~0.25 s; when the warm JVM is busy with another command it
# runs this one in a JVM of its own (the same command line as backgrid_java's).
backgrid_command() {
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local socket client
  if backgrid_warm_enabled && [[ " $* " != *" --master "* ]] && command -v setsid >/dev/null; then
    BACKGRID_CLASSPATH_NOW="$(backgrid_classpath)"
    socket="$(backgrid_warm_socket)"
    # the client's classes only (a class path of Spark's ~250 jars costs its JVM ~0.3 s more)
    client="$(tr ':' '\n' <<<"$BACKGRID_CLASSPATH_NOW" | grep -F spark-jobs | paste -sd: -)"
    if backgrid_warm_start "$socket"; then
      local fallback=(java $BACKGRID_JAVA_OPENS ${BACKGRID_JAVA_OPTS:-${BACKGRID_DEFAULT_OPTS:--Xmx4g}}
        "-Dlog4j2.configurationFile=$BACKGRID_HOME/conf/log4j2.properties"
        -cp "$(backgrid_classpath)" io.backgrid.spark.cli.BackgridCli)
      # shellcheck disable=SC2086
      exec ${BACKGRID_JAVA_PREFIX:-} java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -cp "$client" \
        io.backgrid.spark.cli.WarmClient "$socket" "${#fallback[@]}" "${fallback[@]}" "$@"
    fi
  fi
  backgrid_java io.backgrid.spark.cli.BackgridCli "$@"
}
