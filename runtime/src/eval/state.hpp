// The interpreter's state and the evaluator's internal interface. Only the
// eval/ files include this.
#pragma once

#include "eval/interp.hpp"
#include "eval/native.hpp"
#include "eval/node.hpp"
#include "eval/objects.hpp"
#include "eval/scope.hpp"
#include "reader/reader.hpp"

#include <boost/unordered/unordered_flat_map.hpp>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace sema::rt {

namespace mini {
struct LineFacts;
}

// One active call (language.md §5.2). name points into an interned symbol
// name or a NativeObj that the running call keeps alive.
struct TraceEntry {
  std::string_view name;
  const std::string* file = nullptr;
  Span span;
};

// The active calls, innermost last: a plain growable array whose push is
// always inlined. std::vector's emplace_back fell out of the evaluator's
// main loop (a call per lambda call) whenever the loop grew past GCC's
// inlining budget; growing is out of line.
class TraceStack {
 public:
  TraceStack() = default;
  TraceStack(const TraceStack&) = delete;
  TraceStack& operator=(const TraceStack&) = delete;
  [[gnu::always_inline]] void push_back(const TraceEntry& e) {
    if (n_ == cap_) [[unlikely]]
      grow();
    data_[n_++] = e;
  }
  void pop_back() { --n_; }
  size_t size() const { return n_; }
  const TraceEntry& operator[](size_t i) const { return data_[i]; }
  void truncate(size_t n) { n_ = n; }  // drops the entries from n on (n <= size)

 private:
  [[gnu::noinline]] void grow() {
    size_t cap = cap_ ? 2 * cap_ : 64;
    auto d = std::make_unique<TraceEntry[]>(cap);
    std::copy(data_.get(), data_.get() + n_, d.get());
    data_ = std::move(d);
    cap_ = cap;
  }
  std::unique_ptr<TraceEntry[]> data_;
  size_t n_ = 0, cap_ = 0;
};

// Owned argument words of one call; releases whatever is left.
class ArgBuf {
 public:
  explicit ArgBuf(size_t cap) {
    if (cap > kSmall) {
      big_.resize(cap);
      data_ = big_.data();
    }
  }
  ArgBuf(const ArgBuf&) = delete;
  ArgBuf& operator=(const ArgBuf&) = delete;
  ~ArgBuf() {
    for (size_t i = 0; i < n_; ++i) release(data_[i]);
  }
  void push(Word owned) { data_[n_++] = owned; }
  Word* data() { return data_; }
  size_t size() const { return n_; }
  Word operator[](size_t i) const { return data_[i]; }
  Word take(size_t i) { return std::exchange(data_[i], SEMA_NIL); }
  void disown() { n_ = 0; }  // the references were handed over

 private:
  static constexpr size_t kSmall = 8;
  Word small_[kSmall];
  std::vector<Word> big_;
  Word* data_ = small_;
  size_t n_ = 0;
};

// Interned names the analyser dispatches on.
struct Ids {
  uint32_t quote, quasiquote, unquote, unquote_splicing, dot, else_, catch_, export_, lambda_name;
  uint32_t define, defun, defmacro, define_record_type, begin, if_, when, unless, cond, case_, and_, or_;
  uint32_t try_, module, import, load, let, let_star, letrec, do_, lambda, fn, set, eval, macroexpand;
  uint32_t throw_, delay, force, prompt, message, deftool, defagent, with_budget;
};

// Per import: the export list a `module` form declared.
struct ModuleCtx {
  bool declared = false;
  std::vector<uint32_t> exports;
};

struct Interp::State {
  State(Interp& self, const RuntimeOptions& options);
  ~State();

  Interp& self;
  RuntimeOptions options;
  sema_ctx ctx;
  Ids ids;
  std::unordered_map<uint32_t, int> special;  // special form ids (value unused)

  // ---------------------------------------------------------------- globals
  boost::unordered_flat_map<uint32_t, std::unique_ptr<Cell>> cells;
  std::vector<uint32_t> global_order;
  Rc<CScope> global_scope;
  bool any_dynamic = false;  // some local scope gained names at run time
  // Changes with every global's value (set_global is the only writer) and
  // when any_dynamic is set, so that a step which checked its builtins'
  // cells at this epoch can skip the check while it holds (mini_run.cpp,
  // run_rec, in_place). Each State starts at a base of its own: one
  // State's epoch never matches another's.
  uint64_t globals_epoch;
  Cell* cell(uint32_t id);

  // The line string of the fastio row running in mini::run_texts and that
  // line's facts (eval/line_facts.hpp), else nil and null. run_texts' own
  // reference keeps the string alive and unchanged for the row, so a word
  // equal to row_line is that line.
  Word row_line = SEMA_NIL;
  const mini::LineFacts* row_facts = nullptr;
  void set_global(Cell* c, Value v);

  // -------------------------------------------------------------- execution
  TraceStack trace;
  long depth = 0;
  std::atomic<bool> interrupt_flag{false};
  std::function<std::string(std::string_view)> unbound_hint;
  std::deque<std::string> files;  // interned file names (stable addresses)
  const std::string* intern_file(std::string_view f);
  std::vector<NodeP> graveyard;   // replaced expansions that may still be running
  int chunk_nesting = 0;

  // Modules (import cache by canonical path; cycle detection).
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, Value>>> module_cache;
  std::vector<std::string> importing;
  ModuleCtx* module_ctx = nullptr;

  // ------------------------------------------------------------- evaluation
  // The hot path returns a bool and hands its value back through `out` (an
  // owned reference); on false the error is parked in `err`. A
  // std::expected<Value, Error> returned by value through every level cost a
  // large object per step; the Result forms below wrap the lean ones.
  Error err;
  bool fail(std::unexpected<Error>&& e) {
    err = std::move(e.error());
    return false;
  }
  template <class T>
  bool fail_from(Result<T>& r) {
    err = std::move(r.error());
    return false;
  }
  // The hot loop's functions are hidden: called directly, not through the
  // PLT, and visible to the inliner (nothing outside the runtime calls them).
  [[gnu::visibility("hidden")]] bool ev(Node* n, Env* env, Word& out);  // a nested (non-tail) evaluation
  // exec is ev's body (its only caller), inline: one call and one frame per
  // nested evaluation instead of two.
  [[gnu::always_inline]] bool exec(Node* n, Env* env, size_t base, int& counted, Word& out);
  // An argument: leaves inline (always: an outlined copy of this switch,
  // recursive through call_arg, paid a full register save per leaf), the
  // rest out of line.
  [[gnu::always_inline]] bool arg(Node* n, Env* env, Word& out) {
    switch (n->kind) {
      case K::Const: out = static_cast<ConstNode*>(n)->value.get(); retain(out); return true;
      case K::Local: return local(static_cast<LocalNode*>(n), env, out);
      case K::Global: return global(static_cast<GlobalNode*>(n)->cell, env, out);
      case K::Call: return call_arg(static_cast<CallNode*>(n), env, out);
      default: return ev(n, env, out);
    }
  }
  [[gnu::always_inline]] bool local(LocalNode* n, Env* env, Word& out) {
    Env* f = env->up(n->depth);
    Word w = f->get(n->slot);
    if (w != kUnset && !any_dynamic) [[likely]] {
      if (n->last_use)
        f->slots[n->slot] = SEMA_NIL;  // moved out: a unique value stays unique
      else
        retain(w);
      out = w;
      return true;
    }
    return by_name(env, n->id, out);
  }
  [[gnu::always_inline]] bool global(Cell* c, Env* env, Word& out) {
    if (!any_dynamic && c->value != kUnset) [[likely]] {
      out = c->value;
      retain(out);
      return true;
    }
    return any_dynamic ? by_name(env, c->id, out) : fail(unbound(c->id));
  }
  bool by_name(Env* env, uint32_t id, Word& out);
  // A constant or variable read without taking a reference; false when the
  // read needs the full path (an unbound variable). Callers check any_dynamic.
  // A read that is the variable's last use leaves its slot in `moved`, to be
  // emptied once the value is no longer needed.
  [[gnu::always_inline]] bool peek(Node* n, Env* env, Word& out, Word*& moved) {
    switch (n->kind) {
      case K::Const: out = static_cast<ConstNode*>(n)->value.get(); return true;
      case K::Local: {
        auto* l = static_cast<LocalNode*>(n);
        Env* f = env->up(l->depth);
        if (l->slot >= f->slots.size()) return false;
        Word* slot = &f->slots[l->slot];
        out = *slot;
        if (l->last_use) moved = slot;
        return out != kUnset;
      }
      case K::Global: out = static_cast<GlobalNode*>(n)->cell->value; return out != kUnset;
      default: return false;
    }
  }
  // A constant or local holding a small int, read in place (callers check
  // any_dynamic); false for anything else.
  [[gnu::always_inline]] static bool peek_int(Node* n, Env* env, Word& out) {
    if (n->kind == K::Const) {
      out = static_cast<ConstNode*>(n)->value.get();
    } else if (n->kind == K::Local) {
      auto* l = static_cast<LocalNode*>(n);
      Env* f = env->up(l->depth);
      if (l->slot >= f->slots.size()) return false;
      out = f->slots[l->slot];
    } else {
      return false;
    }
    return is_small_int(out);
  }
  // After a peek_int: a read that was its variable's last use empties the slot.
  [[gnu::always_inline]] static void empty_if_moved(Node* n, Env* env) {
    if (n->kind != K::Local || !static_cast<LocalNode*>(n)->last_use) return;
    auto* l = static_cast<LocalNode*>(n);
    env->up(l->depth)->slots[l->slot] = SEMA_NIL;
  }
  [[gnu::always_inline]] bool leaf_intrinsic(NativeObj* nat, CallNode* c, Env* env, Word& out);
  [[gnu::always_inline]] bool int_leaf(uint8_t id, CallNode* c, Env* env, Word& out);
  [[gnu::always_inline]] bool int_call(Node* n, Env* env, Word& out);
  bool map_literal(MapNode* m, Env* env, Word& out);  // forms.cpp
  [[gnu::noinline, gnu::visibility("hidden")]] bool call_arg(CallNode* c, Env* env, Word& out);
  [[gnu::noinline, gnu::visibility("hidden")]] bool builtin_arg(NativeObj* nat, CallNode* c, Env* env, Word& out);
  [[gnu::visibility("hidden")]] bool call_builtin(NativeObj* nat, CallNode* c, Env* env, Word& out);
  [[gnu::noinline]] bool call_builtin_generic(NativeObj* nat, CallNode* c, Env* env, Word& out);
  [[gnu::always_inline]] bool call_hook(NativeObj* nat, CallNode* c, size_t n, Word* a, uint32_t flags, Word& out);
  bool builtin_failed(NativeObj* nat, sema_status st, const Node* site, bool traced);
  Error native_error(NativeObj* nat, sema_status st);

  Result<Value> eval(Node* n, Env* env) {
    Word w;
    if (!ev(n, env, w)) return std::unexpected(std::move(err));
    return Value::own(w);
  }
  Result<Value> eval_arg(Node* n, Env* env) {
    Word w;
    if (!arg(n, env, w)) return std::unexpected(std::move(err));
    return Value::own(w);
  }
  Result<Value> lookup_name(Env* env, uint32_t id);  // by name, innermost first
  Word find_name(Env* env, uint32_t id);             // borrowed or kUnset
  std::unexpected<Error> unbound(uint32_t id);
  Result<void> assign(BindNode* b, Env* env, Value v);

  // Calls.
  Result<Value> call_native(NativeObj* nat, ArgBuf& args, const Node* site);
  Result<Rc<Env>> bind(const Proto* p, Word self_value, const Rc<Env>& env, ArgBuf& args);
  Result<Value> apply(Word fn, ArgBuf& args);  // from builtins: full language, no frame
  Result<Value> run_bound(const Proto* p, Word self_value, const Rc<Env>& env, ArgBuf& args);
  Result<Value> expand_macro(MacroObj* m, Word form);
  Result<Value> keyword_call(Word kw, Word m);
  std::unexpected<Error> not_callable(Word f);
  std::unexpected<Error> depth_error();
  bool stack_exhausted();
  void capture(Error& e);
  [[gnu::always_inline]] void enter_lambda_trace(size_t base, const Proto* p, const Node* site) {
    // A tail step: the frames of this evaluation collapse to the newest one.
    if (trace.size() > base) trace.truncate(base);
    trace.push_back(TraceEntry{p->trace_name, site ? site->file : nullptr, site ? site->span : Span{}});
  }
  [[gnu::always_inline]] bool enter_call(size_t base, const Proto* p, const Node* site, int& counted);
  [[gnu::noinline, gnu::cold]] bool call_refused(bool interrupted);  // depth limit or interrupt

  // Analysis (analyze.cpp). Errors in the source become Error nodes, so this
  // never fails; runtime: code analysed while the program runs (eval, load,
  // expansions) — names it adds to a local scope make that scope dynamic.
  NodeP analyse(Word form, const Rc<CScope>& scope, const SpanMap* spans, const std::string* file, bool runtime);
  // Reads-and-runs all forms of a text in scope/env (chunks, load, import).
  Result<Value> run_forms(std::vector<Value>& forms, const SpanMap* spans, const Rc<CScope>& scope, Env* env,
                          const std::string* file);

  // Modules (modules.cpp).
  Result<Value> load_file(Word path, const Rc<CScope>& scope, Env* env, const std::string* file);
  Result<Value> import_file(Word path, const std::vector<uint32_t>& names, const Rc<CScope>& scope, Env* env,
                            const std::string* file);
  // Binds a name in the scope the given frame belongs to (global when env is null).
  void bind_in_scope(const Rc<CScope>& scope, Env* env, uint32_t id, Value v);

};

// What a special form evaluated outside the main loop hands back (forms.cpp).
struct Step {
  Node* next = nullptr;  // continue with this node (tail position) …
  Value value;           // … or this is the result
  Rc<Env> env;         // the frame `next` runs in, when it changes
  NodeP owned;           // code analysed at run time that `next` belongs to
  Value keep;            // a procedure whose body `next` belongs to
};
Result<Step> step_form(Interp::State& st, Node* n, Env* env);

// The stack-usage guard: true when the current thread is close to its limit.
// Inline, one compare against a per-thread limit (initial-exec TLS: no
// __tls_get_addr call; the runtime library is linked, not dlopen'ed).
// constinit: without it every access calls a TLS init wrapper through the PLT.
extern thread_local constinit char* t_stack_limit __attribute__((tls_model("initial-exec")));
char* init_stack_limit();
inline bool stack_low() {
  char* limit = t_stack_limit;
  if (limit == nullptr) [[unlikely]]
    limit = init_stack_limit();
  return static_cast<char*>(__builtin_frame_address(0)) < limit;
}

}  // namespace sema::rt
