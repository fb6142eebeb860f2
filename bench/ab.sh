#!/bin/bash
# A/B of two builds: bench/ab.sh JAR_A JAR_B PATH CONNS SECS ROUNDS
#   e.g. bench/ab.sh /tmp/wsgi-before.jar org.wsgi.runtime/target/wsgi.jar /environ 16 8 4
# Starts both jars side by side (ports 18401, 18402) on one deploy folder that mounts bench/apps (/hello, /environ,
# /big), warms each for 60 s with wrk, then alternates SECS-second wrk runs on PATH, ROUNDS times, and prints req/s,
# p99 and the server's CPU per request (utime + stime from /proc). The servers run in this shell's session (see
# BENCHMARKS.md on scheduler autogroups), with run.py's request headers. Needs wrk and curl.
set -e
A=$(realpath "$1"); B=$(realpath "$2"); P=$3; C=$4; S=$5; R=$6
APPS=$(cd "$(dirname "$0")/apps" && pwd)
WORK=$(mktemp -d /tmp/wsgi-ab.XXXXXX)
mkdir -p "$WORK/deploy"
printf 'WSGIScriptAlias /hello %s/hello.wsgi\nWSGIScriptAlias /environ %s/environ.wsgi\nWSGIScriptAlias /big %s/big.wsgi\n' \
  "$APPS" "$APPS" "$APPS" > "$WORK/deploy/bench.conf"
stop() { pkill -f "wsgi.port=1840[12]" || true; }
trap stop EXIT
stop
start() { # jar port
  mkdir -p "$WORK/s$2"; cp "$1" "$WORK/s$2/wsgi.jar"
  (cd "$WORK/s$2" && exec java -Dwsgi.port=$2 -Dwsgi.deploy="$WORK/deploy" -Dgosh.args=--nointeractive -jar wsgi.jar \
    </dev/null >server.log 2>&1 &)
}
start "$A" 18401; start "$B" 18402
for port in 18401 18402; do
  for i in $(seq 1 120); do curl -sf "localhost:$port$P" >/dev/null && break; sleep 0.5; done
done
H=(-H "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0"
   -H "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" -H "Accept-Language: en-US,en;q=0.5"
   -H "Accept-Encoding: gzip, deflate" -H "Cookie: session=abc123; theme=dark" -H "Cache-Control: no-cache")
for port in 18401 18402; do wrk -t2 -c"$C" -d60s "${H[@]}" "http://127.0.0.1:$port$P" >/dev/null; done
tk=$(getconf CLK_TCK)
for r in $(seq 1 "$R"); do
  for port in 18401 18402; do
    pid=$(pgrep -f "wsgi.port=$port" | head -1)
    c0=$(awk '{print $14+$15}' "/proc/$pid/stat")
    out=$(wrk -t2 -c"$C" -d"${S}s" --latency "${H[@]}" "http://127.0.0.1:$port$P")
    c1=$(awk '{print $14+$15}' "/proc/$pid/stat")
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    reqs=$(echo "$out" | awk '/requests in/{print $1}')
    echo "$([ "$port" = 18401 ] && echo A || echo B) $P c$C: $rps req/s p99 $p99 cpu" \
      "$(python3 -c "print(round(($c1-$c0)/$tk*1e6/$reqs,1))") us/req"
  done
done
