#!/usr/bin/env bash
# Runs one golden test through the real binary:
#   run_golden.sh SEMA PLUGINS tests/lang/NAME.sema
# stdout must equal NAME.out; stderr must equal NAME.err when it exists (the
# test folder's absolute path is written $DIR there); the exit status must
# equal NAME.code (default 0).
set -uo pipefail
sema=$1
plugins=$2
script=$3
dir=$(cd "$(dirname "$script")" && pwd -P)
base="$dir/$(basename "$script" .sema)"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

(cd "$dir" && "$sema" --plugins="$plugins" "$(basename "$script")" >"$out" 2>"$err")
code=$?
status=0
if ! diff -u "$base.out" "$out" > /dev/null; then
  echo "stdout differs from $base.out:"; diff -u "$base.out" "$out" | head -40; status=1
fi
if [[ -f "$base.err" ]]; then
  sed -i "s|$dir|\$DIR|g" "$err"
  if ! diff -u "$base.err" "$err" > /dev/null; then
    echo "stderr differs from $base.err:"; diff -u "$base.err" "$err" | head -40; status=1
  fi
elif [[ -s "$err" && ! -f "$base.code" ]]; then
  echo "unexpected stderr:"; head -20 "$err"; status=1
fi
want=0
[[ -f "$base.code" ]] && want=$(cat "$base.code")
if [[ "$code" != "$want" ]]; then
  echo "exit status $code, expected $want"; status=1
fi
exit $status
