// The mini-eval (architecture.md §4): a lean second form of one procedure's
// body, compiled once for repeated calls from fastio's fold-lines. It handles
// the forms a hot loop body is made of — constants, variable reads, if,
// let/let*, begin, and/or, map literals with constant keys, keyword calls and
// calls of hooked builtins — and hands every other node to the full
// evaluator in the same frame, so results, errors and traces are identical.
//
// What it saves over the evaluator's loop: the head, arity and hook of each
// builtin call are resolved at compile time (re-checked by one compare of
// the global's cell); constants and local reads are passed to hooks
// borrowed (no reference count traffic), and to the evaluator's intrinsics
// when the builtin has one; let frames are reused while nobody else holds
// them.
//
// Only a pure procedure (no closure, promise, eval, load or import: its
// frames are unobservable) whose body never assigns a local is compiled:
// with no `set!` or internal `define`, a slot cannot change while a borrowed
// read of it is in use.
#pragma once

#include "eval/line_facts.hpp"
#include "eval/state.hpp"

#include <deque>
#include <memory>

namespace sema::rt::mini {

// The most one-argument intrinsic calls a chain node stands for (MNode::chain).
inline constexpr uint8_t kMaxChain = 4;

// AssocLiteral: a Hook3 call of the standard `assoc` (SEMA_INTRINSIC_ASSOC)
// whose third argument is a Map node of at most kAssocLiteralMax entries
// (`(assoc acc name {:min … :max …})`): the entry's old map is updated in
// place when only the accumulator holds it (mini_run.cpp, run_assoc_literal).
//
// SplitField: a `(first v)` / `(nth v K)` whose v is a deferred split (see
// MNode::split_role; mini_compile.cpp, defer_splits).
enum class MK : uint8_t { Const, Local, Global, If, Seq, And, Or, Let, Hook1, Hook2, Hook3, Keyword, Map, Full, AssocLiteral, SplitField };
inline constexpr size_t kAssocLiteralMax = 8;

struct Rec;

struct MNode {
  MK kind = MK::Full;
  Node* node = nullptr;  // the analysed node: the full evaluator's fallback, error sites
  std::vector<MNode*> kids;  // HookN, AssocLiteral: args · If: test, then, else? · Let: inits…, body · Map: values · Keyword: arg

  // Const: a borrowed word (the ConstNode keeps it alive).
  Word constant = SEMA_NIL;
  // Local: a slot of one of the procedure's own frames.
  uint32_t depth = 0, slot = 0;
  // Passed to a hook borrowed: not the variable's last use, and no later
  // argument of the same call moves the variable out of its slot.
  bool borrow = false;
  // HookN, AssocLiteral: the builtin the head's global held at compile time
  // (kept alive by the Code), called directly while the global still holds
  // it.
  Cell* cell = nullptr;
  NativeObj* native = nullptr;
  Word builtin = SEMA_NIL;  // from_obj(native): what the cell must still hold
  // The globals' epoch (Interp::State::globals_epoch) at which the cell
  // last held builtin with no local scope grown (in_place); 0: never.
  uint64_t epoch = 0;
  void* hook = nullptr;  // sema_hookN_fn for N = kids.size()
  uint32_t flags = 0;
  uint8_t intrinsic = 0;  // the builtin's sema_intrinsic for this many arguments (eval/intrinsics.hpp)
  bool leaf_args = false;  // every argument a constant or variable read: no deeper C++ stack
  // Leaf arguments and an intrinsic: tried on the words in place first,
  // reads that are their variable's last use included (leaf_moves: such a
  // read's slot is emptied after the intrinsic, as the moving read would).
  bool leaf_intrinsic = false;
  bool leaf_moves = false;
  struct Slot {
    uint32_t depth, slot;
  };
  std::vector<Slot> moved;  // leaf_moves: the slots to empty
  // Hook2 `get` with a constant keyword key: the index of the entry the
  // last lookup found in a small map, tried first (keyword_get).
  bool keyword_get = false;
  uint32_t entry_hint = 0;
  // Hook2 with an intrinsic whose arguments are constants, variable reads
  // and leaf intrinsic calls (1BRC's `(min temp (get existing :min))`): the
  // whole tree tried on words in place by run_nested first (leaf_moves: a
  // read in it is a last use).
  bool nested = false;
  // A nested node whose second operand is a keyword_get on a variable read
  // (`(+ temp (get existing :sum))`) and whose first is a constant or a
  // variable read: run_nested reads the entry in place, borrowed.
  bool nested_kw = false;
  uint32_t kw_depth = 0, kw_slot = 0;  // nested_kw: the get's map variable
  Word kw_key = SEMA_NIL;              // nested_kw: the get's keyword
  // Hook1 with an intrinsic whose argument is a leaf intrinsic call or
  // another chain (`(float (string->number (nth parts 1)))` once those are
  // intrinsics): run on words in place by run_chain first, like a nested
  // node. chain_depth: its calls and the leaf call, at most kMaxChain.
  bool chain = false;
  uint8_t chain_depth = 0;
  // Let: the frame reused across calls while nothing else holds it.
  LetNode* let = nullptr;
  Rc<Env> spare;
  // A let binding's init: how run_let computes it, decided at compile time
  // (one switch instead of the split role's and value()'s tests). Value:
  // value(); Defer, Field: a deferred split and its use; Chain: a chain
  // node; Get: a leaf `get` (a hashmap's lookup without the intrinsic's
  // dispatch).
  // Key: a deferred key (key_bit, below).
  enum class Bind : uint8_t { Value, Defer, Field, Chain, Get, Key };
  Bind bind = Bind::Value;
  uint32_t bind_slot = 0;  // a let binding's init: the binding's slot in the let's frame
  // Let: no two bindings share a slot (a let* may rebind a name), so each
  // slot is still unset when its binding is stored (run_let).
  bool distinct_slots = false;
  // A deferred split (mini_compile.cpp, defer_splits): a let binding
  // `v (string/split X ";")` whose v is only read by `(first v)` and
  // `(nth v K)` (SplitField nodes) keeps X's string in v's slot instead of
  // the list; a SplitField makes just its field. split_role: on the split
  // (Defer) and on each use (Field), so that run_let tests one byte.
  enum class Split : uint8_t { None, Defer, Field };
  Split split_role = Split::None;
  uint32_t split_bit = 0;   // Defer, Field: the let's bit for this binding
  // Let: the bindings of the current run whose slot holds a deferred split's
  // source (a run of the same let inside ours saves and restores it).
  uint32_t split_live = 0;
  MNode* split_let = nullptr;  // Field: the let whose split_live tells
  MNode* split = nullptr;      // Field: the split (its separator, its hook)
  uint32_t split_index = 0;    // Field: K (0 for first)
  char split_sep = 0;          // Defer, Field: the one-byte separator
  // Defer: the ends of the first split_known fields of split_src's text,
  // found by this run's uses so far (mini_run.cpp, field_of): field k is
  // [k ? split_end[k - 1] + 1 : 0, split_end[k]); split_ended: the last of
  // them ends the text. Only fields below kSplitCuts are remembered.
  // split_src is set by defer_split (with none known), so it is nil until
  // the first deferred run and a string after.
  static constexpr uint32_t kSplitCuts = 8;
  uint8_t split_known = 0;
  bool split_ended = false;
  uint32_t split_end[kSplitCuts] = {};
  Word split_src = SEMA_NIL;
  // Defer: X a variable read (else a constant), its depth and slot, read
  // by defer_split without the read's node.
  bool split_from_local = false;
  uint32_t split_from_depth = 0, split_from_slot = 0;
  // Hook1 chain: `(string->number F)` or `(float (string->number F))` over a
  // SplitField F, run as one step first (mini_run.cpp, split_number).
  bool split_number = false;
  // split_number: what its first step reads, set at compile time
  // (mini_compile.cpp, number_step; mini_run.cpp, split_number): the three
  // calls' cells and builtins (the outer call, the conversion, the field's
  // call; the outer one twice for a bare string->number), the split's
  // let's split_live and the split's bit in it, the split, the source's
  // slot in the let's own frame (the chain is a later binding's init of
  // the split's let, read at depth 0), the field's K (split_known before
  // it, a K without split_tenths: never matched), the end before the
  // field (split_end[K - 1], for K = 0 one whose next byte is 0) and the
  // field's own end.
  Cell* split_cells[3] = {};
  Word split_builtins[3] = {};
  uint64_t split_epoch = 0;  // as epoch, for the three cells
  const uint32_t* split_live_at = nullptr;
  uint32_t split_live_bit = 0;
  uint32_t split_slot = 0;
  MNode* split_node = nullptr;
  uint32_t split_known_next = 0;
  uint8_t split_known_last = 0;  // split_known_next + 1: split_known after the field
  const uint32_t* split_from_at = nullptr;
  uint32_t* split_end_at = nullptr;
  // Field: a separator parse_tenths' shape cannot hold (not '-', '.' or a
  // digit) and K below kSplitCuts (mini_run.cpp, tenths_in_place).
  bool split_tenths = false;
  // split_number: the chain's only last-use read is the field's source.
  bool split_moves_src = false;
  // An If's test that is a leaf intrinsic call in one of two shapes,
  // decided by test_in_place without the general leaf test's dispatch:
  // Nil, `(nil? v)`; Text, `(= v "c")` or `(= "c" v)` (test_var: v's kid,
  // test_text: the constant string). v is a read of a local.
  enum class Test : uint8_t { Any, Nil, Text };
  Test test = Test::Any;
  uint8_t test_var = 0;
  Word test_text = SEMA_NIL;
  // A deferred key (mini_compile.cpp, defer_keys): a let binding
  // `name (first v)` / `(nth v K)` of a deferred split whose first reader
  // is a leaf `get` binding's key keeps the field's source string in name's
  // slot (the field's place is the split's split_end) until that get, which
  // finds the hashmap's entry by the bytes and puts the map's own key in the
  // slot: a station found is never made as a string. key_bit (on the
  // binding, Bind::Key): the let's split_live bit that says the slot holds
  // the source. key_field (on the get): the binding.
  uint32_t key_bit = 0;
  MNode* key_field = nullptr;
  // The get's entries found by a row whose facts number its key
  // (LineFacts::key): key_slots[k] is the entry of the key numbered k as
  // the hashmap of that version (HashMapObj::version) held it, its own key
  // and value slot. Any other version is another map, or the same one
  // after an insertion: that row looks it up by the bytes again.
  struct KeySlot {
    uint64_t version = 0;  // 0: none (no map has it)
    Word key = SEMA_NIL;
    Word* slot = nullptr;
  };
  std::vector<KeySlot> key_slots;
  // Keyword: the keyword called.
  Word keyword = SEMA_NIL;
  // AssocLiteral in the shape run_rec takes first (Rec, below); null: none.
  Rec* rec = nullptr;
};

// An AssocLiteral that updates the accumulator's stats map as one step
// (mini_run.cpp, run_rec): `(assoc acc key {:k v …})` where acc's read is its
// last use, key is a constant or a variable read, and every value is a
// constant, a variable read or `(op atom (get M :k2))` on one map variable M
// whose last use is in the literal, with :k2 among the literal's keys.
inline constexpr size_t kRecReads = kAssocLiteralMax + 3;  // acc, key, M, an operand per value
inline constexpr size_t kRecCells = kAssocLiteralMax + 2;  // assoc, get, an outer call per value
inline constexpr uint32_t kRecDepth = 4;                     // the frames a step reads: its own and three around it
struct Rec {
  // How a part's value is made, decided at compile time so that the run
  // dispatches once per part: the common ops by their own case (floats
  // tested first), any other through number_intrinsic2.
  // AddInt: + whose operand is a constant immediate int (a count).
  enum class Kind : uint8_t { Value, Min, Max, Add, AddInt, Other };
  // One value of the literal, in entry (evaluation) order (a fixed shape's:
  // in its order of kinds).
  struct Part {
    Word key = SEMA_NIL;  // the literal's key at pos: M's entry there must have it
    Kind kind = Kind::Value;
    uint8_t op = 0;       // the outer call's intrinsic (number_intrinsic2); 0: the value is ops[arg] itself
    uint8_t entry = 0;    // op: the get's key's index in the literal's sorted keys
    uint8_t pos = 0;      // its own key's index in the literal's sorted keys
    uint8_t arg = 0;      // the operand (op) or the value (0): an index into ops
    bool take = false;    // no op: a last-use read, moved into the map (else it takes a reference)
    bool release_old = false;  // the old value at pos was no op's operand: it may be boxed
  };
  std::vector<Part> parts;
  // The builtins the step stands for (assoc, the outer calls, get): each
  // global must still hold its own, checked once per cell.
  std::vector<std::pair<Cell*, Word>> cells;
  // The slots the step reads, each once: acc's first; their words go to
  // ops[0..reads.size()), the constants (key, values, operands) after them.
  std::vector<MNode::Slot> reads;
  uint8_t nreads = 0;   // reads.size()
  uint32_t depth = 0;   // the deepest read's depth (below kRecDepth)
  // Scratch for one run, constants filled in at compile time. A run reads
  // and writes it with no call in between that could run this code again.
  Word ops[kRecReads + kAssocLiteralMax + 1] = {};
  uint8_t key = 0, map = 0;  // indices into ops: the key, M
  // Reads that were last uses, emptied after the update: released (an
  // operand's, a moved key's) or moved into the map (a value's). acc's and
  // M's are apart.
  std::vector<uint8_t> released, taken;
  const Word* keys = nullptr;  // the literal's sorted keys (MapNode::sorted_keys)
  uint32_t n = 0;              // how many
  bool fixups = false;         // a part with no op or with release_old
  // The globals' epoch (Interp::State::globals_epoch) at which cells_hold
  // last held; 0: not yet checked.
  uint64_t epoch = 0;
  // A shape run_rec has straight-line code for (mini_run.cpp, rec_fixed):
  // each part an op on its own key's old value, the parts' kinds (in this
  // order: rec_shape sorts the parts so). None: the general loop.
  enum class Shape : uint8_t { None, MinMaxAddCount, MinMaxAdd, MinMax };
  Shape shape = Shape::None;
  uint8_t fixed_arg = 0;  // a fixed shape's min, max and + operand, shared (an index into ops)
  // A fixed shape's parts' entries, in the parts' order, as byte offsets into
  // M's entries (pos * sizeof(MapEntry)), and its count's addend, decoded.
  uint32_t fixed_at[kAssocLiteralMax] = {};
  int64_t fixed_add = 0;
};

// A compiled body. Owns its nodes and a reference to every builtin it calls.
struct Code {
  std::deque<Rec> recs;
  std::deque<MNode> nodes;
  std::vector<Value> natives;
  MNode* root = nullptr;
  // Out of line (mini_compile.cpp): the deques' code stays out of the
  // files that only hold a Code.
  Code();
  ~Code();
};

// The compiled form of p's body, or null when p cannot use the mini-eval.
std::unique_ptr<Code> compile(const Proto* p);

// Runs the body in frame (its arguments bound). Same contract as
// Interp::State::ev: an owned result in out, or false with the error (its
// trace captured) in st.err.
[[gnu::visibility("hidden")]] bool run(Interp::State& st, Code& code, Env* frame, Word& out);
// fastcall's common call (fastcall.cpp): the n owned args stored over the
// frame's first n slots, which are the parameters (each old value released
// as it is replaced), then run, counted in st.depth.
[[gnu::visibility("hidden")]] bool run_args(Interp::State& st, Code& code, Env* frame, Word* args, size_t n,
                                              Word& out);
// fastcall's fold (fastcall.cpp, Interp::fastcall_fold): run_args' rows for
// texts[0..n), the arguments acc and text refilled with each, acc the last
// result, as long as fastcall_run would take its lean path (frame: its
// reused frame of the two parameters, names: its scope's; facts: null or
// each text's facts, null for none). Returns how many rows ran; ok false: the last of them failed (acc taken, the error in
// st.err), the rest did not run.
[[gnu::visibility("hidden")]] size_t run_texts(Interp::State& st, Code& code, Env* frame,
                                                const std::vector<uint32_t>& names, Word& acc,
                                                const char* const* texts, const size_t* lens,
                                                const LineFacts* const* facts, size_t n, Word& text, bool& ok);

}  // namespace sema::rt::mini
