// Map builtins that call back into Sema: map/map-vals, map/filter,
// map/map-keys, map/update. Callbacks are ordinary calls (api->call); their
// errors propagate unchanged.
#include "map_common.hpp"

namespace sema_map {
namespace {

using sema::api;

// Walks a sorted map while holding our own reference to it, so nothing a
// callback does can make the host update it in place under our feet.
template <class Fn>
sema::Result<Value> walk(sema_value map, Fn&& step) {
  Value keep = Value::borrow(map);
  Value out = Value::own(api->make_map());
  size_t n = api->map_count(map);
  for (size_t i = 0; i < n; ++i) {
    Entry e = map_entry(map, i);
    auto r = step(out, e);
    if (!r) return std::unexpected(r.error());
  }
  return out;
}

sema::Result<Value> map_vals(sema_ctx* ctx, sema::Args a) {
  if (!is_map(a[1])) return sema::type_error("map", a[1]);
  return walk(a[1], [&](Value& out, Entry e) -> sema::Result<void> {
    auto v = sema::call(ctx, a[0], {e.val});
    if (!v) return std::unexpected(v.error());
    out = Value::own(api->map_assoc(out.release(), e.key, v->get()));
    return {};
  });
}

sema::Result<Value> map_filter(sema_ctx* ctx, sema::Args a) {
  if (!is_map(a[1])) return sema::type_error("map", a[1]);
  return walk(a[1], [&](Value& out, Entry e) -> sema::Result<void> {
    auto keep = sema::call(ctx, a[0], {e.key, e.val});
    if (!keep) return std::unexpected(keep.error());
    if (keep->truthy()) out = Value::own(api->map_assoc(out.release(), e.key, e.val));
    return {};
  });
}

// Keys are visited in key order, so on a collision the later entry wins.
sema::Result<Value> map_keys(sema_ctx* ctx, sema::Args a) {
  if (!is_map(a[1])) return sema::type_error("map", a[1]);
  return walk(a[1], [&](Value& out, Entry e) -> sema::Result<void> {
    auto k = sema::call(ctx, a[0], {e.key});
    if (!k) return std::unexpected(k.error());
    out = Value::own(api->map_assoc(out.release(), k->get(), e.val));
    return {};
  });
}

sema::Result<Value> map_update(sema_ctx* ctx, sema::Args a) {
  if (!is_map(a[0])) return sema::type_error("map", a[0]);
  int found = 0;
  sema_value current = api->map_get(a[0], a[1], &found);
  auto v = sema::call(ctx, a[2], {found ? current : SEMA_NIL});
  if (!v) return std::unexpected(v.error());
  return Value::own(api->map_assoc(Value::borrow(a[0]).release(), a[1], v->get()));
}

}  // namespace

void register_transform(sema::Registry& r) {
  r.add<map_vals>("map/map-vals", 2, 2);
  r.add<map_filter>("map/filter", 2, 2);
  r.add<map_keys>("map/map-keys", 2, 2);
  r.add<map_update>("map/update", 3, 3);
}

}  // namespace sema_map
