#!/usr/bin/env bash
# parity.sh SEMA GENERATE REFERENCE SCRIPT WORKDIR: 50,000 generated rows (plus
# a file with CRLF endings, blank lines and no final newline) give the
# reference's output with --plugins=std and with --plugins=std,fastio.
set -euo pipefail
sema=$1 generate=$2 reference=$3 script=$4 work=$5
mkdir -p "$work"
data=$work/parity-50k.txt
[[ -f $data ]] || "$generate" 50000 "$data" 7
odd=$work/parity-odd.txt
{ head -n 100 "$data" | sed 's/$/\r/'; echo; head -n 200 "$data" | tail -n 100; printf 'Zürich;-3.5'; } > "$odd"
fail=0
for f in "$data" "$odd"; do
  want=$("$reference" "$f")
  for plugins in std std,fastio; do
    got=$("$sema" --plugins=$plugins run "$script" -- "$f")
    if [[ "$got" == "$want" ]]; then echo "ok: $plugins $(basename "$f")"
    else echo "FAIL: $plugins $(basename "$f")"; diff <(echo "$want" | tr ',' '\n') <(echo "$got" | tr ',' '\n') | head; fail=1; fi
  done
done
exit $fail
