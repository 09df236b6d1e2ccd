// Runs the mini-eval's nodes (mini_eval.hpp). Every node yields an owned
// result, except that a hook's arguments which are constants or reads of
// the procedure's own slots are passed borrowed. The order of evaluation,
// the hook calls, their trace entries and their errors are those of the
// evaluator's loop (evaluator.cpp), which runs every Full node.
#include "eval/mini_eval.hpp"
#include "eval/intrinsics.hpp"
#include "value/hashmap.hpp"
#include "value/string_refill.hpp"

#include <sema/number_syntax.hpp>

#include <bit>
#include <cstring>
#include <iterator>
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

// Whether a hooked call may run here: its global still holds the builtin,
// and no local scope gained names at run time (which could shadow it).
[[gnu::always_inline]] inline bool in_place(St& st, MNode* m) {
  return m->cell->value == m->builtin && !st.any_dynamic;
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
[[gnu::noinline, SEMA_HOT_TEXT]] void empty_moved(MNode* m, Env* env) {
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
[[gnu::noinline, SEMA_HOT_TEXT]] bool keyword_get(MNode* m, Word map, Word key, Word& out) {
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

// Deferred splits (mini_compile.cpp, defer_splits: why it is unobservable).

// Field k of s split at sep, or false when s has fewer fields.
[[gnu::always_inline]] inline bool split_field(std::string_view s, char sep, uint32_t k, std::string_view& f) {
  const char* p = s.data();
  const char* end = p + s.size();
  for (; k > 0; --k) {
    const void* hit = std::memchr(p, sep, static_cast<size_t>(end - p));
    if (!hit) return false;
    p = static_cast<const char*>(hit) + 1;
  }
  const void* hit = std::memchr(p, sep, static_cast<size_t>(end - p));
  f = {p, hit ? static_cast<const char*>(hit) : end};
  return true;
}

// Field u->split_index of the string src, for split_index < kSplitCuts from
// the field ends this run's earlier uses found (the split's split_end), each
// separator searched once per run; the rest by split_field. False when src
// has fewer fields. The ends are src's when split_src is src's word:
// defer_split sets it, with none known, at the start of every run (a line
// string may be refilled in place between runs), and within a run the slot
// holds src, so it is neither freed nor changed; a run of the same let
// inside ours leaves ends behind for another word (we start again) or for
// the same, unchanged, bytes.
[[gnu::noinline]] bool field_scan(MNode* u, Word src, std::string_view& f) {
  MNode* s = u->split;
  uint32_t k = u->split_index;
  std::string_view t = string_of(src);
  if (k >= MNode::kSplitCuts || t.size() > UINT32_MAX) return split_field(t, u->split_sep, k, f);
  const char* b = t.data();
  uint32_t known = 0;
  bool ended = false;
  if (s->split_src == src) {
    known = s->split_known;
    ended = s->split_ended;
  }
  if (k >= known) {
    if (ended) return false;
    const char* e = b + t.size();
    const char* p = known ? b + s->split_end[known - 1] + 1 : b;
    while (known <= k) {
      const char* hit = static_cast<const char*>(std::memchr(p, u->split_sep, static_cast<size_t>(e - p)));
      s->split_end[known++] = static_cast<uint32_t>((hit ? hit : e) - b);
      if (!hit) {
        ended = true;
        break;
      }
      p = hit + 1;
    }
    s->split_src = src;
    s->split_known = static_cast<uint8_t>(known);
    s->split_ended = ended;
    if (k >= known) return false;
  }
  f = {b + (k ? s->split_end[k - 1] + 1 : 0), b + s->split_end[k]};
  return true;
}

// The same, inline for the common cases: a field already found, or the one
// after the last found (1BRC: `first`, then `(nth parts 1)`).
[[gnu::always_inline]] inline bool field_of(MNode* u, Word src, std::string_view& f) {
  MNode* s = u->split;
  uint32_t k = u->split_index;
  if (s->split_src == src) [[likely]] {
    uint32_t known = s->split_known;
    std::string_view t = string_of(src);
    const char* b = t.data();
    if (k < known) {
      f = {b + (k ? s->split_end[k - 1] + 1 : 0), b + s->split_end[k]};
      return true;
    }
    if (k == known && k < MNode::kSplitCuts && !s->split_ended && t.size() <= UINT32_MAX) {
      const char* p = b + (k ? s->split_end[k - 1] + 1 : 0);
      const char* e = b + t.size();
      const char* hit = static_cast<const char*>(std::memchr(p, u->split_sep, static_cast<size_t>(e - p)));
      const char* end = hit ? hit : e;
      s->split_end[k] = static_cast<uint32_t>(end - b);
      s->split_known = static_cast<uint8_t>(k + 1);
      s->split_ended = !hit;
      f = {p, end};
      return true;
    }
  }
  return field_scan(u, src, f);
}

// The source string in a SplitField's slot while its split is deferred.
[[gnu::always_inline]] inline bool split_source(MNode* u, Env* env, Word& src) {
  if (!(u->split_let->split_live & u->split_bit)) return false;
  src = env->up(u->kids[0]->depth)->get(u->kids[0]->slot);
  // split_src is a string once a run deferred the split, as one did when the bit is set.
  return src == u->split->split_src || is_type(src, SEMA_T_STRING);
}

// A field as a new string (false: out of memory, nothing made).
[[gnu::always_inline]] inline bool field_string(std::string_view f, Word& out) { return make_field_string(f, out); }

// A chain's leaf that is a SplitField, on words in place: the field as a
// string, or, under a `string->number` (number), the field's bytes parsed
// straight into the number, that call then done (--n). False, with nothing
// changed: run the chain the general way (run_split_field makes the list
// there if the field cannot be served).
[[gnu::noinline]] bool split_leaf(St& st, MNode* u, Env* env, bool number, Word& w, size_t& n) {
  Word src;
  if (!split_source(u, env, src)) return u->kids.size() == 2 ? leaf_words<2>(st, u, env, w) : leaf_words<1>(st, u, env, w);
  std::string_view f;
  if (!in_place(st, u) || !field_of(u, src, f)) [[unlikely]]
    return false;
  if (!number) return field_string(f, w);
  if (!short_text_to_number(f, w)) return false;  // the builtin's parse, on a string made by run_split_field
  --n;
  return true;
}

// A field with parse_tenths' shape that is the next one to find (1BRC's
// temperature, after `(first parts)` found the name): its number, parsed
// while its end is found, the end remembered as field_of would. The field
// ends at the first separator, and a text of that shape holds none
// (split_tenths: the separator is not '-', '.' or a digit), so the text
// parse_tenths_until took is the field's. False: nothing found or changed.
[[gnu::always_inline]] inline bool tenths_in_place(MNode* u, Word src, double* d) {
  MNode* s = u->split;
  uint32_t k = u->split_index;
  if (!u->split_tenths || s->split_src != src || k != s->split_known || s->split_ended) return false;
  std::string_view t = string_of(src);
  const char* b = t.data();
  const char* e = b + t.size();
  const char* end;
  if (t.size() > UINT32_MAX || !num::parse_tenths_until(b + (k ? s->split_end[k - 1] + 1 : 0), e, u->split_sep, d, &end))
    return false;
  s->split_end[k] = static_cast<uint32_t>(end - b);
  s->split_known = static_cast<uint8_t>(k + 1);
  s->split_ended = end == e;
  return true;
}

// A split_number chain (mini_eval.hpp) in one step: the rebinding checks of
// its calls and of the field's, the field's bytes parsed in place by the
// same parse_short as short_text_to_number, and float's own case of an int
// (intrinsic_detail::to_float); the result is what run_chain's general path
// computes from the same calls. Anything else (nothing changed yet; field_of's
// remembered ends are no change: they are the text's) goes to run_calls, the
// general way, which reaches the same checks and parse and then the hooks.
// After split_number's result: the chain's last-use reads give up their slots.
[[gnu::always_inline]] inline bool number_done(MNode* m, MNode* u, Env* env, Env* frame, Word src) {
  if (m->split_moves_src) {
    // The chain's one last-use read is the field's source (defer_splits):
    // empty_moved's effect on that slot, without its loop.
    frame->slots[u->kids[0]->slot] = SEMA_NIL;
    release(src);
  } else if (m->leaf_moves) [[unlikely]] {
    empty_moved(m, env);
  }
  return true;
}

// split_number for a field tenths_in_place does not take: found by
// field_of, parsed by parse_tenths or parse_short (string->number's own
// parse), float's case of an int as intrinsic_detail::to_float.
[[gnu::noinline]] bool split_number_field(St& st, MNode* m, MNode* u, Env* env, Env* frame, Word src, Word& out) {
  int64_t whole = 0;
  double real = 0;
  std::string_view f;
  if (!field_of(u, src, f)) return run_calls(st, m, env, out);
  if (num::parse_tenths(f, &real)) {
    out = sema_from_float(real);
  } else {
    switch (num::parse_short(f, &whole, &real)) {
      case num::Short::Float: out = sema_from_float(real); break;
      case num::Short::Int:
        if (!sema_fits_small_int(whole)) return run_calls(st, m, env, out);
        out = m->intrinsic == SEMA_INTRINSIC_FLOAT ? sema_from_float(static_cast<double>(whole)) : sema_from_small_int(whole);
        break;
      default: return run_calls(st, m, env, out);
    }
  }
  return number_done(m, u, env, frame, src);
}

[[gnu::noinline]] bool split_number_rest(St& st, MNode* m, Env* env, Word& out) {
  MNode* conv = m->intrinsic == SEMA_INTRINSIC_FLOAT ? m->kids[0] : m;
  MNode* u = conv->kids[0];
  if (st.any_dynamic || m->cell->value != m->builtin || conv->cell->value != conv->builtin ||
      u->cell->value != u->builtin || !(u->split_let->split_live & u->split_bit)) [[unlikely]]
    return run_calls(st, m, env, out);
  Env* frame = env->up(u->kids[0]->depth);
  Word src = frame->get(u->kids[0]->slot);
  if (src != u->split->split_src && !is_type(src, SEMA_T_STRING)) [[unlikely]]
    return run_calls(st, m, env, out);
  double real;
  if (!tenths_in_place(u, src, &real)) [[unlikely]]
    return split_number_field(st, m, u, env, frame, src, out);
  out = std::bit_cast<Word>(real);  // finite: sema_from_float's word is its bits
  return number_done(m, u, env, frame, src);
}

// split_number's common case first, from what the compiler set out for it
// (mini_eval.hpp, split_cells…): nothing rebound, the split live, its
// source in the slot with this run's ends, the field the next to find and,
// from its start to the text's end, parse_tenths' shape (a line's last
// field: the shape holds no separator, split_tenths, so the field is that
// text and it ends the text). Its result is split_number_rest's for the
// same state: the same checks (the three cells, any_dynamic, the bit, the
// slot's word equal to split_src, which stands for its string type),
// parse_tenths' double, the end and the state stored as tenths_in_place
// stores them, number_done's slot release. Anything else: false, with
// nothing changed (split_number_rest starts again from the top).
[[gnu::always_inline]] inline bool number_fast(St& st, MNode* m, Env* env, Word& out) {
  if (st.any_dynamic || m->split_cells[0]->value != m->split_builtins[0] ||
      m->split_cells[1]->value != m->split_builtins[1] || m->split_cells[2]->value != m->split_builtins[2] ||
      !(*m->split_live_at & m->split_live_bit)) [[unlikely]]
    return false;
  MNode* s = m->split_node;
  Word src = env->get(m->split_slot);
  if (src != s->split_src || s->split_known != m->split_known_next || s->split_ended) [[unlikely]]
    return false;
  // The field's start: the end before it plus one (uint32_t: 0 for field
  // 0). Its text fits split_end's uint32_t: for K > 0 field_of recorded
  // that end only for a text of at most UINT32_MAX bytes (this run's, and
  // the slot keeps it unchanged), for K = 0 the shape holds at most 6.
  std::string_view t = string_of(src);
  uint32_t from = *m->split_from_at + 1;
  double real;
  if (!num::parse_tenths_back(t.data() + from, t.data() + t.size(), &real)) [[unlikely]]
    return false;
  *m->split_end_at = static_cast<uint32_t>(t.size());
  s->split_known = m->split_known_last;
  s->split_ended = true;
  out = std::bit_cast<Word>(real);  // finite: sema_from_float's word is its bits
  if (m->split_moves_src) {
    env->slots[m->split_slot] = SEMA_NIL;  // the slot exists: get() read src from it
    // src is a string (split_src): release() without its pointer test
    if (--as_obj(src)->rc == 0) destroy(as_obj(src));
  } else if (m->leaf_moves) [[unlikely]] {
    empty_moved(m, env);
  }
  return true;
}

[[gnu::noinline, SEMA_HOT_TEXT]] bool split_number(St& st, MNode* m, Env* env, Word& out) {
  return number_fast(st, m, env, out) || split_number_rest(st, m, env, out);
}

// A chain call rebound: call_hook will hand the chain's analysed node to
// the evaluator, which reads the variable itself, so a deferred split under
// it becomes its list first. False: the general path runs (or an error).
[[gnu::noinline]] bool chain_rebound(St& st, MNode* m, Env* env) {
  MNode* k = m;
  while (k->chain) k = k->kids[0];
  Word src;
  if (k->kind == MK::SplitField && split_source(k, env, src)) materialize(st, k, env);
  return false;
}

// A chain node (mini_eval.hpp) by intrinsics alone, in one frame: the
// rebinding checks of its calls first, then the leaf call and the calls
// from the inside out. An intermediate result is dropped as soon as the
// next call has its own, the last-use slots are emptied after all of them
// succeeded; false, with nothing changed: call_hook runs the call from the
// start. In the hot text: the per-row path of every chain but a
// split_number's, and there it keeps std's hot functions after this file
// in their cache sets (performance.md §34).
[[gnu::noinline, SEMA_HOT_TEXT]] bool run_calls(St& st, MNode* m, Env* env, Word& out) {
  MNode* calls[kMaxChain];  // the outermost first
  size_t n = 0;
  MNode* k = m;
  for (; k->chain; k = k->kids[0]) {
    if (!in_place(st, k)) [[unlikely]]
      return chain_rebound(st, m, env);
    calls[n++] = k;
  }
  Word w;
  if (k->kind == MK::SplitField) {
    if (!split_leaf(st, k, env, calls[n - 1]->intrinsic == SEMA_INTRINSIC_STRING_TO_NUMBER, w, n)) [[unlikely]]
      return false;
  } else if (!(k->kind == MK::Hook2 ? leaf_words<2>(st, k, env, w) : leaf_words<1>(st, k, env, w))) [[unlikely]] {
    return false;
  }
  while (n > 0) {
    Word v = w;
    // float of an immediate number (1BRC's `(float (string->number …))`):
    // intrinsic1's own case, inline; nothing to release.
    if (calls[n - 1]->intrinsic == SEMA_INTRINSIC_FLOAT && intrinsic_detail::to_float(v, w)) {
      --n;
      continue;
    }
    bool done = outlined_intrinsic1(calls[--n]->intrinsic, v, w);
    release(v);
    if (!done) [[unlikely]]
      return false;
  }
  out = w;
  if (m->leaf_moves) [[unlikely]]
    empty_moved(m, env);
  return true;
}

// A chain node: a split_number chain by its own step, any other by its calls.
[[gnu::noinline, SEMA_HOT_TEXT]] bool run_chain(St& st, MNode* m, Env* env, Word& out) {
  return m->split_number ? split_number(st, m, env, out) : run_calls(st, m, env, out);
}

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
[[gnu::noinline, SEMA_HOT_TEXT]] bool run_split_field(St& st, MNode* u, Env* env, Word& out) {
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

// A deferred key's binding (Bind::Key): the field's source in the slot,
// with a reference of its own (the split's slot may give its up first), its
// field found (field_of remembers the ends). Anything else: the field as a
// string, as run_split_field makes it.
[[gnu::always_inline]] inline bool key_bind(St& st, MNode* u, Env* env, Word& out) {
  Word src;
  std::string_view f;
  if (!split_source(u, env, src) || !in_place(st, u) || !field_of(u, src, f)) [[unlikely]]
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
  Word v = hashmap_get_text(x, t, k);
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

[[gnu::noinline, SEMA_HOT_TEXT]] bool run_let(St& st, MNode* m, Env* env, Word& out) { return let_run(st, m, env, out); }

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

// The accumulator's entry for key, when its value is a map the literal can
// overwrite in place (map_update_values): only acc holds it, and we hold acc
// alone. vals are taken over on success.
bool update_in_place(Word acc, Word key, MapNode* literal, const Word* vals) {
  if (!unique(acc)) return false;
  Word* slot = is_type(acc, SEMA_T_HASHMAP) ? hashmap_value_slot(acc, key)
               : is_type(acc, SEMA_T_MAP)   ? map_value_slot(acc, key)
                                            : nullptr;
  return slot != nullptr && map_update_values(literal, *slot, vals);
}

// Drops run_assoc_literal's arguments after a failure.
[[gnu::cold, gnu::noinline]] bool assoc_literal_failed(Word* a, bool* owned) {
  release_owned<3>(a, owned);
  return false;
}

// The call as call_hook<3> makes it, with the literal's values computed.
[[gnu::noinline]] bool assoc_literal_general(St& st, MNode* m, Word* a, bool* owned, const Word* vals, Word& out) {
  a[2] = map_from_values(static_cast<MapNode*>(m->kids[2]->node), vals);
  owned[2] = true;
  return call_general<3>(st, m, a, owned, out);
}

// run_rec's values written so far taken back (the first i parts): nothing
// changed. False, for run_rec to return.
[[gnu::cold, gnu::noinline]] bool rec_undo(const Rec& r, MapEntry* p, const Word* old, uint32_t i) {
  while (i-- > 0) p[r.parts[i].pos].second = old[i];
  return false;
}

// After run_rec wrote the values: a reference for each that is neither an
// op's result nor moved out of its slot.
[[gnu::noinline]] void rec_retain(const Rec& r, MapEntry* p) {
  for (const Rec::Part& part : r.parts)
    if (part.op == 0 && !part.take) retain(p[part.pos].second);
}

// Then the old values that may be boxed are released.
[[gnu::noinline]] void rec_release_old(const Rec& r, const Word* old) {
  for (size_t i = 0; i < r.parts.size(); ++i)
    if (r.parts[i].release_old) release(old[i]);
}

// min, max and + of a part as number_intrinsic2 has them (pick_inline,
// arith), with two floats tested first (1BRC's temperatures) and then two
// immediate ints: the kinds exclude each other, so the order of the tests
// changes no result. Anything else: false.
[[gnu::always_inline]] inline bool rec_pick(bool min, Word a, Word b, Word& out) {
  if (sema_is_float(a) && sema_is_float(b)) [[likely]] {
    double x = sema_float_of(a), y = sema_float_of(b);
    out = (min ? y <= x : y >= x) ? b : a;
    return true;
  }
  return is_small_int(a) && is_small_int(b) && intrinsic_detail::pick_inline(min, a, b, out);
}
// Any other op: out of line, so that no value of run_rec's loop has its
// address taken (number_intrinsic2 calls pick).
[[gnu::noinline]] bool rec_other(uint8_t op, Word a, Word b, Word& out) { return number_intrinsic2(op, a, b, out); }
[[gnu::always_inline]] inline bool rec_add(Word a, Word b, Word& out) {
  if (sema_is_float(a) && sema_is_float(b)) [[likely]] {
    out = sema_from_float((0.0 + sema_float_of(a)) + sema_float_of(b));
    return true;
  }
  return is_small_int(a) && is_small_int(b) &&
         intrinsic_detail::int_arith(SEMA_INTRINSIC_ADD, sema_small_int_of(a), sema_small_int_of(b), out);
}

// Whether every global of the step still holds its builtin: unrolled, one
// test at the end (the compiler keeps the count at most kRecCells).
[[gnu::always_inline]] inline bool cells_hold(const Rec& r) {
  const std::pair<Cell*, Word>* c = r.cells.data();
  Word diff = 0;
  auto at = [&](size_t i) { diff |= c[i].first->value ^ c[i].second; };
  static_assert(kRecCells == 10);
  switch (r.cells.size()) {
    case 10: at(9); [[fallthrough]];
    case 9: at(8); [[fallthrough]];
    case 8: at(7); [[fallthrough]];
    case 7: at(6); [[fallthrough]];
    case 6: at(5); [[fallthrough]];
    case 5: at(4); [[fallthrough]];
    case 4: at(3); [[fallthrough]];
    case 3: at(2); [[fallthrough]];
    case 2: at(1); [[fallthrough]];
    case 1: at(0); break;
    default: return false;
  }
  return diff == 0;
}

// The step's slots read into r.ops (their addresses into at): unrolled like
// cells_hold (the loop's counter and reloads cost more than the switch).
// Neither a bound nor an unset test: each slot is one of the procedure's
// own frames' (the call's, sized to the proto's scope by fastcall; a let's,
// sized to its scope by Env::make), so it exists: the slots were numbered
// before the code was compiled, and a scope that gains a name later sets
// any_dynamic, which run_rec tests first. An unset word is none of the
// things run_rec goes on with: acc's is no unique object, M's no map, an
// op declines it (not a number), and the key and a value taken as it is
// are tested by run_rec itself.
// Each frame's slots are found once (depth below kRecDepth: rec_shape).
[[gnu::always_inline]] inline void rec_reads(Rec& r, Env* env, Word** at) {
  Word* base[kRecDepth];
  base[0] = env->slots.data();
  for (uint32_t d = 1; d <= r.depth; ++d) {
    env = env->parent.get();
    base[d] = env->slots.data();
  }
  const MNode::Slot* rd = r.reads.data();
  auto at_ = [&](size_t i) {
    Word* w = base[rd[i].depth] + rd[i].slot;
    at[i] = w;
    r.ops[i] = *w;
  };
  static_assert(kRecReads == 11);
  switch (r.nreads) {
    case 11: at_(10); [[fallthrough]];
    case 10: at_(9); [[fallthrough]];
    case 9: at_(8); [[fallthrough]];
    case 8: at_(7); [[fallthrough]];
    case 7: at_(6); [[fallthrough]];
    case 6: at_(5); [[fallthrough]];
    case 5: at_(4); [[fallthrough]];
    case 4: at_(3); [[fallthrough]];
    case 3: at_(2); [[fallthrough]];
    case 2: at_(1); [[fallthrough]];
    case 1: at_(0); break;
    default: break;
  }
}

// A fixed shape's part (rec_fixed), its kind known here, with the shared
// operand a a float: whether the old value b is what its case needs (a
// float; for the count an immediate int whose sum with the constant c
// stays one, made here into v), and then its value: min, max and + as
// rec_pick and rec_add have them for two floats, the count as the general
// loop's AddInt.
template <Rec::Kind K>
[[gnu::always_inline]] inline bool rec_fits(Word b, int64_t c, Word& v) {
  if constexpr (K == Rec::Kind::AddInt)
    return is_small_int(b) && intrinsic_detail::int_arith(SEMA_INTRINSIC_ADD, c, sema_small_int_of(b), v);
  else
    return sema_is_float(b);
}
template <Rec::Kind K>
[[gnu::always_inline]] inline Word rec_value(Word a, Word b, Word v) {
  if constexpr (K == Rec::Kind::AddInt) {
    return v;
  } else {
    double x = sema_float_of(a), y = sema_float_of(b);
    if constexpr (K == Rec::Kind::Min) return y <= x ? b : a;
    else if constexpr (K == Rec::Kind::Max) return y >= x ? b : a;
    else return sema_from_float((0.0 + x) + y);
  }
}

// The parts of a fixed shape in straight lines: the literal's keys (one
// part each) tested by index, the shared operand and every old value
// tested, and only then each value computed and written, as nothing can
// fail any more (each part reads only its own key's old value, so none
// sees another's new one). False, with nothing written: the general loop
// decides (ints, mixed kinds, another key, an overflow).
template <Rec::Kind... K, size_t... I>
[[gnu::always_inline]] inline bool rec_fixed_parts(const Rec& r, MapEntry* p, std::index_sequence<I...>) {
  Word diff = 0;
  ((diff |= p[I].first ^ r.keys[I]), ...);
  const Word* ops = r.ops;
  Word a = ops[r.fixed_arg];
  if (diff != 0 || !sema_is_float(a)) [[unlikely]]
    return false;
  // Part i's entry (Rec::fixed_at: its byte offset, decoded at compile time).
  auto entry = [&](size_t i) -> Word& {
    return reinterpret_cast<MapEntry*>(reinterpret_cast<char*>(p) + r.fixed_at[i])->second;
  };
  Word v[sizeof...(K)] = {};
  if (!(rec_fits<K>(entry(I), r.fixed_add, v[I]) && ...)) [[unlikely]]
    return false;
  ((entry(I) = rec_value<K>(a, entry(I), v[I])), ...);
  return true;
}
// Out of line, and (a template) outside the hot text: inlined into
// run_assoc_literal it saved ~9 instructions a row but grew that hot
// function by ~700 bytes, which moved the hot functions after it and, with
// them, std's row onto fewer cache sets (performance.md §32).
template <Rec::Kind... K>
[[gnu::noinline]] bool rec_fixed(const Rec& r, MapEntry* p) {
  return rec_fixed_parts<K...>(r, p, std::index_sequence_for<decltype(K)...>{});
}

// Any other shape's parts, in entry order. Each value is written as soon as
// it is computed (no op reads an entry written before it), the old one kept
// in old: a failure puts them back and answers false.
[[gnu::always_inline]] inline bool rec_parts(const Rec& r, MapEntry* p, Word* old) {
  const Word* ops = r.ops;
  const Rec::Part* parts = r.parts.data();
  for (uint32_t i = 0; i < r.n; ++i) {
    const Rec::Part& part = parts[i];
    MapEntry& d = p[part.pos];
    if (d.first != part.key) [[unlikely]]
      return rec_undo(r, p, old, i);
    Word a = ops[part.arg], b = p[part.entry].second, v;
    bool ok;
    switch (part.kind) {
      case Rec::Kind::Min: ok = rec_pick(true, a, b, v); break;
      case Rec::Kind::Max: ok = rec_pick(false, a, b, v); break;
      case Rec::Kind::Add: ok = rec_add(a, b, v); break;
      case Rec::Kind::AddInt:
        ok = is_small_int(b) &&
             intrinsic_detail::int_arith(SEMA_INTRINSIC_ADD, sema_small_int_of(a), sema_small_int_of(b), v);
        break;
      case Rec::Kind::Value: v = a, ok = a != kUnset; break;  // an unset slot: its error
      default: {
        Word w;  // its address is taken: v stays in a register
        ok = rec_other(part.op, a, b, w);
        v = w;
        break;
      }
    }
    if (!ok) [[unlikely]]
      return rec_undo(r, p, old, i);
    old[i] = d.second;
    d.second = v;
  }
  return true;
}

// The stats update (mini_eval.hpp, Rec) as one step on the words in place:
// `(assoc acc name {:min (min temp (get existing :min)) …})` when the
// entry's old map is existing's and nobody else can see it. False: nothing
// was changed (no slot, no count, no entry), and run_assoc_call runs the
// call from the start.
//
// Why this is run_assoc_call's path, step for step. That path moves acc out
// of its slot, reads or moves the key, computes each value in entry order
// (run_nested: the get's entry and an immediate number; a last-use read
// empties its slot and releases it once its node is done; a constant or a
// borrowed variable read is retained, a last-use read moved into the map),
// and then, if acc is unique, the key has an entry and that entry's map is
// unique with exactly the literal's keys, writes the values over the old
// ones (releasing them) and answers acc. Here:
// - the same rebinding checks (every global once; any_dynamic) and the
//   same stack check, before anything is read. The globals' cells are
//   compared only when the State's globals epoch moved since they last
//   held: every change of a global's value goes through set_global, which
//   moves it, and nothing between that check and this run can change a
//   cell without doing so. An unbound slot (kUnset): false, through the
//   checks that follow (rec_reads);
// - acc unique in its slot is acc unique after the moving read (nothing in
//   the step reads acc's variable again: the read was its last use);
// - the entry's map is M's word, held by M's slot and the entry alone
//   (count 2): once the literal's last read of M has emptied M's slot,
//   that path sees it unique. No other read of M is in the step (the
//   compiler checks), and the intrinsics take no references, so nothing
//   else changes that count in between;
// - M has the literal's size and each entry the literal's key at its index
//   (checked as the values are written), so each get's entry is at the
//   literal's index of its key, as the hint or the scan finds it; the ops
//   are run_nested's in-place number_intrinsic2. Anything they decline (a
//   non-number, ints past the immediates, mixed kinds) or another key puts
//   the values written so far back (no op reads an entry written before
//   it, so each saw the old values) and returns false. A fixed shape
//   (rec_fixed: each op reads only its own key's old value) computes all
//   values first and writes them only when none declined and every key
//   matched: the same values, the same all-or-nothing;
// - then, with nothing left that can fail: references for constants and
//   borrowed reads, acc's slot emptied (moved to out), M's emptied with the
//   entry's count left, last-use reads moved into the map emptied, the
//   other last uses emptied and released, the old values that may be boxed
//   released (those an op read are numbers).
// The order of the releases differs, but releasing runs no code of ours (a
// freed value touches no frame).
[[gnu::always_inline]] inline bool run_rec(St& st, MNode* m, Env* env, Word& out) {
  Rec& r = *m->rec;
  if (st.any_dynamic || stack_low()) [[unlikely]]
    return false;
  // The cells are tested again only after a global changed.
  if (r.epoch != st.globals_epoch) [[unlikely]] {
    if (!cells_hold(r)) return false;
    r.epoch = st.globals_epoch;
  }
  Word* ops = r.ops;
  Word* at[kRecReads];
  rec_reads(r, env, at);
  Word acc = ops[0], key = ops[r.key], map = ops[r.map];
  if (!unique(acc) || !is_type(map, SEMA_T_MAP) || as_obj(map)->rc != 2 || key == kUnset) [[unlikely]]
    return false;
  MapEntries& e = static_cast<MapObj*>(as_obj(map))->entries;
  uint32_t n = r.n;
  if (e.size() != n) [[unlikely]]
    return false;
  MapEntry* p = e.data();
  Word* slot = is_type(acc, SEMA_T_HASHMAP) ? hashmap_value_slot(acc, key)
               : as_obj(acc)->type == SEMA_T_MAP ? map_value_slot(acc, key)
                                                 : nullptr;
  if (slot == nullptr || *slot != map) [[unlikely]]
    return false;
  Word old[kAssocLiteralMax];
  // The common shape tested first (1BRC's min, max, sum and count).
  bool fixed = false;
  if (r.shape == Rec::Shape::MinMaxAddCount) [[likely]]
    fixed = rec_fixed<Rec::Kind::Min, Rec::Kind::Max, Rec::Kind::Add, Rec::Kind::AddInt>(r, p);
  else if (r.shape == Rec::Shape::MinMaxAdd)
    fixed = rec_fixed<Rec::Kind::Min, Rec::Kind::Max, Rec::Kind::Add>(r, p);
  else if (r.shape == Rec::Shape::MinMax)
    fixed = rec_fixed<Rec::Kind::Min, Rec::Kind::Max>(r, p);
  if (!fixed && !rec_parts(r, p, old)) [[unlikely]]
    return false;
  // A fixed shape has neither (its parts are ops on their own keys).
  bool fixups = !fixed && r.fixups;
  if (fixups) [[unlikely]]
    rec_retain(r, p);
  *at[0] = SEMA_NIL;  // acc, moved to out
  *at[r.map] = SEMA_NIL;
  as_obj(map)->rc = 1;  // M's last use: the entry's reference is left
  out = acc;
  if (!fixed)
    for (uint8_t i : r.taken) *at[i] = SEMA_NIL;
  // The words to release are taken out of the scratch before the first
  // release (freeing runs no code of ours, but the scratch need not rely
  // on that). The common one or two without the loops (1BRC: the key and
  // temp).
  size_t nd = r.released.size();
  if (nd <= 2 && !fixups) [[likely]] {
    Word d0 = SEMA_NIL, d1 = SEMA_NIL;
    if (nd > 0) {
      uint8_t i = r.released[0];
      *at[i] = SEMA_NIL;
      d0 = ops[i];
    }
    if (nd > 1) {
      uint8_t i = r.released[1];
      *at[i] = SEMA_NIL;
      d1 = ops[i];
    }
    release(d0);
    release(d1);
    return true;
  }
  Word dead[kRecReads];
  for (size_t k = 0; k < nd; ++k) {
    uint8_t i = r.released[k];
    *at[i] = SEMA_NIL;
    dead[k] = ops[i];
  }
  if (fixups) [[unlikely]]
    rec_release_old(r, old);
  for (size_t k = 0; k < nd; ++k) release(dead[k]);
  return true;
}

// (assoc acc key {literal}) with the standard assoc: the arguments and the
// literal's values are computed as call_hook<3> and run_map would; then,
// instead of a new map replacing the entry's old one, the old one takes the
// new values when nobody else can see it. The literal's reads of the old map
// were its last uses, so by now the accumulator alone holds that map. The
// result is acc itself, as the hook's would be. Any other case builds the
// map from the same values and calls the hook. The rare paths are out of
// line: the hot one stays a few cache lines.
[[gnu::noinline]] bool run_assoc_call(St& st, MNode* m, Env* env, Word& out) {
  if (!in_place(st, m)) [[unlikely]]
    return st.ev(m->node, env, out);  // the global was rebound: the evaluator resolves it again
  if (stack_low()) [[unlikely]]
    return st.fail(st.depth_error());
  Word a[3];
  bool owned[3] = {};
  for (size_t i = 0; i < 2; ++i) {
    if (!operand(st, m->kids[i], env, a[i], owned[i])) [[unlikely]] {
      owned[i] = false;
      return assoc_literal_failed(a, owned);
    }
  }
  MNode* lit = m->kids[2];
  Word vals[kAssocLiteralMax];
  if (!literal_values(st, lit, env, vals)) [[unlikely]]
    return assoc_literal_failed(a, owned);
  if (owned[0] && update_in_place(a[0], a[1], static_cast<MapNode*>(lit->node), vals)) [[likely]] {
    if (owned[1]) release(a[1]);
    out = a[0];
    return true;
  }
  return assoc_literal_general(st, m, a, owned, vals, out);
}

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
[[gnu::noinline, SEMA_HOT_TEXT]] bool run_assoc_literal(St& st, MNode* m, Env* env, Word& out) {
  if (m->rec != nullptr && run_rec(st, m, env, out)) [[likely]]
    return true;
  return run_assoc_call(st, m, env, out);
}

[[SEMA_HOT_TEXT]] bool eval(St& st, MNode* m, Env* env, Word& out) {
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

[[SEMA_HOT_TEXT]] bool run_args(St& st, Code& code, Env* frame, Word* args, size_t n, Word& out) {
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
[[SEMA_HOT_TEXT]] size_t run_texts(St& st, Code& code, Env* frame, const std::vector<uint32_t>& names, Word& acc,
                                   const char* const* texts, const size_t* lens, size_t n, Word& text, bool& ok) {
  if (stack_low()) [[unlikely]]
    return 0;  // fastcall_run's row fails as before
  ++st.depth;
  // acc and text in locals while the rows run (nothing else reads them).
  Word a = acc, t = text;
  size_t i = 0;
  for (; i < n; ++i) {
    if (frame->rc_ != 1 || frame->slots.size() != 2 || names.size() != 2 || st.any_dynamic) [[unlikely]]
      break;
    t = string_refill(t, texts[i], lens[i]);
    retain(t);
    Word* slots = frame->slots.data();
    release(std::exchange(slots[0], a));
    release(std::exchange(slots[1], t));
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
