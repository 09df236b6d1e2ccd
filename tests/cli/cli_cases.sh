#!/usr/bin/env bash
# CLI behaviour of language.md §6 through the real binary:
#   cli_cases.sh SEMA CASE      (cli_cases.sh SEMA --list prints the cases)
set -uo pipefail
sema=$1
case_name=$2
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"

fail() { echo "FAIL: $*"; exit 1; }
# contains PATTERN ARGS...: sema's combined output contains PATTERN (a grep regex)
contains() {
  local pattern=$1; shift
  local out
  out=$("$sema" "$@" 2>&1)
  grep -q -- "$pattern" <<<"$out"
}
# expect STDOUT STDERR CODE -- ARGS...
expect() {
  local want_out=$1 want_err=$2 want_code=$3; shift 4
  local out err code
  out=$("$sema" "$@" 2>"$scratch/err") ; code=$?
  err=$(cat "$scratch/err")
  [[ "$out" == "$want_out" ]] || fail "sema $*: stdout '$out', expected '$want_out'"
  [[ "$want_err" == "*" || "$err" == "$want_err" ]] || fail "sema $*: stderr '$err', expected '$want_err'"
  [[ "$code" == "$want_code" ]] || fail "sema $*: exit $code, expected $want_code"
}

case_eval_prints_non_nil() {
  expect "3" "" 0 -- -e '(+ 1 2)'
  expect "" "" 0 -- -e '(define x 1)'
  expect "6" "" 0 -- -e '(define x 2) (* x 3)'
  expect '"hi"' "" 0 -- -e '"hi"'
  expect "hi" "" 0 -- -e '(println "hi")'
}
case_print_always_prints() {
  expect "nil" "" 0 -- -p '(define x 1)'
  expect "(1 2)" "" 0 -- -p "'(1 2)"
}
case_errors_exit_1() {
  expect "" "Error: Unbound variable: foo" 1 -- -e 'foo'
  expect "" "Error: Reader error at 0:0: unterminated list" 1 -- -e '(+ 1'
  expect "" 'Error: User exception: "x"' 1 -- -e '(throw "x")'
  expect "" $'Error: Type error: expected number, got string\n  at + (<input>:1:15)\n  at f (<input>:1:26)' 1 -- -e '(define (f x) (+ x "a")) (f 1)'
}
case_usage_errors_exit_2() {
  expect "" "*" 2 -- --no-such-flag
  expect "" "*" 2 -- -e 1 -p 2
  expect "" "*" 2 -- a.sema b.sema
}
case_version_and_help() {
  expect "sema 0.8.0" "" 0 -- --version
  grep -q -- "--plugins" <<<"$("$sema" --help)" || fail "--help does not describe --plugins"
  grep -q "Run a script" <<<"$("$sema" run --help)" || fail "run --help"
}
case_script_file_and_args() {
  printf '(println (sys/args))\n(println (+ 40 2))\n' > s.sema
  expect "(\"$sema\" \"s.sema\" \"--\" \"a\" \"b\")"$'\n'"42" "" 0 -- s.sema -- a b
  expect "(\"$sema\" \"run\" \"s.sema\")"$'\n'"42" "" 0 -- run s.sema
}
case_unreadable_file() {
  expect "" "Error reading missing.sema: No such file or directory (os error 2)" 1 -- missing.sema
}
case_load_files_first() {
  printf '(define (double x) (* 2 x))\n(println "loaded")\n' > lib.sema
  expect $'loaded\n42' "" 0 -- -l lib.sema -e '(double 21)'
  printf '(car 5)\n' > bad.sema
  expect "" "*" 1 -- -l bad.sema -e '1'
  contains "^Error loading bad.sema: Type error" -l bad.sema -e 1 || fail "load error text"
}
case_exit_code_from_script() {
  expect "before" "" 7 -- -e '(begin (display "before") (exit 7))'
  expect "" "" 3 -- -e '(try (exit 3) (catch e 0))'
}
case_deep_recursion() {
  expect "1000000" "" 0 -- -p '(begin (define (f n acc) (if (= n 0) acc (f (- n 1) (+ acc 1)))) (f 1000000 0))'
  expect "10000" "" 0 -- -e '(define (g n) (if (= n 0) 0 (+ 1 (g (- n 1))))) (g 10000)'
  out=$("$sema" -e '(define (h n) (+ 1 (h n))) (h 1)' 2>&1); code=$?
  [[ $code == 1 ]] || fail "runaway recursion exit $code"
  [[ "$out" == *"maximum eval depth exceeded"* ]] || fail "runaway recursion message: ${out:0:200}"
  expect "500" "" 0 -- --max-depth 600 -e '(define (g n) (if (= n 0) 0 (+ 1 (g (- n 1))))) (g 500)'
  contains "maximum eval depth exceeded" --max-depth 100 -e '(define (g n) (if (= n 0) 0 (+ 1 (g (- n 1))))) (g 500)' || fail "--max-depth"
}
case_reader_errors_have_positions() {
  expect "" "Error: Reader error at 1:4: unexpected token: RParen" 1 -- -e '(a))'
  expect "" "Error: Reader error at 1:1: unterminated string" 1 -- -e '"abc'
  expect "" 'Error: Reader error at 1:1: unexpected character after #: '"'"'x'"'" 1 -- -e '#x1F'
  expect "" "Error: Reader error at 1:1: unknown character name: foobar" 1 -- -e '#\foobar'
}
case_ast_subcommand() {
  expect $'List\n  Symbol +\n  Int 1\n  Map\n    Entry\n      Keyword :a\n      String "x"' "" 0 -- ast -e '(+ 1 {:a "x"})'
  grep -q '"type": "list"' <<<"$("$sema" ast --json -e '(+ 1 2)')" || fail "ast --json"
  expect "" "Error: provide a file or --eval expression" 1 -- ast
}
case_plugins_listing() {
  out=$("$sema" --plugins=std plugins) || fail "sema plugins failed"
  for p in core string map io math sys; do
    grep -q "^$p " <<<"$out" || fail "sema plugins does not list $p: $out"
  done
  contains "provided by the string plugin" --plugins=core -e '(string/upper "a")' || fail "missing-plugin hint"
  expect "" "*" 1 -- --plugins=core,nosuch -e 1
}
case_tour_uses_every_plugin() {
  local tour=$here/../../examples/tour.sema
  out=$("$sema" --plugins=std "$tour" 2>&1) || fail "tour under std: $out"
  grep -q "^MODULAR a+b+c$" <<<"$out" || fail "tour output: $out"
  grep -q "md5 of abc: 900150983cd24fb0d6963f7d28e17f72" <<<"$out" || fail "tour output: $out"
  out=$("$sema" --plugins=core "$tour" 2>&1); code=$?
  [[ $code == 1 ]] || fail "tour under core exited $code"
  grep -q "provided by the io plugin, which is not loaded; try --plugins=std" <<<"$out" || fail "tour under core: $out"
}
case_repl_piped() {
  out=$(printf '(+ 1 2)\n"hi"\n(define x 1)\nx\n(car 5)\n(+ 1\n 2)\n,quit\n' | "$sema" -q 2>"$scratch/err"); code=$?
  [[ $code == 0 ]] || fail "repl exit $code"
  [[ "$out" == $'3\n"hi"\n1\n3\nGoodbye!' ]] || fail "repl stdout: $out"
  grep -q "Type error" "$scratch/err" || fail "repl stderr: $(cat "$scratch/err")"
}
case_sandbox_denies() {
  contains "Permission error" --sandbox -e '(shell "true")' || fail "--sandbox shell"
  contains "fs-write" --deny=fs-write -e '(file/write "x.txt" "y")' || fail "--deny fs-write"
  [[ ! -e x.txt ]] || fail "file written under --deny"
}
case_timeout() {
  out=$("$sema" --timeout 1 -e '(define (spin) (spin)) (spin)' 2>&1); code=$?
  [[ $code == 1 ]] || fail "timeout exit $code: $out"
}

if [[ "$case_name" == --list ]]; then
  declare -F | sed -n 's/^declare -f case_//p'
  exit 0
fi
"case_$case_name"
echo "ok: $case_name"
