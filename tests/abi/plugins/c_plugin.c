/* A plugin in plain C11 against sema.h: proves the ABI needs no C++. */
#include <sema/sema.h>

static const sema_host_api* api;

/* (c/add3 a b c): sum of three small ints. */
static sema_status add3(sema_ctx* ctx, const sema_value* args, size_t n, sema_value* out) {
  int64_t sum = 0;
  for (size_t i = 0; i < n; ++i) {
    if (api->type_of(args[i]) != SEMA_T_INT) return api->raise_type(ctx, "int", args[i]);
    sum += api->int_of(args[i]);
  }
  *out = api->make_int(sum);
  return SEMA_OK;
}

/* (c/greet name): "hello, NAME" built through the table. */
static sema_status greet(sema_ctx* ctx, const sema_value* args, size_t n, sema_value* out) {
  (void)n;
  if (api->type_of(args[0]) != SEMA_T_STRING) return api->raise_type(ctx, "string", args[0]);
  size_t len = 0;
  const char* s = api->string_data(args[0], &len);
  char buf[256] = "hello, ";
  size_t used = 7;
  for (size_t i = 0; i < len && used < sizeof buf; ++i) buf[used++] = s[i];
  *out = api->make_string(buf, used);
  return SEMA_OK;
}

static sema_status twice_hook(sema_ctx* ctx, sema_value a, sema_value* out) {
  if (!sema_is_small_int(a)) return api->raise_type(ctx, "int", a);
  *out = api->make_int(2 * sema_small_int_of(a));
  return SEMA_OK;
}

static sema_status twice(sema_ctx* ctx, const sema_value* args, size_t n, sema_value* out) {
  (void)n;
  return twice_hook(ctx, args[0], out);
}

static sema_status init(const sema_host_api* host, sema_registry* reg) {
  api = host;
  sema_builtin_def def = {0};
  def.struct_size = sizeof def;
  def.name = "c/add3";
  def.fn = add3;
  def.min_args = 3;
  def.max_args = 3;
  if (api->register_builtin(reg, &def) != SEMA_OK) return SEMA_ERROR;
  def.name = "c/greet";
  def.fn = greet;
  def.min_args = def.max_args = 1;
  if (api->register_builtin(reg, &def) != SEMA_OK) return SEMA_ERROR;
  static const sema_hook hooks[] = {{SEMA_HOOK_ARITY1, SEMA_HOOK_PURE, (void (*)(void))twice_hook},
                                    {99, 0, (void (*)(void))twice_hook} /* unknown kind: skipped */};
  def.name = "c/twice";
  def.fn = twice;
  def.hooks = hooks;
  def.nhooks = 2;
  if (api->register_builtin(reg, &def) != SEMA_OK) return SEMA_ERROR;
  return api->define_global(reg, "c/answer", sema_from_small_int(42));
}

SEMA_EXPORT const sema_plugin_info* sema_plugin_entry(void) {
  static const sema_plugin_info info = {SEMA_PLUGIN_INFO_HEADER, "cplugin", "0.1.0", NULL, NULL, init};
  return &info;
}
