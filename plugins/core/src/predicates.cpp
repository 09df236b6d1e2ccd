// Type predicates, type and equal? (stdlib.md §2.4).
#include "common.hpp"

#include <cstring>

namespace core {
namespace {

template <sema_type T>
Result<Value> b_is(sema_ctx*, Args a) {
  return Value::boolean(type_of(a[0]) == T);
}

// Values this ABI version does not name (the llm plugin's kinds) are told
// apart by their type name.
template <const char* Name>
Result<Value> b_is_named(sema_ctx*, Args a) {
  return Value::boolean(std::strcmp(host().type_name(a[0]), Name) == 0);
}
constexpr char kPrompt[] = "prompt";
constexpr char kConversation[] = "conversation";

// nil or the empty list; an empty vector is not null.
Result<Value> b_null(sema_ctx*, Args a) {
  return Value::boolean(sema_is_nil(a[0]) || (is_list(a[0]) && sema::Seq(a[0]).size() == 0));
}
Result<Value> b_pair(sema_ctx*, Args a) { return Value::boolean(is_list(a[0]) && sema::Seq(a[0]).size() > 0); }
Result<Value> b_number(sema_ctx*, Args a) { return Value::boolean(is_number(a[0])); }
Result<Value> b_integer(sema_ctx*, Args a) { return Value::boolean(is_int(a[0])); }
Result<Value> b_float(sema_ctx*, Args a) { return Value::boolean(sema_is_float(a[0])); }
Result<Value> b_bool(sema_ctx*, Args a) { return Value::boolean(sema_is_bool(a[0])); }
Result<Value> b_nil(sema_ctx*, Args a) { return Value::boolean(sema_is_nil(a[0])); }
Result<Value> b_fn(sema_ctx*, Args a) { return Value::boolean(host().is_callable(a[0]) != 0); }

Result<Value> b_promise_forced(sema_ctx*, Args a) {
  if (type_of(a[0]) != SEMA_T_PROMISE) return sema::type_error("promise", a[0]);
  return Value::boolean(host().promise_forced(a[0]) != 0);
}

// The type name as a keyword; a record gives its type tag.
Result<Value> b_type(sema_ctx*, Args a) {
  if (type_of(a[0]) == SEMA_T_RECORD) return Value::own(sema_from_keyword(host().record_tag(a[0])));
  return Value::keyword(host().type_name(a[0]));
}

Result<Value> b_equal(sema_ctx*, Args a) { return Value::boolean(host().equal(a[0], a[1]) != 0); }

sema_status nil_hook(sema_ctx*, sema_value a, sema_value* out) noexcept {
  *out = sema_from_bool(sema_is_nil(a));  // b_nil's whole body
  return SEMA_OK;
}

}  // namespace

void register_predicates(sema::Registry& r) {
  r.add<b_null>("null?", 1, 1);
  r.add<b_is<SEMA_T_LIST>>("list?", 1, 1);
  r.add<b_pair>("pair?", 1, 1);
  r.add<b_is<SEMA_T_VECTOR>>("vector?", 1, 1);
  r.add<b_is<SEMA_T_STRING>>("string?", 1, 1);
  r.add<b_is<SEMA_T_SYMBOL>>("symbol?", 1, 1);
  r.add<b_is<SEMA_T_KEYWORD>>("keyword?", 1, 1);
  r.add<b_is<SEMA_T_CHAR>>("char?", 1, 1);
  r.add<b_is<SEMA_T_BYTEVECTOR>>("bytevector?", 1, 1);
  r.add<b_is<SEMA_T_RECORD>>("record?", 1, 1);
  r.add<b_number>("number?", 1, 1);
  r.add<b_integer>("integer?", 1, 1);
  r.add<b_float>("float?", 1, 1);
  r.add<b_is<SEMA_T_MAP>>("map?", 1, 1);
  r.add<b_bool>("bool?", 1, 1);
  r.add<b_bool>("boolean?", 1, 1, label("bool?"));
  r.add<b_nil>("nil?", 1, 1, intrinsic(SEMA_INTRINSIC_NIL_P, pure_hook1_fn(&nil_hook)));
  r.add<b_fn>("fn?", 1, 1);
  r.add<b_fn>("procedure?", 1, 1, label("fn?"));
  r.add<b_is_named<kPrompt>>("prompt?", 1, 1);
  r.add<b_is_named<kConversation>>("conversation?", 1, 1);
  r.add<b_is<SEMA_T_PROMISE>>("promise?", 1, 1);
  r.add<b_promise_forced>("promise-forced?", 1, 1);
  r.add<b_type>("type", 1, 1);
  r.add<b_equal>("equal?", 2, 2);
}

}  // namespace core
