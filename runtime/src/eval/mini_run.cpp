// Runs the mini-eval's nodes (mini_eval.hpp). Every node yields an owned
// result, except that a hook's arguments which are constants or reads of
// the procedure's own slots are passed borrowed. The order of evaluation,
// the hook calls, their trace entries and their errors are those of the
// evaluator's loop (evaluator.cpp), which runs every Full node.
//
// Two parts live in their own files, included below in this translation
// unit: the deferred split's fields and chains (mini_run_fields.inc) and
// the stats update (mini_run_record.inc).
#include "eval/mini_eval.hpp"
#include "eval/intrinsics.hpp"
#include "value/hashmap.hpp"
#include "value/string_refill.hpp"

#include <sema/number_syntax.hpp>

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>
#include <new>
#include <utility>
#include <vector>

namespace sema::rt::mini {

namespace {

using St = Interp::State;

bool eval(St& st, MNode* m, Env* env, Word& out);
bool run_map(St& st, MNode* m, Env* env, Word& out);

template <size_t N>
bool call_hook(St& st, MNode* m, Env* env, Word& out);
bool materialize(St& st, MNode* u, Env* env);
bool run_calls(St& st, MNode* m, Env* env, Word& out);
bool run_assoc_literal(St& st, MNode* m, Env* env, Word& out);
[[gnu::always_inline]] inline bool test_in_place(St& st, MNode* t, Env* env, bool& yes);

// in_place's test, remembered for the epoch it held at.
[[gnu::noinline]] bool in_place_check(St& st, MNode* m) {
  if (m->cell->value != m->builtin || st.any_dynamic) return false;
  m->epoch = st.globals_epoch;
  return true;
}

// Whether a hooked call may run here: its global still holds the builtin,
// and no local scope gained names at run time (which could shadow it).
// Tested again only after a global changed or a scope grew, both of which
// move the globals' epoch on.
[[gnu::always_inline]] inline bool in_place(St& st, MNode* m) {
  return m->epoch == st.globals_epoch || in_place_check(st, m);
}

// A leaf argument of an intrinsic call in place: a constant or a bound
// slot, a variable's last use included (see empty_moved). The caller has
// checked any_dynamic.
[[gnu::always_inline]] inline bool atom(MNode* k, Env* env, Word& w) {
  if (k->kind == MK::Const) {
    w = k->constant;
    return true;
  }
  w = env->up(k->depth)->get(k->slot);
  return w != kUnset;
}

// A leaf operand's word read in place (borrowed), when it can be: not a
// variable's last use (call_hook moves that out of its slot).
[[gnu::always_inline]] inline bool peek(St& st, MNode* k, Env* env, Word& w) {
  if (k->kind == MK::Const) return atom(k, env, w);
  return k->borrow && atom(k, env, w) && !st.any_dynamic;
}

// After an intrinsic on words in place: each read that was its variable's
// last use gives up its slot, as the moving read would have.
[[gnu::noinline]] void empty_all_moved(MNode* m, Env* env) {
  for (MNode::Slot s : m->moved) release(std::exchange(env->up(s.depth)->slots[s.slot], SEMA_NIL));
}

// The common one or two slots without the loop. Both are emptied before
// either value is released (a slot is listed once, and freeing a value
// touches no frame), so the second release is a tail call.
[[gnu::noinline, SEMA_FASTIO_HOT_TEXT]] void empty_moved(MNode* m, Env* env) {
  const MNode::Slot* s = m->moved.data();
  size_t n = m->moved.size();
  if (n > 2) [[unlikely]]
    return empty_all_moved(m, env);
  Word a = std::exchange(env->up(s[0].depth)->slots[s[0].slot], SEMA_NIL);
  Word b = n == 2 ? std::exchange(env->up(s[1].depth)->slots[s[1].slot], SEMA_NIL) : SEMA_NIL;
  release(a);
  release(b);
}

// `get` of a keyword in a small map, by a scan that remembers where it found
// the key; anything else goes to the intrinsic.
[[gnu::noinline]] bool scan_get(MNode* m, Word map, Word key, Word& out) {
  if (is_type(map, SEMA_T_MAP)) {
    const auto* o = static_cast<const MapObj*>(as_obj(map));
    if (ptrdiff_t i = map_scan_key(o, key) ? map_scan_index(o, key) : -1; i >= 0) {
      m->entry_hint = static_cast<uint32_t>(i);
      out = o->entries[static_cast<size_t>(i)].second;
      retain(out);
      return true;
    }
  }
  return outlined_intrinsic2(SEMA_INTRINSIC_GET, map, key, out);
}

// (get map :keyword): a record-like map built by the same literal keeps its
// keys at the same places, so the entry found last time is checked first.
// A key occurs once in a map, so a hit is what the scan would find. Out of
// line, in place of the intrinsic's call: inlined into the leaf paths it
// made their callers slower, with fewer instructions.
[[gnu::noinline, SEMA_FASTIO_HOT_TEXT]] bool keyword_get(MNode* m, Word map, Word key, Word& out) {
  if (is_type(map, SEMA_T_MAP)) {
    const MapEntries& e = static_cast<const MapObj*>(as_obj(map))->entries;
    uint32_t i = m->entry_hint;
    if (i < e.size() && e[i].first == key) [[likely]] {
      out = e[i].second;
      retain(out);
      return true;
    }
  }
  return scan_get(m, map, key, out);
}

// A call with leaf arguments of a builtin with an intrinsic, run on the
// words in place, its slots left as they are; false: not handled here,
// nothing changed.
template <size_t N>
[[gnu::always_inline]] inline bool leaf_words(St& st, MNode* m, Env* env, Word& out) {
  Word x, y;
  if (!in_place(st, m) || !atom(m->kids[0], env, x)) return false;
  if constexpr (N == 1) {
    return outlined_intrinsic1(m->intrinsic, x, out);
  } else {
    if (!atom(m->kids[1], env, y)) return false;
    return m->keyword_get ? keyword_get(m, x, y, out) : outlined_intrinsic2(m->intrinsic, x, y, out);
  }
}

// The same, as the call: reads that were last uses give up their slots.
// False: call_hook does the rest.
template <size_t N>
[[gnu::always_inline]] inline bool leaf_intrinsic(St& st, MNode* m, Env* env, Word& out) {
  bool done = leaf_words<N>(st, m, env, out);
  if (done && m->leaf_moves) [[unlikely]]
    empty_moved(m, env);
  return done;
}

// An operand of a nested node in place: a constant, a variable read or a
// leaf intrinsic call (an owned result).
[[gnu::always_inline]] inline bool nested_operand(St& st, MNode* k, Env* env, Word& w) {
  switch (k->kind) {
    case MK::Const:
    case MK::Local: return atom(k, env, w);
    case MK::Hook1: return leaf_words<1>(st, k, env, w);
    default: return leaf_words<2>(st, k, env, w);
  }
}

[[gnu::always_inline]] inline void release_computed(MNode* k, Word w) {
  if (k->kind != MK::Const && k->kind != MK::Local) release(w);
}

// After an intrinsic on words in place, as a tail call: the fast paths
// that end here need no saved registers of their own.
[[gnu::noinline]] bool moved_done(MNode* m, Env* env) {
  empty_moved(m, env);
  return true;
}

// A nested node (mini_eval.hpp) computed by intrinsics alone. They have no
// effects but the references they return, and no slot is emptied before
// all of them succeeded, so when any is not handled everything is dropped
// and false says: run the call the general way, from the start. The caller
// has checked in_place for m.
[[gnu::noinline]] bool run_nested_any(St& st, MNode* m, Env* env, Word& out) {
  MNode* k0 = m->kids[0];
  MNode* k1 = m->kids[1];
  Word a, b;
  if (!nested_operand(st, k0, env, a)) [[unlikely]]
    return false;
  if (!nested_operand(st, k1, env, b)) [[unlikely]] {
    release_computed(k0, a);
    return false;
  }
  bool done = outlined_intrinsic2(m->intrinsic, a, b, out);
  release_computed(k0, a);
  release_computed(k1, b);
  if (!done) [[unlikely]]
    return false;
  if (m->leaf_moves) [[unlikely]]
    empty_moved(m, env);
  return true;
}

// A nested_kw node (mini_eval.hpp) on two immediate numbers: the entry the
// keyword_get's hint points at is read in place, borrowed (its map stays in
// its slot until the intrinsic is done, and the result is an immediate),
// and the intrinsic's number cases run inline. A leaf function: anything
// else goes to run_nested_any, from the start, as a tail call.
[[gnu::noinline]] bool run_nested(St& st, MNode* m, Env* env, Word& out) {
  if (!in_place(st, m)) [[unlikely]]
    return false;
  if (!m->nested_kw) return run_nested_any(st, m, env, out);
  MNode* g = m->kids[1];
  Word a, map = env->up(m->kw_depth)->get(m->kw_slot);
  if (g->cell->value != g->builtin || !is_type(map, SEMA_T_MAP) || !atom(m->kids[0], env, a)) [[unlikely]]
    return run_nested_any(st, m, env, out);
  const MapEntries& e = static_cast<const MapObj*>(as_obj(map))->entries;
  uint32_t i = g->entry_hint;
  if (i >= e.size() || e[i].first != m->kw_key || !number_intrinsic2(m->intrinsic, a, e[i].second, out))
      [[unlikely]]
    return run_nested_any(st, m, env, out);
  if (m->leaf_moves) [[unlikely]]
    return moved_done(m, env);
  return true;
}

#include "eval/mini_run_fields.inc"

// A value for a hook argument: borrowed when it is a constant or a bound
// slot of our own frames that stays there until the call (owned = false).
[[gnu::always_inline]] inline bool operand(St& st, MNode* m, Env* env, Word& out, bool& owned) {
  switch (m->kind) {
    case MK::Const:
    case MK::Local:
      owned = !peek(st, m, env, out);
      return !owned || st.local(static_cast<LocalNode*>(m->node), env, out);  // only a Local can miss
    case MK::Hook1:
      owned = true;
      return (m->leaf_intrinsic && leaf_intrinsic<1>(st, m, env, out)) || (m->chain && run_chain(st, m, env, out)) ||
             call_hook<1>(st, m, env, out);
    case MK::Hook2:
      owned = true;
      return (m->leaf_intrinsic && leaf_intrinsic<2>(st, m, env, out)) || (m->nested && run_nested(st, m, env, out)) ||
             call_hook<2>(st, m, env, out);
    case MK::Map:
      owned = true;
      return run_map(st, m, env, out);  // not through eval: its frame saves more registers
    default: break;
  }
  owned = true;
  return eval(st, m, env, out);
}

// Drops the operands this call owns.
template <size_t N>
[[gnu::always_inline]] inline void release_owned(const Word* a, const bool* owned) {
  for (size_t i = 0; i < N; ++i)
    if (owned[i]) release(a[i]);
}

// Calls m's N-argument hook as the builtin's own code: its data in the
// context, no error pending from an earlier call.
template <size_t N>
[[gnu::always_inline]] inline sema_status invoke(St& st, MNode* m, const Word* a, Word& res) {
  sema_ctx& ctx = st.ctx;
  void* saved = ctx.native_data;
  ctx.native_data = m->native->data;
  if (ctx.pending) [[unlikely]]
    ctx.pending.reset();
  res = SEMA_NIL;
  sema_status status;
  if constexpr (N == 1)
    status = reinterpret_cast<sema_hook1_fn>(m->hook)(&ctx, a[0], &res);
  else if constexpr (N == 2)
    status = reinterpret_cast<sema_hook2_fn>(m->hook)(&ctx, a[0], a[1], &res);
  else
    status = reinterpret_cast<sema_hook3_fn>(m->hook)(&ctx, a[0], a[1], a[2], &res);
  ctx.native_data = saved;
  return status;
}

// The hook call proper, for the rarer shapes: a hook that consumes arg 0
// (it gets a reference of its own) or an impure one (a trace entry while it
// runs, since it may call back into the language).
template <size_t N>
[[gnu::noinline]] bool call_general(St& st, MNode* m, Word* a, bool* owned, Word& out) {
  uint32_t flags = m->flags;
  if (flags & SEMA_HOOK_CONSUMES_ARG0) {
    if (!owned[0]) retain(a[0]);
    owned[0] = false;
  }
  bool traced = !(flags & SEMA_HOOK_PURE);
  NativeObj* nat = m->native;
  if (traced) st.trace.push_back(TraceEntry{nat->name, m->node->file, m->node->span});
  Word res;
  sema_status status = invoke<N>(st, m, a, res);
  release_owned<N>(a, owned);
  if (status == SEMA_OK) [[likely]] {
    if (traced) st.trace.pop_back();
    out = res;
    return true;
  }
  return st.builtin_failed(nat, status, m->node, traced);
}

// Calls the builtin's N-argument hook with the operands of m->kids (the
// evaluator's call_builtin + call_hook, the head resolved at compile time).
template <size_t N>
[[gnu::noinline]] bool call_hook(St& st, MNode* m, Env* env, Word& out) {
  if (m->cell->value != m->builtin || st.any_dynamic) [[unlikely]]
    return st.ev(m->node, env, out);  // the global was rebound: the evaluator resolves it again
  if (!m->leaf_args && stack_low()) [[unlikely]]
    return st.fail(st.depth_error());
  Word a[N];
  bool owned[N] = {};
  for (size_t i = 0; i < N; ++i) {
    if (!operand(st, m->kids[i], env, a[i], owned[i])) [[unlikely]] {
      owned[i] = false;  // a failed operand holds nothing; later ones are not read yet
      release_owned<N>(a, owned);
      return false;
    }
  }
  if constexpr (N <= 2) {
    // The common cases of a standard builtin, on the borrowed words.
    bool done = m->intrinsic && (N == 1 ? outlined_intrinsic1(m->intrinsic, a[0], out)
                                        : outlined_intrinsic2(m->intrinsic, a[0], a[N - 1], out));
    if (done) {
      release_owned<N>(a, owned);
      return true;
    }
  }
  if (m->flags != SEMA_HOOK_PURE) [[unlikely]]
    return call_general<N>(st, m, a, owned, out);
  // A pure hook: no trace entry unless it fails.
  Word res;
  sema_status status = invoke<N>(st, m, a, res);
  release_owned<N>(a, owned);
  if (status != SEMA_OK) [[unlikely]]
    return st.builtin_failed(m->native, status, m->node, false);
  out = res;
  return true;
}

// Makes a deferred split's list from the source in its slot (the list the
// binding would have made: same bytes, same split) and puts it there, so
// that the slot is what the general path expects. On failure (out of
// memory) string/split's hook runs on the same words and reports it.
[[gnu::noinline]] bool materialize(St& st, MNode* u, Env* env) {
  Word& slot = env->up(u->kids[0]->depth)->slots[u->kids[0]->slot];
  MNode* s = u->split;
  Word list;
  if (!split_at_byte(slot, s->kids[1]->constant, list)) {
    Word a[2] = {slot, s->kids[1]->constant};
    bool owned[2] = {};
    if (!call_general<2>(st, s, a, owned, list)) return false;
  }
  u->split_let->split_live &= ~u->split_bit;
  release(std::exchange(slot, list));
  return true;
}

// A SplitField node: its field as a new string while the split is
// deferred and the call is the standard one; otherwise the list is made
// and the call runs as any leaf call.
[[gnu::noinline, SEMA_FASTIO_HOT_TEXT]] bool run_split_field(St& st, MNode* u, Env* env, Word& out) {
  Word src;
  if (split_source(u, env, src)) {
    std::string_view f;
    if (in_place(st, u) && field_of(u, src, f) && field_string(f, out))
        [[likely]] {
      if (u->leaf_moves) empty_moved(u, env);
      return true;
    }
    if (!materialize(st, u, env)) return false;
  }
  if (u->kids.size() == 1) return leaf_intrinsic<1>(st, u, env, out) || call_hook<1>(st, u, env, out);
  return leaf_intrinsic<2>(st, u, env, out) || call_hook<2>(st, u, env, out);
}

// Deferred keys (mini_compile.cpp, defer_keys: why it is unobservable).

// Whether u's slot holds its field's source in this run.
[[gnu::always_inline]] inline bool key_live(const MNode* u) { return (u->split_let->split_live & u->key_bit) != 0; }

// key_text when the split's remembered ends are another word's (a run of
// the same let inside ours): field_of finds the field again in src.
[[gnu::noinline]] std::string_view key_text_again(MNode* u, Word src) {
  std::string_view t;
  if (is_type(src, SEMA_T_STRING) && field_of(u, src, t)) return t;
  return {};
}

// The text a live key's slot word src stands for: the field key_bind found,
// at the ends the split remembers for src. A null data(): the slot was
// emptied (a last use read it), there is no text.
[[gnu::always_inline]] inline std::string_view key_text(MNode* u, Word src) {
  const MNode* s = u->split;
  uint32_t k = u->split_index;
  if (s->split_src == src && k < s->split_known) [[likely]] {
    const char* b = string_of(src).data();
    return {b + (k ? s->split_end[k - 1] + 1 : 0), b + s->split_end[k]};
  }
  return key_text_again(u, src);
}

// field_of for a row's line whose facts hold its first separator (a 1BRC
// row's name): the end fastio's reading thread found, remembered as
// field_of remembers the end it finds.
[[gnu::always_inline]] inline bool first_field_of(St& st, MNode* u, Word src, std::string_view& f) {
  const LineFacts* lf = st.row_facts;
  MNode* s = u->split;
  if (lf != nullptr && src == st.row_line && lf->known && lf->sep == static_cast<unsigned char>(u->split_sep) &&
      u->split_index == 0 && s->split_src == src && s->split_known == 0 && !s->split_ended) [[likely]] {
    std::string_view t = string_of(src);
    // (Facts of other bytes, from a plugin that broke fastcall_fold_facts'
    // contract, must not take the field past the text.)
    if (lf->first_sep > t.size()) [[unlikely]]
      return field_of(u, src, f);
    s->split_end[0] = lf->first_sep;
    s->split_known = 1;
    s->split_ended = lf->first_sep == t.size();
    f = std::string_view(t.data(), lf->first_sep);
    return true;
  }
  return field_of(u, src, f);
}

// A deferred key's binding (Bind::Key): the field's source in the slot,
// with a reference of its own (the split's slot may give its up first), its
// field found (field_of remembers the ends). Anything else: the field as a
// string, as run_split_field makes it.
[[gnu::always_inline]] inline bool key_bind(St& st, MNode* u, Env* env, Word& out) {
  Word src;
  std::string_view f;
  if (!split_source(u, env, src) || !in_place(st, u) || !first_field_of(st, u, src, f)) [[unlikely]]
    return run_split_field(st, u, env, out);
  retain(src);
  if (u->leaf_moves) empty_moved(u, env);
  u->split_let->split_live |= u->key_bit;
  out = src;
  return true;
}

// key_string without memory for the string: the split's hook makes the
// list (or reports the error, as the binding's fallback would have), the
// field's own builtin takes the field from it.
// Not cold: .text.unlikely lies in front of the hot text, whose place
// decides the cache sets (performance.md §30).
[[gnu::noinline]] bool key_oom(St& st, MNode* u, Word& slot) {
  Word a[2] = {slot, u->split->kids[1]->constant};
  bool owned[2] = {};
  Word list, field;
  if (!call_general<2>(st, u->split, a, owned, list)) return false;
  Word b[2] = {list, u->kids.size() == 2 ? u->kids[1]->constant : SEMA_NIL};
  bool owns[2] = {true, false};
  if (!(u->kids.size() == 1 ? call_general<1>(st, u, b, owns, field) : call_general<2>(st, u, b, owns, field)))
    return false;
  release(std::exchange(slot, field));
  return true;
}

// The string a deferred key stands for, made from its bytes and put in its
// slot (read: a reader's read of it), before a path that reads the slot as
// a value (an evaluator, a hook, the insertion). False: an error.
[[gnu::noinline]] bool key_string(St& st, MNode* u, MNode* read, Env* env) {
  if (!key_live(u)) return true;
  u->split_let->split_live &= ~u->key_bit;
  Word& slot = env->up(read->depth)->slots[read->slot];
  std::string_view f = key_text(u, slot);
  if (f.data() == nullptr) return true;
  Word s;
  if (!make_field_string(f, s)) return key_oom(st, u, slot);
  release(std::exchange(slot, s));
  return true;
}

// A deferred split's binding: X's string goes into the slot (moved out of
// its own when the read was its last use, as the call's operand would be),
// and the let's bit says so. False: not deferred, evaluate the call.
[[gnu::always_inline]] inline bool defer_split(St& st, MNode* let, MNode* s, Env* env, Word& out) {
  if (!in_place(st, s)) [[unlikely]]
    return false;
  Word src;
  if (s->split_from_local) [[likely]] {
    // atom()'s read, the slot's address kept for the move; an unset slot
    // is no string either
    Env* f = env;
    for (uint32_t d = s->split_from_depth; d > 0; --d) f = f->parent.get();
    if (s->split_from_slot >= f->slots.size()) [[unlikely]]
      return false;
    Word& slot = f->slots[s->split_from_slot];
    src = slot;
    if (!is_type(src, SEMA_T_STRING)) [[unlikely]]
      return false;
    if (s->leaf_moves)  // the one moved slot is X's (the separator is a constant)
      slot = SEMA_NIL;
    else
      retain(src);
  } else {
    src = s->kids[0]->constant;
    if (!is_type(src, SEMA_T_STRING)) [[unlikely]]
      return false;
    retain(src);
  }
  out = src;
  let->split_live |= s->split_bit;
  s->split_src = src;  // field_of: no ends known for this run yet
  s->split_known = 0;
  s->split_ended = false;
  return true;
}

// An owned value: hook calls straight away, the rest through eval.
[[gnu::always_inline]] inline bool value(St& st, MNode* m, Env* env, Word& out) {
  switch (m->kind) {
    case MK::Hook1:
      return (m->leaf_intrinsic && leaf_intrinsic<1>(st, m, env, out)) || (m->chain && run_chain(st, m, env, out)) ||
             call_hook<1>(st, m, env, out);
    case MK::Hook2:
      return (m->leaf_intrinsic && leaf_intrinsic<2>(st, m, env, out)) || (m->nested && run_nested(st, m, env, out)) ||
             call_hook<2>(st, m, env, out);
    case MK::Hook3: return call_hook<3>(st, m, env, out);
    case MK::Const:
      out = m->constant;
      retain(out);
      return true;
    case MK::Local: return st.local(static_cast<LocalNode*>(m->node), env, out);
    default: return eval(st, m, env, out);
  }
}

// A deferred key's get whose key has no entry: nil, and the string made
// from the bytes takes the slot (yp). False: out of memory, nothing changed.
[[gnu::noinline]] bool key_missing(MNode* m, MNode* u, Env* env, Word* yp, std::string_view t, Word& out) {
  Word s;
  if (!make_field_string(t, s)) return false;
  Word src = std::exchange(*yp, s);
  u->split_let->split_live &= ~u->key_bit;
  release(src);
  out = SEMA_NIL;
  if (m->leaf_moves) empty_moved(m, env);
  return true;
}

// A row's key numbered by its facts (LineFacts::key) and seen in no entry
// of this map version yet: found by its bytes and remembered (m->key_slots).
[[gnu::noinline]] Word keyed_miss(MNode* m, Word x, std::string_view t, const LineFacts* lf, Word& k) {
  Word v = hashmap_get_hashed_text(x, t, lf->name_hash, k);
  if (k != SEMA_NIL && lf->key != 0) {
    auto* o = static_cast<HashMapObj*>(as_obj(x));
    try {
      if (lf->key >= m->key_slots.size()) m->key_slots.resize(std::max<size_t>(lf->key + 1, 2 * m->key_slots.size()));
      m->key_slots[lf->key] = {o->version, k, o->last_val};
    } catch (const std::bad_alloc&) {
      // not remembered: found by its bytes next time too
    }
  }
  return v;
}

// hashmap_get_hashed_text for a row whose facts number its key: the entry
// remembered for that number while the map's version has not changed.
[[gnu::always_inline]] inline Word keyed_get(MNode* m, Word x, std::string_view t, const LineFacts* lf, Word& k) {
  auto* o = static_cast<HashMapObj*>(as_obj(x));
  if (uint32_t key = lf->key; key < m->key_slots.size()) [[likely]] {
    const MNode::KeySlot& e = m->key_slots[key];
    if (e.version == o->version) [[likely]] {
      k = e.key;
      hashmap_remember_own_key(o, k, e.slot);
      return *e.slot;
    }
  }
  return keyed_miss(m, x, t, lf, k);
}

// A deferred key's get (MNode::key_field) while the key is live: the
// key's slot holds the source, and the hashmap is searched by the field's
// bytes. The slot then takes a string equal to the field, the same value
// the binding would have made: the map's own key when one was found, else
// one made from the bytes; the key is no longer deferred. False: nothing
// changed (but the map's last hit): the caller makes the string and calls
// get as for any other key.
[[gnu::always_inline]] inline bool key_lookup(St& st, MNode* m, MNode* u, Env* env, Word& out) {
  MNode* r = m->kids[1];
  Word x;
  if (!in_place(st, m) || !atom(m->kids[0], env, x) || !is_type(x, SEMA_T_HASHMAP)) [[unlikely]]
    return false;
  Env* fe = env->up(r->depth);
  if (r->slot >= fe->slots.size()) [[unlikely]]
    return false;
  Word* yp = &fe->slots[r->slot];
  Word y = *yp;
  std::string_view t = key_text(u, y);
  if (t.data() == nullptr) [[unlikely]]
    return false;
  Word k;
  const LineFacts* lf = st.row_facts;
  Word v = lf != nullptr && y == st.row_line && lf->known && t.data() == string_of(y).data() && t.size() == lf->first_sep
               ? keyed_get(m, x, t, lf, k)
               : hashmap_get_text(x, t, k);
  if (k == SEMA_NIL) [[unlikely]]
    return key_missing(m, u, env, yp, t, out);
  retain(k);
  *yp = k;
  u->split_let->split_live &= ~u->key_bit;
  // release(y), inline: the source mostly lives on (fastio's line).
  if (is_ptr(y) && --as_obj(y)->rc == 0) [[unlikely]]
    destroy(as_obj(y));
  out = v;
  retain(v);
  if (m->leaf_moves) [[unlikely]]
    empty_moved(m, env);
  return true;
}

// A leaf `get` (MNode::Bind::Get) on a hashmap: what the intrinsic's get
// does there, without outlined_intrinsic2's dispatch; anything else goes
// to it (a live deferred key: key_lookup). As leaf_intrinsic<2>: last-use
// reads give up their slots, and false, with nothing changed, leaves the
// call to call_hook.
[[gnu::always_inline]] inline bool leaf_get(St& st, MNode* m, Env* env, Word& out) {
  if (MNode* u = m->key_field; u != nullptr && key_live(u)) return key_lookup(st, m, u, env, out);
  Word x, y;
  if (!in_place(st, m) || !atom(m->kids[0], env, x) || !atom(m->kids[1], env, y)) [[unlikely]]
    return false;
  if (is_type(x, SEMA_T_HASHMAP)) [[likely]] {
    bool found = false;
    Word v = hashmap_get(x, y, &found);
    out = found ? v : SEMA_NIL;
    retain(out);
  } else if (!outlined_intrinsic2(m->intrinsic, x, y, out)) {
    return false;
  }
  if (m->leaf_moves) [[unlikely]]
    empty_moved(m, env);
  return true;
}

// A let binding's init, by the case the compiler chose (MNode::bind); each
// case is the path value() or the split's own code takes for that node.
[[gnu::always_inline]] inline bool bind_value(St& st, MNode* let, MNode* k, Env* in, Word& w) {
  switch (k->bind) {
    case MNode::Bind::Defer: return defer_split(st, let, k, in, w) || eval(st, k, in, w);
    case MNode::Bind::Field: return run_split_field(st, k, in, w);
    case MNode::Bind::Chain:  // a split_number chain's common case inline (false: run_chain tries it again)
      return (k->split_number && number_fast(st, k, in, w)) || run_chain(st, k, in, w) || call_hook<1>(st, k, in, w);
    case MNode::Bind::Get:
      return leaf_get(st, k, in, w) ||
             ((k->key_field == nullptr || key_string(st, k->key_field, k->kids[1], in)) && call_hook<2>(st, k, in, w));
    case MNode::Bind::Key: return key_bind(st, k, in, w);
    case MNode::Bind::Value: break;
  }
  return value(st, k, in, w);
}

// A let's body that is an If, as eval runs it, without eval's frame: the
// test decided in place (false from test_in_place: nothing changed, and
// eval runs the If from the start), then an assoc-literal branch directly.
[[gnu::always_inline]] inline bool let_body(St& st, MNode* b, Env* env, Word& out) {
  bool yes;
  if (b->kind != MK::If || !test_in_place(st, b->kids[0], env, yes)) return eval(st, b, env, out);
  if (!yes && b->kids.size() <= 2) {
    out = SEMA_NIL;
    return true;
  }
  b = b->kids[yes ? 1 : 2];
  if (b->kind == MK::AssocLiteral) return run_assoc_literal(st, b, env, out);
  return eval(st, b, env, out);
}

// let / let*: the frame of the last run is reused when nothing else holds
// it; its slots are emptied as soon as the body is done. Inline into the
// body's root (run_root: a line callback's let, without a frame of its own)
// and into run_let.
[[gnu::always_inline]] inline bool let_run(St& st, MNode* m, Env* env, Word& out) {
  LetNode* x = m->let;
  // f carries a count of ours while the body runs (a run of the same code
  // inside it must not reuse the frame), taken and given back by hand.
  Env* f = m->spare.get();
  if (f && f->rc_ == 1) [[likely]] {
    f->rc_ = 2;
    // The spare's parent link is null (dropped at the end of its last run):
    // set without assignment's release of the old value.
    new (&f->parent) Rc<Env>(Rc<Env>::share(env));
  } else {
    m->spare = Env::make(x->scope, Rc<Env>::share(env));
    f = m->spare.get();
    ++f->rc_;
  }
  Env* in = x->kind == K::Let ? env : f;
  bool ok = true;
  // This run's deferred splits; a run of the same let inside ours (a
  // recursive call) has its own.
  uint32_t outer_live = std::exchange(m->split_live, 0);
  // Read once: the calls below could change memory, not the compiled code
  // (kids: the inits, then the body).
  const bool distinct = m->distinct_slots;
  MNode* const* kid = m->kids.data();
  MNode* const* body = kid + (m->kids.size() - 1);
  for (; kid != body; ++kid) {
    Word w;
    MNode* k = *kid;
    if (!bind_value(st, m, k, in, w)) [[unlikely]] {
      ok = false;
      break;
    }
    // The slot exists: the frame was sized to its scope after the let was
    // analysed (a scope only gains names). With distinct slots it is unset:
    // a reused frame was emptied at the end of its last run, a new one
    // starts so, and only this binding stores into it (the body assigns no
    // local, and a pure body makes no closure that could).
    if (distinct) [[likely]]
      f->slots[k->bind_slot] = w;
    else
      f->put_existing(k->bind_slot, w);
  }
  if (ok) ok = let_body(st, *body, f, out);
  if (f->rc_ == 2) [[likely]] {
    // Only we and the spare hold it: empty it now (its values die when the
    // evaluator's frame would), and let go of the parent, so the caller's
    // reused frame is unshared again.
    for (Word& w : f->slots) release(std::exchange(w, kUnset));
    f->parent.reset();
    f->rc_ = 1;
  } else {
    Rc<Env> ours = Rc<Env>::adopt(f);
    m->spare.reset();
  }
  m->split_live = outer_live;
  return ok;
}

[[gnu::noinline, SEMA_FASTIO_HOT_TEXT]] bool run_let(St& st, MNode* m, Env* env, Word& out) { return let_run(st, m, env, out); }

// A map literal's values in order, owned, into vals; on a failure the ones
// already computed are dropped. A nested value (1BRC's stats) is tried
// first, without value()'s switch.
[[gnu::always_inline]] inline bool literal_values(St& st, MNode* lit, Env* env, Word* vals) {
  size_t n = lit->kids.size();
  for (size_t i = 0; i < n; ++i) {
    MNode* k = lit->kids[i];
    bool ok = k->nested ? run_nested(st, k, env, vals[i]) || call_hook<2>(st, k, env, vals[i]) : value(st, k, env, vals[i]);
    if (!ok) [[unlikely]] {
      for (size_t j = 0; j < i; ++j) release(vals[j]);
      return false;
    }
  }
  return true;
}

[[gnu::noinline]] bool run_map(St& st, MNode* m, Env* env, Word& out) {
  // The values go straight into an array on the stack (a literal of up to
  // 8 entries) instead of being appended one by one.
  size_t n = m->kids.size();
  Word on_stack[8];
  std::vector<Word> on_heap;
  Word* vals = on_stack;
  if (n > std::size(on_stack)) {
    on_heap.resize(n);
    vals = on_heap.data();
  }
  if (!literal_values(st, m, env, vals)) return false;
  out = map_from_values(static_cast<MapNode*>(m->node), vals);
  return true;
}

#include "eval/mini_run_record.inc"

// `=` on two strings (1BRC's `(= line "")`), as num_eq has it, compared
// inline: the lengths first, then at most 16 bytes as words (same_text).
// yes: whether they are equal; false: not two strings.
[[gnu::always_inline]] inline bool text_eq(Word x, Word y, bool& yes) {
  if (!is_type(x, SEMA_T_STRING) || !is_type(y, SEMA_T_STRING)) return false;
  // Lengths apart first, here: same_text is not inlined at every site (a
  // call through the PLT), and a line against "" mostly differs in length.
  std::string_view a = string_of(x), b = string_of(y);
  yes = a.size() == b.size() && same_text(a, b);
  return true;
}

// An If's test that is a leaf intrinsic call, decided on the words in
// place: its value is only looked at, so `=` and `nil?` (1BRC's tests) run
// inline and make no value. As leaf_intrinsic: a read that was its
// variable's last use gives up its slot; false, with nothing changed: not
// handled here.
template <size_t N>
[[gnu::always_inline]] inline bool leaf_test(St& st, MNode* t, Env* env, bool& yes) {
  Word x, y = SEMA_NIL, w;
  if (!in_place(st, t) || !atom(t->kids[0], env, x)) return false;
  if constexpr (N == 2)
    if (!atom(t->kids[1], env, y)) return false;
  uint8_t id = t->intrinsic;
  // 1BRC's two tests, `(nil? x)` and `=` on two strings, decide yes
  // directly: their value would be a boolean, which needs no release.
  bool decided = false;
  if constexpr (N == 1) {
    if (id == SEMA_INTRINSIC_NIL_P) {
      yes = x == SEMA_NIL;
      decided = true;
    }
  } else {
    decided = id == SEMA_INTRINSIC_NUM_EQ && text_eq(x, y, yes);
  }
  if (decided) [[likely]] {
    if (t->leaf_moves) [[unlikely]]
      empty_moved(t, env);
    return true;
  }
  bool done;
  if constexpr (N == 1)
    done = outlined_intrinsic1(id, x, w);
  else
    done = id == SEMA_INTRINSIC_NUM_EQ ? intrinsic_detail::num_eq(x, y, w)
           : t->keyword_get            ? keyword_get(t, x, y, w)
                                       : outlined_intrinsic2(id, x, y, w);
  if (!done) return false;
  if (t->leaf_moves) [[unlikely]]
    empty_moved(t, env);
  yes = sema_truthy(w);
  release(w);
  return true;
}

// A test of shape Nil or Text (MNode::test): leaf_test's answer, on the
// one variable's word. False, with nothing changed: leaf_test decides.
[[gnu::always_inline]] inline bool shaped_test(St& st, MNode* t, Env* env, bool& yes) {
  const MNode* v = t->kids[t->test_var];
  if (!in_place(st, t)) return false;
  Word x = env->up(v->depth)->get(v->slot);
  if (x == kUnset) return false;
  if (t->test == MNode::Test::Nil) {
    yes = x == SEMA_NIL;
  } else {
    // text_eq's compare; the constant is known to be a string (test_shape)
    if (!is_type(x, SEMA_T_STRING)) return false;
    std::string_view a = string_of(x), b = string_of(t->test_text);
    yes = a.size() == b.size() && same_text(a, b);
  }
  if (t->leaf_moves) [[unlikely]]
    empty_moved(t, env);
  return true;
}

[[gnu::always_inline]] inline bool test_in_place(St& st, MNode* t, Env* env, bool& yes) {
  if (t->test != MNode::Test::Any && shaped_test(st, t, env, yes)) [[likely]]
    return true;
  if (!t->leaf_intrinsic) return false;
  return t->kind == MK::Hook1 ? leaf_test<1>(st, t, env, yes) : leaf_test<2>(st, t, env, yes);
}

// An AssocLiteral node: the stats update in one step when it applies, else
// the call.
[[gnu::noinline, SEMA_FASTIO_HOT_TEXT]] bool run_assoc_literal(St& st, MNode* m, Env* env, Word& out) {
  if (m->rec != nullptr && run_rec(st, m, env, out)) [[likely]]
    return true;
  return run_assoc_call(st, m, env, out);
}

[[SEMA_FASTIO_HOT_TEXT]] bool eval(St& st, MNode* m, Env* env, Word& out) {
  for (;;) {
    switch (m->kind) {
      case MK::Const:
        out = m->constant;
        retain(out);
        return true;
      case MK::Local: return st.local(static_cast<LocalNode*>(m->node), env, out);
      case MK::Global: return st.global(static_cast<GlobalNode*>(m->node)->cell, env, out);
      case MK::Hook1: return call_hook<1>(st, m, env, out);
      case MK::Hook2: return call_hook<2>(st, m, env, out);
      case MK::Hook3: return call_hook<3>(st, m, env, out);
      case MK::If: {
        bool yes;
        if (!test_in_place(st, m->kids[0], env, yes)) [[unlikely]] {
          Word t;
          bool owned;
          if (!operand(st, m->kids[0], env, t, owned)) return false;
          yes = sema_truthy(t);
          if (owned) release(t);
        }
        if (yes) {
          m = m->kids[1];
        } else if (m->kids.size() > 2) {
          m = m->kids[2];
        } else {
          out = SEMA_NIL;
          return true;
        }
        // A fold's update (1BRC's two assocs), without the loop's dispatch.
        if (m->kind == MK::AssocLiteral) return run_assoc_literal(st, m, env, out);
        continue;
      }
      case MK::Seq: {
        if (m->kids.empty()) {
          out = SEMA_NIL;
          return true;
        }
        for (size_t i = 0; i + 1 < m->kids.size(); ++i) {
          Word w;
          if (!eval(st, m->kids[i], env, w)) return false;
          release(w);
        }
        m = m->kids.back();
        continue;
      }
      case MK::And:
      case MK::Or: {
        bool is_and = m->kind == MK::And;
        if (m->kids.empty()) {
          out = is_and ? SEMA_TRUE : SEMA_FALSE;
          return true;
        }
        for (size_t i = 0; i + 1 < m->kids.size(); ++i) {
          Word w;
          if (!eval(st, m->kids[i], env, w)) return false;
          if (sema_truthy(w) != is_and) {
            out = w;
            return true;
          }
          release(w);
        }
        m = m->kids.back();
        continue;
      }
      case MK::Let: return run_let(st, m, env, out);
      case MK::Map: return run_map(st, m, env, out);
      case MK::Keyword: {
        Word map;
        bool owned;
        if (!operand(st, m->kids[0], env, map, owned)) return false;
        Result<Value> r = st.keyword_call(m->keyword, map);
        if (owned) release(map);
        if (!r) return st.fail_from(r);
        out = r->take();
        return true;
      }
      case MK::Full: return st.ev(m->node, env, out);
      case MK::AssocLiteral: return run_assoc_literal(st, m, env, out);
      case MK::SplitField: return run_split_field(st, m, env, out);
    }
  }
}

}  // namespace

namespace {

// The body's root as eval runs it, without eval's own frame for the common
// shape of a line callback: an If whose test is decided in place, then a
// let (or any node, through eval).
[[gnu::always_inline]] inline bool run_root(St& st, MNode* m, Env* env, Word& out) {
  bool yes;
  if (m->kind == MK::If && test_in_place(st, m->kids[0], env, yes)) {
    if (!yes && m->kids.size() <= 2) {
      out = SEMA_NIL;
      return true;
    }
    m = m->kids[yes ? 1 : 2];
  }
  if (m->kind == MK::Let) return let_run(st, m, env, out);
  return eval(st, m, env, out);
}

// The body failed: its error gets the trace (out of line, as is the depth
// error, which is reported without one).
[[gnu::noinline]] bool run_failed(St& st) {
  st.capture(st.err);
  return false;
}
[[gnu::noinline]] bool too_deep(St& st) { return st.fail(st.depth_error()); }

[[gnu::always_inline]] inline bool run_body(St& st, Code& code, Env* frame, Word& out) {
  if (stack_low()) [[unlikely]]
    return too_deep(st);
  return run_root(st, code.root, frame, out) || run_failed(st);
}

}  // namespace

bool run(St& st, Code& code, Env* frame, Word& out) { return run_body(st, code, frame, out); }

[[SEMA_FASTIO_HOT_TEXT]] bool run_args(St& st, Code& code, Env* frame, Word* args, size_t n, Word& out) {
  Word* slots = frame->slots.data();
  if (n == 2) [[likely]] {  // fold-lines: the accumulator and the line
    release(std::exchange(slots[0], args[0]));
    release(std::exchange(slots[1], args[1]));
  } else {
    for (size_t i = 0; i < n; ++i) release(std::exchange(slots[i], args[i]));
  }
  ++st.depth;
  bool ok = run_body(st, code, frame, out);
  --st.depth;
  return ok;
}

// The loop of run_args for a batch of rows: one frame of ours for all of
// them, the depth counted once, the stack checked once (the same stack
// pointer for every row, so the same answer as run_args' check per row).
// Per row, fastcall_run's checks that a row can change (the frame shared,
// the scope's names, any_dynamic); its depth check, by the caller (the
// depth is the same before every row).
[[SEMA_FASTIO_HOT_TEXT]] size_t run_texts(St& st, Code& code, Env* frame, const std::vector<uint32_t>& names, Word& acc,
                                   const char* const* texts, const size_t* lens, const LineFacts* const* facts,
                                   size_t n, Word& text, bool& ok) {
  if (stack_low()) [[unlikely]]
    return 0;  // fastcall_run's row fails as before
  // No row's line outlives its row in st (nor does an exception leave one).
  struct RowClear {
    St& st;
    ~RowClear() {
      st.row_line = SEMA_NIL;
      st.row_facts = nullptr;
    }
  } row_clear{st};
  ++st.depth;
  // acc and text in locals while the rows run (nothing else reads them).
  Word a = acc, t = text;
  size_t i = 0;
  for (; i < n; ++i) {
    if (frame->rc_ != 1 || frame->slots.size() != 2 || names.size() != 2 || st.any_dynamic) [[unlikely]]
      break;
    Word line = refill_argument(t, texts[i], lens[i]);
    st.row_line = line;
    st.row_facts = facts ? facts[i] : nullptr;
    Word* slots = frame->slots.data();
    release(std::exchange(slots[0], a));
    release(std::exchange(slots[1], line));
    if (!run_root(st, code.root, frame, a)) [[unlikely]] {
      run_failed(st);
      a = SEMA_NIL;  // the row took it
      ok = false;
      ++i;
      break;
    }
  }
  acc = a;
  text = t;
  --st.depth;
  return i;
}

}  // namespace sema::rt::mini
