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

# median of `runs` runs: prints "MS PEAK_KB"; fails when the output differs from $want
median() {
  local want=$1; shift
  local times=() peak=0
  for ((i = 0; i < runs; i++)); do
    read -r ms kb code < <("$measure" "$out" -- "$@")
    if [[ "$code" != 0 ]]; then echo "FAILED (exit $code): $*" >&2; return 1; fi
    if [[ -n "$want" ]] && ! cmp -s "$out" "$want"; then echo "WRONG OUTPUT: $*" >&2; diff <(head -c 300 "$want") <(head -c 300 "$out") >&2 || true; return 1; fi
    times+=("$ms"); (( kb > peak )) && peak=$kb
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p" | tr '\n' ' '
  echo "$peak"
}

{
  echo
  echo "## $(date -u +%Y-%m-%d) commit $commit ($(nproc) cores, median of $runs)"
  echo
  echo "| benchmark | plugins | ms | ms per 1M rows | peak MB | fastio ratio |"
  echo "| --- | --- | ---: | ---: | ---: | ---: |"
} > "$data/table.md"

for rows in $rows_list; do
  file=$data/measurements-$rows.txt
  [[ -f $file ]] || "$build/bin/sema-1brc-generate" "$rows" "$file"
  want=$data/expected-$rows.txt
  "$build/bin/sema-1brc-reference" "$file" > "$want"
  read -r ref_ms ref_kb < <(median "$want" "$build/bin/sema-1brc-reference" "$file")
  read -r std_ms std_kb < <(median "$want" "$sema" --plugins=std run benchmarks/1brc/1brc.sema -- "$file")
  read -r fast_ms fast_kb < <(median "$want" "$sema" --plugins=std,fastio run benchmarks/1brc/1brc.sema -- "$file")
  m=$(awk "BEGIN{print $rows/1000000}")
  awk -v r="$rows" -v m="$m" -v a="$ref_ms" -v ak="$ref_kb" -v s="$std_ms" -v sk="$std_kb" -v f="$fast_ms" -v fk="$fast_kb" 'BEGIN{
    printf "| 1brc %s rows | C++ reference | %.0f | %.0f | %.1f | |\n", r, a, a/m, ak/1024;
    printf "| 1brc %s rows | std | %.0f | %.0f | %.1f | |\n", r, s, s/m, sk/1024;
    printf "| 1brc %s rows | std,fastio | %.0f | %.0f | %.1f | %.2fx |\n", r, f, f/m, fk/1024, s/f }' >> "$data/table.md"
done

for bench in fib tak nqueens strings maps; do
  read -r ms kb < <(median "" "$sema" --plugins=std benchmarks/micro/$bench.sema)
  awk -v b="$bench" -v t="$ms" -v k="$kb" 'BEGIN{printf "| %s | std | %.0f | | %.1f | |\n", b, t, k/1024}' >> "$data/table.md"
done

cat "$data/table.md"
cat "$data/table.md" >> benchmarks/results.md
