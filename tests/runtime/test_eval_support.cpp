#include "test_eval_support.hpp"

#include "value/hashmap.hpp"

namespace sema::evaltest {

namespace {

Result<Value> arith(const Word* a, size_t n, int op) {
  bool is_float = false;
  for (size_t i = 0; i < n; ++i) {
    if (!is_number(a[i])) return type_error("number", a[i]);
    if (sema_is_float(a[i])) is_float = true;
  }
  if (is_float) {
    double acc = n ? number_of(a[0]) : (op == 2 ? 1 : 0);
    if (n == 1 && op == 1) acc = -acc;
    for (size_t i = 1; i < n; ++i) acc = op == 0 ? acc + number_of(a[i]) : op == 1 ? acc - number_of(a[i]) : acc * number_of(a[i]);
    return Value::own(sema_from_float(acc));
  }
  int64_t acc = n ? int_of(a[0]) : (op == 2 ? 1 : 0);
  if (n == 1 && op == 1) acc = -acc;
  for (size_t i = 1; i < n; ++i) acc = op == 0 ? acc + int_of(a[i]) : op == 1 ? acc - int_of(a[i]) : acc * int_of(a[i]);
  return int_value(acc);
}

TestInterp* g_current = nullptr;

// A CONSUMES_ARG0 hook like the map plugin's assoc: records whether the map
// arrived unshared (so the update is in place).
sema_status assoc_hook(sema_ctx*, sema_value m, sema_value k, sema_value v, sema_value* out) {
  if (unique(m) && g_current) ++g_current->assoc_unique_hits;
  *out = map_assoc(Value::own(m), k, v).take();
  return SEMA_OK;
}

sema_status assoc_fn(sema_ctx*, const sema_value* a, size_t, sema_value* out) {
  retain(a[0]);
  *out = map_assoc(Value::own(a[0]), a[1], a[2]).take();
  return SEMA_OK;
}

sema_status get_fn(sema_ctx* ctx, const sema_value* a, size_t, sema_value* out) {
  if (!is_type(a[0], SEMA_T_MAP)) {
    ctx->pending = type_error("map", a[0]).error();
    return SEMA_ERROR;
  }
  bool found = false;
  Word w = map_get(a[0], a[1], &found);
  retain(w);
  *out = found ? w : SEMA_NIL;
  return SEMA_OK;
}

sema_status silent_fail(sema_ctx*, const sema_value*, size_t, sema_value*) { return SEMA_ERROR; }

}  // namespace

void TestInterp::native(const std::string& name, int min, int max,
                        std::function<Result<Value>(Interp&, const Word*, size_t)> fn) {
  auto* n = new NativeObj();
  n->name = name;
  n->min_args = min;
  n->max_args = max;
  n->internal = std::move(fn);
  interp.define_global(intern(name), Value::own(from_obj(n)));
}

TestInterp::TestInterp(RuntimeOptions o) : interp(o) {
  native("+", 0, -1, [](Interp&, const Word* a, size_t n) { return arith(a, n, 0); });
  native("-", 1, -1, [](Interp&, const Word* a, size_t n) { return arith(a, n, 1); });
  native("*", 0, -1, [](Interp&, const Word* a, size_t n) { return arith(a, n, 2); });
  native("=", 2, -1, [](Interp&, const Word* a, size_t n) -> Result<Value> {
    for (size_t i = 1; i < n; ++i) {
      bool eq = is_number(a[i - 1]) && is_number(a[i]) ? number_of(a[i - 1]) == number_of(a[i]) : equal(a[i - 1], a[i]);
      if (!eq) return Value::own(SEMA_FALSE);
    }
    return Value::own(SEMA_TRUE);
  });
  native("<", 2, -1, [](Interp&, const Word* a, size_t n) -> Result<Value> {
    for (size_t i = 0; i < n; ++i)
      if (!is_number(a[i])) return type_error("number", a[i]);
    for (size_t i = 1; i < n; ++i)
      if (!(number_of(a[i - 1]) < number_of(a[i]))) return Value::own(SEMA_FALSE);
    return Value::own(SEMA_TRUE);
  });
  native("list", 0, -1, [](Interp&, const Word* a, size_t n) -> Result<Value> {
    std::vector<Word> items(a, a + n);
    for (Word w : items) retain(w);
    return make_list(std::move(items));
  });
  native("cons", 2, 2, [](Interp&, const Word* a, size_t) -> Result<Value> {
    if (!is_type(a[1], SEMA_T_LIST)) return type_error("list", a[1]);
    return cons(a[0], a[1]);
  });
  native("first", 1, 1, [](Interp&, const Word* a, size_t) -> Result<Value> {
    if (!is_type(a[0], SEMA_T_LIST)) return type_error("list", a[0]);
    return list_len(a[0]) ? Value::borrow(list_at(a[0], 0)) : Value();
  });
  native("rest", 1, 1, [](Interp&, const Word* a, size_t) -> Result<Value> {
    if (!is_type(a[0], SEMA_T_LIST)) return type_error("list", a[0]);
    return list_len(a[0]) ? list_rest(a[0]) : empty_list();
  });
  native("null?", 1, 1, [](Interp&, const Word* a, size_t) -> Result<Value> {
    return Value::own(sema_from_bool(a[0] == SEMA_NIL || (is_type(a[0], SEMA_T_LIST) && list_len(a[0]) == 0)));
  });
  native("not", 1, 1, [](Interp&, const Word* a, size_t) { return Result<Value>(Value::own(sema_from_bool(!sema_truthy(a[0])))); });
  native("out", 0, -1, [this](Interp&, const Word* a, size_t n) -> Result<Value> {
    for (size_t i = 0; i < n; ++i) out += (i ? " " : "") + to_text(a[i], true);
    out += "\n";
    return Value();
  });
  native("error", 1, -1, [](Interp&, const Word* a, size_t) { return Result<Value>(eval_error(to_text(a[0], true))); });
  native("gensym", 0, 0, [](Interp&, const Word*, size_t) -> Result<Value> {
    static int counter = 0;
    return Value::own(symbol("g__" + std::to_string(counter++)));
  });
  // (apply f a b … lst), calling back into the evaluator as builtins do.
  native("apply", 2, -1, [](Interp& in, const Word* a, size_t n) -> Result<Value> {
    std::vector<Word> args(a + 1, a + n - 1);
    if (!is_type(a[n - 1], SEMA_T_LIST)) return type_error("list", a[n - 1]);
    for (size_t i = 0; i < list_len(a[n - 1]); ++i) args.push_back(list_at(a[n - 1], i));
    return in.apply(a[0], args.data(), args.size());
  });
  native("exit", 0, 1, [](Interp&, const Word* a, size_t n) -> Result<Value> {
    Error e;
    e.flow = Error::Flow::Exit;
    e.exit_code = n ? static_cast<int>(int_of(a[0])) : 0;
    return std::unexpected(e);
  });
  // C-ABI style builtins: assoc with a consuming hook, get, a silent failure.
  auto* as = new NativeObj();
  as->name = "assoc";
  as->min_args = as->max_args = 3;
  as->fn = &assoc_fn;
  as->hook3 = &assoc_hook;
  as->hook3_flags = SEMA_HOOK_CONSUMES_ARG0;
  interp.define_global(intern("assoc"), Value::own(from_obj(as)));
  auto* g = new NativeObj();
  g->name = "get";
  g->min_args = g->max_args = 2;
  g->fn = &get_fn;
  interp.define_global(intern("get"), Value::own(from_obj(g)));
  auto* s = new NativeObj();
  s->name = "silent";
  s->fn = &silent_fail;
  interp.define_global(intern("silent"), Value::own(from_obj(s)));
}

std::string TestInterp::eval(std::string_view src, std::string_view file) {
  g_current = this;
  Result<Value> r = interp.eval_chunk(src, file);
  if (r) return to_text(r->get(), false);
  if (r.error().flow == Error::Flow::Exit) return "EXIT " + std::to_string(r.error().exit_code);
  return r.error().display();
}

std::string TestInterp::report(std::string_view src, std::string_view file) {
  g_current = this;
  Result<Value> r = interp.eval_chunk(src, file);
  if (r) return to_text(r->get(), false);
  return r.error().report();
}

std::string TestInterp::eval_big(std::string_view src) {
  std::string result;
  run_with_big_stack([&] { result = eval(src); });
  return result;
}

}  // namespace sema::evaltest
