#!/usr/bin/env python3
"""Heap cost of one more application group: our server with N distinct hello-world mounts.

  bench/group_heap.py [--steps 10,20,40] [--port 18821] [--out DIR]

Starts `java -jar wsgi.jar` (no JVM flags) on a fresh deploy folder holding one mount (/hello), then for each step
writes a .conf with that many extra mounts, each `WSGIScriptAlias /gNNN .../gNNN.wsgi` on its own copy of
bench/apps/hello.wsgi (or --app environ, which imports json), so each is its own %{RESOURCE} application group (its own Jython interpreter state)
and loads its own script. After every mount has answered 200, it forces two full GCs (jcmd GC.run) and reads
the live heap and metaspace (jcmd GC.heap_info) and the RSS. The cost per group is the least-squares slope of
used heap over the number of groups (and the plain delta from 0 to the largest step).
"""
import argparse
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bl  # noqa: E402


def slope(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", default="10,20,40", help="cumulative numbers of extra groups")
    p.add_argument("--app", default="hello", help="which bench/apps/APP.wsgi each group loads (environ imports json)")
    p.add_argument("--port", type=int, default=18821)
    p.add_argument("--out")
    a = p.parse_args()
    steps = [int(s) for s in a.steps.split(",")]
    out = a.out or os.path.join("/tmp/wsgi-bench", "groups-" + time.strftime("%Y%m%d-%H%M%S"))
    deploy = os.path.join(out, "deploy")
    scripts = os.path.join(out, "scripts")
    os.makedirs(deploy, exist_ok=True)
    os.makedirs(scripts, exist_ok=True)
    hello = os.path.join(bl.BENCH, "apps", "hello.wsgi")
    app = os.path.join(bl.BENCH, "apps", a.app + ".wsgi")
    for i in range(max(steps)):
        shutil.copy(app, os.path.join(scripts, "g%03d.wsgi" % i))
    with open(os.path.join(deploy, "00-base.conf"), "w") as f:
        f.write("WSGIScriptAlias /hello %s\n" % hello)

    bl.build_distribution()
    server = bl.OurServer(os.path.join(out, "server"), a.port, deploy)
    rows = []
    res = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": bl.machine_notes(), "steps": steps,
           "app": a.app}
    try:
        server.start("/hello")
        res["jar"] = server.jar_info

        def measure(groups):
            bl.full_gc(server.pid)
            h = bl.heap_info(server.pid)
            created = sum(1 for line in open(server.logfile) if "Create interpreter" in line)
            row = {"extra_groups": groups, "interpreters_created": created, "heap_used": h["used"],
                   "heap_committed": h["committed"], "metaspace": h["metaspace"], "rss": bl.rss_mib(server.pids())}
            rows.append(row)
            bl.log("extra groups %3d: interpreters %3d, heap used %.1f MiB, metaspace %.1f MiB, RSS %.0f MiB" % (
                groups, created, h["used"], h["metaspace"], row["rss"]))

        measure(0)
        for n in steps:
            with open(os.path.join(deploy, "10-groups.conf.tmp"), "w") as f:
                for i in range(n):
                    f.write("WSGIScriptAlias /g%03d %s/g%03d.wsgi\n" % (i, scripts, i))
            os.replace(os.path.join(deploy, "10-groups.conf.tmp"), os.path.join(deploy, "10-groups.conf"))
            if not bl.wait_for(server.url("/g%03d" % (n - 1)), 60, server.proc):
                sys.exit("mount /g%03d never answered; log: %s" % (n - 1, server.logfile))
            for i in range(n):
                status, body = bl.http_get(server.url("/g%03d" % i))
                if status != 200 or (a.app == "hello" and body != b"Hello World!"):
                    sys.exit("/g%03d answered %d %r" % (i, status, body[:100]))
            measure(n)
    finally:
        server.stop()
    xs = [r["extra_groups"] for r in rows]
    res["rows"] = rows
    res["per_group_heap_mib"] = slope(xs, [r["heap_used"] for r in rows])
    res["per_group_metaspace_mib"] = slope(xs, [r["metaspace"] for r in rows])
    res["per_group_rss_mib"] = slope(xs, [r["rss"] for r in rows])
    res["delta_heap_mib"] = (rows[-1]["heap_used"] - rows[0]["heap_used"]) / rows[-1]["extra_groups"]
    with open(os.path.join(out, "groups.json"), "w") as f:
        json.dump(res, f, indent=1)
    print("| extra groups | interpreters created | heap used MiB (after GC) | committed MiB | metaspace MiB | RSS MiB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| %d | %d | %.1f | %.0f | %.1f | %.0f |" % (r["extra_groups"], r["interpreters_created"],
                                                        r["heap_used"], r["heap_committed"], r["metaspace"], r["rss"]))
    print("\nper group (least-squares slope): heap %.2f MiB, metaspace %.2f MiB, RSS %.2f MiB; "
          "heap delta 0->%d: %.2f MiB/group; target < 20 MB heap: %s" % (
              res["per_group_heap_mib"], res["per_group_metaspace_mib"], res["per_group_rss_mib"], xs[-1],
              res["delta_heap_mib"], "met" if res["per_group_heap_mib"] * 1.048576 < 20 else "NOT met"))
    print("raw: %s/groups.json; server log %s" % (out, server.logfile))


if __name__ == "__main__":
    main()
