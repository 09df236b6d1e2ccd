// Sequence transformations and searches that need no callback: zip, flatten,
// member, list/index-of, list/unique, list/dedupe, list/interleave, interpose,
// frequencies, list/chunk, list/split-at (stdlib.md §2.1).
#include "common.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace core {
namespace {

// Checks every argument from `first` on is a sequence (Ts(fn)); returns the
// length of the shortest.
Result<size_t> shortest(Args a, size_t first, std::string_view fn) {
  size_t n = SIZE_MAX;
  for (size_t i = first; i < a.size(); ++i) {
    if (!is_seq(a[i])) return seq_error(a[i], fn);
    n = std::min(n, sema::Seq(a[i]).size());
  }
  return n == SIZE_MAX ? 0 : n;
}

Result<Value> b_zip(sema_ctx*, Args a) {
  auto n = shortest(a, 0, "zip");
  if (!n) return std::unexpected(n.error());
  Items rows(*n);
  for (size_t i = 0; i < *n; ++i) {
    Items row(a.size());
    for (size_t j = 0; j < a.size(); ++j) row.add(sema::Seq(a[j])[i]);
    rows.add(row.list());
  }
  return rows.list();
}

Result<Value> b_interleave(sema_ctx*, Args a) {
  auto n = shortest(a, 0, "list/interleave");
  if (!n) return std::unexpected(n.error());
  Items out(*n * a.size());
  for (size_t i = 0; i < *n; ++i)
    for (size_t j = 0; j < a.size(); ++j) out.add(sema::Seq(a[j])[i]);
  return out.list();
}

// One level only: `(flatten '(1 (2 (3))))` ⇒ `(1 2 (3))`.
Result<Value> b_flatten(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "flatten");
  sema::Seq s(a[0]);
  Items out(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_seq(s[i])) {
      sema::Seq inner(s[i]);
      for (size_t j = 0; j < inner.size(); ++j) out.add(inner[j]);
    } else {
      out.add(s[i]);
    }
  }
  return out.list();
}

// Full flattening with an explicit stack, so a deeply nested argument cannot
// overflow the C++ stack. A non-sequence x gives (x).
Result<Value> b_flatten_deep(sema_ctx*, Args a) {
  Items out;
  if (!is_seq(a[0])) {
    out.add(a[0]);
    return out.list();
  }
  std::vector<std::pair<sema_value, size_t>> stack{{a[0], 0}};
  while (!stack.empty()) {
    auto& [seq, next] = stack.back();
    sema::Seq s(seq);
    if (next >= s.size()) {
      stack.pop_back();
      continue;
    }
    sema_value x = s[next++];
    if (is_seq(x))
      stack.emplace_back(x, 0);
    else
      out.add(x);
  }
  return out.list();
}

// The tail list from the first equal element, or #f.
Result<Value> b_member(sema_ctx*, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "member");
  sema::Seq s(a[1]);
  for (size_t i = 0; i < s.size(); ++i) {
    if (host().equal(a[0], s[i])) {
      if (is_list(a[1])) return list_tail(a[1], i);
      return slice(a[1], i, s.size(), false);
    }
  }
  return Value::boolean(false);
}

Result<Value> b_index_of(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "list/index-of");
  sema::Seq s(a[0]);
  for (size_t i = 0; i < s.size(); ++i)
    if (host().equal(s[i], a[1])) return Value::integer(static_cast<int64_t>(i));
  return Value::nil();
}

// First occurrences kept in order; buckets by the language's hash so long
// lists stay linear (equal values hash alike).
Result<Value> b_unique(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "list/unique");
  sema::Seq s(a[0]);
  std::unordered_multimap<uint64_t, sema_value> seen;
  Items out(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    sema_value x = s[i];
    uint64_t h = host().hash(x);
    auto [lo, hi] = seen.equal_range(h);
    bool dup = false;
    for (auto it = lo; it != hi && !dup; ++it) dup = host().equal(it->second, x) != 0;
    if (dup) continue;
    seen.emplace(h, x);
    out.add(x);
  }
  return out.list();
}

Result<Value> b_dedupe(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "list/dedupe");
  sema::Seq s(a[0]);
  Items out(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (i == 0 || !host().equal(s[i - 1], s[i])) out.add(s[i]);
  return out.list();
}

Result<Value> b_interpose(sema_ctx*, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], "interpose");
  sema::Seq s(a[1]);
  Items out(s.size() * 2);
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0) out.add(a[0]);
    out.add(s[i]);
  }
  return out.list();
}

Result<Value> b_frequencies(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "frequencies");
  sema::Seq s(a[0]);
  Value m = Value::own(host().make_map());
  for (size_t i = 0; i < s.size(); ++i) {
    int found = 0;
    sema_value old = host().map_get(m.get(), s[i], &found);
    int64_t count = found ? int_of(old) + 1 : 1;
    Value c = Value::integer(count);
    m = Value::own(host().map_assoc(m.release(), s[i], c.get()));
  }
  return m;
}

// A negative size is huge in the original: one chunk holding everything.
Result<Value> b_chunk(sema_ctx*, Args a) {
  if (!is_int(a[0])) return sema::type_error("int", a[0]);
  if (!is_seq(a[1])) return seq_error(a[1], "list/chunk");
  uint64_t n = as_unsigned(int_of(a[0]));
  if (n == 0) return sema::eval_error("list/chunk: chunk size must be positive");
  sema::Seq s(a[1]);
  Items out;
  for (size_t i = 0; i < s.size();) {
    size_t end = (s.size() - i) <= n ? s.size() : i + static_cast<size_t>(n);
    out.add(slice(a[1], i, end, false));
    i = end;
  }
  return out.list();
}

// Note the argument order (seq first). n is clamped; negative ⇒ (all ()).
Result<Value> b_split_at(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "list/split-at");
  if (!is_int(a[1])) return sema::type_error("int", a[1]);
  sema::Seq s(a[0]);
  uint64_t n = as_unsigned(int_of(a[1]));
  size_t cut = n < s.size() ? static_cast<size_t>(n) : s.size();
  Items out(2);
  out.add(slice(a[0], 0, cut, false));
  out.add(slice(a[0], cut, s.size(), false));
  return out.list();
}

}  // namespace

void register_sequence_ops(sema::Registry& r) {
  constexpr int V = SEMA_ARITY_VARIADIC;
  r.add<b_zip>("zip", 2, V);
  r.add<b_flatten>("flatten", 1, 1);
  r.add<b_flatten_deep>("flatten-deep", 1, 1);
  r.add<b_member>("member", 2, 2);
  r.add<b_index_of>("list/index-of", 2, 2);
  r.add<b_unique>("list/unique", 1, 1);
  r.add<b_dedupe>("list/dedupe", 1, 1);
  r.add<b_interleave>("list/interleave", 2, V);
  r.add<b_interpose>("interpose", 2, 2);
  r.add<b_frequencies>("frequencies", 1, 1);
  r.add<b_chunk>("list/chunk", 2, 2);
  r.add<b_split_at>("list/split-at", 2, 2);
}

}  // namespace core
