#!/usr/bin/env bash
# Measures `make start` from a fresh clone: the first run (installs and fetches included) and a
# warm run, each until every service answers /health/ready, then Ctrl-C and a check that no
# process is left. Usage: tools/measure/start-times.sh [repo]   (default: this checkout)
# COLD=1 gives the first run empty npm and Maven caches, as on a new machine.
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
dir=$(mktemp -d)
chmod 755 "$dir" # as root, embedded PostgreSQL runs as the user postgres, which must reach the clone
git clone -q "$repo" "$dir/paritrana"
cd "$dir/paritrana"

run() {
  local label=$1 started ready
  started=$(date +%s.%N)
  setsid make start > "$dir/$label.log" 2>&1 &
  local pid=$!
  until grep -q 'platform is up' "$dir/$label.log"; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: make start exited early; see $dir/$label.log"; exit 1; }
    sleep 0.5
  done
  ready=$(date +%s.%N)
  for port in 3001 3002 3003 3004; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] || { echo "$label: port $port not ready"; exit 1; }
  done
  kill -INT -- "-$pid"
  wait "$pid" 2>/dev/null || true
  sleep 2
  local left
  left=$(pgrep -f "$dir/paritrana" | wc -l || true)
  printf '%s: all four services ready in %.1f s (%s); processes left after Ctrl-C: %s\n' \
    "$label" "$(awk -v a="$started" -v b="$ready" 'BEGIN { print b - a }')" "$(grep -o 'Kafka ready at [^ ]* in [0-9.]* s' "$dir/$label.log")" "$left"
}

if [ "${COLD:-0}" = 1 ]; then
  mkdir -p "$dir/npm-cache" "$dir/m2"
  npm_config_cache="$dir/npm-cache" MAVEN_OPTS="-Dmaven.repo.local=$dir/m2" run first-run
else
  run first-run
fi
run warm-run
rm -rf "$dir"
