"""Helpers shared by the benchmark scripts: start and stop our server, read its heap and RSS, CPU accounting.

Python 3 standard library only. Every wait is bounded; every process started here is stopped by its pid.
"""
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
JAR = os.path.join(REPO, "org.wsgi.runtime", "target", "wsgi.jar")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(msg):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), msg), flush=True)


def port_free(port):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def http_get(url, data=None, timeout=10, headers=None):
    """(status, body bytes); status 0 when nothing answered."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, OSError):
        return 0, b""


def wait_for(url, timeout_s, proc=None):
    """Polls url until it answers 200; False after timeout_s or when proc has exited."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        if http_get(url, timeout=2)[0] == 200:
            return True
        time.sleep(0.2)
    return False


def build_distribution(force=False):
    """Builds wsgi.jar with the reactor's own command when missing (or forced)."""
    if os.path.exists(JAR) and not force:
        return
    log("building the distribution: mvn -q -o -DskipTests package")
    subprocess.run(["mvn", "-B", "-q", "-o", "-DskipTests", "package"], cwd=REPO, check=True)


def jar_info(jar=JAR):
    """What is being measured: the jar's digest, when its org.wsgi bundles were built, and the work tree's HEAD
    then (the jar may predate HEAD: teammates commit and rebuild independently)."""
    def git(*args):
        r = subprocess.run(["git"] + list(args), cwd=REPO, capture_output=True, text=True)
        return r.stdout.strip()
    h = hashlib.sha256()
    with open(jar, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    with zipfile.ZipFile(jar) as z:
        stamps = sorted("%04d-%02d-%02d %02d:%02d" % i.date_time[:5] for i in z.infolist()
                        if i.filename.startswith("jar/org.wsgi."))
    return {"sha256": h.hexdigest()[:16], "bundles_built": stamps[-1] if stamps else "?",
            "head": git("log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M"),
            "uncommitted_paths": len(git("status", "--short").splitlines())}


class OurServer:
    """`java -jar wsgi.jar` on a deploy folder, as the README starts it (no JVM tuning flags)."""

    def __init__(self, workdir, port, deploy, jvm_args=()):
        self.workdir = workdir
        self.port = port
        self.deploy = deploy
        self.jvm_args = list(jvm_args)
        self.proc = None
        self.logfile = os.path.join(workdir, "server.log")

    def start(self, ready_path="/hello", timeout_s=120):
        if not port_free(self.port):
            sys.exit("port %d is busy: choose another with --port" % self.port)
        os.makedirs(self.workdir, exist_ok=True)
        # A private copy: teammates may rebuild org.wsgi.runtime/target/wsgi.jar while this server runs.
        jar = os.path.join(self.workdir, "wsgi.jar")
        shutil.copy(JAR, jar)
        self.jar_info = jar_info(jar)
        cmd = ["java"] + self.jvm_args + ["-Dwsgi.port=%d" % self.port, "-Dwsgi.deploy=%s" % self.deploy,
                                          "-Dgosh.args=--nointeractive", "-jar", jar]
        self.command = " ".join(cmd)
        log("starting our server: " + self.command)
        self.proc = subprocess.Popen(cmd, cwd=self.workdir, stdin=subprocess.DEVNULL,
                                     stdout=open(self.logfile, "w"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        if not wait_for(self.url(ready_path), timeout_s, self.proc):
            self.stop()
            sys.exit("our server did not answer %s within %d s; log: %s" % (ready_path, timeout_s, self.logfile))

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    @property
    def pid(self):
        return self.proc.pid

    def pids(self):
        return [self.proc.pid]

    def stop(self):
        stop_process(self.proc, signal.SIGTERM)


def stop_process(proc, sig):
    """Sends sig to a server started here and waits for it to exit (killed after 30 s); nothing if not running."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def jcmd(pid, *args):
    r = subprocess.run(["jcmd", str(pid)] + list(args), capture_output=True, text=True, timeout=60)
    return r.stdout


def heap_info(pid):
    """G1 heap and metaspace from `jcmd PID GC.heap_info`, in MiB: {'used','committed','metaspace'}."""
    out = jcmd(pid, "GC.heap_info")
    m = re.search(r"total (\d+)K, used (\d+)K", out)
    meta = re.search(r"Metaspace\s+used (\d+)K, committed (\d+)K", out)
    if not m:
        return {"raw": out}
    return {"committed": int(m.group(1)) / 1024.0, "used": int(m.group(2)) / 1024.0,
            "metaspace": int(meta.group(1)) / 1024.0 if meta else None}


def full_gc(pid, times=2):
    for _ in range(times):
        jcmd(pid, "GC.run")
        time.sleep(0.5)


def rss_mib(pids):
    """Sum of VmRSS over pids, MiB (processes that vanished count 0)."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024.0


def pss_mib(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/smaps_rollup" % pid) as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024.0


def proc_ticks(pids):
    """utime + stime of pids (all threads), in clock ticks."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total


def busy_ticks():
    """CPU ticks spent busy by the whole machine, from /proc/stat."""
    with open("/proc/stat") as f:
        cpu = f.readline().split()[1:]
    v = [int(x) for x in cpu]
    # user nice system idle iowait irq softirq steal
    return v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] if len(v) > 7 else 0)


def children(pid):
    """Direct children of pid."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(d))
        except (OSError, IndexError, ValueError):
            pass
    return out


def top_processes(n=8):
    """The n processes with most CPU since they started (ps, names only), as lines: what else ran on the box."""
    if shutil.which("ps") is None:
        return []
    r = subprocess.run(["ps", "-eo", "pid,pcpu,rss,etimes,comm", "--sort=-pcpu"], capture_output=True, text=True)
    return r.stdout.splitlines()[: n + 1]


def machine_notes():
    def first(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
            return (r.stdout + r.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "?"
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = f.readline().split()[1]
    return {"cores": os.cpu_count(), "cpu": model, "mem_gib": round(int(mem) / 1048576.0, 1),
            "kernel": os.uname().release, "java": first(["java", "-version"]),
            "loadavg": open("/proc/loadavg").read().strip()}
