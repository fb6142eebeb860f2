#!/usr/bin/env bash
# uWSGI (Debian's uwsgi-core + uwsgi-plugin-python3) on bench/apps/hello.wsgi, the "best Python server" of
# issue 4's p99 target, measured with run.py's wrk command on this machine. For each worker layout it prints
# req/s and p99 at 16 and 64 connections, and how long a fresh request waits while wrk runs: a uWSGI worker
# serves one keep-alive connection at a time, so with fewer workers than connections wrk's latencies only cover
# the connections being served while the others starve. (With as many workers as connections the probe is the
# one connection too many and waits too; wrk's own connections are then all served.)
#   bench/uwsgi.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-18601}
command -v uwsgi >/dev/null || apt-get install -y -q uwsgi-core uwsgi-plugin-python3 >/dev/null
app=$PWD/bench/apps/hello.wsgi
dir=$(mktemp -d)
for layout in "2 1" "2 8" "2 32" "8 8" "64 1"; do
  set -- $layout
  uwsgi --plugin python3 --http11-socket 127.0.0.1:$port --master --processes "$1" --threads "$2" \
    --mount /hello="$app" --manage-script-name --disable-logging --daemonize "$dir/log" --pidfile "$dir/pid"
  until curl -sf -o /dev/null "http://127.0.0.1:$port/hello"; do sleep 0.1; done
  for c in 16 64; do
    wrk -t2 -c"$c" -d10s --timeout 10s --latency "http://127.0.0.1:$port/hello" >/dev/null  # warm-up
    wrk -t2 -c"$c" -d10s --timeout 10s --latency "http://127.0.0.1:$port/hello" > "$dir/wrk" &
    sleep 2
    probe=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/hello")
    wait
    printf 'processes %-3s threads %-3s c%-3s %9s req/s  p99 %9s  fresh request during load: %ss\n' "$1" "$2" "$c" \
      "$(awk '/Requests\/sec/ {print $2}' "$dir/wrk")" "$(awk '$1 == "99%" {print $2}' "$dir/wrk")" "$probe"
  done
  uwsgi --stop "$dir/pid"
  while [ -e "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; do sleep 0.1; done
done
rm -rf "$dir"
