// gensym (stdlib.md §2.7).
#include "common.hpp"

#include <atomic>
#include <string>

namespace core {
namespace {

// One process-wide counter shared by every prefix and never reset, so
// generated names stay unique across runtimes in the same process too.
std::atomic<uint64_t> gensym_counter{0};

Result<Value> b_gensym(sema_ctx*, Args a) {
  std::string name = "g";
  if (a.size() == 1) {
    if (!sema::is_string(a[0])) return sema::type_error("string", a[0]);
    name = sema::string_of(a[0]);
  }
  name += "__";
  name += std::to_string(gensym_counter.fetch_add(1, std::memory_order_relaxed));
  return Value::symbol(name);
}

}  // namespace

void register_meta(sema::Registry& r) {
  sema::BuiltinOptions o;
  o.arity_text = "0 or 1";
  r.add<b_gensym>("gensym", 0, 1, std::move(o));
}

}  // namespace core
