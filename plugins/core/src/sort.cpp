// sort and sort-by (stdlib.md §2.2): a stable merge sort whose comparison can
// fail. The first comparator error stops the sort and is returned unchanged;
// nothing is thrown, so no exception can cross the ABI.
#include "common.hpp"

#include <algorithm>
#include <utility>

namespace core {
namespace {

// Sorts v stably by less(x, y) = "x strictly before y". Only ever asks
// less(later, earlier), so a `<`-style predicate keeps equal elements in input
// order. Bottom-up passes with one scratch buffer.
template <class T, class Less>
Result<void> merge_sort(std::vector<T>& v, Less less) {
  std::vector<T> tmp(v.size());
  for (size_t width = 1; width < v.size(); width *= 2) {
    for (size_t lo = 0; lo < v.size(); lo += 2 * width) {
      size_t mid = std::min(lo + width, v.size());
      size_t hi = std::min(lo + 2 * width, v.size());
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        Result<bool> right_first = less(v[j], v[i]);
        if (!right_first) return std::unexpected(std::move(right_first.error()));
        tmp[k++] = *right_first ? v[j++] : v[i++];
      }
      while (i < mid) tmp[k++] = v[i++];
      while (j < hi) tmp[k++] = v[j++];
    }
    v.swap(tmp);
  }
  return {};
}

// A comparator result: an int (<0: a first), #t (a before b); #f, 0 and any
// other value do not put a before b.
Result<bool> comparator_says_before(sema_ctx* ctx, sema_value cmp, sema_value x, sema_value y) {
  auto r = call_fn(ctx, cmp, x, y);
  if (!r) return std::unexpected(std::move(r.error()));
  sema_value v = r->get();
  if (is_int(v)) return int_of(v) < 0;
  return v == SEMA_TRUE;
}

Result<Value> b_sort(sema_ctx* ctx, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "sort");
  std::vector<sema_value> xs = snapshot(a[0]);
  Result<void> done;
  if (a.size() == 1) {
    done = merge_sort(xs, [](sema_value x, sema_value y) -> Result<bool> { return host().compare(x, y) < 0; });
  } else {
    sema_value cmp = a[1];
    done = merge_sort(xs, [&](sema_value x, sema_value y) { return comparator_says_before(ctx, cmp, x, y); });
  }
  if (!done) return std::unexpected(std::move(done.error()));
  Items out(xs.size());
  for (sema_value x : xs) out.add(x);
  return out.list();
}

// keyfn is called once per element, in input order; then a stable sort by
// key in the value order.
Result<Value> b_sort_by(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "sort-by");
  std::vector<sema_value> xs = snapshot(a[1]);
  std::vector<Value> keys;
  keys.reserve(xs.size());
  for (sema_value x : xs) {
    auto k = call_fn(ctx, a[0], x);
    if (!k) return std::unexpected(std::move(k.error()));
    keys.push_back(std::move(*k));
  }
  std::vector<size_t> order(xs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto done = merge_sort(order, [&](size_t i, size_t j) -> Result<bool> {
    return host().compare(keys[i].get(), keys[j].get()) < 0;
  });
  if (!done) return std::unexpected(std::move(done.error()));
  Items out(xs.size());
  for (size_t i : order) out.add(xs[i]);
  return out.list();
}

}  // namespace

void register_sort(sema::Registry& r) {
  r.add<b_sort>("sort", 1, 2);
  r.add<b_sort_by>("sort-by", 2, 2);
}

}  // namespace core
