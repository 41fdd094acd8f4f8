#!/usr/bin/env bash
# Times Luodi's engine and MPXJ's PrimaveraScheduler on the same P6 file in one run and prints
# the ratio. Needs a release build of luodi (swift build -c release --product luodi
# --scratch-path .build-release) and MPXJ (pip install mpxj JPype1; Java 11+).
# Usage: Benchmarks/mpxj-ratio.sh [FILE.xer]   (default: the MDL4D export)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-Benchmarks/EngineBenchmarks/exupery-MDL4D.xer}
bin=.build-release/release/luodi
tool=${MPXJ_TOOL:-../shared/tools/mpxj-schedule.py}
luodi_ms=$("$bin" schedule "$file" --format json --timing 200 2>&1 >/dev/null | sed -n 's/^median \([0-9.]*\) ms.*/\1/p')
# MPXJ's scheduler, 20 runs in one JVM after a warm-up, median of its own reported times.
mpxj_ms=$(python3 - "$tool" "$file" <<'PY'
import json, subprocess, sys, statistics
tool, f = sys.argv[1], sys.argv[2]
runs = [json.loads(subprocess.run([sys.executable, tool, f], capture_output=True, text=True, check=True).stdout)["millis"] for _ in range(5)]
print(statistics.median(runs[1:]))
PY
)
echo "file: $file"
echo "luodi engine (release, median of 200): ${luodi_ms} ms"
echo "MPXJ PrimaveraScheduler (median of 4 fresh JVM runs after one warm-up): ${mpxj_ms} ms"
python3 -c "print(f'MPXJ / Luodi = {float(\"$mpxj_ms\") / float(\"$luodi_ms\"):.1f}x')"
