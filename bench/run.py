#!/usr/bin/env python3
"""HTTP throughput and latency: our server vs Apache + mod_wsgi (embedded) vs a plain servlet in our Jetty.

  bench/run.py            # full run: 3 rounds x 10 s per measurement (about 22 minutes)
  bench/run.py --quick    # 1 round x 4 s, short warm-ups (under 3 minutes)
  bench/run.py --jfr      # also record JFR on our JVM and summarise its hottest frames (jfr_top.py)

One run starts the servers side by side (our `java -jar wsgi.jar` with no JVM flags, Apache 2.4 event MPM +
mod_wsgi embedded mode from Debian's packages in its own ServerRoot under the output folder, and uWSGI with 64
workers for hello, the issue's reference for its latency; bench/peers.py), checks every app
answers correctly on both, warms each app up (in our JVM a minute or more, until its JIT is quiet; again for a moment before each
measurement), then measures every (app, connections, target) with the same
`wrk -t2 -cN -dS --timeout 10s --latency` and the same request headers, rotating the target order each round.
It reports medians with [min-max] over rounds, p99 latency, server CPU per request, the ratios ours/apache,
ours/servlet and ours/uwsgi, our heap (jcmd GC.heap_info) and RSS after the load, and the CPU other processes used per run.

Raw wrk outputs, results.json and summary.md go to --out (default /tmp/wsgi-bench/<date-time>).
Python 3 standard library only; installs wrk, apache2, libapache2-mod-wsgi-py3, uwsgi-core and
uwsgi-plugin-python3 with apt-get when missing.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bl  # noqa: E402
from peers import Apache, UWsgi  # noqa: E402

APPS_DIR = os.path.join(bl.BENCH, "apps")
PLAIN_DIR = os.path.join(bl.BENCH, "plain-servlet")
APPS = ["hello", "environ", "big", "echo"]
QUERY = {"environ": "?page=2&sort=name&filter=active"}
# The same browser-like headers go with every request to every target (they make environ's dump about 1 KB).
HEADERS = [
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    "Accept-Language: en-GB,en;q=0.7,de;q=0.3",
    "Accept-Encoding: gzip, deflate",
    "Referer: http://127.0.0.1/index.html",
    "Cookie: sessionid=3f9a1c2b7d4e5f60718293a4b5c6d7e8; csrftoken=Zq8XKp2rLm4Nw6Vt9Yb1Cd3Ef5Gh7Jk0; theme=dark",
]
POST_BYTES = 16384
TARGETS = ["ours", "apache", "servlet", "uwsgi"]
# uWSGI measures hello only, by default with 64 processes x 1 thread: 64 workers, so that all of wrk's 64
# connections are served. Of the layouts that serve them all, 64 x 1 had the lowest p99 at c64 under this harness
# (19.6 ms against 24.9-26.2 ms for 8 x 8; BENCHMARKS.md "Session 7"), so ours is judged against the harder one.
UWSGI_LAYOUT = "64x1"


def ensure_tools(targets):
    need = [p for p, present in [("wrk", shutil.which("wrk")),
                                 ("apache2", os.path.exists("/usr/sbin/apache2")),
                                 ("libapache2-mod-wsgi-py3", os.path.exists("/usr/lib/apache2/modules/mod_wsgi.so"))]
            if not present]
    if "uwsgi" in targets:
        need += [p for p, present in [("uwsgi-core", shutil.which("uwsgi")),
                                      ("uwsgi-plugin-python3", os.path.exists("/usr/lib/uwsgi/plugins/python3_plugin.so"))]
                 if not present]
    if need:
        if os.geteuid() != 0:
            sys.exit("missing %s: apt-get install -y %s (as root)" % (need, " ".join(need)))
        bl.log("installing " + " ".join(need))
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + need, check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    for tool in ("java", "jcmd", "mvn"):
        if shutil.which(tool) is None:
            sys.exit("missing %s (JDK 17 and Maven are the project's own prerequisites)" % tool)


def build_plain_servlet():
    """Builds bench/plain-servlet (offline first, then online for a fresh Maven repository); returns the jar."""
    cmd = ["mvn", "-B", "-q", "-DskipTests", "package", "-f", os.path.join(PLAIN_DIR, "pom.xml")]
    if subprocess.run(cmd[:1] + ["-o"] + cmd[1:]).returncode != 0:
        subprocess.run(cmd, check=True)
    jars = [f for f in os.listdir(os.path.join(PLAIN_DIR, "target")) if f.endswith(".jar")]
    return os.path.join(PLAIN_DIR, "target", jars[0])


def check_apps(urls, post_file):
    """Every target answers every app correctly (with the benchmark's headers) before anything is measured."""
    body = open(post_file, "rb").read()
    headers = dict(h.split(": ", 1) for h in HEADERS)
    sizes = {}
    for (target, app), url in sorted(urls.items()):
        status, got = bl.http_get(url, data=body if app == "echo" else None, headers=headers)
        ok = status == 200 and {
            "hello": lambda b: b == b"Hello World!",
            "environ": lambda b: b.startswith(b"{") and b'"REQUEST_METHOD": "GET"' in b,
            "big": lambda b: len(b) == 1048576,
            "echo": lambda b: b == body,
        }[app](got)
        if not ok:
            sys.exit("%s %s answered %d with %r..." % (target, url, status, got[:200]))
        sizes["%s/%s" % (target, app)] = len(got)
    return sizes


def wrk_cmd(url, conns, secs, app, lua):
    cmd = ["wrk", "-t2", "-c%d" % conns, "-d%ds" % secs, "--timeout", "10s", "--latency"]
    for h in HEADERS:
        cmd += ["-H", h]
    if app == "echo":
        cmd += ["-s", lua]
    return cmd + [url]


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(text):
    def ms(v):
        m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
        return float(m.group(1)) * UNITS[m.group(2)] if m else None
    r = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    r["rps"] = float(m.group(1)) if m else 0.0
    m = re.search(r"(\d+) requests in", text)
    r["requests"] = int(m.group(1)) if m else 0
    for pct in ("50", "75", "90", "99"):
        m = re.search(r"^\s+%s%%\s+(\S+)" % pct, text, re.M)
        r["p" + pct] = ms(m.group(1)) if m else None
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    r["socket_errors"] = [int(x) for x in m.groups()] if m else [0, 0, 0, 0]
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    r["non2xx"] = int(m.group(1)) if m else 0
    return r


def run_wrk(cmd, server_pids, other_pids):
    """Runs wrk; returns the parsed result with CPU shares over the run (percent of all cores): the server
    measured, the idle peer server, wrk itself, and whatever else ran on the machine ("foreign")."""
    t0, s0, o0, b0, w0 = (time.time(), bl.proc_ticks(server_pids), bl.proc_ticks(other_pids), bl.busy_ticks(),
                          children_cpu_s())
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    t1, s1, o1, b1, w1 = (time.time(), bl.proc_ticks(server_pids), bl.proc_ticks(other_pids), bl.busy_ticks(),
                          children_cpu_s())
    r = parse_wrk(out)
    r["raw"] = out
    wall = (t1 - t0) * (os.cpu_count() or 1)
    server_s = (s1 - s0) / bl.CLK_TCK
    r["server_cpu_pct"] = 100.0 * server_s / wall
    r["server_us_per_req"] = server_s * 1e6 / r["requests"] if r["requests"] else None
    r["peer_cpu_pct"] = 100.0 * (o1 - o0) / bl.CLK_TCK / wall
    r["wrk_cpu_pct"] = 100.0 * (w1 - w0) / wall
    r["busy_pct"] = 100.0 * (b1 - b0) / bl.CLK_TCK / wall
    r["foreign_pct"] = max(0.0, r["busy_pct"] - r["server_cpu_pct"] - r["peer_cpu_pct"] - r["wrk_cpu_pct"])
    return r


JIT_QUIET_METHODS = 20


def jit_compiled(pid):
    """Methods the JVM's JIT has compiled so far (jstat -compiler), or None when it cannot be read."""
    out = subprocess.run(["jstat", "-compiler", str(pid)], capture_output=True, text=True).stdout.split()
    try:
        return int(out[out.index("FailedMethod") + 1])
    except (ValueError, IndexError):
        return None


def warm_up(cmd_for, jvm_pid, base_s, max_s, step_s=5, quiet_methods=JIT_QUIET_METHODS, plateau=0.05):
    """Runs the load for base_s; for a target inside a JVM (jvm_pid), goes on in step_s steps until the JIT
    compiled fewer than quiet_methods methods in a step and req/s rose by less than `plateau` over the step
    before, up to max_s in all: Jython's code paths take the JIT a minute or more on 2 cores shared with the load
    (a few large methods keep compiling after the count has dropped), and a measurement during that is of the
    compiler. Returns (seconds warmed, methods compiled in the last step or None)."""
    subprocess.run(cmd_for(base_s), capture_output=True)
    done, last, rps_before = base_s, None, None
    while jvm_pid is not None and done + step_s <= max_s:
        before = jit_compiled(jvm_pid)
        out = subprocess.run(cmd_for(step_s), capture_output=True, text=True).stdout
        after = jit_compiled(jvm_pid)
        rps = parse_wrk(out).get("rps")
        done += step_s
        if before is None or after is None or rps is None:
            break
        last = after - before
        settled = rps_before is not None and rps < rps_before * (1 + plateau)
        if last < quiet_methods and settled:
            break
        rps_before = rps
    return done, last


def wait_quiet(pids, max_wait_s, threshold_pct=10.0, window_s=0.5):
    """Waits (bounded) until the rest of the machine is quiet: over window_s, the CPU used by processes other
    than our servers stays under threshold_pct of all cores. Returns the seconds waited."""
    start = time.time()
    while True:
        b0, s0 = bl.busy_ticks(), bl.proc_ticks(pids)
        time.sleep(window_s)
        other = 100.0 * ((bl.busy_ticks() - b0) - (bl.proc_ticks(pids) - s0)) / bl.CLK_TCK / (os.cpu_count() or 1) \
            / window_s
        waited = time.time() - start
        if other < threshold_pct or waited >= max_wait_s:
            return round(waited, 1)


def children_cpu_s():
    """CPU seconds of this harness's waited-for children: across one wrk run, wrk's own CPU (the servers are not
    waited for until the end)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=0):
    if v is None:
        return "-"
    return ("%." + str(digits) + "f") % v


def cell(values, digits=0):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    return "%s [%s-%s]" % (fmt(statistics.median(values), digits), fmt(min(values), digits),
                           fmt(max(values), digits))


def summarise(res):
    runs = res["runs"]
    out = []
    conns = res["config"]["conns"]
    out.append("| target | app | c | req/s median [min-max] | p99 ms median [min-max] | p50 ms | server CPU us/req "
               "| other CPU % | errors |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    groups = {}
    for r in runs:
        groups.setdefault((r["app"], r["conns"], r["target"]), []).append(r)
    for app in APPS:
        for c in conns:
            for t in TARGETS:
                rs = groups.get((app, c, t))
                if not rs:
                    continue
                errs = sum(sum(r["socket_errors"]) + r["non2xx"] for r in rs)
                out.append("| %s | %s | %d | %s | %s | %s | %s | %s | %d |" % (
                    t, app, c, cell([r["rps"] for r in rs]), cell([r["p99"] for r in rs], 2),
                    fmt(med([r["p50"] for r in rs]), 2), fmt(med([r["server_us_per_req"] for r in rs]), 1),
                    fmt(med([r["foreign_pct"] for r in rs]), 0), errs))
    out.append("")
    out.append("| ratio (req/s, same round) | app | c | median [min-max] |")
    out.append("|---|---|---|---|")
    ratios = {}
    for app in APPS:
        for c in conns:
            for peer, name in (("apache", "ours/apache"), ("servlet", "ours/servlet"), ("uwsgi", "ours/uwsgi")):
                pairs = []
                for rnd in range(res["config"]["rounds"]):
                    a = [r["rps"] for r in groups.get((app, c, "ours"), []) if r["round"] == rnd]
                    b = [r["rps"] for r in groups.get((app, c, peer), []) if r["round"] == rnd]
                    if a and b and b[0]:
                        pairs.append(a[0] / b[0])
                if pairs:
                    ratios["%s %s c%d" % (name, app, c)] = pairs
                    out.append("| %s | %s | %d | %s |" % (name, app, c, cell(pairs, 2)))
    res["ratios"] = ratios
    return "\n".join(out)


def targets_verdict(res):
    g = {}
    for r in res["runs"]:
        g.setdefault((r["app"], r["conns"], r["target"]), []).append(r)
    ratios = res["ratios"]
    lines = []

    def check(name, value, ok, fmt_value):
        lines.append("| %s | %s | %s |" % (name, fmt_value % value if value is not None else "-",
                                            "met" if (value is not None and ok(value)) else "NOT met"))
    for app in ("hello", "environ"):
        for c in (16, 64):
            v = med(ratios.get("ours/apache %s c%d" % (app, c), []))
            check("%s c%d ours/apache >= 1.2" % (app, c), v, lambda x: x >= 1.2, "%.2f")
    for c in (16, 64):
        v = med(ratios.get("ours/servlet hello c%d" % c, []))
        check("hello c%d ours/servlet >= 0.7" % c, v, lambda x: x >= 0.7, "%.2f")
    v = med([r["p99"] for r in g.get(("hello", 64, "ours"), [])])
    check("hello c64 p99 <= 2 ms", v, lambda x: x <= 2.0, "%.2f ms")
    uwsgi_p99 = med([r["p99"] for r in g.get(("hello", 64, "uwsgi"), [])])
    if v is not None and uwsgi_p99 is not None:  # the reference, measured serving every connection
        check("hello c64 p99 <= uWSGI's, %s workers (%.2f ms)" % (res["config"]["uwsgi_layout"], uwsgi_p99), v,
              lambda x: x <= uwsgi_p99, "%.2f ms")
    v = med([r["p99"] for r in g.get(("environ", 16, "ours"), [])])
    check("environ c16 p99 < 10 ms", v, lambda x: x < 10.0, "%.2f ms")
    for app in ("big", "echo"):  # "with the same aims": throughput against Apache, and a tail no longer than its
        for c in (16, 64):
            v = med(ratios.get("ours/apache %s c%d" % (app, c), []))
            check("%s c%d ours/apache >= 1.2" % (app, c), v, lambda x: x >= 1.2, "%.2f")
        for c in (16, 64):
            ours_p99 = med([r["p99"] for r in g.get((app, c, "ours"), [])])
            apache_p99 = med([r["p99"] for r in g.get((app, c, "apache"), [])])
            servlet_p99 = med([r["p99"] for r in g.get((app, c, "servlet"), [])])
            if ours_p99 is not None and apache_p99 is not None:
                check("%s c%d p99 <= Apache's (%.2f ms%s)" % (
                    app, c, apache_p99, "; plain servlet %.2f ms" % servlet_p99 if servlet_p99 else ""),
                    ours_p99, lambda x, a=apache_p99: x <= a, "%.2f ms")
    h = res.get("ours_after_load", {})
    check("heap used after load < 512 MB", h.get("used"), lambda x: x < 512, "%.0f MiB")
    return "| target | measured (median) | verdict |\n|---|---|---|\n" + "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="1 round x 4 s, 5 s warm-ups")
    p.add_argument("--rounds", type=int)
    p.add_argument("--duration", type=int, help="seconds per measurement")
    p.add_argument("--warmup", type=int, help="seconds of warm-up per (target, app) at 64 connections")
    p.add_argument("--warmup-jvm", type=int, help="seconds of warm-up per (target, app) in our JVM at least "
                   "(default 60, quick 10): its JIT needs a minute or more under load on 2 cores")
    p.add_argument("--warmup-max", type=int, help="at most this many seconds of warm-up per (target, app) in our "
                   "JVM, which goes on past --warmup-jvm in 5 s steps until the JIT compiled fewer than %d methods "
                   "in a step and req/s stopped rising (default 180, quick 20)" % JIT_QUIET_METHODS)
    p.add_argument("--cell-warmup", type=int, help="unmeasured seconds of the same wrk command right before each "
                   "measurement (default 2, quick 1): the JIT re-settles after the previous app")
    p.add_argument("--conns", default="16,64")
    p.add_argument("--apps", default=",".join(APPS))
    p.add_argument("--targets", default=",".join(TARGETS))
    p.add_argument("--port", type=int, default=18811, help="ours; Apache gets port+1, uWSGI port+2")
    p.add_argument("--uwsgi-layout", default=UWSGI_LAYOUT, help="uWSGI's PROCESSESxTHREADS (default %(default)s)")
    p.add_argument("--out")
    p.add_argument("--quiet-wait", type=float, help="at most this many seconds in all (default 120, quick 20) "
                   "spent waiting, before each measurement, for other processes to use < 10%% CPU")
    p.add_argument("--jfr", action="store_true", help="record JFR (profile settings) on our JVM for the whole run")
    p.add_argument("--jvm-arg", action="append", default=[], help="extra JVM argument for our server (reported)")
    a = p.parse_args()
    rounds = a.rounds or (1 if a.quick else 3)
    secs = a.duration or (4 if a.quick else 10)
    warm = a.warmup if a.warmup is not None else (5 if a.quick else 10)
    warm_jvm = a.warmup_jvm if a.warmup_jvm is not None else (10 if a.quick else 60)
    warm_max = a.warmup_max if a.warmup_max is not None else (20 if a.quick else 180)
    cell_warm = a.cell_warmup if a.cell_warmup is not None else (1 if a.quick else 2)
    quiet_budget = a.quiet_wait if a.quiet_wait is not None else (20 if a.quick else 120)
    conns = [int(c) for c in a.conns.split(",")]
    apps = [x for x in a.apps.split(",") if x]
    targets = [x for x in a.targets.split(",") if x]
    # absolute: our server is started from another directory with paths under it
    out = os.path.abspath(a.out or os.path.join("/tmp/wsgi-bench", time.strftime("%Y%m%d-%H%M%S")))
    os.makedirs(os.path.join(out, "wrk"), exist_ok=True)
    bl.log("output: " + out)

    ensure_tools(targets)
    bl.build_distribution()
    plain_jar = build_plain_servlet()

    deploy = os.path.join(out, "deploy")
    os.makedirs(deploy, exist_ok=True)
    with open(os.path.join(deploy, "bench.conf"), "w") as f:
        f.write("".join("WSGIScriptAlias /%s %s/%s.wsgi\n" % (x, APPS_DIR, x) for x in APPS))
    shutil.copy(plain_jar, deploy)
    post_file = os.path.join(out, "post.bin")
    with open(post_file, "wb") as f:
        f.write((b"0123456789abcdef" * (POST_BYTES // 16))[:POST_BYTES])
    lua = os.path.join(out, "post.lua")
    with open(lua, "w") as f:
        f.write('wrk.method = "POST"\nwrk.body = string.rep("0123456789abcdef", %d)\n'
                'wrk.headers["Content-Type"] = "application/octet-stream"\n' % (POST_BYTES // 16))

    jvm_args = list(a.jvm_arg)
    jfr_file = os.path.join(out, "ours.jfr")
    if a.jfr:
        jvm_args.append("-XX:StartFlightRecording=settings=profile,filename=%s,dumponexit=true" % jfr_file)
    ours = bl.OurServer(os.path.join(out, "ours"), a.port, deploy, jvm_args)
    apache = Apache(os.path.join(out, "apache"), a.port + 1, APPS_DIR, APPS)
    layout = tuple(int(x) for x in a.uwsgi_layout.split("x"))
    uwsgi = UWsgi(os.path.join(out, "uwsgi"), a.port + 2, os.path.join(APPS_DIR, "hello.wsgi"), *layout)
    res = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": bl.machine_notes(),
           "config": {"rounds": rounds, "duration_s": secs, "warmup_s": warm, "warmup_jvm_s": warm_jvm, "warmup_max_s": warm_max, "cell_warmup_s": cell_warm, "conns": conns, "apps": apps,
                      "targets": targets, "uwsgi_layout": a.uwsgi_layout, "headers": HEADERS, "jvm_args": jvm_args, "quiet_budget_s": quiet_budget,
                      "argv": " ".join(sys.argv)},
           "before": bl.top_processes(), "runs": []}
    started = time.time()
    try:
        ours.start("/plain/hello")
        if not bl.wait_for(ours.url("/hello"), 60, ours.proc):
            sys.exit("our server never answered /hello")
        if "apache" in targets:
            apache.start()
        if "uwsgi" in targets and "hello" in apps:
            uwsgi.start()
        res["ours_command"] = ours.command
        res["ours_jar"] = ours.jar_info
        res["apache_conf"] = apache.conf
        res["uwsgi_command"] = uwsgi.command
        urls = {}
        for app in apps:
            path = "/%s%s" % (app, QUERY.get(app, ""))
            if "ours" in targets:
                urls[("ours", app)] = ours.url(path)
            if "apache" in targets:
                urls[("apache", app)] = apache.url(path)
        for app in ("hello", "echo"):  # the plain servlet's twins of hello.wsgi and echo.wsgi (our ceiling)
            if "servlet" in targets and app in apps:
                urls[("servlet", app)] = ours.url("/plain/" + app)
        if uwsgi.command:
            urls[("uwsgi", "hello")] = uwsgi.url("/hello")
        res["body_sizes"] = check_apps(urls, post_file)
        bl.log("bodies: %s" % res["body_sizes"])
        res["ours_idle"] = dict(bl.heap_info(ours.pid), rss=bl.rss_mib(ours.pids()))
        res["apache_idle"] = {"rss": bl.rss_mib(apache.pids()), "pss": bl.pss_mib(apache.pids())}

        servers = {"ours": ours, "servlet": ours, "apache": apache, "uwsgi": uwsgi}

        def pids_of(t):
            return servers[t].pids()

        def other_of(t):  # the idle peers, whose CPU is not the rest of the machine's
            return [p for s in set(servers.values()) - {servers[t]} for p in s.pids()]

        res["warmups"] = []
        if warm > 0:
            for (t, app), url in sorted(urls.items()):
                jvm = ours.pid if t in ("ours", "servlet") else None
                base = max(warm, warm_jvm) if jvm else warm
                done, last = warm_up(lambda d, u=url, a=app: wrk_cmd(u, 64, d, a, lua), jvm, base, max(base, warm_max))
                bl.log("warm-up %s %s %d s (JIT: %s methods in the last step)" % (t, app, done, last))
                res["warmups"].append({"target": t, "app": app, "seconds": done, "last_step_compiled": last})
        for rnd in range(rounds):
            for app in apps:
                for c in conns:
                    present = [t for t in TARGETS if (t, app) in urls]
                    k = rnd % len(present)
                    for t in present[k:] + present[:k]:
                        cmd = wrk_cmd(urls[(t, app)], c, secs, app, lua)
                        waited = wait_quiet(pids_of(t) + other_of(t), quiet_budget) if quiet_budget > 0 else 0
                        quiet_budget -= waited
                        if cell_warm > 0:
                            subprocess.run(wrk_cmd(urls[(t, app)], c, cell_warm, app, lua), capture_output=True)
                        r = run_wrk(cmd, pids_of(t), other_of(t))
                        r.update(round=rnd, app=app, conns=c, target=t, command=" ".join(cmd), quiet_wait_s=waited)
                        res["runs"].append(r)
                        name = "r%d-%s-%s-c%d.txt" % (rnd, t, app, c)
                        with open(os.path.join(out, "wrk", name), "w") as f:
                            f.write(" ".join(cmd) + "\n\n" + r.pop("raw"))
                        bl.log("round %d %-7s %-7s c%-3d %9.0f req/s  p99 %8.2f ms  server %5.1f us/req  "
                               "other %3.0f%%%s" % (
                            rnd, t, app, c, r["rps"], r["p99"] or -1, r["server_us_per_req"] or -1, r["foreign_pct"],
                            "  ERRORS %s non2xx %d" % (r["socket_errors"], r["non2xx"])
                            if sum(r["socket_errors"]) or r["non2xx"] else ""))
        res["ours_after_load"] = dict(bl.heap_info(ours.pid), rss=bl.rss_mib(ours.pids()))
        bl.full_gc(ours.pid)
        res["ours_after_gc"] = dict(bl.heap_info(ours.pid), rss=bl.rss_mib(ours.pids()))
        res["apache_after_load"] = {"rss": bl.rss_mib(apache.pids()), "pss": bl.pss_mib(apache.pids()),
                                    "processes": len(apache.pids())}
        res["after"] = bl.top_processes()
    finally:
        ours.stop()
        apache.stop()
        uwsgi.stop()
    res["elapsed_s"] = round(time.time() - started)

    table = summarise(res)
    mem = ("| server | heap used MiB | heap committed MiB | metaspace MiB | RSS MiB |\n|---|---|---|---|---|\n")
    for label, key in (("ours idle (after start + one request per app)", "ours_idle"),
                       ("ours right after the load", "ours_after_load"),
                       ("ours after the load + 2x jcmd GC.run", "ours_after_gc")):
        h = res.get(key, {})
        mem += "| %s | %s | %s | %s | %s |\n" % (label, fmt(h.get("used")), fmt(h.get("committed")),
                                                 fmt(h.get("metaspace")), fmt(h.get("rss")))
    for label, key in (("apache idle", "apache_idle"), ("apache after the load", "apache_after_load")):
        h = res.get(key, {})
        mem += "| %s (RSS sum of all processes; PSS %s) | - | - | - | %s |\n" % (label, fmt(h.get("pss")),
                                                                                fmt(h.get("rss")))
    verdict = targets_verdict(res)
    summary = "\n\n".join([
        "# bench/run.py %s" % res["date"],
        "command: `%s`; %d round(s) x %d s, warm-up %d s per (target, app) at c64 (in our JVM at least %d s, "
        "continued in 5 s steps until the JIT compiled < %d methods in a step and req/s stopped rising, at most "
        "%d s) and %d s before each measurement; elapsed %d s" % (
            res["config"]["argv"], rounds, secs, warm, warm_jvm, JIT_QUIET_METHODS, warm_max, cell_warm,
            res["elapsed_s"]),
        "warm-up (s, JIT methods compiled in the last step): " + ", ".join(
            "%s/%s %d (%s)" % (w["target"], w["app"], w["seconds"], w["last_step_compiled"])
            for w in res.get("warmups", [])),
        "machine: %(cores)s cores %(cpu)s, %(mem_gib)s GiB, kernel %(kernel)s, %(java)s" % res["machine"],
        "measured: wsgi.jar sha256 %(sha256)s, org.wsgi bundles built %(bundles_built)s; work tree HEAD then: "
        "%(head)s, %(uncommitted_paths)d uncommitted path(s)" % res["ours_jar"],
        "runs where other processes used > 10%% CPU: %d of %d (median other CPU per row in the table); "
        "waited %.0f s in all for a quiet machine" % (
            sum(1 for r in res["runs"] if r["foreign_pct"] > 10), len(res["runs"]),
            sum(r["quiet_wait_s"] for r in res["runs"])),
        table, mem, verdict,
        "bodies (bytes): %s" % res["body_sizes"]])
    if a.jfr and os.path.exists(jfr_file):
        top = subprocess.run([sys.executable, os.path.join(bl.BENCH, "jfr_top.py"), jfr_file],
                             capture_output=True, text=True)
        with open(os.path.join(out, "jfr-top.txt"), "w") as f:
            f.write(top.stdout + top.stderr)
        summary += "\n\nJFR: %s, summary in %s/jfr-top.txt" % (jfr_file, out)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(res, f, indent=1)
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write(summary + "\n")
    print(summary)


if __name__ == "__main__":
    main()
