#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang and runs each one for a
# set time (issue 6). `make fuzz` calls it.
#   scripts/fuzz.sh [TARGET...]           (default: every target)
# Environment:
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_BUILD    build folder (default build-fuzz)
#   FUZZ_JOBS     parallel build jobs (default: nproc)
#   CLANG_CXX     the clang++ to use (default: the first of clang++-16..19, clang++ ≥ 16)
# The working corpus lives in $FUZZ_BUILD/corpus/TARGET and grows from run to
# run; it starts from tests/fuzz/corpus/TARGET and, for the reader and eval
# targets, the golden tests (tests/lang) and examples. Findings (crashes,
# leaks, timeouts) are written to $FUZZ_BUILD/findings/TARGET/; the script
# prints executions and findings per target and exits 1 if there was any.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD:-build-fuzz}
jobs=${FUZZ_JOBS:-$(nproc)}
all_targets=(reader eval string_to_number format json regex)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

find_clang() {
  if [[ -n "${CLANG_CXX:-}" ]]; then echo "$CLANG_CXX"; return; fi
  for v in 16 17 18 19 20; do
    if command -v "clang++-$v" > /dev/null; then echo "clang++-$v"; return; fi
  done
  if command -v clang++ > /dev/null; then
    local major
    major=$(clang++ -dumpversion | cut -d. -f1)
    if (( major >= 16 )); then echo clang++; return; fi
  fi
  echo "fuzz.sh: needs clang++ >= 16 with libFuzzer (Debian: apt-get install clang-16 libclang-rt-16-dev)" >&2
  exit 2
}
cxx=$(find_clang)
cc=${cxx/clang++/clang}

cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" > /dev/null
cmake --build "$build" -j "$jobs" --target $(printf 'fuzz-%s ' "${targets[@]}")

# Leaks: reference cycles leak by design (architecture.md §2); the same
# suppressions as the sanitizer test run.
# verify_asan_link_order=0: libFuzzer puts libstdc++ before the shared ASan
# runtime in the link; nothing allocates before ASan initialises.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:verify_asan_link_order=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/hostile/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

summary="$build/fuzz-summary.txt"
: > "$summary"
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  seeds=("tests/fuzz/corpus/$t")
  if [[ $t == reader || $t == eval ]]; then
    # Seeds from the golden tests and the examples, one file per script.
    mkdir -p "$build/seeds-golden"
    for f in tests/lang/*.sema tests/lang/modules/*.sema examples/*.sema; do
      [[ -f "$f" ]] && cp "$f" "$build/seeds-golden/$(echo "$f" | tr / _)"
    done
    seeds+=("$build/seeds-golden")
  fi
  max_len=4096
  [[ $t == reader || $t == eval ]] && max_len=16384
  # libFuzzer's leak check runs after single inputs, while a reused runtime is
  # alive; values are NaN-boxed words, which LSan does not see as pointers, so
  # everything the runtime holds would look leaked. Only the reader frees all
  # it made after each input; leaks elsewhere are checked by make test-asan,
  # at process exit after the runtime is gone.
  leaks=0
  [[ $t == reader ]] && leaks=1
  log="$build/fuzz-$t.log"
  echo "== fuzz-$t: ${seconds}s"
  set +e
  "$build/fuzz-$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=$max_len \
    -print_final_stats=1 -detect_leaks=$leaks -artifact_prefix="$findings/" "$corpus" "${seeds[@]}" > "$log" 2>&1
  code=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  found=$(find "$findings" -type f | wc -l)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  printf '%-18s execs %-10s coverage %-7s corpus %-6s findings %s (exit %s)\n' "$t" "${execs:-?}" "${cov:-?}" \
    "$(find "$corpus" -type f | wc -l)" "$found" "$code" | tee -a "$summary"
  if [[ $code != 0 || $found != 0 ]]; then
    status=1
    echo "   see $log and $findings/" | tee -a "$summary"
    grep -m3 -E "ERROR: |sema-fuzz finding|runtime error" "$log" | sed 's/^/   /' || true
  fi
done
echo "summary: $summary"
exit $status
