#!/usr/bin/env bash
# Stages an install of this build, builds examples/plugins/hello against the
# installed SDK only (find_package(SemaSDK)), and loads it with the installed
# sema, which must find its own plugins relative to itself.
#   out_of_tree.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR
set -euo pipefail
build=$1 source=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
stage=$scratch/stage
cmake --install "$build" --prefix "$stage" > "$scratch/install.log"

cmake -S "$source/examples/plugins/hello" -B "$scratch/hello" -G Ninja -DCMAKE_PREFIX_PATH="$stage" > "$scratch/configure.log"
cmake --build "$scratch/hello" > "$scratch/build.log"
plugin=$scratch/hello/libsema-hello.so
[[ -f $plugin ]] || { echo "hello plugin was not built"; exit 1; }

fail=0
check() {  # check EXPECTED ARGS...
  local want=$1; shift
  local got
  got=$(env -u SEMA_PLUGIN_PATH "$stage/bin/sema" "$@" 2>&1) || true
  if [[ "$got" != "$want" ]]; then echo "FAIL: sema $*"; echo "  want: $want"; echo "  got:  $got"; fail=1; else echo "ok: sema $*"; fi
}
check '"Hello, you!"' --plugins=std,"$plugin" -e '(hello/greet "you")'
check '49' --plugins=std,"$plugin" -e '(hello/square 7)'
check '(1 4 9)' --plugins=std,"$plugin" -e '(map hello/square (list 1 2 3))'
check '"expected int, got string"' --plugins=std,"$plugin" -e '(try (hello/square "x") (catch e (:message e)))' 
# sys opens its companion libraries (libcrypto, libcurl) from its own folder on first use.
check '"900150983cd24fb0d6963f7d28e17f72"' --plugins=std -e '(hash/md5 "abc")'
check '"Hello, path!"' --plugin-path "$scratch/hello" --plugins=std,hello -e '(hello/greet "path")'

# pkg-config describes the same headers.
cflags=$(PKG_CONFIG_PATH=$stage/lib/pkgconfig pkg-config --cflags sema-sdk)
incdir=${cflags#-I}; incdir=${incdir%% *}
[[ -f $incdir/sema/sema.h ]] || { echo "FAIL: pkg-config --cflags sema-sdk gave '$cflags' (no sema/sema.h there)"; fail=1; }
[[ -f $stage/include/sema/sema.h && -f $stage/include/sema/sema.hpp ]] || { echo "FAIL: SDK headers not installed"; fail=1; }
exit $fail
