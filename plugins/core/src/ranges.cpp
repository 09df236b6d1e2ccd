// Generated integer lists and repetition: range, iota, list/repeat, make-list
// (stdlib.md §2.1).
#include "common.hpp"

#include <string>

namespace core {
namespace {

// Half-open range. The number of elements is computed up front, so stepping
// can never overflow int64 (the original looped forever there, §1.9).
Result<Value> b_range(sema_ctx*, Args a) {
  int64_t v[3] = {0, 0, 1};
  for (size_t i = 0; i < a.size(); ++i) {
    if (!is_int(a[i])) return sema::type_error("int", a[i]);
    v[i] = int_of(a[i]);
  }
  int64_t start = 0, end = v[0], step = 1;
  if (a.size() >= 2) {
    start = v[0];
    end = v[1];
  }
  if (a.size() == 3) step = v[2];
  if (step == 0) return sema::eval_error("range: step cannot be 0");

  uint64_t count = 0;
  if (step > 0 && start < end) {
    uint64_t span = static_cast<uint64_t>(end) - static_cast<uint64_t>(start);
    uint64_t ustep = static_cast<uint64_t>(step);
    count = span / ustep + (span % ustep != 0);
  } else if (step < 0 && start > end) {
    uint64_t span = static_cast<uint64_t>(start) - static_cast<uint64_t>(end);
    uint64_t ustep = 0 - static_cast<uint64_t>(step);  // |step|, also for INT64_MIN
    count = span / ustep + (span % ustep != 0);
  }
  Items out(static_cast<size_t>(count));
  int64_t x = start;
  for (uint64_t k = 0; k < count; ++k) {
    out.add(Value::integer(x));
    if (k + 1 < count) x = wrap_add(x, step);  // in range by construction
  }
  return out.list();
}

// count values from start by step; count <= 0 ⇒ () (no wrap of the count).
// The values themselves wrap like the other integer arithmetic (§1.5).
Result<Value> b_iota(sema_ctx*, Args a) {
  int64_t v[3] = {0, 0, 1};
  for (size_t i = 0; i < a.size(); ++i) {
    if (!is_int(a[i])) return sema::type_error("int", a[i]);
    v[i] = int_of(a[i]);
  }
  if (v[0] <= 0) return empty_list();
  Items out(static_cast<size_t>(v[0]));
  int64_t x = v[1];
  for (int64_t k = 0; k < v[0]; ++k) {
    out.add(Value::integer(x));
    x = wrap_add(x, v[2]);
  }
  return out.list();
}

// A negative count crashed the original (allocation overflow); here it is an
// error naming the builtin that was called.
template <const char* Name>
Result<Value> b_repeat(sema_ctx*, Args a) {
  if (!is_int(a[0])) return sema::type_error("int", a[0]);
  int64_t n = int_of(a[0]);
  if (n < 0) return sema::eval_error(std::string(Name) + ": count must be non-negative");
  Items out(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out.add(a[1]);
  return out.list();
}

constexpr char kListRepeat[] = "list/repeat";
constexpr char kMakeList[] = "make-list";

}  // namespace

void register_ranges(sema::Registry& r) {
  r.add<b_range>("range", 1, 3);
  r.add<b_iota>("iota", 1, 3);
  r.add<b_repeat<kListRepeat>>("list/repeat", 2, 2);
  r.add<b_repeat<kMakeList>>("make-list", 2, 2, label("list/repeat"));
}

}  // namespace core
