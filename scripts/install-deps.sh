#!/usr/bin/env bash
# Installs the Debian packages the build needs. Idempotent: does nothing when
# every package is already installed.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make
  libboost1.81-dev       # Boost.DLL (plugin loading), Boost.Unordered (hash maps)
  libcli11-dev           # command line
  libfast-float-dev      # number parsing
  libhwy-dev             # SIMD byte search / line splitting
  catch2                 # tests (v2)
  libre2-dev             # regex/*
  nlohmann-json3-dev     # json/*, sema ast --json
  libssl-dev             # hash/*, uuid (libcrypto)
  libcurl4-openssl-dev   # http/*
  libedit-dev            # REPL line editing
  libutf8proc-dev        # Unicode case mapping and properties
  libbenchmark-dev       # micro benchmarks
)
if [[ "${SEMA_WITH_FUZZ:-0}" == 1 ]]; then
  packages+=(clang-16 libclang-rt-16-dev)  # libFuzzer; see scripts/fuzz.sh
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
