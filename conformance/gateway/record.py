#!/usr/bin/env python3
"""Record gateway conformance fixtures (PEP 3333 behaviour) from real Apache httpd + mod_wsgi 4.9.4.

Usage (needs: apt-get install -y apache2 libapache2-mod-wsgi-py3, run as root):

    python3 conformance/gateway/record.py              # every case
    python3 conformance/gateway/record.py input reload # only these cases
    python3 conformance/gateway/record.py --keep       # keep the temporary server roots

For every case folder <case>/ (case.conf, requests.json, extra files such as scripts/):
  * a temporary server root D is made; the case folder is copied to D/case (= @ROOT@) and
    conformance/gateway/apps to D/apps (= @APPS@); the folders named in "writable" are made
    and opened to the server user; placeholders in case.conf are substituted and a CustomLog
    is appended that writes, per request, the route mod_wsgi chose (script, SCRIPT_NAME,
    PATH_INFO, groups, callable, reloading flag) from Apache's subprocess environment;
  * /work/shared/tools/modwsgi-ref starts Apache on a port in 18601-18699; what mod_wsgi
    loaded at start-up (before any request) goes to startup.json;
  * each entry of requests.json runs its "before" actions (touch: set a file's mtime with
    os.utime; probe: read a file or record null), then is sent on a fresh connection; one
    record per request goes to expected.json (format: README.md);
  * Apache is stopped with modwsgi-ref stop, always.
Never hand-edit expected.json or startup.json: change the inputs and re-run.
"""
import argparse
import base64
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
DEFAULT_TOOL = "/work/shared/tools/modwsgi-ref"
PORT_MIN, PORT_MAX = 18601, 18699
FIXTURE_FILES = {"requests.json", "expected.json", "startup.json"}
DROPPED_HEADERS = {"date", "server", "keep-alive", "connection"}
ROUTE_FIELDS = ["script", "SCRIPT_NAME", "PATH_INFO", "application_group", "process_group",
                "callable_object", "script_reloading"]
ROUTE_FORMAT = "\\t".join("%{" + v + "}e" for v in [
    "SCRIPT_FILENAME", "SCRIPT_NAME", "PATH_INFO", "mod_wsgi.application_group",
    "mod_wsgi.process_group", "mod_wsgi.callable_object", "mod_wsgi.script_reloading"])
LOG_LINE = re.compile(r"^\[[^\]]*\d{4}\] (\[[^\]]+\]) \[pid \d+(?::tid \d+)?\] ?(.*)$")
LOADED = re.compile(r"mod_wsgi \(pid=\d+, process='([^']*)', application='([^']*)'\): "
                    r"Loading (?:Python script file|WSGI script) '([^']*)'")
# Apache's own error pages (HTML 2.0 from the core, HTML 4.01 for 500 from Debian's build); the apps never send HTML.
ERROR_DOCUMENT = re.compile(rb'^<!DOCTYPE HTML PUBLIC "-//(IETF//DTD HTML 2\.0|W3C//DTD HTML 4\.01)//EN"')


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
        return s

    def any(self, v):
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, list):
            return [self.any(x) for x in v]
        if isinstance(v, dict):
            return {k: self.any(x) for k, x in v.items()}
        return v


def prepare_root(case_dir, writable):
    root = tempfile.mkdtemp(prefix="mwg-", dir="/tmp")
    shutil.copytree(case_dir, os.path.join(root, "case"),
                    ignore=lambda d, names: [n for n in names if n in FIXTURE_FILES])
    shutil.copytree(APPS, os.path.join(root, "apps"))
    for base, dirs, files in os.walk(root):
        for n in dirs:
            os.chmod(os.path.join(base, n), 0o755)
        for n in files:
            os.chmod(os.path.join(base, n), 0o644)
    os.chmod(root, 0o755)
    for rel in writable:
        path = os.path.join(root, "case", rel)
        os.makedirs(path, exist_ok=True)
        os.chmod(path, 0o777)
    return root


def write_conf(root, port):
    conf = os.path.join(root, "case", "case.conf")
    with open(conf) as f:
        text = f.read()
    text = (text.replace("@ROOT@", os.path.join(root, "case"))
            .replace("@APPS@", os.path.join(root, "apps")).replace("@PORT@", str(port)))
    text += ('\nLogFormat "%s" gatewayroute\nCustomLog "%s" gatewayroute\n'
             % (ROUTE_FORMAT, os.path.join(root, "route_log")))
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


class Tail:
    """New lines of a growing file."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def size(self):
        return os.path.getsize(self.path) if os.path.exists(self.path) else 0

    def mark(self):
        self.offset = self.size()

    def lines(self, settle, want=0):
        deadline = time.time() + 6.0
        last, since = -1, time.time()
        while True:
            size = self.size()
            if size != last:
                last, since = size, time.time()
            enough = want == 0 or self.count_new() >= want
            if (enough and time.time() - since >= settle) or time.time() > deadline:
                break
            time.sleep(0.05)
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            raw = f.read()
        self.offset += len(raw)
        return raw.decode("utf-8", "replace").splitlines()

    def count_new(self):
        if not os.path.exists(self.path):
            return 0
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            return f.read().count(b"\n")


def clean_log(lines, subst):
    """Strip timestamps/pids/client ports; drop the one-child server's MinSpareThreads notice."""
    out = []
    for line in lines:
        m = LOG_LINE.match(line)
        if not m:
            continue
        level, msg = m.group(1), m.group(2)
        if "AH10159" in msg:
            continue
        msg = re.sub(r"^\[(client|remote) ([0-9.]+):\d+\] ", r"[\1 \2] ", msg)
        out.append(subst.text("%s %s" % (level, msg)))
    return out


def request_body(req):
    if req.get("body_b64") is not None:
        return base64.b64decode(req["body_b64"])
    if req.get("body") is not None:
        return req["body"].encode("utf-8")
    return None


class LenientResponse(http.client.HTTPResponse):
    """Accepts any three-digit status (Apache passes on e.g. "099 Low" from an application)."""

    def _read_status(self):
        line = self.fp.readline(65537).decode("iso-8859-1")
        m = re.match(r"(HTTP/1\.[01]) (\d{3})(?: (.*))?\r?\n$", line)
        if not m:
            raise http.client.BadStatusLine(line)
        return m.group(1), int(m.group(2)), (m.group(3) or "")


def send(port, req):
    """Returns (status, reason, headers, body bytes, truncated)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.response_class = LenientResponse
    conn.putrequest(req.get("method", "GET"), req["path"].replace("@PORT@", str(port)),
                    skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", req.get("host", "localhost:@PORT@").replace("@PORT@", str(port)))
    data = request_body(req)
    headers = req.get("headers", {})
    pairs = list(headers.items()) if isinstance(headers, dict) else [tuple(h) for h in headers]
    if data is not None and not any(k.lower() == "content-length" for k, _ in pairs):
        pairs.append(("Content-Length", str(len(data))))
    for k, v in pairs:
        conn.putheader(k, v.replace("@PORT@", str(port)))
    conn.endheaders(data)
    resp = conn.getresponse()
    truncated = False
    try:
        payload = resp.read()
    except http.client.IncompleteRead as e:
        payload, truncated = e.partial, True
    headers = [[k, v] for k, v in resp.getheaders() if k.lower() not in DROPPED_HEADERS]
    conn.close()
    return resp.status, resp.reason, headers, payload, truncated


def body_fields(payload):
    try:
        return {"body": payload.decode("utf-8")}
    except UnicodeDecodeError:
        return {"body_b64": base64.b64encode(payload).decode("ascii")}


def before(actions, root, subst):
    """Runs the actions of a request; returns the probed file contents."""
    probes = {}
    for action in actions:
        if "touch" in action:
            os.utime(os.path.join(root, "case", action["touch"]), (action["mtime"], action["mtime"]))
        elif "probe" in action:
            path = os.path.join(root, "case", action["probe"])
            probes[action["probe"]] = open(path).read() if os.path.exists(path) else None
    return subst.any(probes)


def route(line):
    fields = line.split("\t")
    if len(fields) != len(ROUTE_FIELDS):
        return None
    return {k: (None if v == "-" else v) for k, v in zip(ROUTE_FIELDS, fields)}


def record_request(port, req, root, errors, routes, subst):
    probes = before(req.get("before", []), root, subst)
    errors.mark()
    routes.mark()
    status, reason, headers, payload, truncated = send(port, req)
    rec = {k: req[k] for k in ("method", "path", "headers", "body", "body_b64", "before", "note")
           if req.get(k) is not None}
    rec.setdefault("method", "GET")
    if probes:
        rec["probes"] = probes
    lines = routes.lines(0.0, want=1)
    rec["route"] = route(lines[0]) if lines else None
    rec["status"] = status
    rec["reason"] = reason
    rec["response_headers"] = headers
    rec["truncated"] = truncated
    rec["error_document"] = ERROR_DOCUMENT.match(payload) is not None
    rec.update({("response_" + k): v for k, v in body_fields(payload).items()})
    rec["log"] = clean_log(errors.lines(0.3), subst)
    return subst.any(rec)


def run_tool(tool, *args):
    return subprocess.run([sys.executable, tool] + list(args), capture_output=True, text=True)


def record_case(case, port, tool, keep):
    case_dir = os.path.join(HERE, case)
    with open(os.path.join(case_dir, "requests.json")) as f:
        spec = json.load(f)
    root = prepare_root(case_dir, spec.get("writable", []))
    subst = Subst(root, port)
    conf = write_conf(root, port)
    r = run_tool(tool, "start", conf, "--port", str(port), "--dir", root)
    if r.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        sys.exit("%s: Apache did not start:\n%s" % (case, r.stdout + r.stderr))
    records = []
    try:
        time.sleep(spec.get("startup_wait", 1.0))
        errors = Tail(os.path.join(root, "error_log"))
        startup_lines = errors.lines(0.3)
        preloaded = [{"process_group": m.group(1), "application_group": m.group(2),
                      "script": m.group(3)}
                     for m in (LOADED.search(line) for line in startup_lines) if m]
        startup = subst.any({"preloaded": preloaded, "log": clean_log(startup_lines, subst)})
        routes = Tail(os.path.join(root, "route_log"))
        for req in spec["requests"]:
            records.append(record_request(port, req, root, errors, routes, subst))
    finally:
        s = run_tool(tool, "stop", "--dir", root)
        if s.returncode != 0:
            print("  stop: " + (s.stdout + s.stderr).strip(), file=sys.stderr)
    with open(os.path.join(case_dir, "startup.json"), "w") as f:
        json.dump(startup, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(case_dir, "expected.json"), "w") as f:
        json.dump(records, f, indent=2, ensure_ascii=False)
        f.write("\n")
    if keep:
        print("  kept " + root)
    else:
        shutil.rmtree(root, ignore_errors=True)
    return len(records)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("cases", nargs="*", help="case names (default: all)")
    p.add_argument("--tool", default=DEFAULT_TOOL)
    p.add_argument("--keep", action="store_true", help="keep temporary server roots")
    a = p.parse_args()
    cases = sorted(d for d in os.listdir(HERE)
                   if os.path.isfile(os.path.join(HERE, d, "requests.json")))
    unknown = set(a.cases) - set(cases)
    if unknown:
        sys.exit("unknown cases: " + ", ".join(sorted(unknown)))
    index_path = os.path.join(HERE, "index.json")
    index = {}
    if os.path.exists(index_path):
        with open(index_path) as f:
            index = json.load(f).get("cases", {})
    for i, case in enumerate(cases):
        if a.cases and case not in a.cases:
            continue
        port = PORT_MIN + (i % (PORT_MAX - PORT_MIN + 1))
        if not port_free(port):
            sys.exit("port %d busy" % port)
        print("gateway/%s on %d" % (case, port))
        index[case] = {"records": record_case(case, port, a.tool, a.keep)}
    index = {k: v for k, v in sorted(index.items()) if k in cases}
    with open(index_path, "w") as f:
        json.dump({"cases": index, "total_records": sum(v["records"] for v in index.values())},
                  f, indent=2, sort_keys=True)
        f.write("\n")
    print("recorded %d request records" % sum(v["records"] for v in index.values()))


if __name__ == "__main__":
    main()
