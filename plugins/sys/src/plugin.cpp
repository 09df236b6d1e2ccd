// Entry point of the sys plugin: system, terminal, date/time, crypto,
// bytevectors and HTTP (stdlib.md §7).
#include "common.hpp"

namespace {
void register_sys(sema::Registry& r) {
  sys::register_system(r);
  sys::register_shell(r);
  sys::register_terminal(r);
  sys::register_spinner(r);
  sys::register_datetime(r);
  sys::register_crypto(r);
  sys::register_bytevector(r);
  sys::register_http(r);
}
}  // namespace

SEMA_PLUGIN("sys", "1.0.0", register_sys)
