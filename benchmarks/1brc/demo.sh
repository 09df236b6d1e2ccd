#!/usr/bin/env bash
# `make run`: generate 1M rows once (cached in the build folder), then run the
# 1BRC script with the std and fastio plugins and show the table and the time.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
rows=${ROWS:-1000000}
file=$build/bench-data/measurements-$rows.txt
mkdir -p "$build/bench-data"
if [[ ! -f $file ]]; then
  echo "Generating $rows rows into $file (once; cached)"
  "$build/bin/sema-1brc-generate" "$rows" "$file"
fi
echo "Running: sema --plugins=std,fastio run benchmarks/1brc/1brc.sema -- $file"
start=$(date +%s.%N)
"$build/bin/sema" --plugins=std,fastio run benchmarks/1brc/1brc.sema -- "$file" | tr -d '{}' | sed 's/, /\n/g' |
  awk -F'[=/]' 'BEGIN{printf "%7s %7s %7s  %s\n", "min", "mean", "max", "station"} {printf "%7s %7s %7s  %s\n", $2, $3, $4, $1}'
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v r="$rows" 'BEGIN{printf "\n%d rows in %.2f s\n", r, e - s}'
