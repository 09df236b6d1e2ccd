// Evaluator intrinsics (sema.h, SEMA_HOOK_INTRINSIC): a builtin tagged with
// an intrinsic id promises the standard semantics of that builtin, so the
// evaluator computes the common cases here, without the call into the
// plugin. Each case below is exactly what the tagged builtin's own fast path
// returns (plugins/core, plugins/map); anything not handled returns false
// and the caller calls the builtin, so results and errors cannot diverge.
//
// Arguments are BORROWED; on true, `out` holds a new reference. The caller
// has already checked the call's arity against the builtin's.
#pragma once

#include "value/hashmap.hpp"
#include "value/value.hpp"

#include <cstdint>

namespace sema::rt {

namespace intrinsic_detail {

// + - * on two immediate ints: the result must stay immediate.
[[gnu::always_inline]] inline bool int_arith(uint8_t id, int64_t x, int64_t y, Word& out) {
  int64_t r;
  bool overflow = id == SEMA_INTRINSIC_ADD   ? __builtin_add_overflow(x, y, &r)
                  : id == SEMA_INTRINSIC_SUB ? __builtin_sub_overflow(x, y, &r)
                                             : __builtin_mul_overflow(x, y, &r);
  if (overflow || !sema_fits_small_int(r)) return false;
  out = sema_from_small_int(r);
  return true;
}

// + - * on two immediate ints or two floats. core's fold() starts from an
// int accumulator (0 for +, 1 for *), so the float cases are (0.0 + a) + b
// and (1.0 * a) * b: (+ -0.0 -0.0) is 0.0.
[[gnu::always_inline]] inline bool arith(uint8_t id, Word a, Word b, Word& out) {
  if (is_small_int(a) && is_small_int(b)) return int_arith(id, sema_small_int_of(a), sema_small_int_of(b), out);
  if (sema_is_float(a) && sema_is_float(b)) {
    double x = sema_float_of(a), y = sema_float_of(b);
    double r = id == SEMA_INTRINSIC_ADD ? (0.0 + x) + y : id == SEMA_INTRINSIC_SUB ? x - y : (1.0 * x) * y;
    out = sema_from_float(r);
    return true;
  }
  return false;
}

// < > <= >= on two numbers of one immediate kind (NaN: false).
template <class Cmp>
[[gnu::always_inline]] inline bool ordered(Word a, Word b, Word& out, Cmp cmp) {
  if (is_small_int(a) && is_small_int(b)) {
    out = sema_from_bool(cmp(sema_small_int_of(a), sema_small_int_of(b)));
    return true;
  }
  if (sema_is_float(a) && sema_is_float(b)) {
    out = sema_from_bool(cmp(sema_float_of(a), sema_float_of(b)));
    return true;
  }
  return false;
}

// =: numbers of one immediate kind compare numerically (0.0 = -0.0, NaN is
// not equal to itself), two strings by their bytes.
[[gnu::always_inline]] inline bool num_eq(Word a, Word b, Word& out) {
  if (is_small_int(a) && is_small_int(b)) {
    out = sema_from_bool(a == b);
    return true;
  }
  if (sema_is_float(a) && sema_is_float(b)) {
    out = sema_from_bool(sema_float_of(a) == sema_float_of(b));
    return true;
  }
  if (is_type(a, SEMA_T_STRING) && is_type(b, SEMA_T_STRING)) {
    out = sema_from_bool(string_of(a) == string_of(b));
    return true;
  }
  return false;
}

// get on a map or hashmap (any key; a miss is nil).
inline bool get(Word m, Word key, Word& out) {
  if (!is_ptr(m)) return false;
  bool found = false;
  Word v;
  switch (as_obj(m)->type) {
    case SEMA_T_MAP: v = map_get(m, key, &found); break;
    case SEMA_T_HASHMAP: v = hashmap_get(m, key, &found); break;
    default: return false;
  }
  out = found ? v : SEMA_NIL;
  retain(out);
  return true;
}

// The element at i of a list or vector, when i is in range.
inline bool element(Word s, uint64_t i, Word& out) {
  if (!is_ptr(s)) return false;
  Obj* o = as_obj(s);
  if (o->type == SEMA_T_LIST) {
    auto* l = static_cast<ListObj*>(o);
    if (i >= l->len) return false;
    out = l->at(static_cast<size_t>(i));
  } else if (o->type == SEMA_T_VECTOR) {
    auto* v = static_cast<VectorObj*>(o);
    if (i >= v->items.size()) return false;
    out = v->items[static_cast<size_t>(i)];
  } else {
    return false;
  }
  retain(out);
  return true;
}

// first: a list or vector; an empty one gives nil.
inline bool first(Word s, Word& out) {
  if (element(s, 0, out)) return true;
  if (is_type(s, SEMA_T_LIST) || is_type(s, SEMA_T_VECTOR)) {
    out = SEMA_NIL;
    return true;
  }
  return false;
}

// min / max of two numbers of one immediate kind: the later argument wins
// ties and every comparison with NaN fails, so (min nan 1.0) is nan and
// (min 1.0 nan) is 1.0, as math's pick does. Always inline for a caller that
// dispatches on min/max itself (the mini-eval's stats update); the other
// intrinsics call pick, which the compiler leaves out of line (inlined into
// the evaluator's paths it cost them instructions).
[[gnu::always_inline]] inline bool pick_inline(bool min, Word a, Word b, Word& out) {
  bool later;
  if (is_small_int(a) && is_small_int(b)) {
    int64_t x = sema_small_int_of(a), y = sema_small_int_of(b);
    later = min ? y <= x : y >= x;
  } else if (sema_is_float(a) && sema_is_float(b)) {
    double x = sema_float_of(a), y = sema_float_of(b);
    later = min ? y <= x : y >= x;
  } else {
    return false;
  }
  out = later ? b : a;  // immediates: no reference to take
  return true;
}
inline bool pick(bool min, Word a, Word b, Word& out) { return pick_inline(min, a, b, out); }

// float on a number that needs no parsing: a float is itself (its word is
// already canonical), an immediate int converts exactly as math's hook does.
[[gnu::always_inline]] inline bool to_float(Word a, Word& out) {
  if (sema_is_float(a)) {
    out = a;
    return true;
  }
  if (!is_small_int(a)) return false;
  out = sema_from_float(static_cast<double>(sema_small_int_of(a)));
  return true;
}

}  // namespace intrinsic_detail

// string->number on the short decimal texts (value/string_number.cpp); out
// of line, so that the parser is not inlined into every intrinsic1 site.
[[gnu::visibility("hidden")]] bool short_string_to_number(Word a, Word& out);
// The same on a text's bytes (a field of a deferred split, mini_run.cpp).
[[gnu::visibility("hidden")]] bool short_text_to_number(std::string_view text, Word& out);
// string/split at a one-byte separator (value/list.cpp).
[[gnu::visibility("hidden")]] bool split_at_byte(Word text, Word sep, Word& out);
// A field of such a split as a new string (value/list.cpp; false: out of memory).
[[gnu::visibility("hidden")]] bool make_field_string(std::string_view field, Word& out);

// One argument. False: not handled, call the builtin. Inline (always): an
// out-of-line copy in the shared runtime is called through the PLT.
[[gnu::always_inline]] inline bool intrinsic1(uint8_t id, Word a, Word& out) {
  switch (id) {
    case SEMA_INTRINSIC_NOT: out = sema_from_bool(!sema_truthy(a)); return true;
    case SEMA_INTRINSIC_NIL_P: out = sema_from_bool(a == SEMA_NIL); return true;
    case SEMA_INTRINSIC_FIRST: return intrinsic_detail::first(a, out);
    case SEMA_INTRINSIC_FLOAT: return intrinsic_detail::to_float(a, out);
    case SEMA_INTRINSIC_STRING_TO_NUMBER: return short_string_to_number(a, out);
    default: return false;
  }
}

// The cases of intrinsic2 on two immediate numbers, which make no call: a
// caller whose fast path ends here needs no saved registers. False: not
// handled here (intrinsic2 may still handle it).
[[gnu::always_inline]] inline bool number_intrinsic2(uint8_t id, Word a, Word b, Word& out) {
  using namespace intrinsic_detail;
  switch (id) {
    case SEMA_INTRINSIC_ADD:
    case SEMA_INTRINSIC_SUB:
    case SEMA_INTRINSIC_MUL: return arith(id, a, b, out);
    case SEMA_INTRINSIC_LT: return ordered(a, b, out, [](auto x, auto y) { return x < y; });
    case SEMA_INTRINSIC_GT: return ordered(a, b, out, [](auto x, auto y) { return x > y; });
    case SEMA_INTRINSIC_LE: return ordered(a, b, out, [](auto x, auto y) { return x <= y; });
    case SEMA_INTRINSIC_GE: return ordered(a, b, out, [](auto x, auto y) { return x >= y; });
    case SEMA_INTRINSIC_MIN: return pick(true, a, b, out);
    case SEMA_INTRINSIC_MAX: return pick(false, a, b, out);
    default: return false;
  }
}

// The cases of intrinsic2 on two immediate ints, alone: no calls, so a
// caller's fast path around it needs no saved registers. False: not
// handled here (intrinsic2 may still handle it, e.g. min, nth).
[[gnu::always_inline]] inline bool int_intrinsic2(uint8_t id, Word a, Word b, Word& out) {
  int64_t x = sema_small_int_of(a), y = sema_small_int_of(b);
  switch (id) {
    case SEMA_INTRINSIC_ADD:
    case SEMA_INTRINSIC_SUB:
    case SEMA_INTRINSIC_MUL: return intrinsic_detail::int_arith(id, x, y, out);
    case SEMA_INTRINSIC_LT: out = sema_from_bool(x < y); return true;
    case SEMA_INTRINSIC_GT: out = sema_from_bool(x > y); return true;
    case SEMA_INTRINSIC_LE: out = sema_from_bool(x <= y); return true;
    case SEMA_INTRINSIC_GE: out = sema_from_bool(x >= y); return true;
    case SEMA_INTRINSIC_NUM_EQ: out = sema_from_bool(a == b); return true;
    default: return false;
  }
}

// Two arguments. False: not handled, call the builtin.
[[gnu::always_inline]] inline bool intrinsic2(uint8_t id, Word a, Word b, Word& out) {
  using namespace intrinsic_detail;
  switch (id) {
    case SEMA_INTRINSIC_NUM_EQ: return num_eq(a, b, out);
    case SEMA_INTRINSIC_NTH:
      return is_small_int(b) && element(a, static_cast<uint64_t>(sema_small_int_of(b)), out);
    case SEMA_INTRINSIC_GET: return get(a, b, out);
    case SEMA_INTRINSIC_STRING_SPLIT: return split_at_byte(a, b, out);
    default: return number_intrinsic2(id, a, b, out);
  }
}

// The same, out of line (intrinsics.cpp): the callers on the hot paths use
// these, since inlined into every call site the intrinsics made those
// functions several kilobytes long (more instructions cached, fewer run).
[[gnu::visibility("hidden")]] bool outlined_intrinsic1(uint8_t id, Word a, Word& out);
[[gnu::visibility("hidden")]] bool outlined_intrinsic2(uint8_t id, Word a, Word b, Word& out);

}  // namespace sema::rt
