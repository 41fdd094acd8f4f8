#!/usr/bin/env bash
# Measures the figures in BENCHMARKS.md: import time of the NYC SCA sample and load times of the
# pages over the 2,031-project zone. Needs hyperfine and curl (Debian packages).
# Usage: Benchmarks/measure.sh [path/to/luodi]   (default: a release build in .build-release)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build-release/release/luodi}")
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
sca=Sources/LuodiWeb/Samples/nyc-sca-capital-project-schedules-budgets-SCA-CIP-subset.csv
unset DATABASE_URL

echo "== import of the SCA file (8,124 rows → 2,031 projects, 8,124 milestones) into a new SQLite file"
hyperfine --warmup 1 --runs 5 --prepare "rm -f $work/import.sqlite" \
  "$bin import --profile nyc-sca $sca --database $work/import.sqlite"
echo "== the same file again (2,031 unchanged)"
hyperfine --warmup 1 --runs 5 "$bin import --profile nyc-sca $sca --database $work/import.sqlite"

echo "== pages over the sample portfolio"
LOG_LEVEL=warning "$bin" serve --database "$work/serve.sqlite" --port 18080 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:18080/ && break; sleep 0.5; done
zone='NYC%20School%20Construction%20Authority'
for path in "/projects?zone=$zone" "/projects?zone=$zone&rag=red&sort=overdue&page=3" "/?zone=$zone" \
            "/api/v1/projects?zone=$zone&perPage=50" "/api/v1/dashboard?zone=$zone"; do
  times=$(for _ in $(seq 1 21); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:18080$path"; done | sort -n)
  median=$(echo "$times" | sed -n 11p); max=$(echo "$times" | tail -1)
  printf '%-70s median %6.1f ms   max %6.1f ms\n' "$path" "$(echo "$median*1000" | bc)" "$(echo "$max*1000" | bc)"
done
