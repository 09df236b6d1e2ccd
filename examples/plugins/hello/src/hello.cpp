// A third-party plugin: two builtins, one of them with a fast-path hook.
#include <sema/sema.hpp>

#include <string>

namespace {

// (hello/greet name) → "Hello, NAME!"
sema::Result<sema::Value> greet(sema_ctx*, sema::Args args) {
  auto name = sema::want_string(args[0]);
  if (!name) return std::unexpected(name.error());
  return sema::Value::string("Hello, " + std::string(*name) + "!");
}

// (hello/square x): x*x for an int; the hook serves the fastio mini-eval.
sema_status square_hook(sema_ctx* ctx, sema_value x, sema_value* out) {
  if (!sema::is_int(x)) return sema::report(ctx, sema::type_error("int", x).error());
  int64_t v = sema::int_of(x);
  *out = sema::Value::integer(v * v).release();
  return SEMA_OK;
}

sema::Result<sema::Value> square(sema_ctx* ctx, sema::Args args) {
  sema_value out = SEMA_NIL;
  if (square_hook(ctx, args[0], &out) != SEMA_OK) return sema::pending();
  return sema::Value::own(out);
}

void register_hello(sema::Registry& r) {
  r.add<greet>("hello/greet", 1, 1);
  r.add<square>("hello/square", 1, 1, {.hooks = {sema::hook(SEMA_HOOK_ARITY1, SEMA_HOOK_PURE, &square_hook)}});
}

}  // namespace

SEMA_PLUGIN("hello", "1.0.0", register_hello)
