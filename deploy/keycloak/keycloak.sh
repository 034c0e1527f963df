#!/usr/bin/env bash
# Local Keycloak (the sign-in server, realm `paritrana`), no Docker.
#
#   deploy/keycloak/keycloak.sh fetch   download the server distribution once (Maven Central, via mvn),
#                                       unpack it and run the one-time `kc.sh build`
#   deploy/keycloak/keycloak.sh run     fetch if needed, then run Keycloak in the foreground with its
#                                       own H2 store, importing the realm file on a fresh store
#                                       (Ctrl-C/SIGTERM stops it)
#
# Environment (all optional):
#   KEYCLOAK_PORT            HTTP port, default 8080
#   KEYCLOAK_HOST            address to listen on, default 127.0.0.1
#   KEYCLOAK_HOSTNAME        public URL (tokens' issuer is <it>/realms/paritrana), default http://127.0.0.1:<port>
#   KEYCLOAK_DATA_DIR        store, default <repo>/.data/keycloak (delete it to start from scratch)
#   KEYCLOAK_REALM_FILE      realm to import, default deploy/keycloak/realm-paritrana.dev.json (demo accounts)
#   KEYCLOAK_CACHE_DIR       distribution dir, default <repo>/.cache/keycloak/<version>
#   KEYCLOAK_ADMIN_PASSWORD  password of the master realm's `admin` (admin console), default admin
#   KEYCLOAK_JAVA_HOME       the JDK to use; default the newest JDK >= 17 found (/usr/lib/jvm, JAVA_HOME, PATH)
#   JAVA_OPTS_KC_HEAP        heap options, default Keycloak's "-Xms64m -Xmx512m"
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$here/pom.xml")"
cache_dir="${KEYCLOAK_CACHE_DIR:-$repo/.cache/keycloak/$version}"
dist="$cache_dir/dist"
data_dir="${KEYCLOAK_DATA_DIR:-$repo/.data/keycloak}"
port="${KEYCLOAK_PORT:-8080}"
host="${KEYCLOAK_HOST:-127.0.0.1}"
hostname="${KEYCLOAK_HOSTNAME:-http://127.0.0.1:$port}"
realm_file="${KEYCLOAK_REALM_FILE:-$here/realm-paritrana.dev.json}"
# Build-time options, fixed by `kc.sh build` at fetch time so that `start --optimized` never rebuilds.
# dev-file: Keycloak's own H2 store in the data dir (a development store; see docs/operations.md for
# running it on PostgreSQL).
build_options=(--db=dev-file)
marker="$cache_dir/.fetched"   # holds the checksum of pom.xml and the build options it was built for

say() { echo "keycloak.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }
[[ -n "$version" ]] || die "no <keycloak.version> found in $here/pom.xml"

# The major version of a JDK home: its `release` file, else `java -version`.
java_major() {
  local v=""
  [[ -f "$1/release" ]] && v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
  [[ -n "$v" ]] || v="$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ "$v" == 1 ]] && v=8   # "1.8.0_x"
  echo "${v:-0}"
}

# Exports JAVA_HOME as the newest JDK >= 17 on the machine (Keycloak supports 17, 21 and 25).
pick_java() {
  local best="" best_major=0 cand major
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    best="$KEYCLOAK_JAVA_HOME"
    best_major="$(java_major "$best")"
  else
    local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home)
    if command -v java >/dev/null 2>&1; then
      candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)")")")
    fi
    for cand in "${candidates[@]}"; do
      [[ -n "$cand" && -x "$cand/bin/java" ]] || continue
      major="$(java_major "$cand")"
      if ((major > best_major)); then best="$cand" best_major="$major"; fi
    done
  fi
  ((best_major >= 17)) ||
    die "Keycloak $version needs Java 17+ (a JDK under /usr/lib/jvm or java on PATH), found: ${best:-none}; e.g. apt-get install openjdk-17-jre-headless, or set KEYCLOAK_JAVA_HOME"
  export JAVA_HOME="$best"
}

fetch() {
  local sum
  sum="$(cksum <"$here/pom.xml") ${build_options[*]}"
  if [[ -f "$marker" && "$(cat "$marker")" == "$sum" ]]; then
    say "Keycloak $version already in $dist"
    return
  fi
  mkdir -p "$cache_dir"
  # One fetch at a time (parallel test workers may ask at once); the loser finds it done.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$cache_dir/.lock"
    flock 9
    if [[ -f "$marker" && "$(cat "$marker")" == "$sum" ]]; then return; fi
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found; install Maven 3.6+ (e.g. apt-get install maven)"
  command -v unzip >/dev/null 2>&1 || die "unzip not found; install it (e.g. apt-get install unzip)"
  say "fetching Keycloak $version from Maven Central into $cache_dir"
  rm -rf "$dist" "$cache_dir/download" "$marker"
  # jansi.noreset: stops Maven 3.8's stray ESC[0m output in quiet mode
  MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" \
    mvn -B -q -f "$here/pom.xml" -DoutputDirectory="$cache_dir/download" dependency:copy-dependencies ||
    die "mvn could not fetch the Keycloak distribution (see the Maven output above)"
  unzip -q "$cache_dir/download/keycloak-quarkus-dist-$version.zip" -d "$cache_dir/download"
  mv "$cache_dir/download/keycloak-$version" "$dist"
  rm -rf "$cache_dir/download"
  # Maven runs on the machine's default Java; Keycloak on the newest one.
  pick_java
  say "building Keycloak $version (${build_options[*]}) with Java $(java_major "$JAVA_HOME") from $JAVA_HOME, once"
  local build_log="$cache_dir/build.log"
  if ! "$dist/bin/kc.sh" build "${build_options[@]}" >"$build_log" 2>&1; then
    cat "$build_log" >&2
    die "kc.sh build failed (its output is above and in $build_log)"
  fi
  echo "$sum" >"$marker"
}

run() {
  fetch
  pick_java
  [[ -f "$realm_file" ]] || die "no realm file at $realm_file"
  # Keycloak keeps its store, import folder and transaction logs in <kc.home.dir>/data, so each data
  # dir is a home of its own that borrows the (built, read-only) distribution's other folders.
  mkdir -p "$data_dir/data/import"
  local part
  for part in conf lib providers themes; do ln -sfn "$dist/$part" "$data_dir/$part"; done
  # The realm is imported on a fresh store only (an existing realm is kept), so a changed realm
  # file starts a fresh store: the demo accounts then always match the file.
  local realm_sum
  realm_sum="$(cksum <"$realm_file")"
  if [[ -f "$data_dir/.realm" && "$(cat "$data_dir/.realm")" != "$realm_sum" ]]; then
    say "the realm file changed since this store was made: starting from a fresh store"
    rm -rf "$data_dir/data/h2"
  fi
  rm -f "$data_dir/data/import/"*.json
  cp "$realm_file" "$data_dir/data/import/realm-paritrana.json"
  echo "$realm_sum" >"$data_dir/.realm"

  say "starting Keycloak $version on http://$host:$port (issuer $hostname/realms/paritrana, Java $(java_major "$JAVA_HOME"), data $data_dir)"
  KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}}" \
    exec "$dist/bin/kc.sh" "-Dkc.home.dir=$data_dir" start --optimized --import-realm \
    --http-enabled=true --http-host="$host" --http-port="$port" --hostname="$hostname" \
    --cache=local
}

case "${1:-}" in
  fetch) fetch ;;
  run) run ;;
  *) echo "usage: $0 fetch|run   (see the header of $0 for environment variables)" >&2; exit 2 ;;
esac
