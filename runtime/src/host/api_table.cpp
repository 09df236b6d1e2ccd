// The host API table (sema.h): every entry forwards to the runtime's own
// value, reader and evaluator functions, so plugins and the runtime share one
// implementation of each operation.
#include "eval/interp.hpp"
#include "eval/line_facts.hpp"
#include "eval/intrinsics.hpp"
#include "eval/native.hpp"
#include "host/registry.hpp"
#include "reader/reader.hpp"
#include "value/hashmap.hpp"
#include "value/interner.hpp"
#include "value/string_refill.hpp"
#include "value/value.hpp"


#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>

namespace sema::rt {
namespace {

// ------------------------------------------------------------ registration

std::string derived_arity_text(int min_args, int max_args) {
  if (max_args == SEMA_ARITY_VARIADIC) return std::to_string(min_args) + "+";
  if (min_args == max_args) return std::to_string(min_args);
  return std::to_string(min_args) + "-" + std::to_string(max_args);
}

void refuse(sema_registry* reg, std::string why) {
  if (reg->refusal.empty()) reg->refusal = std::move(why);
}

sema_status register_builtin(sema_registry* reg, const sema_builtin_def* def) {
  constexpr size_t v1_size = offsetof(sema_builtin_def, nhooks) + sizeof(uint32_t);
  if (def == nullptr || def->struct_size < v1_size) {
    refuse(reg, "register_builtin: malformed builtin definition (struct_size too small)");
    return SEMA_ERROR;
  }
  if (def->name == nullptr || *def->name == '\0' || def->fn == nullptr) {
    refuse(reg, "register_builtin: a builtin without a name or function");
    return SEMA_ERROR;
  }
  std::string name = def->name;
  if (!reg->seen.insert(name).second) {
    refuse(reg, "registers the builtin '" + name + "' twice");
    return SEMA_ERROR;
  }
  if (def->min_args < 0 || (def->max_args != SEMA_ARITY_VARIADIC && def->max_args < def->min_args)) {
    refuse(reg, "builtin '" + name + "' has an invalid arity range");
    return SEMA_ERROR;
  }
  if (reg->dry_run) {
    reg->bindings.push_back({name, Value(), 0});
    return SEMA_OK;
  }

  auto* n = new NativeObj();
  n->name = name;
  n->plugin = reg->plugin;
  n->fn = def->fn;
  n->min_args = def->min_args;
  n->max_args = def->max_args;
  n->arity_label = def->arity_label ? def->arity_label : name;
  n->arity_text = def->arity_text ? def->arity_text : derived_arity_text(def->min_args, def->max_args);
  n->data = def->data;
  size_t hooks = 0;
  uint8_t intrinsic = SEMA_INTRINSIC_NONE;
  for (uint32_t i = 0; def->hooks != nullptr && i < def->nhooks; ++i) {
    const sema_hook& h = def->hooks[i];
    if (h.kind == SEMA_HOOK_INTRINSIC) {  // a promise, not a function: not counted as a hook
      if (h.flags > SEMA_INTRINSIC_NONE && h.flags <= kLastIntrinsic) intrinsic = static_cast<uint8_t>(h.flags);
      continue;
    }
    if (h.fn == nullptr) continue;
    switch (h.kind) {  // unknown kinds are skipped: the generic builtin stays the fallback
      case SEMA_HOOK_ARITY1:
        n->hook1 = reinterpret_cast<sema_hook1_fn>(h.fn);
        n->hook1_flags = h.flags;
        ++hooks;
        break;
      case SEMA_HOOK_ARITY2:
        n->hook2 = reinterpret_cast<sema_hook2_fn>(h.fn);
        n->hook2_flags = h.flags;
        ++hooks;
        break;
      case SEMA_HOOK_ARITY3:
        n->hook3 = reinterpret_cast<sema_hook3_fn>(h.fn);
        n->hook3_flags = h.flags;
        ++hooks;
        break;
      default: break;
    }
  }
  if (n->hook1 && n->accepts(1)) n->intrinsic1 = intrinsic;
  if (n->hook2 && n->accepts(2)) n->intrinsic2 = intrinsic;
  if (n->hook3 && n->accepts(3)) n->intrinsic3 = intrinsic;
  reg->bindings.push_back({name, Value::own(from_obj(n)), hooks});
  return SEMA_OK;
}

sema_status define_global(sema_registry* reg, const char* name, sema_value value) {
  Value owned = Value::own(value);
  if (name == nullptr || *name == '\0') {
    refuse(reg, "define_global: a global without a name");
    return SEMA_ERROR;
  }
  if (!reg->seen.insert(name).second) {
    refuse(reg, std::string("registers the name '") + name + "' twice");
    return SEMA_ERROR;
  }
  reg->bindings.push_back({name, reg->dry_run ? Value() : std::move(owned), 0});
  return SEMA_OK;
}

// ------------------------------------------------------------------ values

void api_retain(sema_value v) { retain(v); }
void api_release(sema_value v) { release(v); }
sema_type api_type_of(sema_value v) { return type_of(v); }
const char* api_type_name(sema_value v) { return type_name(v); }
sema_value api_make_int(int64_t i) { return make_int(i); }
int64_t api_int_of(sema_value v) { return int_of(v); }

uint32_t api_intern(const char* name, size_t len) { return intern(std::string_view(name, len)); }
const char* api_id_name(uint32_t id, size_t* len) {
  std::string_view n = id_name(id);
  if (len) *len = n.size();
  return n.data();
}

[[SEMA_HOT_TEXT]] sema_value api_make_string(const char* bytes, size_t len) { return make_string(bytes, len).take(); }
const char* api_string_data(sema_value s, size_t* len) {
  std::string_view t = string_of(s);
  if (len) *len = t.size();
  return t.data();
}

sema_value api_make_list(sema_value* items, size_t n) { return make_list(items, n).take(); }
// string/split's result in one call: no word array in the plugin, no
// make_string call per part.
sema_value api_make_string_list(const char* const* parts, const size_t* lens, size_t n) {
  return make_string_list(parts, lens, n).take();
}
// The intrinsic's case (out of memory included: 0, the plugin's own split
// then runs and reports it).
int api_split_byte(sema_value text, sema_value sep, sema_value* out) { return split_at_byte(text, sep, *out) ? 1 : 0; }
// The line string refilled (value/string_refill.hpp).
sema_value api_string_refill(sema_value s, const char* bytes, size_t len) { return string_refill(s, bytes, len); }
sema_value api_make_vector(sema_value* items, size_t n) { return make_vector(std::vector<Word>(items, items + n)).take(); }
const sema_value* api_seq_view(sema_value seq, size_t* n, ptrdiff_t* stride) {
  SeqView v = seq_view(seq);
  if (n) *n = v.n;
  if (stride) *stride = v.stride;
  return v.data;
}
sema_value api_cons(sema_value x, sema_value tail) {
  if (!is_type(tail, SEMA_T_LIST)) return make_list({x}).take();
  return cons(x, tail).take();
}

sema_value api_make_map() { return make_map().take(); }
sema_value api_map_get(sema_value m, sema_value key, int* found) {
  bool f = false;
  Word w = map_get(m, key, &f);
  if (found) *found = f;
  return w;
}
sema_value api_map_assoc(sema_value m, sema_value k, sema_value v) { return map_assoc(Value::own(m), k, v).take(); }
sema_value api_map_dissoc(sema_value m, sema_value k) { return map_dissoc(Value::own(m), k).take(); }
size_t api_map_count(sema_value m) { return static_cast<MapObj*>(as_obj(m))->entries.size(); }
void api_map_entry(sema_value m, size_t i, sema_value* k, sema_value* v) {
  const auto& e = static_cast<MapObj*>(as_obj(m))->entries[i];
  if (k) *k = e.first;
  if (v) *v = e.second;
}

sema_value api_make_hashmap() { return make_hashmap().take(); }
sema_value api_hashmap_get(sema_value h, sema_value key, int* found) {
  bool f = false;
  Word w = hashmap_get(h, key, &f);
  if (found) *found = f;
  return w;
}
// The whole of `get` on a map: one table call, map_get's scan inlined.
int api_map_lookup(sema_value m, sema_value key, sema_value dflt, sema_value* out) {
  if (!is_ptr(m)) return 0;
  bool found = false;
  Word v;
  switch (as_obj(m)->type) {
    case SEMA_T_MAP: v = map_get(m, key, &found); break;
    case SEMA_T_HASHMAP: v = hashmap_get(m, key, &found); break;
    default: return 0;
  }
  *out = found ? v : dflt;
  retain(*out);
  return 1;
}
sema_value api_hashmap_assoc(sema_value h, sema_value k, sema_value v) { return hashmap_assoc_word(h, k, v); }
size_t api_hashmap_count(sema_value h) { return static_cast<HashMapObj*>(as_obj(h))->map.size(); }

// The cursor counts entries already visited. Flat-map iterators cannot be
// stored in a size_t, so the position of the last call is remembered: a loop
// that walks one map from 0 upwards costs O(1) per step.
int api_hashmap_next(sema_value h, size_t* cursor, sema_value* k, sema_value* v) {
  using Map = decltype(HashMapObj::map);
  struct Position {
    const Map* map = nullptr;
    size_t index = 0;
    size_t size = 0;
    Map::const_iterator it;
  };
  static thread_local Position pos;
  const Map& map = static_cast<HashMapObj*>(as_obj(h))->map;
  if (*cursor >= map.size()) return 0;
  if (pos.map != &map || pos.index != *cursor || pos.size != map.size()) {
    pos.map = &map;
    pos.size = map.size();
    pos.it = map.begin();
    std::advance(pos.it, static_cast<ptrdiff_t>(*cursor));
    pos.index = *cursor;
  }
  if (k) *k = pos.it->first;
  if (v) *v = pos.it->second;
  ++pos.it;
  ++pos.index;
  ++*cursor;
  return 1;
}

sema_value api_make_bytevector(const uint8_t* bytes, size_t len) {
  return make_bytevector(std::vector<uint8_t>(bytes, bytes + len)).take();
}
const uint8_t* api_bytevector_data(sema_value bv, size_t* len) {
  const auto& b = static_cast<BytevectorObj*>(as_obj(bv))->bytes;
  if (len) *len = b.size();
  return b.data();
}

uint32_t api_record_tag(sema_value r) { return static_cast<RecordObj*>(as_obj(r))->tag; }
int api_promise_forced(sema_value p) { return promise_forced(p) ? 1 : 0; }

int api_equal(sema_value a, sema_value b) { return equal(a, b) ? 1 : 0; }
int api_compare(sema_value a, sema_value b) { return compare(a, b); }
uint64_t api_hash(sema_value v) { return hash(v); }
sema_value api_to_string(sema_value v, int display) { return make_string(to_text(v, display != 0)).take(); }
void api_print_to(sema_value v, int display, void (*sink)(void*, const char*, size_t), void* user) {
  std::string s;
  print(s, v, display != 0);
  sink(user, s.data(), s.size());
}

// ------------------------------------------------------------------- calls

sema_status pass_error(sema_ctx* ctx, Error e) {
  bool exit = e.flow == Error::Flow::Exit;
  ctx->pending = std::move(e);
  return exit ? SEMA_EXIT : SEMA_ERROR;
}

sema_status api_call(sema_ctx* ctx, sema_value fn, const sema_value* args, size_t nargs, sema_value* out) {
  void* saved = ctx->native_data;
  Result<Value> r = ctx->interp->apply(fn, args, nargs);
  ctx->native_data = saved;
  if (!r) return pass_error(ctx, std::move(r.error()));
  *out = r->take();
  return SEMA_OK;
}

[[SEMA_HOT_TEXT]] sema_status api_call_owned(sema_ctx* ctx, sema_value fn, sema_value* args, size_t nargs, sema_value* out) {
  void* saved = ctx->native_data;
  Result<Value> r = ctx->interp->apply_owned(fn, args, nargs);
  ctx->native_data = saved;
  if (!r) return pass_error(ctx, std::move(r.error()));
  *out = r->take();
  return SEMA_OK;
}

int api_is_callable(sema_value v) {
  sema_type t = type_of(v);
  return t == SEMA_T_LAMBDA || t == SEMA_T_NATIVE;
}

// ------------------------------------------------------------------ errors

sema_status api_raise(sema_ctx* ctx, sema_error_kind kind, const char* msg, size_t len) {
  Error e;
  e.kind = kind;
  e.message.assign(msg ? msg : "", msg ? len : 0);
  return pass_error(ctx, std::move(e));
}

sema_status api_raise_type(sema_ctx* ctx, const char* expected, sema_value got) {
  return pass_error(ctx, type_error(expected, got).error());
}

sema_status api_raise_arity(sema_ctx* ctx, const char* name, const char* expected, size_t got) {
  return pass_error(ctx, arity_error(name, expected, got).error());
}

sema_status api_raise_value(sema_ctx* ctx, sema_value v) {
  Error e;
  e.kind = SEMA_ERR_USER;
  e.payload = Value::borrow(v);
  return pass_error(ctx, std::move(e));
}

sema_status api_request_exit(sema_ctx* ctx, int code) {
  std::fflush(stdout);
  std::fflush(stderr);
  Error e;
  e.flow = Error::Flow::Exit;
  e.exit_code = code;
  return pass_error(ctx, std::move(e));
}

sema_status api_read_all(sema_ctx* ctx, const char* text, size_t len, sema_value* out) {
  Result<ReadResult> r = read_all(std::string_view(text, len));
  if (!r) return pass_error(ctx, std::move(r.error()));
  std::vector<Word> forms;
  forms.reserve(r->forms.size());
  for (Value& f : r->forms) forms.push_back(f.take());
  *out = make_list(std::move(forms)).take();
  return SEMA_OK;
}

sema_status api_read_one(sema_ctx* ctx, const char* text, size_t len, sema_value* out) {
  Result<Value> r = read_one(std::string_view(text, len));
  if (!r) return pass_error(ctx, std::move(r.error()));
  *out = r->take();
  return SEMA_OK;
}

sema_value api_list_drop(sema_value list, size_t n) { return list_drop(list, n).take(); }

// ------------------------------------------------------------ host services

void* api_native_data(sema_ctx* ctx) { return ctx->native_data; }

void api_argv(int* argc, const char* const** argv) {
  const std::vector<const char*>& args = process_argv();
  if (argc) *argc = static_cast<int>(args.size());
  if (argv) *argv = args.data();
}

int api_check_capability(sema_ctx* ctx, const char* capability, const char* builtin) {
  const auto& deny = ctx->interp->options().deny;
  if (std::find(deny.begin(), deny.end(), capability) == deny.end()) return 1;
  Error e;
  e.kind = SEMA_ERR_PERMISSION;
  e.message = std::string(builtin) + ": the '" + capability + "' capability is denied";
  pass_error(ctx, std::move(e));
  return 0;
}

[[SEMA_HOT_TEXT]] int api_interrupted(sema_ctx* ctx) { return ctx->interp->interrupted() ? 1 : 0; }
sema_status api_raise_interrupt(sema_ctx* ctx) {
  Error e;
  e.kind = SEMA_ERR_EVAL;
  e.message = "interrupted";
  return pass_error(ctx, std::move(e));
}

}  // namespace
}  // namespace sema::rt

// A prepared repeated call: the evaluator's FastCall plus its interpreter.
struct sema_fastcall {
  sema::rt::Interp* interp;
  sema::rt::Interp::FastCall* call;
  size_t nargs;
  // fastcall_invoke_text's string of the last call (a reference of ours):
  // refilled in place while nobody else holds it.
  sema::rt::Word text = SEMA_NIL;
};

namespace sema::rt {
namespace {

sema_fastcall* api_fastcall_open(sema_ctx* ctx, sema_value fn, size_t nargs) {
  Interp::FastCall* fc = ctx->interp->fastcall_open(fn, nargs);
  if (fc == nullptr) return nullptr;
  return new sema_fastcall{ctx->interp, fc, nargs};
}

// The error of a failed call, for the plugin: out of line, so that the
// callers below keep no Error in their frames.
[[gnu::noinline]] sema_status fastcall_failed(sema_fastcall* fc) {
  return pass_error(fc->interp->ctx(), fc->interp->fastcall_error());
}

[[SEMA_FASTIO_HOT_TEXT]] sema_status api_fastcall_invoke(sema_fastcall* fc, sema_value* args, sema_value* out) {
  Word w;
  if (!fc->interp->fastcall_run(fc->call, args, w)) [[unlikely]]
    return fastcall_failed(fc);
  *out = w;
  return SEMA_OK;
}

[[SEMA_FASTIO_HOT_TEXT]] sema_status api_fastcall_invoke_text(sema_fastcall* fc, sema_value* args, const char* bytes, size_t len,
                                     sema_value* out) {
  args[fc->nargs - 1] = refill_argument(fc->text, bytes, len);  // a new string the first time (text nil)
  return api_fastcall_invoke(fc, args, out);
}

// The fold's loop in the runtime rather than in the plugin: per text, no
// table call, no status and no accumulator wrapper on the plugin's side
// (Interp::fastcall_fold: the rows of a lean call in one loop).
[[SEMA_FASTIO_HOT_TEXT]] sema_status api_fastcall_fold_facts(sema_fastcall* fc, sema_value* acc, const char* const* texts,
                                                      const size_t* lens, const sema_line_facts* const* facts, size_t n) {
  Word a = *acc;
  if (!fc->interp->fastcall_fold(fc->call, a, texts, lens, facts, n, fc->text)) [[unlikely]] {
    *acc = SEMA_NIL;  // the failed call took it
    return fastcall_failed(fc);
  }
  *acc = a;
  return SEMA_OK;
}

sema_status api_fastcall_fold_texts(sema_fastcall* fc, sema_value* acc, const char* const* texts, const size_t* lens,
                                    size_t n) {
  return api_fastcall_fold_facts(fc, acc, texts, lens, nullptr, n);
}

int api_fastcall_line_sep(sema_fastcall* fc) { return fc->interp->fastcall_line_sep(fc->call); }

void api_line_facts(int sep, const char* bytes, size_t len, sema_line_facts* out) {
  mini::line_facts(sep, bytes, len, reinterpret_cast<mini::LineFacts*>(out));
}

void api_fastcall_line_facts(sema_fastcall* fc, const char* bytes, size_t len, sema_line_facts* out) {
  fc->interp->fastcall_line_facts(fc->call, bytes, len, out);
}

void api_fastcall_close(sema_fastcall* fc) {
  if (fc == nullptr) return;
  fc->interp->fastcall_close(fc->call);
  release(fc->text);
  delete fc;
}

// The object header plugins read inline (sema.h, obj_header). Obj is not
// standard-layout (it has a vtable), so offsetof is only conditionally
// supported; GCC and Clang give the real offsets.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static_assert(offsetof(Obj, rc) == SEMA_OBJ_RC_OFFSET && sizeof(Obj::rc) == sizeof(uint32_t),
              "Obj::rc moved: it is part of the plugin ABI (sema.h obj_header, docs/decisions.md)");
static_assert(offsetof(Obj, type) == SEMA_OBJ_TYPE_OFFSET && sizeof(Obj::type) == sizeof(uint32_t),
              "Obj::type moved: it is part of the plugin ABI (sema.h obj_header, docs/decisions.md)");
#pragma GCC diagnostic pop

const sema_host_api table = {
    sizeof(sema_host_api),
    SEMA_ABI_MAJOR,
    SEMA_ABI_MINOR,
    register_builtin,
    define_global,
    api_retain,
    api_release,
    api_type_of,
    api_type_name,
    api_make_int,
    api_int_of,
    api_intern,
    api_id_name,
    api_make_string,
    api_string_data,
    api_make_list,
    api_make_vector,
    api_seq_view,
    api_cons,
    api_make_map,
    api_map_get,
    api_map_assoc,
    api_map_dissoc,
    api_map_count,
    api_map_entry,
    api_make_hashmap,
    api_hashmap_get,
    api_hashmap_assoc,
    api_hashmap_count,
    api_hashmap_next,
    api_make_bytevector,
    api_bytevector_data,
    api_record_tag,
    api_promise_forced,
    api_equal,
    api_compare,
    api_hash,
    api_to_string,
    api_print_to,
    api_call,
    api_is_callable,
    api_raise,
    api_raise_type,
    api_raise_arity,
    api_raise_value,
    api_request_exit,
    api_read_all,
    api_native_data,
    api_argv,
    api_check_capability,
    api_interrupted,
    api_raise_interrupt,
    api_fastcall_open,
    api_fastcall_invoke,
    api_fastcall_close,
    api_list_drop,
    api_read_one,
    api_call_owned,
    1,  // obj_header: the layout checked above
    api_make_string_list,
    api_string_refill,
    api_map_lookup,
    api_split_byte,
    api_fastcall_invoke_text,
    api_fastcall_fold_texts,
    api_fastcall_line_sep,
    api_line_facts,
    api_fastcall_fold_facts,
    api_fastcall_line_facts,
};

}  // namespace

const sema_host_api* host_api() { return &table; }

}  // namespace sema::rt
