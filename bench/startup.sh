#!/usr/bin/env bash
# Start-to-first-response of the distribution: launches `java -jar wsgi.jar` on the shipped deploy/ example and
# polls http://127.0.0.1:PORT/hello until it answers 200. Prints one line per run: milliseconds.
#   bench/startup.sh [runs] [port]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${2:-18180}
jar=org.wsgi.runtime/target/wsgi.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
for i in $(seq "$runs"); do
  log=$(mktemp)
  start=$(date +%s%N)
  java -Dwsgi.port="$port" -Dgosh.args=--nointeractive -jar "$jar" </dev/null >"$log" 2>&1 &
  pid=$!
  deadline=$((start + 60000000000))
  code=000
  while [ "$(date +%s%N)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/hello" || true)
    [ "$code" = 200 ] && break
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ "$code" != 200 ]; then echo "run $i: no 200 within 60 s (last $code); log: $log" >&2; exit 1; fi
  echo "run $i: $(( (end - start) / 1000000 )) ms"
  rm -f "$log"
done
