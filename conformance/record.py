#!/usr/bin/env python3
"""Record golden conformance fixtures from the real Apache httpd + mod_wsgi 4.9.4.

Usage (needs: apt-get install -y apache2 libapache2-mod-wsgi-py3, and root or a user
that may bind the ports):

    python3 conformance/record.py                 # every case
    python3 conformance/record.py file-alias vhost-name-based   # only these cases
    python3 conformance/record.py --keep          # keep the temporary server roots

For every case folder routing/<case>/ (case.conf, requests.json, extra files):
  * a temporary server root D is made; the case folder is copied to D/case (= @ROOT@)
    and conformance/apps to D/apps (= @APPS@); @ROOT@, @APPS@ and @PORT@ in the copied
    case.conf are substituted;
  * /work/shared/tools/modwsgi-ref start D/case/case.conf --port P --dir D starts Apache
    (it runs `apache2 -t` first); the outcome of the config test goes to configtest.json;
  * each request of requests.json is sent on a fresh loopback connection and one record
    per request is written to expected.json (see README.md for the format);
  * Apache is stopped with modwsgi-ref stop.
For every folder config-errors/<case>/ only the configuration is checked (Apache is
stopped at once if it starts) and expected.json = {"accepted", "phase", "stderr"} is
written. index.json summarises every case (accepted, number of records).
Absolute paths, the port, pids and module hashes are replaced by placeholders in
everything recorded. Never hand-edit expected.json: change requests.json and re-run.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
APPS = os.path.join(HERE, "apps")
ROUTING = os.path.join(HERE, "routing")
CONFIG_ERRORS = os.path.join(HERE, "config-errors")
DEFAULT_TOOL = "/work/shared/tools/modwsgi-ref"
PORT_MIN, PORT_MAX = 18501, 18599

# Keys recorded for every env-dump response, in addition to the case's own env_keys.
DEFAULT_ENV_KEYS = ["REQUEST_URI", "SCRIPT_FILENAME", "mod_wsgi.script_name",
                    "mod_wsgi.path_info", "mod_wsgi.callable_object"]
# Values that change from run to run; recorded as "@VOLATILE@" when asked for.
VOLATILE_KEYS = {"REMOTE_PORT", "mod_wsgi.request_id", "mod_wsgi.request_start",
                 "mod_wsgi.script_start", "mod_wsgi.queue_start", "mod_wsgi.daemon_start",
                 "mod_wsgi.thread_id", "mod_wsgi.thread_requests", "mod_wsgi.total_requests",
                 "mod_wsgi.connection_id", "UNIQUE_ID"}
# Files of a case folder that are not copied into the server root.
FIXTURE_FILES = {"requests.json", "expected.json", "configtest.json"}
LOG_LINE = re.compile(r"^\[[^\]]*\d{4}\] (\[[^\]]+\]) \[pid \d+(?::tid \d+)?\] ?(.*)$")
ERROR_LEVELS = (":emerg]", ":alert]", ":crit]", ":error]", ":warn]", ":notice]")


class Subst:
    """Replaces run-specific values by placeholders."""

    def __init__(self, server_root, port):
        self.pairs = [(os.path.join(server_root, "case"), "@ROOT@"),
                      (os.path.join(server_root, "apps"), "@APPS@"),
                      (server_root, "@SERVERROOT@")]
        self.port_re = re.compile(r"(?<!\d)%d(?!\d)" % port)

    def text(self, s):
        for real, ph in self.pairs:
            s = s.replace(real, ph)
        s = self.port_re.sub("@PORT@", s)
        s = re.sub(r"_mod_wsgi_[0-9a-f]{32}", "_mod_wsgi_@MD5@", s)
        s = re.sub(r"\bpid=\d+", "pid=@PID@", s)
        s = re.sub(r"\b(wsgi)\.\d+\.\d+\.\d+\.sock\b", r"\1.@PID@.@GEN@.@N@.sock", s)
        return s

    def any(self, v):
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, list):
            return [self.any(x) for x in v]
        if isinstance(v, dict):
            return {k: self.any(x) for k, x in v.items()}
        return v


def fill(s, port):
    return s.replace("@PORT@", str(port))


def prepare_root(case_dir):
    root = tempfile.mkdtemp(prefix="mwc-", dir="/tmp")
    os.chmod(root, 0o755)
    shutil.copytree(case_dir, os.path.join(root, "case"),
                    ignore=lambda d, names: [n for n in names if n in FIXTURE_FILES])
    shutil.copytree(APPS, os.path.join(root, "apps"))
    for base, dirs, files in os.walk(root):
        for n in dirs:
            os.chmod(os.path.join(base, n), 0o755)
        for n in files:
            os.chmod(os.path.join(base, n), 0o644)
    return root


def write_conf(root, port):
    conf = os.path.join(root, "case", "case.conf")
    with open(conf) as f:
        text = f.read()
    text = (text.replace("@ROOT@", os.path.join(root, "case"))
            .replace("@APPS@", os.path.join(root, "apps")).replace("@PORT@", str(port)))
    with open(conf, "w") as f:
        f.write(text)
    return conf


def port_free(port):
    s = socket.socket()
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()


class Log:
    def __init__(self, path):
        self.path = path
        self.offset = 0

    def mark(self):
        self.offset = os.path.getsize(self.path) if os.path.exists(self.path) else 0

    def new_lines(self, settle):
        """Lines appended since mark(); waits until the file stops growing."""
        deadline = time.time() + 4.0
        last, stable_since = -1, time.time()
        while True:
            size = os.path.getsize(self.path) if os.path.exists(self.path) else 0
            if size != last:
                last, stable_since = size, time.time()
            if time.time() - stable_since >= settle or time.time() > deadline:
                break
            time.sleep(0.05)
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            raw = f.read()
        self.offset += len(raw)
        return raw.decode("utf-8", "replace").splitlines()


def clean_log(lines, subst, everything):
    """Strip timestamps/pids/client ports; keep request-related or warning+ lines."""
    out = []
    for line in lines:
        m = LOG_LINE.match(line)
        if not m:
            continue
        level, msg = m.group(1), m.group(2)
        request_scoped = re.match(r"\[(client|remote) [^\]]+\]", msg) is not None
        msg = re.sub(r"^\[(client|remote) ([0-9.]+):\d+\] ", r"[\1 \2] ", msg)
        if "AH10159" in msg:  # MinSpareThreads notice of the one-child test server
            continue
        if everything or request_scoped or (level.startswith("[wsgi:")
                                            and level.endswith(ERROR_LEVELS)):
            out.append(subst.text("%s %s" % (level, msg)))
    return out


def send(port, req):
    method = req.get("method", "GET")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.putrequest(method, fill(req["path"], port), skip_host=True, skip_accept_encoding=True)
    host = req.get("host", "localhost:@PORT@")
    if host is not None:
        conn.putheader("Host", fill(host, port))
    body = req.get("body")
    data = body.encode("utf-8") if body is not None else None
    headers = req.get("headers", {})
    # headers: {"Name": "value"} or [["Name", "value"], ...] (repeats allowed)
    pairs = list(headers.items()) if isinstance(headers, dict) else [tuple(h) for h in headers]
    if data is not None and not any(k.lower() in ("content-length", "transfer-encoding")
                                    for k, _ in pairs):
        pairs.append(("Content-Length", str(len(data))))
    for k, v in pairs:
        conn.putheader(k, fill(v, port))
    conn.endheaders(data)
    resp = conn.getresponse()
    payload = resp.read()
    conn.close()
    return resp.status, resp.getheader("Content-Type"), payload, resp.getheader("Location"), resp


def record_request(port, req, case_env_keys, log, subst, error_pages=False):
    log.mark()
    status, ctype, payload, location, resp = send(port, req)
    rec = {"method": req.get("method", "GET"), "path": req["path"],
           "host": req.get("host", "localhost:@PORT@")}
    if req.get("headers"):
        rec["headers"] = req["headers"]
    if req.get("body") is not None:
        rec["request_body"] = req["body"]
    rec["status"] = status
    env = None
    if ctype and ctype.startswith("application/json"):
        try:
            env = json.loads(payload.decode("utf-8"))
            if not isinstance(env, dict) or "REQUEST_METHOD" not in env:
                env = None
        except ValueError:
            env = None
    if env is not None:
        for k in ("SCRIPT_NAME", "PATH_INFO", "mod_wsgi.application_group",
                  "mod_wsgi.process_group"):
            rec[k] = env.get(k)
        keys = req.get("env_keys", case_env_keys)
        if keys == "*":
            chosen = sorted(env)
        else:
            chosen = list(dict.fromkeys(DEFAULT_ENV_KEYS + list(keys)
                                        + list(req.get("extra_env_keys", []))))
        rec["env"] = {k: ("@VOLATILE@" if k in VOLATILE_KEYS and k in env else env.get(k))
                      for k in chosen}
    elif status == 200 or (error_pages and ctype is not None):
        rec["content_type"] = ctype
        rec["body"] = payload.decode("utf-8", "replace")
    if error_pages and status != 200:
        for name in ("Allow", "WWW-Authenticate"):
            if resp.getheader(name) is not None:
                rec[name.lower()] = resp.getheader(name)
    if location is not None:
        rec["location"] = location
    want_log = status != 200 or req.get("log", False)
    lines = log.new_lines(settle=0.4 if want_log else 0.0)
    if want_log:
        rec["log"] = clean_log(lines, subst, req.get("log") == "all")
    if req.get("note"):
        rec["note"] = req["note"]
    return subst.any(rec)


def run_tool(tool, *args):
    return subprocess.run([sys.executable, tool] + list(args), capture_output=True, text=True)


def stop(tool, root):
    r = run_tool(tool, "stop", "--dir", root)
    if r.returncode != 0:
        print("  stop: " + (r.stdout + r.stderr).strip(), file=sys.stderr)


def start(tool, root, conf, port):
    """Returns (accepted, phase, stderr_text)."""
    r = run_tool(tool, "start", conf, "--port", str(port), "--dir", root)
    if r.returncode == 0:
        t = subprocess.run(["/usr/sbin/apache2", "-f", os.path.join(root, "httpd.conf"), "-t"],
                           capture_output=True, text=True)
        return True, "started", t.stderr.strip()
    err = r.stderr
    if err.startswith("Apache refuses this configuration:"):
        return False, "configtest", err[len("Apache refuses this configuration:"):].strip()
    # apache2 -t passed but `apache2 -k start` failed.
    return False, "start", err.strip()


def record_routing(case, port, tool, keep):
    case_dir = os.path.join(ROUTING, case)
    with open(os.path.join(case_dir, "requests.json")) as f:
        spec = json.load(f)
    if isinstance(spec, list):
        spec = {"requests": spec}
    root = prepare_root(case_dir)
    subst = Subst(root, port)
    conf = write_conf(root, port)
    accepted, phase, stderr = start(tool, root, conf, port)
    result = {"accepted": accepted, "phase": phase, "stderr": subst.text(stderr)}
    records = []
    try:
        if accepted:
            time.sleep(spec.get("startup_wait", 0.5))
            log = Log(os.path.join(root, "error_log"))
            for req in spec["requests"]:
                records.append(record_request(port, req, spec.get("env_keys", []), log, subst,
                                              spec.get("error_pages", False)))
    finally:
        if accepted:
            stop(tool, root)
    if not accepted:
        print("  REJECTED: " + result["stderr"], file=sys.stderr)
    with open(os.path.join(case_dir, "configtest.json"), "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    if accepted:
        with open(os.path.join(case_dir, "expected.json"), "w") as f:
            json.dump(records, f, indent=2, ensure_ascii=False)
            f.write("\n")
    if not keep:
        shutil.rmtree(root, ignore_errors=True)
    else:
        print("  kept " + root)
    return result, len(records)


def record_config_error(case, port, tool, keep):
    case_dir = os.path.join(CONFIG_ERRORS, case)
    root = prepare_root(case_dir)
    subst = Subst(root, port)
    conf = write_conf(root, port)
    accepted, phase, stderr = start(tool, root, conf, port)
    if accepted:
        stop(tool, root)
    result = {"accepted": accepted, "phase": phase, "stderr": subst.text(stderr)}
    with open(os.path.join(case_dir, "expected.json"), "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    if not keep:
        shutil.rmtree(root, ignore_errors=True)
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("cases", nargs="*", help="case names (default: all)")
    p.add_argument("--tool", default=DEFAULT_TOOL)
    p.add_argument("--keep", action="store_true", help="keep temporary server roots")
    a = p.parse_args()
    routing = sorted(d for d in os.listdir(ROUTING) if os.path.isdir(os.path.join(ROUTING, d)))
    errors = sorted(d for d in os.listdir(CONFIG_ERRORS)
                    if os.path.isdir(os.path.join(CONFIG_ERRORS, d)))
    unknown = set(a.cases) - set(routing) - set(errors)
    if unknown:
        sys.exit("unknown cases: " + ", ".join(sorted(unknown)))
    index_path = os.path.join(HERE, "index.json")
    index = {"routing": {}, "config-errors": {}}
    if os.path.exists(index_path):
        with open(index_path) as f:
            index.update(json.load(f))
    ports = list(range(PORT_MIN + 9, PORT_MAX + 1))
    n = 0
    for i, case in enumerate(routing):
        if a.cases and case not in a.cases:
            continue
        port = ports[i % len(ports)]
        if not port_free(port):
            sys.exit("port %d busy" % port)
        print("routing/%s on %d" % (case, port))
        result, count = record_routing(case, port, a.tool, a.keep)
        index["routing"][case] = {"accepted": result["accepted"], "records": count}
        n += count
    for i, case in enumerate(errors):
        if a.cases and case not in a.cases:
            continue
        port = PORT_MIN + (i % 8)
        print("config-errors/%s" % case)
        result = record_config_error(case, port, a.tool, a.keep)
        index["config-errors"][case] = {"accepted": result["accepted"], "phase": result["phase"]}
    index["routing"] = {k: v for k, v in sorted(index["routing"].items()) if k in routing}
    index["config-errors"] = {k: v for k, v in sorted(index["config-errors"].items())
                              if k in errors}
    index["total_records"] = sum(v["records"] for v in index["routing"].values())
    with open(index_path, "w") as f:
        json.dump(index, f, indent=2, sort_keys=True)
        f.write("\n")
    print("recorded %d request records" % n)


if __name__ == "__main__":
    main()
