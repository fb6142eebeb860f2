"""The servers run.py measures ours against: Apache + mod_wsgi embedded (the reference) and uWSGI (the best
Python server, for hello's latency). Each runs in its own session, as ours does, and is stopped by its pid.

Python 3 standard library only.
"""
import os
import signal
import subprocess
import sys
import time

import benchlib as bl

APACHE_CONF = """# Apache 2.4 event MPM + mod_wsgi {modwsgi} embedded mode, written by bench/run.py.
ServerRoot "{root}"
Listen 127.0.0.1:{port}
ServerName localhost
{usergroup}PidFile "{root}/httpd.pid"
DefaultRuntimeDir "{root}"
ErrorLog "{root}/error_log"
LogLevel warn
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so
# 2 cores: 2 processes (each its own Python GIL) x 64 threads = 128 workers, more than wrk's 64 connections
# (with exactly 64 the event MPM reports reaching MaxRequestWorkers and closes ~0.6 % of the connections under
# load); all kept alive for the whole run (no spare-thread reaping), keep-alive never closed by count.
StartServers 2
ServerLimit 2
ThreadLimit 64
ThreadsPerChild 64
MaxRequestWorkers 128
MinSpareThreads 128
MaxSpareThreads 128
MaxConnectionsPerChild 0
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 15
Timeout 60
DocumentRoot "{root}/htdocs"
WSGIRestrictEmbedded Off
{aliases}
<Directory "{apps}">
    Require all granted
</Directory>
"""


class Apache:
    """Apache 2.4 event MPM + mod_wsgi embedded mode (Debian's packages) in its own ServerRoot, serving
    apps_dir/<app>.wsgi at /<app>."""

    def __init__(self, root, port, apps_dir, apps):
        self.root = root
        self.port = port
        self.apps_dir = apps_dir
        self.apps = apps
        self.conf = os.path.join(root, "httpd.conf")

    def start(self):
        if not bl.port_free(self.port):
            sys.exit("port %d is busy: choose another with --port" % self.port)
        os.makedirs(os.path.join(self.root, "htdocs"), exist_ok=True)
        os.chmod(self.root, 0o755)
        aliases = "\n".join("WSGIScriptAlias /%s %s/%s.wsgi" % (a, self.apps_dir, a) for a in self.apps)
        ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libapache2-mod-wsgi-py3"],
                             capture_output=True, text=True).stdout
        ug = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
        with open(self.conf, "w") as f:
            f.write(APACHE_CONF.format(root=self.root, port=self.port, usergroup=ug, aliases=aliases,
                                       apps=self.apps_dir, modwsgi=ver))
        t = subprocess.run(["/usr/sbin/apache2", "-f", self.conf, "-t"], capture_output=True, text=True)
        if t.returncode != 0:
            sys.exit("Apache refuses %s:\n%s" % (self.conf, t.stderr))
        bl.log("starting Apache: /usr/sbin/apache2 -f %s -k start" % self.conf)
        subprocess.run(["/usr/sbin/apache2", "-f", self.conf, "-k", "start"], check=True)
        if not bl.wait_for(self.url("/hello"), 30):
            self.stop()
            sys.exit("Apache did not answer; see %s/error_log" % self.root)

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def main_pid(self):
        try:
            return int(open(os.path.join(self.root, "httpd.pid")).read().strip())
        except (OSError, ValueError):
            return None

    def pids(self):
        pid = self.main_pid()
        return [pid] + bl.children(pid) if pid else []

    def stop(self):
        pid = self.main_pid()
        if pid is None:
            return
        subprocess.run(["/usr/sbin/apache2", "-f", self.conf, "-k", "stop"], capture_output=True)
        for _ in range(100):
            if not os.path.exists("/proc/%d" % pid):
                return
            time.sleep(0.1)


class UWsgi:
    """uWSGI (Debian's uwsgi-core + uwsgi-plugin-python3) serving one script at /<name> over HTTP/1.1 keep-alive,
    with processes x threads workers. A worker keeps one keep-alive connection until it closes, so only a layout
    with at least as many workers as wrk's connections serves them all (BENCHMARKS.md, uWSGI)."""

    def __init__(self, root, port, script, processes, threads):
        self.root = root
        self.port = port
        self.script = script
        self.processes = processes
        self.threads = threads
        self.proc = None
        self.command = None

    def start(self):
        if not bl.port_free(self.port):
            sys.exit("port %d is busy: choose another with --port" % self.port)
        os.makedirs(self.root, exist_ok=True)
        name = os.path.splitext(os.path.basename(self.script))[0]
        cmd = ["uwsgi", "--plugin", "python3", "--http11-socket", "127.0.0.1:%d" % self.port, "--master",
               "--processes", str(self.processes), "--threads", str(self.threads),
               "--mount", "/%s=%s" % (name, self.script), "--manage-script-name", "--disable-logging"]
        self.command = " ".join(cmd)
        bl.log("starting uWSGI: " + self.command)
        self.proc = subprocess.Popen(cmd, cwd=self.root, stdin=subprocess.DEVNULL,
                                     stdout=open(os.path.join(self.root, "uwsgi.log"), "w"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
        if not bl.wait_for(self.url("/" + name), 30, self.proc):
            self.stop()
            sys.exit("uWSGI did not answer; see %s/uwsgi.log" % self.root)

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def pids(self):
        if self.proc is None or self.proc.poll() is not None:
            return []
        return [self.proc.pid] + bl.children(self.proc.pid)

    def stop(self):
        bl.stop_process(self.proc, signal.SIGINT)  # uWSGI reloads on SIGTERM; SIGINT stops it
