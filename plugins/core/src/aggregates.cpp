// Whole-sequence reductions and random picks: list/sum, list/min, list/max,
// list/shuffle, list/pick (stdlib.md §2.1).
#include "common.hpp"

#include <algorithm>
#include <random>
#include <string>

namespace core {
namespace {

// All ints ⇒ wrapping int sum; any float ⇒ the float sum of all elements.
Result<Value> b_sum(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "list/sum");
  sema::Seq s(a[0]);
  bool any_float = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_number(s[i])) return sema::type_error("number", s[i]);
    any_float = any_float || sema_is_float(s[i]);
  }
  if (any_float) {
    double sum = 0;
    for (size_t i = 0; i < s.size(); ++i) sum += number_of(s[i]);
    return Value::real(sum);
  }
  int64_t sum = 0;
  for (size_t i = 0; i < s.size(); ++i) sum = wrap_add(sum, int_of(s[i]));
  return Value::integer(sum);
}

// Numeric a < b: ints exactly, anything involving a float through double
// (NaN compares false, so it never replaces the current pick).
bool num_less(sema_value a, sema_value b) {
  if (is_int(a) && is_int(b)) return int_of(a) < int_of(b);
  return number_of(a) < number_of(b);
}

// Returns the original element; ties keep the earliest. A 1-element list is
// returned unchecked, as in the original.
template <bool Max>
Result<Value> b_extreme(sema_ctx*, Args a) {
  const char* name = Max ? "list/max" : "list/min";
  if (!is_seq(a[0])) return seq_error(a[0], name);
  sema::Seq s(a[0]);
  if (s.size() == 0) return sema::eval_error(std::string(name) + ": empty list");
  if (s.size() == 1) return keep(s[0]);
  for (size_t i = 0; i < s.size(); ++i)
    if (!is_number(s[i])) return sema::type_error("number", s[i]);
  sema_value best = s[0];
  for (size_t i = 1; i < s.size(); ++i) {
    bool better = Max ? num_less(best, s[i]) : num_less(s[i], best);
    if (better) best = s[i];
  }
  return keep(best);
}

std::mt19937_64& rng() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return gen;
}

Result<Value> b_shuffle(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "list/shuffle");
  std::vector<sema_value> items = snapshot(a[0]);
  std::shuffle(items.begin(), items.end(), rng());
  Items out(items.size());
  for (sema_value x : items) out.add(x);
  return out.list();
}

Result<Value> b_pick(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "list/pick");
  sema::Seq s(a[0]);
  if (s.size() == 0) return sema::eval_error("list/pick: empty list");
  std::uniform_int_distribution<size_t> pick(0, s.size() - 1);
  return keep(s[pick(rng())]);
}

}  // namespace

void register_aggregates(sema::Registry& r) {
  r.add<b_sum>("list/sum", 1, 1);
  r.add<b_extreme<false>>("list/min", 1, 1);
  r.add<b_extreme<true>>("list/max", 1, 1);
  r.add<b_shuffle>("list/shuffle", 1, 1);
  r.add<b_pick>("list/pick", 1, 1);
}

}  // namespace core
