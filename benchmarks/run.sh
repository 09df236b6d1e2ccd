#!/usr/bin/env bash
# Benchmarks, whole process, median of RUNS (default 3):
#   1BRC with --plugins=std and --plugins=std,fastio on 1M and 10M rows (outputs
#   checked against the C++ reference), and the evaluator micro benchmarks.
# Appends a table to benchmarks/results.md with the commit.
#   benchmarks/run.sh [BUILD_DIR]     (ROWS="1000000 10000000" RUNS=3 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${RUNS:-3}
rows_list=${ROWS:-"1000000 10000000"}
sema=$build/bin/sema
measure=$build/bin/sema-bench-measure
data=$build/bench-data
mkdir -p "$data"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# One run of a command: prints "MS PEAK_KB CPU_MS"; fails when the output differs from $want.
once() {
  local want=$1; shift
  local ms kb code cpu
  read -r ms kb code cpu < <("$measure" "$out" -- "$@")
  if [[ "$code" != 0 ]]; then echo "FAILED (exit $code): $*" >&2; return 1; fi
  if [[ -n "$want" ]] && ! cmp -s "$out" "$want"; then echo "WRONG OUTPUT: $*" >&2; diff <(head -c 300 "$want") <(head -c 300 "$out") >&2 || true; return 1; fi
  echo "$ms $kb $cpu"
}

# median of a list of numbers
median_of() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# median of `runs` runs of one command: prints "MS PEAK_KB"
median() {
  local times=() peak=0 ms kb cpu
  for ((i = 0; i < runs; i++)); do
    read -r ms kb cpu < <(once "$@") || return 1
    times+=("$ms"); (( kb > peak )) && peak=$kb
  done
  echo "$(median_of "${times[@]}") $peak"
}

{
  echo
  echo "## $(date -u +%Y-%m-%d) commit $commit ($(nproc) cores, median of $runs)"
  echo
  echo "| benchmark | plugins | ms | ms per 1M rows | peak MB | fastio ratio | CPU ms |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
} > "$data/table.md"

for rows in $rows_list; do
  file=$data/measurements-$rows.txt
  [[ -f $file ]] || "$build/bin/sema-1brc-generate" "$rows" "$file"
  want=$data/expected-$rows.txt
  "$build/bin/sema-1brc-reference" "$file" > "$want"
  # The three programs take turns, run by run, so that a slow stretch of
  # this shared machine hits all of them alike (the ratio is what matters).
  # (CPU time is the median's too: fastio reads large files on a second thread.)
  ref_t=() std_t=() fast_t=() ref_c=() std_c=() fast_c=() ref_kb=0 std_kb=0 fast_kb=0
  for ((r = 0; r < runs; r++)); do
    read -r ms kb cpu < <(once "$want" "$build/bin/sema-1brc-reference" "$file") || exit 1
    ref_t+=("$ms"); ref_c+=("$cpu"); (( kb > ref_kb )) && ref_kb=$kb
    read -r ms kb cpu < <(once "$want" "$sema" --plugins=std run benchmarks/1brc/1brc.sema -- "$file") || exit 1
    std_t+=("$ms"); std_c+=("$cpu"); (( kb > std_kb )) && std_kb=$kb
    read -r ms kb cpu < <(once "$want" "$sema" --plugins=std,fastio run benchmarks/1brc/1brc.sema -- "$file") || exit 1
    fast_t+=("$ms"); fast_c+=("$cpu"); (( kb > fast_kb )) && fast_kb=$kb
  done
  ref_ms=$(median_of "${ref_t[@]}") std_ms=$(median_of "${std_t[@]}") fast_ms=$(median_of "${fast_t[@]}")
  ref_cpu=$(median_of "${ref_c[@]}") std_cpu=$(median_of "${std_c[@]}") fast_cpu=$(median_of "${fast_c[@]}")
  m=$(awk "BEGIN{print $rows/1000000}")
  awk -v r="$rows" -v m="$m" -v a="$ref_ms" -v ak="$ref_kb" -v s="$std_ms" -v sk="$std_kb" -v f="$fast_ms" -v fk="$fast_kb" \
      -v ac="$ref_cpu" -v sc="$std_cpu" -v fc="$fast_cpu" 'BEGIN{
    printf "| 1brc %s rows | C++ reference | %.0f | %.0f | %.1f | | %.0f |\n", r, a, a/m, ak/1024, ac;
    printf "| 1brc %s rows | std | %.0f | %.0f | %.1f | | %.0f |\n", r, s, s/m, sk/1024, sc;
    printf "| 1brc %s rows | std,fastio | %.0f | %.0f | %.1f | %.2fx | %.0f |\n", r, f, f/m, fk/1024, s/f, fc }' >> "$data/table.md"
done

for bench in fib tak nqueens strings maps; do
  read -r ms kb < <(median "" "$sema" --plugins=std benchmarks/micro/$bench.sema) || exit 1
  awk -v b="$bench" -v t="$ms" -v k="$kb" 'BEGIN{printf "| %s | std | %.0f | | %.1f | | |\n", b, t, k/1024}' >> "$data/table.md"
done

cat "$data/table.md"
cat "$data/table.md" >> benchmarks/results.md
