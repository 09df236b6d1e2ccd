// Entry point of the io plugin: console output, format, reader helpers,
// files, paths, line streaming, CSV and JSON (stdlib.md §5).
#include "io_common.hpp"

namespace {
void register_io_builtins(sema::Registry& r) {
  sema_io::register_console(r);
  sema_io::register_format(r);
  sema_io::register_reader(r);
  sema_io::register_files(r);
  sema_io::register_paths(r);
  sema_io::register_lines(r);
  sema_io::register_csv(r);
  sema_io::register_json_encode(r);
  sema_io::register_json_decode(r);
}
}  // namespace

SEMA_PLUGIN("io", "1.0.0", register_io_builtins)
