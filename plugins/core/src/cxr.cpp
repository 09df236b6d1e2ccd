// c[ad]{2,3}r compositions and association-list lookup (stdlib.md §2.3).
#include "common.hpp"

namespace core {
namespace {

// The letters between c and r, applied right to left; each step is car/cdr
// with their edge cases (empty ⇒ nil / empty of the same kind), and the first
// step that meets a non-sequence raises T(list or vector).
template <char... Ops>
Result<Value> b_cxr(sema_ctx*, Args a) {
  constexpr char ops[] = {Ops...};
  Value cur = keep(a[0]);
  for (size_t i = sizeof...(Ops); i-- > 0;) {
    Result<Value> next = ops[i] == 'a' ? car_of(cur.get()) : cdr_of(cur.get());
    if (!next) return next;
    cur = std::move(*next);
  }
  return cur;
}

// Arity errors name the first step applied, i.e. the last letter.
template <char... Ops>
void add_cxr(sema::Registry& r, const char* name) {
  constexpr char ops[] = {Ops...};
  r.add<b_cxr<Ops...>>(name, 1, 1, label(ops[sizeof...(Ops) - 1] == 'a' ? "car" : "cdr"));
}

// The first element that is a non-empty list whose head equals key
// (structurally); vector pairs are skipped. Else #f.
template <const char* Name>
Result<Value> b_assq(sema_ctx*, Args a) {
  if (!is_seq(a[1])) return seq_error(a[1], Name);
  sema::Seq s(a[1]);
  for (size_t i = 0; i < s.size(); ++i) {
    sema_value pair = s[i];
    if (!is_list(pair)) continue;
    sema::Seq p(pair);
    if (p.size() > 0 && host().equal(p[0], a[0])) return keep(pair);
  }
  return Value::boolean(false);
}

constexpr char kAssq[] = "assq";
constexpr char kAssv[] = "assv";

}  // namespace

void register_cxr(sema::Registry& r) {
  add_cxr<'a', 'a'>(r, "caar");
  add_cxr<'a', 'd'>(r, "cadr");
  add_cxr<'d', 'a'>(r, "cdar");
  add_cxr<'d', 'd'>(r, "cddr");
  add_cxr<'a', 'a', 'a'>(r, "caaar");
  add_cxr<'a', 'a', 'd'>(r, "caadr");
  add_cxr<'a', 'd', 'a'>(r, "cadar");
  add_cxr<'a', 'd', 'd'>(r, "caddr");
  add_cxr<'d', 'a', 'a'>(r, "cdaar");
  add_cxr<'d', 'a', 'd'>(r, "cdadr");
  add_cxr<'d', 'd', 'a'>(r, "cddar");
  add_cxr<'d', 'd', 'd'>(r, "cdddr");
  r.add<b_assq<kAssq>>("assq", 2, 2);
  r.add<b_assq<kAssv>>("assv", 2, 2);
}

}  // namespace core
