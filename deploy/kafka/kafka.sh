#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker+controller in one JVM), no Docker.
#
#   deploy/kafka/kafka.sh fetch   download the Kafka jars once (Maven Central, via mvn)
#   deploy/kafka/kafka.sh run     fetch if needed, format storage on first run, then
#                                 exec the broker in the foreground (Ctrl-C/SIGTERM stops it)
#
# Environment (all optional):
#   KAFKA_PORT             client (PLAINTEXT) port, default 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port, default 9093
#   KAFKA_DATA_DIR         data dir, default <repo>/.data/kafka (delete it to start from scratch)
#   KAFKA_CACHE_DIR        jar dir, default <repo>/.cache/kafka/<version>/libs
#   KAFKA_HEAP_OPTS        default "-Xms256m -Xmx512m"
#   KAFKA_OPTS             extra JVM options
#   KAFKA_CLUSTER_ID       cluster id used when formatting, default a fixed dev id
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
cache_dir="${KAFKA_CACHE_DIR:-$repo/.cache/kafka/$version/libs}"
data_dir="${KAFKA_DATA_DIR:-$repo/.data/kafka}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
cluster_id="${KAFKA_CLUSTER_ID:-cfqmztK7S7OMGKksRXlF-g}"
marker="$cache_dir/.fetched"   # holds the checksum of the pom.xml the jars were fetched for

say() { echo "kafka.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }
[[ -n "$version" ]] || die "no <kafka.version> found in $here/pom.xml"

need_java() {
  command -v java >/dev/null 2>&1 ||
    die "java not found; install a JDK/JRE 17+ (e.g. apt-get install openjdk-17-jre-headless)"
  local major
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ "${major:-0}" -ge 17 ]] || die "Kafka $version needs Java 17+, found: $(java -version 2>&1 | head -n1)"
}

fetch() {
  local pom_sum
  pom_sum="$(cksum <"$here/pom.xml")"
  if [[ -f "$marker" && "$(cat "$marker")" == "$pom_sum" ]]; then
    say "Kafka $version jars already in $cache_dir"
    return
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found; install Maven 3.6+ (e.g. apt-get install maven)"
  need_java
  say "fetching Kafka $version jars from Maven Central into $cache_dir"
  mkdir -p "$cache_dir"
  rm -f "$cache_dir"/*.jar "$marker"
  # jansi.noreset: stops Maven 3.8's stray ESC[0m output in quiet mode
  MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" \
    mvn -B -q -f "$here/pom.xml" -DoutputDirectory="$cache_dir" dependency:copy-dependencies ||
    die "mvn could not fetch the Kafka jars (see the Maven output above)"
  echo "$pom_sum" >"$marker"
}

run() {
  fetch
  need_java
  local config="$data_dir/server.properties" log_dirs="$data_dir/log"
  local jvm=(-Dlog4j2.configurationFile="$here/log4j2.xml" -cp "$cache_dir/*")
  mkdir -p "$log_dirs"
  sed -e "s|@KAFKA_PORT@|$port|g" \
      -e "s|@KAFKA_CONTROLLER_PORT@|$controller_port|g" \
      -e "s|@KAFKA_LOG_DIRS@|$log_dirs|g" \
      "$here/server.properties" >"$config"

  if [[ ! -f "$log_dirs/meta.properties" ]]; then
    say "formatting $log_dirs (cluster id $cluster_id)"
    java "${jvm[@]}" kafka.tools.StorageTool format --config "$config" --cluster-id "$cluster_id" >/dev/null ||
      die "formatting $log_dirs failed; if it holds stale data, delete $data_dir and retry"
  fi

  local heap extra
  read -r -a heap <<<"${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
  read -r -a extra <<<"${KAFKA_OPTS:-}"
  say "starting Kafka $version on 127.0.0.1:$port (controller 127.0.0.1:$controller_port, data $data_dir)"
  # ${extra[@]+...}: an empty array is "unbound" under set -u in bash < 4.4 (macOS)
  exec java "${heap[@]}" -XX:+UseG1GC -Djava.awt.headless=true ${extra[@]+"${extra[@]}"} "${jvm[@]}" \
    kafka.Kafka "$config"
}

case "${1:-}" in
  fetch) fetch ;;
  run) run ;;
  *) echo "usage: $0 fetch|run   (see the header of $0 for environment variables)" >&2; exit 2 ;;
esac
