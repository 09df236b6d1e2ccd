// Builtins that call a procedure per element: map, filter, foldl, foldr,
// reduce, for-each, apply, any, every, partition, take-while, drop-while,
// flat-map, list/group-by (stdlib.md §2.2). Callbacks are ordinary calls
// (decisions.md #2); the first error aborts the builtin unchanged, effects
// already done stay done. Elements are iterated from a snapshot because a
// callback may grow the shared store of the very list being walked.
#include "common.hpp"

#include <algorithm>
#include <utility>

namespace core {
namespace {

std::unexpected<sema::Error> fail(Result<Value>& r) { return std::unexpected(std::move(r.error())); }

Result<Value> b_map(sema_ctx* ctx, Args a) {
  for (size_t i = 1; i < a.size(); ++i)
    if (!is_seq(a[i])) return seq_error(a[i], "map");
  if (a.size() == 2) {
    std::vector<sema_value> xs = snapshot(a[1]);
    Items out(xs.size());
    for (sema_value x : xs) {
      auto r = call_fn(ctx, a[0], x);
      if (!r) return fail(r);
      out.add(std::move(*r));
    }
    return out.list();
  }
  // Several sequences in lockstep, stopping at the shortest.
  std::vector<std::vector<sema_value>> cols;
  size_t n = SIZE_MAX;
  for (size_t i = 1; i < a.size(); ++i) {
    cols.push_back(snapshot(a[i]));
    n = std::min(n, cols.back().size());
  }
  Items out(n);
  std::vector<sema_value> args(cols.size());
  for (size_t k = 0; k < n; ++k) {
    for (size_t j = 0; j < cols.size(); ++j) args[j] = cols[j][k];
    auto r = call_fn(ctx, a[0], args.data(), args.size());
    if (!r) return fail(r);
    out.add(std::move(*r));
  }
  return out.list();
}

Result<Value> b_filter(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "filter");
  std::vector<sema_value> xs = snapshot(a[1]);
  Items out;
  for (sema_value x : xs) {
    auto r = call_fn(ctx, a[0], x);
    if (!r) return fail(r);
    if (r->truthy()) out.add(x);
  }
  return out.list();
}

Result<Value> b_foldl(sema_ctx* ctx, Args a) {
  if (!is_seq(a[2])) return seq_error(a[2], "foldl");
  std::vector<sema_value> xs = snapshot(a[2]);
  Value acc = keep(a[1]);
  for (sema_value x : xs) {
    auto r = sema::call_owned(ctx, a[0], std::move(acc), Value::borrow(x));
    if (!r) return fail(r);
    acc = std::move(*r);
  }
  return acc;
}

Result<Value> b_foldr(sema_ctx* ctx, Args a) {
  if (!is_seq(a[2])) return seq_error(a[2], "foldr");
  std::vector<sema_value> xs = snapshot(a[2]);
  Value acc = keep(a[1]);
  for (size_t i = xs.size(); i-- > 0;) {
    auto r = sema::call_owned(ctx, a[0], Value::borrow(xs[i]), std::move(acc));
    if (!r) return fail(r);
    acc = std::move(*r);
  }
  return acc;
}

// The first element seeds the accumulator; one element ⇒ it, f not called.
Result<Value> b_reduce(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "reduce");
  std::vector<sema_value> xs = snapshot(a[1]);
  if (xs.empty()) return sema::eval_error("reduce: empty list");
  Value acc = keep(xs[0]);
  for (size_t i = 1; i < xs.size(); ++i) {
    auto r = sema::call_owned(ctx, a[0], std::move(acc), Value::borrow(xs[i]));
    if (!r) return fail(r);
    acc = std::move(*r);
  }
  return acc;
}

Result<Value> b_for_each(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "for-each");
  std::vector<sema_value> xs = snapshot(a[1]);
  for (sema_value x : xs) {
    auto r = call_fn(ctx, a[0], x);
    if (!r) return fail(r);
  }
  return Value::nil();
}

// (apply f a b '(c d)) ≡ (f a b c d); the last argument must be a sequence.
Result<Value> b_apply(sema_ctx* ctx, Args a) {
  sema_value last = a[a.size() - 1];
  if (!is_seq(last)) return seq_error(last, "apply");
  std::vector<sema_value> args(a.data + 1, a.data + a.size() - 1);
  std::vector<sema_value> tail = snapshot(last);
  args.insert(args.end(), tail.begin(), tail.end());
  return call_fn(ctx, a[0], args.data(), args.size());
}

// any / every return #t / #f, never the predicate's value.
template <bool Every>
Result<Value> b_any_every(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], Every ? "every" : "any");
  std::vector<sema_value> xs = snapshot(a[1]);
  for (sema_value x : xs) {
    auto r = call_fn(ctx, a[0], x);
    if (!r) return fail(r);
    if (r->truthy() != Every) return Value::boolean(!Every);
  }
  return Value::boolean(Every);
}

Result<Value> b_partition(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "partition");
  std::vector<sema_value> xs = snapshot(a[1]);
  Items yes, no;
  for (sema_value x : xs) {
    auto r = call_fn(ctx, a[0], x);
    if (!r) return fail(r);
    (r->truthy() ? yes : no).add(x);
  }
  Items out(2);
  out.add(yes.list());
  out.add(no.list());
  return out.list();
}

Result<Value> b_take_while(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "take-while");
  std::vector<sema_value> xs = snapshot(a[1]);
  Items out;
  for (sema_value x : xs) {
    auto r = call_fn(ctx, a[0], x);
    if (!r) return fail(r);
    if (!r->truthy()) break;
    out.add(x);
  }
  return out.list();
}

// The predicate is not called again after its first falsy result.
Result<Value> b_drop_while(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "drop-while");
  std::vector<sema_value> xs = snapshot(a[1]);
  size_t i = 0;
  for (; i < xs.size(); ++i) {
    auto r = call_fn(ctx, a[0], xs[i]);
    if (!r) return fail(r);
    if (!r->truthy()) break;
  }
  Items out(xs.size() - i);
  for (; i < xs.size(); ++i) out.add(xs[i]);
  return out.list();
}

// List/vector results are spliced, anything else is added as one element.
Result<Value> b_flat_map(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "flat-map");
  std::vector<sema_value> xs = snapshot(a[1]);
  Items out;
  for (sema_value x : xs) {
    auto r = call_fn(ctx, a[0], x);
    if (!r) return fail(r);
    if (is_seq(r->get())) {
      sema::Seq s(r->get());
      for (size_t j = 0; j < s.size(); ++j) out.add(s[j]);
    } else {
      out.add(std::move(*r));
    }
  }
  return out.list();
}

// Key (f x) ⇒ list of the elements with that key, in input order. Groups are
// collected first (the map only indexes them) and turned into lists at the end.
Result<Value> b_group_by(sema_ctx* ctx, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "list/group-by");
  std::vector<sema_value> xs = snapshot(a[1]);
  Value index = Value::own(host().make_map());  // key ⇒ group number
  std::vector<Value> keys;
  std::vector<Items> groups;
  for (sema_value x : xs) {
    auto k = call_fn(ctx, a[0], x);
    if (!k) return fail(k);
    int found = 0;
    sema_value slot = host().map_get(index.get(), k->get(), &found);
    size_t g;
    if (found) {
      g = static_cast<size_t>(int_of(slot));
    } else {
      g = groups.size();
      groups.emplace_back();
      Value gv = Value::integer(static_cast<int64_t>(g));
      index = Value::own(host().map_assoc(index.release(), k->get(), gv.get()));
      keys.push_back(std::move(*k));
    }
    groups[g].add(x);
  }
  Value out = Value::own(host().make_map());
  for (size_t g = 0; g < groups.size(); ++g) {
    Value list = groups[g].list();
    out = Value::own(host().map_assoc(out.release(), keys[g].get(), list.get()));
  }
  return out;
}

}  // namespace

void register_higher_order(sema::Registry& r) {
  constexpr int V = SEMA_ARITY_VARIADIC;
  r.add<b_map>("map", 2, V);
  r.add<b_filter>("filter", 2, 2);
  r.add<b_foldl>("foldl", 3, 3);
  r.add<b_foldr>("foldr", 3, 3);
  r.add<b_reduce>("reduce", 2, 2);
  r.add<b_for_each>("for-each", 2, 2);
  r.add<b_apply>("apply", 2, V);
  r.add<b_any_every<false>>("any", 2, 2);
  r.add<b_any_every<true>>("every", 2, 2);
  r.add<b_partition>("partition", 2, 2);
  r.add<b_take_while>("take-while", 2, 2);
  r.add<b_take_while>("list/take-while", 2, 2);
  r.add<b_drop_while>("drop-while", 2, 2);
  r.add<b_drop_while>("list/drop-while", 2, 2);
  r.add<b_flat_map>("flat-map", 2, 2);
  r.add<b_group_by>("list/group-by", 2, 2);
}

}  // namespace core
