#!/bin/bash
# Ours against the plain servlet in one server: bench/servlet-ab.sh JAVA PORT ROUNDS SECS CONNS [JVM_ARG...]
#   e.g. bench/servlet-ab.sh /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 18612 3 8 16 -XX:+UseCompactObjectHeaders
# Starts org.wsgi.runtime/target/wsgi.jar with JAVA (and the JVM arguments given) on a deploy folder holding
# bench/apps' hello and environ and the plain servlet bundle (bench/plain-servlet, built), warms /hello,
# /plain/hello and /environ for 40 s each with wrk, then measures them in turn ROUNDS times: req/s, p99 and the
# server's CPU per request (utime + stime from /proc). With run.py's request headers. Needs wrk and curl.
set -e
JAVA=$1; PORT=$2; R=$3; S=$4; C=$5; shift 5
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/wsgi-servlet-ab.XXXXXX); mkdir -p "$WORK/deploy"
printf 'WSGIScriptAlias /hello %s/bench/apps/hello.wsgi\nWSGIScriptAlias /environ %s/bench/apps/environ.wsgi\n' \
  "$ROOT" "$ROOT" > "$WORK/deploy/bench.conf"
cp "$ROOT"/bench/plain-servlet/target/org.wsgi.bench.plain-*.jar "$WORK/deploy/"
cp "$ROOT/org.wsgi.runtime/target/wsgi.jar" "$WORK/"
stop() { pkill -f "wsgi.port=$PORT" || true; }
trap stop EXIT
(cd "$WORK" && exec setsid "$JAVA" "$@" -Dwsgi.port="$PORT" -Dwsgi.deploy="$WORK/deploy" -Dgosh.args=--nointeractive \
  -jar wsgi.jar </dev/null >server.log 2>&1 &)
for i in $(seq 1 120); do
  curl -sf "localhost:$PORT/plain/hello" >/dev/null && curl -sf "localhost:$PORT/hello" >/dev/null && break; sleep 0.5
done
H=(-H "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0"
   -H "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" -H "Accept-Language: en-US,en;q=0.5"
   -H "Accept-Encoding: gzip, deflate" -H "Cookie: session=abc123; theme=dark" -H "Cache-Control: no-cache")
for p in /hello /plain/hello /environ; do wrk -t2 -c"$C" -d40s "${H[@]}" "http://127.0.0.1:$PORT$p" >/dev/null; done
pid=$(pgrep -f "wsgi.port=$PORT" | head -1); tk=$(getconf CLK_TCK)
for r in $(seq 1 "$R"); do
  for p in /hello /plain/hello /environ; do
    c0=$(awk '{print $14+$15}' "/proc/$pid/stat")
    out=$(wrk -t2 -c"$C" -d"${S}s" --latency "${H[@]}" "http://127.0.0.1:$PORT$p")
    c1=$(awk '{print $14+$15}' "/proc/$pid/stat")
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}'); p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    reqs=$(echo "$out" | awk '/requests in/{print $1}')
    echo "$p c$C: $rps req/s p99 $p99 cpu $(python3 -c "print(round(($c1-$c0)/$tk*1e6/$reqs,1))") us/req"
  done
done
