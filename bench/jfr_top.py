#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: the hottest frames by self and by inclusive time.

  bench/jfr_top.py RECORDING.jfr [--top 25] [--thread qtp] [--depth 64] [--frame WsgiServlet.service]

Reads `jfr print --events jdk.ExecutionSample --stack-depth DEPTH` as a stream (no JSON in memory), keeps the
samples of threads whose name contains --thread (Jetty's pool is "qtp..."), and prints: self time by package
family, the top self frames, and the top frames by inclusive time (a method counted once per sample).
"""
import argparse
import collections
import re
import subprocess
import sys

FAMILIES = [("org.python.", "Jython (org.python)"), ("org.eclipse.jetty.", "Jetty"),
            ("org.apache.felix.", "Felix"), ("org.wsgi.", "org.wsgi"), ("jakarta.", "servlet API"),
            ("java.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK")]
FRAME = re.compile(r"^\s+(\S+?)\(.*\)\s+line:")


def family(frame):
    for prefix, name in FAMILIES:
        if frame.startswith(prefix):
            return name
    return "other (generated Python code, ...)"


def gc_summary(recording):
    """Count, total and longest pause of the garbage collections in the recording, by collector name (G1Full
    ones are usually the harness's own `jcmd GC.run` after the load)."""
    out = subprocess.run(["jfr", "print", "--events", "jdk.GarbageCollection", recording], capture_output=True,
                         text=True).stdout
    pauses = collections.defaultdict(list)
    name = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("name = "):
            name = line.split("=", 1)[1].strip().strip('"')
        elif line.startswith("sumOfPauses = ") and name:
            m = re.match(r"([\d.]+) (ns|us|ms|s)", line.split("=", 1)[1].strip())
            if m:
                pauses[name].append(float(m.group(1)) * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}[m.group(2)])
    if pauses:
        print("GC: " + "; ".join("%s %d, pauses total %.0f ms, longest %.1f ms" % (n, len(p), sum(p), max(p))
                                 for n, p in sorted(pauses.items())) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("recording")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--thread", default="qtp")
    p.add_argument("--depth", type=int, default=64)
    p.add_argument("--under", help="comma-separated prefixes: list only these frames as inclusive (e.g. org.wsgi.)")
    p.add_argument("--callers", help="also print the commonest stacks (8 frames) of self frames containing this")
    p.add_argument("--frame", help="keep only samples with a frame containing this text (e.g. WsgiServlet.service)")
    a = p.parse_args()
    proc = subprocess.Popen(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(a.depth),
                             a.recording], stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    selfc, incl, fam, chains = (collections.Counter(), collections.Counter(), collections.Counter(),
                                collections.Counter())
    samples = 0
    thread, frames = None, None
    for line in proc.stdout:
        if line.startswith("jdk.ExecutionSample"):
            thread, frames = None, []
        elif "sampledThread = " in line:
            thread = line.split("=", 1)[1].strip()
        elif frames is not None:
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))
            elif line.startswith("}"):
                if frames and thread and a.thread in thread and (
                        a.frame is None or any(a.frame in f for f in frames)):
                    samples += 1
                    selfc[frames[0]] += 1
                    fam[family(frames[0])] += 1
                    for f in set(frames):
                        incl[f] += 1
                    if a.callers and a.callers in frames[0]:
                        chains[" <- ".join(f.rsplit(".", 2)[-2] + "." + f.rsplit(".", 1)[-1] for f in frames[:8])] += 1
                frames = None
    proc.wait()
    if samples == 0:
        sys.exit("no samples on threads matching %r" % a.thread)
    gc_summary(a.recording)
    print("%d samples on threads matching %r%s (stack depth %d)\n" % (
        samples, a.thread, "" if a.frame is None else " with a frame matching %r" % a.frame, a.depth))
    print("self time by family:")
    for name, n in fam.most_common():
        print("  %5.1f %%  %s" % (100.0 * n / samples, name))
    print("\ntop self frames:")
    for f, n in selfc.most_common(a.top):
        print("  %5.1f %%  %s" % (100.0 * n / samples, f))
    prefixes = tuple(a.under.split(",")) if a.under else ("",)
    print("\ntop inclusive frames%s:" % ("" if not a.under else " under " + a.under))
    for f, n in [(f, n) for f, n in incl.most_common() if f.startswith(prefixes)][:a.top]:
        print("  %5.1f %%  %s" % (100.0 * n / samples, f))
    if a.callers:
        print("\ncommonest stacks of self frames containing %r:" % a.callers)
        for c, n in chains.most_common(8):
            print("  %5.1f %%  %s" % (100.0 * n / samples, c))


if __name__ == "__main__":
    main()
