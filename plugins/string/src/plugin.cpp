// The string plugin: stdlib.md §3 (strings, chars, conversions, regex), every
// builtin of string.rs and regex_ops.rs except `format` (io plugin).
#include "string_common.hpp"

namespace {
void register_all(sema::Registry& r) {
  sema_string::register_basic(r);
  sema_string::register_search(r);
  sema_string::register_case(r);
  sema_string::register_chars(r);
  sema_string::register_conversions(r);
  sema_string::register_regex(r);
}
}  // namespace

SEMA_PLUGIN("string", "1.0.0", register_all)
