// Entry point of the map plugin: sorted maps and hashmaps (stdlib.md §4).
#include "map_common.hpp"

namespace {
void register_map_builtins(sema::Registry& r) {
  sema_map::register_lookup(r);
  sema_map::register_build(r);
  sema_map::register_transform(r);
  sema_map::register_collections(r);
}
}  // namespace

SEMA_PLUGIN("map", "1.0.0", register_map_builtins)
