// Calling builtins (plugin C ABI and runtime-internal ones), and the stack
// guard.
#include "eval/state.hpp"

#include <pthread.h>

namespace sema::rt {

namespace {

// Keep this much stack free: the deepest C++ path between two guard checks
// (a builtin calling back, the printer, an error being built) fits in it.
constexpr size_t kStackReserve = 256 * 1024;

char* compute_stack_limit() {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (addr == nullptr || size <= 2 * kStackReserve) {
    // Unknown: assume 8 MiB below the current position.
    return static_cast<char*>(__builtin_frame_address(0)) - (8u << 20) + kStackReserve;
  }
  return static_cast<char*>(addr) + kStackReserve;
}

}  // namespace

thread_local constinit char* t_stack_limit __attribute__((tls_model("initial-exec"))) = nullptr;

char* init_stack_limit() { return t_stack_limit = compute_stack_limit(); }

Result<Value> Interp::State::call_native(NativeObj* nat, ArgBuf& args, const Node* site) {
  size_t n = args.size();
  if (site) trace.push_back(TraceEntry{nat->name, site->file, site->span});
  auto fail = [&](Error e) -> Result<Value> {
    capture(e);
    if (site) trace.pop_back();
    return std::unexpected(std::move(e));
  };
  if (!nat->accepts(n)) {
    std::string text = nat->arity_text;
    if (text.empty()) {
      text = std::to_string(nat->min_args);
      if (nat->max_args == SEMA_ARITY_VARIADIC)
        text += "+";
      else if (nat->max_args != nat->min_args) {
        text += '-';  // appended: GCC 12 -O3 warns falsely (-Wrestrict) on "-" + s
        text += std::to_string(nat->max_args);
      }
    }
    return fail(arity_error(nat->arity_label.empty() ? nat->name : nat->arity_label, text, n).error());
  }
  if (nat->internal) {
    Result<Value> r = nat->internal(self, args.data(), n);
    if (!r) return fail(std::move(r.error()));
    if (site) trace.pop_back();
    return r;
  }
  void* saved = ctx.native_data;
  ctx.native_data = nat->data;
  ctx.pending.reset();
  Word out = SEMA_NIL;
  sema_status st;
  // Hooks are the same builtin without the argument vector; a hook that
  // consumes arg 0 gets our reference (updates in place when it is unique).
  if (n == 1 && nat->hook1) {
    Word a0 = (nat->hook1_flags & SEMA_HOOK_CONSUMES_ARG0) ? args.take(0) : args[0];
    st = nat->hook1(&ctx, a0, &out);
  } else if (n == 2 && nat->hook2) {
    Word a0 = (nat->hook2_flags & SEMA_HOOK_CONSUMES_ARG0) ? args.take(0) : args[0];
    st = nat->hook2(&ctx, a0, args[1], &out);
  } else if (n == 3 && nat->hook3) {
    Word a0 = (nat->hook3_flags & SEMA_HOOK_CONSUMES_ARG0) ? args.take(0) : args[0];
    st = nat->hook3(&ctx, a0, args[1], args[2], &out);
  } else {
    st = nat->fn(&ctx, args.data(), n, &out);
  }
  ctx.native_data = saved;
  if (st == SEMA_OK) [[likely]] {
    if (site) trace.pop_back();
    return Value::own(out);
  }
  return fail(native_error(nat, st));
}

// The error a builtin (or its hook) that did not return SEMA_OK left behind.
Error Interp::State::native_error(NativeObj* nat, sema_status st) {
  Error e;
  if (ctx.pending) {
    e = std::move(*ctx.pending);
    ctx.pending.reset();
  } else if (st == SEMA_ERROR) {
    e.kind = SEMA_ERR_EVAL;
    e.message = "builtin " + nat->name + " failed without an error message";
  }
  if (st == SEMA_EXIT) e.flow = Error::Flow::Exit;
  return e;
}

}  // namespace sema::rt
