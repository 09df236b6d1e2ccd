// count and empty?: sizes of any collection (maps, hashmaps, lists, vectors,
// strings in bytes), with nil counting as empty.
#include "map_common.hpp"

#include <optional>

namespace sema_map {
namespace {

using sema::api;

// Number of entries/elements/bytes, or nullopt for a non-collection.
std::optional<size_t> size_of(sema_value v) {
  if (v == SEMA_NIL) return 0;
  if (!sema_is_ptr(v)) return std::nullopt;
  switch (sema::type_of(v)) {
    case SEMA_T_MAP: return api->map_count(v);
    case SEMA_T_HASHMAP: return api->hashmap_count(v);
    case SEMA_T_LIST:
    case SEMA_T_VECTOR: return sema::Seq(v).size();
    case SEMA_T_STRING: return sema::string_of(v).size();
    default: return std::nullopt;
  }
}

sema::Result<Value> count(sema_ctx*, sema::Args a) {
  auto n = size_of(a[0]);
  if (!n) return sema::type_error("collection", a[0]);
  return Value::integer(static_cast<int64_t>(*n));
}

sema::Result<Value> empty(sema_ctx*, sema::Args a) {
  auto n = size_of(a[0]);
  if (!n) return sema::type_error("collection", a[0]);
  return Value::boolean(*n == 0);
}

}  // namespace

void register_collections(sema::Registry& r) {
  r.add<count>("count", 1, 1);
  r.add<empty>("empty?", 1, 1);
}

}  // namespace sema_map
