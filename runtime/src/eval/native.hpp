// Builtin function objects: plugin builtins (C ABI) and runtime-internal ones
// (record constructors, accessors, …) share this one type.
#pragma once

#include "error/error.hpp"
#include "value/value.hpp"

#include <functional>
#include <string>

namespace sema::rt {

class Interp;

// The newest sema_intrinsic id this host knows; newer ones are ignored.
inline constexpr uint32_t kLastIntrinsic = SEMA_INTRINSIC_STRING_SPLIT;

struct NativeObj final : Obj {
  NativeObj() : Obj(SEMA_T_NATIVE) {}
  void write_opaque(std::string& out) const override;  // <native-fn NAME>

  std::string name;
  std::string plugin;  // which plugin registered it ("" = the runtime)

  // Exactly one of these is set.
  sema_native_fn fn = nullptr;
  std::function<Result<Value>(Interp&, const Word* args, size_t n)> internal;

  int min_args = 0;
  int max_args = SEMA_ARITY_VARIADIC;
  std::string arity_label;  // name in arity errors ("car" for first)
  std::string arity_text;   // "0 or 1"; empty = derived ("2", "1+", "1-3")
  void* data = nullptr;

  // Fast-path hooks (architecture.md §4); null when not registered.
  sema_hook1_fn hook1 = nullptr;
  sema_hook2_fn hook2 = nullptr;
  sema_hook3_fn hook3 = nullptr;
  uint32_t hook1_flags = 0, hook2_flags = 0, hook3_flags = 0;
  // The sema_intrinsic (SEMA_HOOK_INTRINSIC) to use for calls with one or
  // two arguments: the evaluator computes the common cases itself
  // (eval/intrinsics.hpp). Set only when the builtin accepts that count and
  // has a hook for it, so a caller checks nothing else; 0 = none.
  uint8_t intrinsic1 = SEMA_INTRINSIC_NONE, intrinsic2 = SEMA_INTRINSIC_NONE;
  // The same for three arguments: only the mini-eval's `assoc` of a map
  // literal reads it (mini_run.cpp, run_assoc_literal).
  uint8_t intrinsic3 = SEMA_INTRINSIC_NONE;

  // Whether a call with n arguments is within min_args..max_args.
  bool accepts(size_t n) const {
    return n >= static_cast<size_t>(min_args) && (max_args == SEMA_ARITY_VARIADIC || n <= static_cast<size_t>(max_args));
  }
};

}  // namespace sema::rt
