// Helpers shared by the core plugin's builtins: argument checks with the
// spec's error texts, owned-element builders, numeric views and the glue that
// turns a generic builtin into a fast-path hook.
#pragma once

#include <sema/sema.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

using sema::Args;
using sema::Result;
using sema::Value;

inline const sema_host_api& host() { return *sema::api; }

// --------------------------------------------------------------- errors

// Ts(f): "expected list or vector, got <type> in f" (stdlib.md §1.2).
inline std::unexpected<sema::Error> seq_error(sema_value got, std::string_view fn) {
  std::string m = "expected list or vector, got ";
  m += host().type_name(got);
  m += " in ";
  m += fn;
  return sema::error(SEMA_ERR_TYPE, std::move(m));
}

// T(list or vector): the plain form without the caller's name.
inline std::unexpected<sema::Error> plain_seq_error(sema_value got) { return sema::type_error("list or vector", got); }

// ---------------------------------------------------------------- kinds

using sema::type_of;  // inline: the host publishes the object header
inline bool is_list(sema_value v) { return sema_is_ptr(v) && type_of(v) == SEMA_T_LIST; }
inline bool is_vector(sema_value v) { return sema_is_ptr(v) && type_of(v) == SEMA_T_VECTOR; }
using sema::is_seq;

// A new reference to a borrowed value (immediates need no retain).
inline Value keep(sema_value v) { return sema_is_ptr(v) ? Value::borrow(v) : Value::own(v); }

// The elements of a list or vector copied out as borrowed words. Builtins that
// run callbacks iterate this snapshot rather than the live view: a callback may
// cons onto the same list, which can move the shared store the view points at.
// The words stay valid because the argument (borrowed for the whole call)
// keeps its elements alive.
inline std::vector<sema_value> snapshot(sema_value seq) {
  sema::Seq s(seq);
  std::vector<sema_value> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) out.push_back(s[i]);
  return out;
}

// A growing sequence of owned references, released unless handed over.
class Items {
 public:
  Items() = default;
  explicit Items(size_t reserve) { v_.reserve(reserve); }
  Items(const Items&) = delete;
  Items& operator=(const Items&) = delete;
  Items(Items&& o) noexcept : v_(std::move(o.v_)) { o.v_.clear(); }
  Items& operator=(Items&&) = delete;
  ~Items() { clear(); }

  void add(sema_value borrowed) {
    v_.reserve(v_.size() + 1);  // grow first so a failed allocation cannot leak the retain
    sema::retain(borrowed);
    v_.push_back(borrowed);
  }
  void add(Value owned) {
    v_.reserve(v_.size() + 1);
    v_.push_back(owned.release());
  }
  size_t size() const { return v_.size(); }
  bool empty() const { return v_.empty(); }
  sema_value operator[](size_t i) const { return v_[i]; }

  Value list() { return hand_over(host().make_list); }
  Value vector() { return hand_over(host().make_vector); }
  void clear() {
    for (sema_value x : v_)
      sema::release(x);
    v_.clear();
  }

 private:
  Value hand_over(sema_value (*make)(sema_value*, size_t)) {
    sema_value out = make(v_.data(), v_.size());
    v_.clear();  // make_* stole the references
    return Value::own(out);
  }
  std::vector<sema_value> v_;
};

inline Value empty_list() { return Value::own(host().make_list(nullptr, 0)); }
inline Value empty_vector() { return Value::own(host().make_vector(nullptr, 0)); }

// Elements [from, to) of a list or vector as a new sequence of the given kind.
inline Value slice(sema_value seq, size_t from, size_t to, bool as_vector) {
  sema::Seq s(seq);
  Items out(to > from ? to - from : 0);
  for (size_t i = from; i < to; ++i) out.add(s[i]);
  return as_vector ? out.vector() : out.list();
}

// The list without its first n elements (n <= length): O(1), shares storage.
inline Value list_tail(sema_value list, size_t n) { return Value::own(sema::api->list_drop(list, n)); }

// -------------------------------------------------------------- numbers

using sema::int_of;
using sema::is_int;
using sema::is_number;
using sema::number_of;

// Two's-complement wrap-around without signed-overflow UB (stdlib.md §1.5).
inline int64_t wrap_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline int64_t wrap_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
inline int64_t wrap_mul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

// A count argument that Rust cast to usize: negative values become huge.
inline uint64_t as_unsigned(int64_t i) { return static_cast<uint64_t>(i); }

// --------------------------------------------------------------- hooks

// Fast-path hooks run the very builtin they sit next to (sema::builtin_hookN),
// so a hook can never disagree with the generic call.
template <sema::Builtin F>
sema::BuiltinOptions pure_hook1() {
  sema::BuiltinOptions o;
  o.hooks = {sema::hook(SEMA_HOOK_ARITY1, SEMA_HOOK_PURE, &sema::builtin_hook1<F>)};
  return o;
}
template <sema::Builtin F>
sema::BuiltinOptions pure_hook2() {
  sema::BuiltinOptions o;
  o.hooks = {sema::hook(SEMA_HOOK_ARITY2, SEMA_HOOK_PURE, &sema::builtin_hook2<F>)};
  return o;
}

// A hook with its own fast path (which falls back to sema::builtin_hookN<F>).
inline sema::BuiltinOptions pure_hook1_fn(sema_hook1_fn fn) {
  sema::BuiltinOptions o;
  o.hooks = {sema::hook(SEMA_HOOK_ARITY1, SEMA_HOOK_PURE, fn)};
  return o;
}
inline sema::BuiltinOptions pure_hook2_fn(sema_hook2_fn fn) {
  sema::BuiltinOptions o;
  o.hooks = {sema::hook(SEMA_HOOK_ARITY2, SEMA_HOOK_PURE, fn)};
  return o;
}

// Declares that the builtin has exactly the standard semantics of `id`
// (SEMA_HOOK_INTRINSIC): the evaluator may compute the common cases itself.
inline sema::BuiltinOptions intrinsic(sema_intrinsic id, sema::BuiltinOptions o) {
  o.hooks.push_back(sema_hook{SEMA_HOOK_INTRINSIC, static_cast<uint32_t>(id), nullptr});
  return o;
}

inline sema::BuiltinOptions label(const char* arity_label) {
  sema::BuiltinOptions o;
  o.arity_label = arity_label;
  return o;
}

// ------------------------------------------------------------- callbacks

// Calls a Sema procedure as an ordinary call (decisions.md #2): the host runs
// lambdas with the full evaluator and raises "not callable" for anything else.
inline Result<Value> call_fn(sema_ctx* ctx, sema_value fn, const sema_value* args, size_t n) {
  sema_value out = SEMA_NIL;
  sema_status st = host().call(ctx, fn, args, n, &out);
  if (st != SEMA_OK) return sema::pending(st);
  return Value::own(out);
}
inline Result<Value> call_fn(sema_ctx* ctx, sema_value fn, sema_value a0) { return call_fn(ctx, fn, &a0, 1); }
inline Result<Value> call_fn(sema_ctx* ctx, sema_value fn, sema_value a0, sema_value a1) {
  const sema_value args[2] = {a0, a1};
  return call_fn(ctx, fn, args, 2);
}

// ------------------------------------------------------- shared builtins

// car/cdr semantics shared by first/rest and the c[ad]+r compositions.
Result<Value> car_of(sema_value v);
Result<Value> cdr_of(sema_value v);

// Registration entry points, one per topic file.
void register_sequences(sema::Registry& r);
void register_sequence_ops(sema::Registry& r);
void register_ranges(sema::Registry& r);
void register_aggregates(sema::Registry& r);
void register_higher_order(sema::Registry& r);
void register_sort(sema::Registry& r);
void register_cxr(sema::Registry& r);
void register_predicates(sema::Registry& r);
void register_comparison(sema::Registry& r);
void register_arithmetic(sema::Registry& r);
void register_meta(sema::Registry& r);

}  // namespace core
