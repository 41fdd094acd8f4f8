#!/usr/bin/env bash
# Times Luodi's engine and MPXJ's PrimaveraScheduler on the same P6 file in one run and prints
# the ratio. Needs a release build of luodi (swift build -c release --product luodi
# --scratch-path .build-release) and MPXJ (pip install mpxj JPype1; Java 11+).
# Usage: Benchmarks/mpxj-ratio.sh [FILE.xer]   (default: the MDL4D export)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-Benchmarks/EngineBenchmarks/exupery-MDL4D.xer}
bin=.build-release/release/luodi
luodi_ms=$("$bin" schedule "$file" --format json --timing 200 2>&1 >/dev/null | sed -n 's/^median \([0-9.]*\) ms.*/\1/p')
# MPXJ's scheduler in one JVM: 30 runs, the median of the last 20 (after the JIT has warmed up).
mpxj_ms=$(python3 - "$file" <<'PY'
import statistics, sys, time
import jpype, mpxj  # noqa: F401  (mpxj puts its jars on the class path)
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
from org.mpxj.cpm import PrimaveraScheduler
samples = []
for _ in range(30):
    project = UniversalProjectReader().read(sys.argv[1])
    props = project.getProjectProperties()
    start = props.getStatusDate() or props.getStartDate()
    t0 = time.perf_counter()
    PrimaveraScheduler().schedule(project, start)
    samples.append((time.perf_counter() - t0) * 1000)
print(round(statistics.median(samples[10:]), 3))
PY
)
echo "file: $file"
echo "luodi engine (release, median of 200): ${luodi_ms} ms"
echo "MPXJ PrimaveraScheduler (one JVM, median of runs 11-30): ${mpxj_ms} ms"
python3 -c "print(f'MPXJ / Luodi = {float(\"$mpxj_ms\") / float(\"$luodi_ms\"):.1f}x')"
