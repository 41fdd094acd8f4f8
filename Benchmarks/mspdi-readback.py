#!/usr/bin/env python3
"""Checks Luodi's MS Project XML output with an independent reader and scheduler (MPXJ).

Schedules FILE (.xml or .xer) with `luodi schedule --write-mspdi`, then has MPXJ read the
written MSPDI and re-schedule it with its MicrosoftScheduler (shared/tools/mpxj-schedule.py),
and compares the two per task (matched by position: Luodi writes task UIDs 1..n in order).

Usage: Benchmarks/mspdi-readback.py FILE [--luodi PATH] [--tool PATH]
Needs: pip install mpxj JPype1 (Java 11+).
"""
import argparse, json, os, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--luodi", default=".build/debug/luodi")
ap.add_argument("--tool", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "mpxj-schedule.py"))
a = ap.parse_args()

with tempfile.TemporaryDirectory() as d:
    out = os.path.join(d, "written.xml")
    luodi = json.loads(subprocess.run([a.luodi, "schedule", a.file, "--format", "json", "--write-mspdi", out],
                                      capture_output=True, text=True, check=True).stdout)
    mpxj = json.loads(subprocess.run([sys.executable, a.tool, out], capture_output=True, text=True, check=True).stdout)

ours = luodi["activities"]
theirs = {int(x["id"]): x for x in mpxj["activities"]}
print(f"{a.file}: Luodi wrote {len(ours)} tasks; MPXJ read {len(theirs)} back")
for field in ["earlyStart", "earlyFinish", "lateStart", "lateFinish", "totalFloatMinutes"]:
    same = [i for i, x in enumerate(ours, 1) if i in theirs and theirs[i][field] == x[field]]
    print(f"{field}: {len(same)}/{len(ours)} equal")
    for i, x in enumerate(ours, 1):
        if i in theirs and theirs[i][field] != x[field]:
            print(f"  - {x['id']} {x['name']}: Luodi {x[field]}, MPXJ {theirs[i][field]}")
