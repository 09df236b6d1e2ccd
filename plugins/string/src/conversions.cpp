// Conversions between strings and symbols, keywords and numbers
// (stdlib.md §3.3). Number text uses the shared SDK helpers so string->number,
// `int`, `float` and the printer agree.
#include "string_common.hpp"

#include <sema/float_format.hpp>
#include <sema/number_syntax.hpp>

#include <optional>

namespace sema_string {
namespace {

using sema::want_string;

Result<Value> string_to_symbol(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  return Value::symbol(*s);  // no validation: "a b" is a fine symbol name
}

Result<Value> symbol_to_string(sema_ctx*, Args a) {
  if (!sema_is_symbol(a[0])) return sema::type_error("symbol", a[0]);
  return Value::string(sema::id_name(sema_id_of(a[0])));
}

Result<Value> string_to_keyword(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  return Value::keyword(*s);  // a leading ':' is kept: ":a" prints "::a"
}

Result<Value> keyword_to_string(sema_ctx*, Args a) {
  if (!sema_is_keyword(a[0])) return sema::type_error("keyword", a[0]);
  return Value::string(sema::id_name(sema_id_of(a[0])));
}

Result<Value> number_to_string(sema_ctx*, Args a) {
  if (sema::is_int(a[0])) return Value::string(std::to_string(sema::int_of(a[0])));
  if (sema_is_float(a[0])) return Value::string(sema::fmt::float_plain(sema_float_of(a[0])));
  return sema::type_error("number", a[0]);
}

// An i64 first, then a Rust-syntax double (big integers end up here).
std::optional<Value> parse_number(std::string_view s) {
  if (auto i = sema::num::parse_i64(s)) return Value::integer(*i);
  if (auto d = sema::num::parse_f64(s)) return Value::real(*d);
  return std::nullopt;
}

Result<Value> string_to_number(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  if (auto v = parse_number(*s)) return std::move(*v);
  return sema::eval_error("cannot parse '" + std::string(*s) + "' as number");
}

// The full parsers and every error: out of line, so that the one-pass path
// of the hook below saves no registers.
__attribute__((noinline)) sema_status string_to_number_slow(sema_ctx* ctx, sema_value v, sema_value* out) noexcept {
  if (sema::is_string(v)) {
    std::string_view s = sema::string_of(v);
    if (auto i = sema::num::parse_i64(s)) {
      if (sema_fits_small_int(*i)) {
        *out = sema_from_small_int(*i);
        return SEMA_OK;
      }
    } else if (auto d = sema::num::parse_f64(s)) {
      *out = sema_from_float(*d);
      return SEMA_OK;
    }
  }
  return sema::builtin_hook1<string_to_number>(ctx, v, out);
}

// The hook: a string that parses is converted here, without the Result
// wrapper; anything else (errors too) runs string_to_number itself.
sema_status string_to_number_hook(sema_ctx* ctx, sema_value v, sema_value* out) noexcept {
  if (sema::is_string(v)) {
    int64_t whole = 0;
    double real = 0;
    switch (sema::num::parse_short(sema::string_of(v), &whole, &real)) {
      case sema::num::Short::Int:
        if (!sema_fits_small_int(whole)) break;
        *out = sema_from_small_int(whole);
        return SEMA_OK;
      case sema::num::Short::Float: *out = sema_from_float(real); return SEMA_OK;
      case sema::num::Short::Other: break;
    }
  }
  return string_to_number_slow(ctx, v, out);
}

Result<Value> string_is_number(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  return Value::boolean(sema::num::parse_i64(*s) || sema::num::parse_f64(*s));
}

}  // namespace

void register_conversions(sema::Registry& r) {
  r.add<string_to_symbol>("string->symbol", 1, 1);
  r.add<symbol_to_string>("symbol->string", 1, 1);
  r.add<string_to_keyword>("string->keyword", 1, 1);
  r.add<keyword_to_string>("keyword->string", 1, 1);
  r.add<number_to_string>("number->string", 1, 1);
  // Tagged as the standard string->number: the evaluator parses the short
  // decimal texts itself (the hook's parse_short), the rest comes here.
  r.add<string_to_number>("string->number", 1, 1,
                          {.hooks = {sema::hook(SEMA_HOOK_ARITY1, SEMA_HOOK_PURE, &string_to_number_hook),
                                     sema_hook{SEMA_HOOK_INTRINSIC, SEMA_INTRINSIC_STRING_TO_NUMBER, nullptr}}});
  r.add<string_is_number>("string/number?", 1, 1);
}

}  // namespace sema_string
