// The analyser: forms → nodes (see node.hpp). Malformed special forms become
// Error nodes that raise when evaluated, so an error surfaces exactly where
// and when the original evaluator would raise it.
#pragma once

#include "eval/state.hpp"

namespace sema::rt {

class Analyzer {
 public:
  Analyzer(Interp::State& st, const SpanMap* spans, const std::string* file, bool runtime)
      : st_(st), spans_(spans), file_(file), runtime_(runtime) {}

  NodeP form(Word f);
  // Adds the names f defines in the scope it runs in to sc.
  void prescan(Word f, CScope* sc);

  Rc<CScope> scope;       // where names resolve and defines bind
  Rc<ProtoInfo> owner;    // the procedure whose frames the current scope belongs to

 private:
  friend struct FormAnalyzer;
  Interp::State& st_;
  const SpanMap* spans_;
  const std::string* file_;
  bool runtime_;

  template <class T>
  T* stamp(T* n, Word f) {
    n->span = span_of(f);
    n->file = file_;
    return n;
  }
  Span span_of(Word f) const;
  NodeP err(Error e, Word f);
  NodeP err(std::unexpected<Error> e, Word f) { return err(std::move(e.error()), f); }
  NodeP constant(Value v) { return node<ConstNode>(std::move(v)); }

  NodeP ref(uint32_t id);
  NodeP list(Word f);
  NodeP call(Word f);
  NodeP special(uint32_t id, Word f);
  NodeP body(Word f, size_t from);  // forms from..end in sequence
  NodeP define_node(uint32_t id, NodeP value, Word f);
  NodeP set_node(uint32_t id, NodeP value, Word f);
  Rc<CScope> child_scope(const Rc<ProtoInfo>& own);
  void prescan_body(Word f, size_t from, CScope* sc);
  void mark_capture() {
    if (owner) owner->pure = false;
  }

  // Special forms (analyze_forms.cpp, analyze_bind.cpp).
  NodeP f_quote(Word f);
  NodeP f_if(Word f);
  NodeP f_cond(Word f);
  NodeP f_case(Word f);
  NodeP f_define(Word f);
  NodeP f_defun(Word f);
  NodeP f_set(Word f);
  NodeP f_lambda(Word f);
  NodeP f_let(Word f);
  NodeP f_named_let(Word f);
  NodeP f_let_star(Word f, bool rec);
  NodeP f_do(Word f);
  NodeP f_andor(Word f, K k);
  NodeP f_when(Word f, bool unless);
  NodeP f_defmacro(Word f);
  NodeP f_quasi(Word f);
  NodeP qq(Word t);
  NodeP f_unary(Word f, K k, const char* name);
  NodeP f_scoped(Word f, K k, const char* name);
  NodeP f_try(Word f);
  NodeP f_delay(Word f);
  NodeP f_record(Word f);
  NodeP f_module(Word f);
  NodeP f_import(Word f);

  struct Params {
    std::vector<uint32_t> fixed;
    bool has_rest = false;
    uint32_t rest = 0;
  };
  // Parses a parameter list (a list, or a vector when allowed).
  std::optional<Params> params(Word p, std::string_view prefix, bool allow_vector, Error* error);
  Rc<Proto> proto(bool named, uint32_t name, const Params& ps, Word f, size_t body_from, bool macro);
};

// Backward liveness over a pure procedure body: marks reads after which the
// variable is dead, so its value can be moved out (liveness.cpp).
void mark_last_uses(Proto& p);

}  // namespace sema::rt
