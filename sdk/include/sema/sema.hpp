// sema.hpp — header-only C++23 layer over the C ABI in sema.h.
//
// RAII values, std::expected-based results, arity-checked registration and a
// boundary that turns every C++ exception into a Sema error. The plugins in
// this repository use exactly this header, as third-party plugins do.
#pragma once

#include <sema/sema.h>

#include <cstdint>
#include <exception>
#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sema {

// The host table, set once by the plugin's init (SEMA_PLUGIN does it).
inline const sema_host_api* api = nullptr;

namespace detail {
// True when the host publishes the heap-object header (sema.h obj_header):
// types and reference counts are then read and adjusted inline.
inline bool obj_header = false;
}  // namespace detail

// Sets api (and what the SDK learns from it); SEMA_PLUGIN calls it in init.
inline void adopt_host(const sema_host_api* host) {
  api = host;
  detail::obj_header = host != nullptr && sema_host_has_obj_header(host);
}

// ------------------------------------------------------ inline value access

inline bool is_ptr(sema_value v) { return sema_is_ptr(v) != 0; }

// The language type of any value; heap objects read their header inline.
inline sema_type type_of(sema_value v) {
  switch (sema_tag(v)) {
    case 0: return SEMA_T_FLOAT;
    case SEMA_TAG_INT: return SEMA_T_INT;
    case SEMA_TAG_PTR: return detail::obj_header ? sema_obj_type(v) : api->type_of(v);
    case SEMA_TAG_CONST: return v == SEMA_NIL ? SEMA_T_NIL : SEMA_T_BOOL;
    case SEMA_TAG_CHAR: return SEMA_T_CHAR;
    case SEMA_TAG_SYMBOL: return SEMA_T_SYMBOL;
    case SEMA_TAG_KEYWORD: return SEMA_T_KEYWORD;
    default: return api->type_of(v);
  }
}
// True when v is a heap object of type t.
inline bool is_obj(sema_value v, sema_type t) {
  if (!is_ptr(v)) return false;
  return (detail::obj_header ? sema_obj_type(v) : api->type_of(v)) == t;
}

// Reference counting; immediates are skipped without a call.
inline void retain(sema_value v) {
  if (!is_ptr(v)) return;
  if (detail::obj_header)
    sema_obj_retain(v);
  else
    api->retain(v);
}
inline void release(sema_value v) {
  if (!is_ptr(v)) return;
  if (detail::obj_header)
    sema_obj_release(api, v);
  else
    api->release(v);
}

// ------------------------------------------------------------------ errors

struct Error {
  enum class Kind { Raise, Pending, Exit };
  Kind what = Kind::Raise;
  sema_error_kind kind = SEMA_ERR_EVAL;
  std::string message;  // for Raise: the text after "Eval error: " etc.
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> error(sema_error_kind kind, std::string message) {
  return std::unexpected(Error{Error::Kind::Raise, kind, std::move(message)});
}
inline std::unexpected<Error> eval_error(std::string message) { return error(SEMA_ERR_EVAL, std::move(message)); }
inline std::unexpected<Error> io_error(std::string message) { return error(SEMA_ERR_IO, std::move(message)); }
// "expected EXPECTED, got <type name of got>"
inline std::unexpected<Error> type_error(std::string_view expected, sema_value got) {
  std::string m = "expected ";
  m += expected;
  m += ", got ";
  m += api->type_name(got);
  return error(SEMA_ERR_TYPE, std::move(m));
}
// An error already raised in the context (e.g. by a failed api->call).
inline std::unexpected<Error> pending(sema_status st = SEMA_ERROR) {
  return std::unexpected(Error{st == SEMA_EXIT ? Error::Kind::Exit : Error::Kind::Pending, SEMA_ERR_EVAL, {}});
}

// ------------------------------------------------------------------ values

// An owned reference to a value. Copy retains, destruction releases.
class Value {
 public:
  Value() = default;
  static Value own(sema_value v) { return Value(v); }  // takes over a new reference
  static Value borrow(sema_value v) {                    // retains a borrowed one
    sema::retain(v);
    return Value(v);
  }
  static Value nil() { return Value(SEMA_NIL); }
  static Value boolean(bool b) { return Value(sema_from_bool(b)); }
  static Value integer(int64_t i) { return Value(sema_fits_small_int(i) ? sema_from_small_int(i) : api->make_int(i)); }
  static Value real(double d) { return Value(sema_from_float(d)); }
  static Value character(uint32_t cp) { return Value(sema_from_char(cp)); }
  static Value string(std::string_view s) { return Value(api->make_string(s.data(), s.size())); }
  static Value symbol(std::string_view s) { return Value(sema_from_symbol(api->intern(s.data(), s.size()))); }
  static Value keyword(std::string_view s) { return Value(sema_from_keyword(api->intern(s.data(), s.size()))); }
  static Value list(std::vector<Value> items) { return from_items(std::move(items), api->make_list); }
  static Value vector(std::vector<Value> items) { return from_items(std::move(items), api->make_vector); }

  Value(const Value& o) : v_(o.v_) { sema::retain(v_); }
  Value(Value&& o) noexcept : v_(std::exchange(o.v_, SEMA_NIL)) {}
  Value& operator=(Value o) noexcept {
    std::swap(v_, o.v_);
    return *this;
  }
  ~Value() { sema::release(v_); }

  sema_value get() const { return v_; }           // borrowed view
  sema_value release() { return std::exchange(v_, SEMA_NIL); }  // hand the reference over

  sema_type type() const { return sema::type_of(v_); }
  const char* type_name() const { return api->type_name(v_); }
  bool truthy() const { return sema_truthy(v_); }
  bool is_nil() const { return v_ == SEMA_NIL; }

 private:
  explicit Value(sema_value v) : v_(v) {}
  static Value from_items(std::vector<Value> items, sema_value (*make)(sema_value*, size_t)) {
    std::vector<sema_value> raw;
    raw.reserve(items.size());
    for (auto& item : items) raw.push_back(item.release());
    return Value(make(raw.data(), raw.size()));
  }
  sema_value v_ = SEMA_NIL;
};

// ------------------------------------------------------- argument helpers

inline bool is_int(sema_value v) { return sema_is_small_int(v) || is_obj(v, SEMA_T_INT); }
inline int64_t int_of(sema_value v) { return sema_is_small_int(v) ? sema_small_int_of(v) : api->int_of(v); }
inline bool is_number(sema_value v) { return sema_is_float(v) || is_int(v); }
inline double number_of(sema_value v) { return sema_is_float(v) ? sema_float_of(v) : static_cast<double>(int_of(v)); }
inline bool is_string(sema_value v) { return is_obj(v, SEMA_T_STRING); }
inline std::string_view string_of(sema_value v) {
  size_t n = 0;
  const char* p = api->string_data(v, &n);
  return {p, n};
}
inline std::string_view id_name(uint32_t id) {
  size_t n = 0;
  const char* p = api->id_name(id, &n);
  return {p, n};
}

inline Result<int64_t> want_int(sema_value v) {
  if (!is_int(v)) return type_error("int", v);
  return int_of(v);
}
inline Result<double> want_number(sema_value v) {
  if (!is_number(v)) return type_error("number", v);
  return number_of(v);
}
inline Result<std::string_view> want_string(sema_value v) {
  if (!is_string(v)) return type_error("string", v);
  return string_of(v);
}

// A list or vector as a random-access range of borrowed elements.
class Seq {
 public:
  explicit Seq(sema_value s) { data_ = api->seq_view(s, &n_, &stride_); }
  size_t size() const { return n_; }
  sema_value operator[](size_t i) const { return data_[static_cast<ptrdiff_t>(i) * stride_]; }

 private:
  const sema_value* data_ = nullptr;
  size_t n_ = 0;
  ptrdiff_t stride_ = 1;
};
inline bool is_seq(sema_value v) {
  if (!is_ptr(v)) return false;
  sema_type t = type_of(v);
  return t == SEMA_T_LIST || t == SEMA_T_VECTOR;
}

// The write (display=false) or display form of a value.
inline std::string to_text(sema_value v, bool display) {
  std::string out;
  api->print_to(
      v, display ? 1 : 0, [](void* user, const char* p, size_t n) { static_cast<std::string*>(user)->append(p, n); },
      &out);
  return out;
}

// Calls a Sema procedure with borrowed arguments.
inline Result<Value> call(sema_ctx* ctx, sema_value fn, std::initializer_list<sema_value> args) {
  sema_value out = SEMA_NIL;
  sema_status st = api->call(ctx, fn, args.begin(), args.size(), &out);
  if (st != SEMA_OK) return pending(st);
  return Value::own(out);
}

// Calls a Sema procedure handing over owned arguments: an accumulator moved
// in keeps refcount 1, so the callee's assoc updates it in place.
//   acc = TRY(sema::call_owned(ctx, f, std::move(acc), Value::borrow(x)));
template <class... V>
Result<Value> call_owned(sema_ctx* ctx, sema_value fn, V&&... args) {
  sema_value raw[] = {args.release()..., SEMA_NIL};
  sema_value out = SEMA_NIL;
  sema_status st = api->call_owned(ctx, fn, raw, sizeof...(V), &out);
  if (st != SEMA_OK) return pending(st);
  return Value::own(out);
}

// --------------------------------------------------------------- builtins

struct Args {
  const sema_value* data;
  size_t count;
  size_t size() const { return count; }
  sema_value operator[](size_t i) const { return data[i]; }
};

using Builtin = Result<Value> (*)(sema_ctx* ctx, Args args);

// Reports an Error to the host and returns the status to hand back.
inline sema_status report(sema_ctx* ctx, const Error& e) {
  switch (e.what) {
    case Error::Kind::Pending: return SEMA_ERROR;
    case Error::Kind::Exit: return SEMA_EXIT;
    case Error::Kind::Raise: break;
  }
  return api->raise(ctx, e.kind, e.message.data(), e.message.size());
}

// Adapts a C++ builtin to the C signature; no exception crosses the ABI.
template <Builtin F>
sema_status native(sema_ctx* ctx, const sema_value* args, size_t nargs, sema_value* out) noexcept {
  try {
    Result<Value> r = F(ctx, Args{args, nargs});
    if (!r) return report(ctx, r.error());
    *out = r->release();
    return SEMA_OK;
  } catch (const std::exception& ex) {
    std::string m = std::string("internal error in builtin: ") + ex.what();
    return api->raise(ctx, SEMA_ERR_EVAL, m.data(), m.size());
  } catch (...) {
    static constexpr char m[] = "internal error in builtin: unknown C++ exception";
    return api->raise(ctx, SEMA_ERR_EVAL, m, sizeof m - 1);
  }
}

// A fast-path hook that runs the very builtin it sits next to, so the two can
// never disagree (results and errors alike):
//   r.add<split>("string/split", 2, 2, {.hooks = {sema::pure_hook2<split>()}});
template <Builtin F>
sema_status builtin_hook1(sema_ctx* ctx, sema_value a0, sema_value* out) noexcept {
  const sema_value args[1] = {a0};
  return native<F>(ctx, args, 1, out);
}
template <Builtin F>
sema_status builtin_hook2(sema_ctx* ctx, sema_value a0, sema_value a1, sema_value* out) noexcept {
  const sema_value args[2] = {a0, a1};
  return native<F>(ctx, args, 2, out);
}
template <Builtin F>
sema_status builtin_hook3(sema_ctx* ctx, sema_value a0, sema_value a1, sema_value a2, sema_value* out) noexcept {
  const sema_value args[3] = {a0, a1, a2};
  return native<F>(ctx, args, 3, out);
}

// Options of one registration.
struct BuiltinOptions {
  const char* arity_label = nullptr;  // name used in arity errors
  const char* arity_text = nullptr;   // "0 or 1" style expectation text
  void* data = nullptr;
  std::vector<sema_hook> hooks;
};

class Registry {
 public:
  Registry(sema_registry* reg) : reg_(reg) {}
  // Registers F under name with [min_args, max_args] (SEMA_ARITY_VARIADIC for no max).
  template <Builtin F>
  Registry& add(const char* name, int min_args, int max_args, BuiltinOptions opts = {}) {
    return add_raw(name, &native<F>, min_args, max_args, std::move(opts));
  }
  Registry& add_raw(const char* name, sema_native_fn fn, int min_args, int max_args, BuiltinOptions opts = {}) {
    if (status_ != SEMA_OK) return *this;
    hook_store_.push_back(std::move(opts.hooks));
    const auto& hooks = hook_store_.back();
    sema_builtin_def def{};
    def.struct_size = sizeof def;
    def.name = name;
    def.fn = fn;
    def.min_args = min_args;
    def.max_args = max_args;
    def.arity_label = opts.arity_label;
    def.arity_text = opts.arity_text;
    def.data = opts.data;
    def.hooks = hooks.empty() ? nullptr : hooks.data();
    def.nhooks = static_cast<uint32_t>(hooks.size());
    status_ = api->register_builtin(reg_, &def);
    return *this;
  }
  Registry& constant(const char* name, Value v) {
    if (status_ == SEMA_OK) status_ = api->define_global(reg_, name, v.release());
    return *this;
  }
  sema_status status() const { return status_; }

 private:
  sema_registry* reg_;
  sema_status status_ = SEMA_OK;
  std::vector<std::vector<sema_hook>> hook_store_;  // the host copies hooks at registration
};

template <class Fn>
sema_hook hook(sema_hook_kind kind, uint32_t flags, Fn fn) {
  return sema_hook{static_cast<uint32_t>(kind), flags, reinterpret_cast<void (*)(void)>(fn)};
}

}  // namespace sema

// Defines the plugin's entry point. REGISTER is a function `void(sema::Registry&)`.
//   SEMA_PLUGIN("string", "1.0.0", register_string_builtins)
// Optional NULL-terminated dependency / override lists: SEMA_PLUGIN_EX.
#define SEMA_PLUGIN_EX(NAME, VERSION, DEPS, OVERRIDES, REGISTER)                       \
  static sema_status sema_plugin_init_(const sema_host_api* host, sema_registry* reg) {  \
    ::sema::adopt_host(host);                                                             \
    try {                                                                                 \
      ::sema::Registry r(reg);                                                            \
      REGISTER(r);                                                                        \
      return r.status();                                                                  \
    } catch (...) {                                                                       \
      return SEMA_ERROR;                                                                  \
    }                                                                                     \
  }                                                                                       \
  extern "C" SEMA_EXPORT const sema_plugin_info* sema_plugin_entry(void) {               \
    static const sema_plugin_info info = {SEMA_PLUGIN_INFO_HEADER, NAME,    VERSION,      \
                                          DEPS,                    OVERRIDES, &sema_plugin_init_}; \
    return &info;                                                                         \
  }
#define SEMA_PLUGIN(NAME, VERSION, REGISTER) SEMA_PLUGIN_EX(NAME, VERSION, nullptr, nullptr, REGISTER)
