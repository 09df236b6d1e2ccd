// Special forms without bindings: quote, if, cond, case, and/or, when,
// quasiquote, throw/force/eval/macroexpand/load, try, delay, module, import.
#include "eval/analyze.hpp"

#include "value/interner.hpp"

namespace sema::rt {

namespace {
bool is_list(Word w) { return is_type(w, SEMA_T_LIST); }
bool is_sym(Word w, uint32_t id) { return sema_is_symbol(w) && sema_id_of(w) == id; }
}  // namespace

NodeP Analyzer::f_quote(Word f) {
  size_t n = list_len(f) - 1;
  if (n != 1) return err(arity_error("quote", "1", n), f);
  return constant(Value::borrow(list_at(f, 1)));
}

NodeP Analyzer::f_if(Word f) {
  size_t n = list_len(f) - 1;
  if (n != 2 && n != 3) return err(arity_error("if", "2 or 3", n), f);
  auto* x = stamp(new IfNode(), f);
  NodeP hold(x);
  x->test = form(list_at(f, 1));
  x->then = form(list_at(f, 2));
  if (n == 3) x->els = form(list_at(f, 3));
  return hold;
}

NodeP Analyzer::f_andor(Word f, K k) {
  auto* s = stamp(new SeqNode(k), f);
  NodeP hold(s);
  for (size_t i = 1; i < list_len(f); ++i) s->items.push_back(form(list_at(f, i)));
  return hold;
}

NodeP Analyzer::f_when(Word f, bool unless) {
  size_t n = list_len(f) - 1;
  if (n < 2) return err(arity_error(unless ? "unless" : "when", "2+", n), f);
  auto* x = stamp(new IfNode(), f);
  NodeP hold(x);
  x->test = form(list_at(f, 1));
  if (unless) {
    x->then = constant(Value());
    x->els = body(f, 2);
  } else {
    x->then = body(f, 2);
  }
  return hold;
}

NodeP Analyzer::f_cond(Word f) {
  auto* c = stamp(new CondNode(), f);
  NodeP hold(c);
  for (size_t i = 1; i < list_len(f); ++i) {
    Word cl = list_at(f, i);
    CondNode::Clause clause;
    if (!is_list(cl)) {
      clause.error = err(eval_error("cond clause must be a list"), f);
    } else if (list_len(cl) == 0) {
      clause.error = err(eval_error("cond clause must not be empty"), f);
    } else {
      if (!is_sym(list_at(cl, 0), st_.ids.else_)) clause.test = form(list_at(cl, 0));
      if (list_len(cl) > 1) clause.body = body(cl, 1);
    }
    c->clauses.push_back(std::move(clause));
  }
  return hold;
}

NodeP Analyzer::f_case(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 2) return err(arity_error("case", "2+", n), f);
  auto* c = stamp(new CaseNode(), f);
  NodeP hold(c);
  c->key = form(list_at(f, 1));
  for (size_t i = 2; i <= n; ++i) {
    Word cl = list_at(f, i);
    CaseNode::Clause clause;
    if (!is_list(cl)) {
      clause.error = err(eval_error("case: clause must be a list"), f);
    } else if (list_len(cl) == 0) {
      clause.error = err(eval_error("case: clause must not be empty"), f);
    } else {
      Word d = list_at(cl, 0);
      if (is_sym(d, st_.ids.else_)) {
        clause.is_else = true;
      } else if (!is_list(d)) {
        clause.error = err(eval_error("case: datums must be a list"), f);
      } else {
        for (size_t j = 0; j < list_len(d); ++j) clause.datums.push_back(Value::borrow(list_at(d, j)));
      }
      if (!clause.error && list_len(cl) > 1) clause.body = body(cl, 1);
    }
    c->clauses.push_back(std::move(clause));
  }
  return hold;
}

// ------------------------------------------------------------- quasiquote

NodeP Analyzer::f_quasi(Word f) {
  size_t n = list_len(f) - 1;
  if (n != 1) return err(arity_error("quasiquote", "1", n), f);
  return qq(list_at(f, 1));
}

// §4.8: no nesting levels; vectors rebuilt without splicing; maps untouched.
NodeP Analyzer::qq(Word t) {
  const Ids& I = st_.ids;
  bool list = is_list(t);
  if (!list && !is_type(t, SEMA_T_VECTOR)) return constant(Value::borrow(t));
  SeqView items = seq_view(t);
  if (items.size() == 0) return constant(Value::borrow(t));
  if (list && is_sym(items[0], I.unquote)) {
    if (items.size() != 2) return err(arity_error("unquote", "1", items.size() - 1), t);
    return form(items[1]);
  }
  auto* b = stamp(new BuildNode(K::Quasi), t);
  NodeP hold(b);
  b->vector = !list;
  bool dynamic = false;
  for (size_t i = 0; i < items.size(); ++i) {
    Word e = items[i];
    if (list && is_list(e) && list_len(e) > 0 && is_sym(list_at(e, 0), I.unquote_splicing)) {
      if (list_len(e) != 2) {
        b->parts.push_back({err(arity_error("unquote-splicing", "1", list_len(e) - 1), e), false});
      } else {
        b->parts.push_back({form(list_at(e, 1)), true});
      }
      dynamic = true;
      continue;
    }
    NodeP part = qq(e);
    if (part->kind != K::Const) dynamic = true;
    b->parts.push_back({std::move(part), false});
  }
  if (!dynamic) return constant(Value::borrow(t));
  return hold;
}

// ------------------------------------------------------ one-argument forms

NodeP Analyzer::f_unary(Word f, K k, const char* name) {
  size_t n = list_len(f) - 1;
  if (n != 1) return err(arity_error(name, "1", n), f);
  auto* u = stamp(new UnaryNode(k), f);
  NodeP hold(u);
  u->arg = form(list_at(f, 1));
  return hold;
}

NodeP Analyzer::f_scoped(Word f, K k, const char* name) {
  size_t n = list_len(f) - 1;
  if (n != 1) return err(arity_error(name, "1", n), f);
  // eval/load/macroexpand see the live scope: frames must stay observable.
  mark_capture();
  auto* s = stamp(new ScopedNode(k), f);
  NodeP hold(s);
  s->arg = form(list_at(f, 1));
  s->scope = scope;
  return hold;
}

NodeP Analyzer::f_import(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 1) return err(arity_error("import", "1+", n), f);
  mark_capture();
  auto* s = stamp(new ScopedNode(K::Import), f);
  NodeP hold(s);
  for (size_t i = 2; i <= n; ++i) {
    Word w = list_at(f, i);
    if (!sema_is_symbol(w)) return err(eval_error("import: selective names must be symbols"), f);
    s->names.push_back(sema_id_of(w));
  }
  s->arg = form(list_at(f, 1));
  s->scope = scope;
  return hold;
}

NodeP Analyzer::f_delay(Word f) {
  size_t n = list_len(f) - 1;
  if (n != 1) return err(arity_error("delay", "1", n), f);
  mark_capture();
  auto* d = stamp(new DelayNode(), f);
  NodeP hold(d);
  auto code = make_rc<Code>();
  code->scope = child_scope(owner);
  prescan(list_at(f, 1), code->scope.get());
  Rc<CScope> saved = scope;
  scope = code->scope;
  code->node = form(list_at(f, 1));
  scope = saved;
  d->code = std::move(code);
  return hold;
}

// ------------------------------------------------------------------- try

NodeP Analyzer::f_try(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 1) return err(arity_error("try", "1+", n), f);
  Word c = list_at(f, n);
  const char* shape = "try: last argument must be (catch var handler...)";
  if (!is_list(c)) return err(eval_error(shape), f);
  if (list_len(c) == 0) return err(eval_error("try: catch form is empty"), f);
  if (!is_sym(list_at(c, 0), st_.ids.catch_)) return err(eval_error(shape), f);
  if (list_len(c) < 3) return err(eval_error("try: catch needs (catch var handler...)"), f);
  if (!sema_is_symbol(list_at(c, 1))) return err(eval_error("try: catch variable must be a symbol"), f);
  auto* t = stamp(new TryNode(), f);
  NodeP hold(t);
  if (n > 1) {
    auto* s = new SeqNode(K::Seq);
    t->body = NodeP(s);
    for (size_t i = 1; i < n; ++i) s->items.push_back(form(list_at(f, i)));
  }
  t->scope = child_scope(owner);
  t->var_slot = static_cast<uint32_t>(t->scope->add(sema_id_of(list_at(c, 1))));
  prescan_body(c, 2, t->scope.get());
  Rc<CScope> saved = scope;
  scope = t->scope;
  t->handler = body(c, 2);
  scope = saved;
  return hold;
}

// ---------------------------------------------------------------- module

NodeP Analyzer::f_module(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 2) return err(arity_error("module", "2+", n), f);
  if (!sema_is_symbol(list_at(f, 1))) return err(eval_error("module: name must be a symbol"), f);
  Word ex = list_at(f, 2);
  if (!is_list(ex) || list_len(ex) == 0)
    return err(eval_error("module: second argument must be (export sym1 sym2 ...)"), f);
  if (!is_sym(list_at(ex, 0), st_.ids.export_))
    return err(eval_error("module: second argument must start with 'export'"), f);
  auto* m = stamp(new ModuleNode(), f);
  NodeP hold(m);
  for (size_t i = 1; i < list_len(ex); ++i) {
    Word s = list_at(ex, i);
    if (!sema_is_symbol(s)) return err(eval_error("module: export names must be symbols"), f);
    m->exports.push_back(sema_id_of(s));
  }
  if (n > 2) m->body = body(f, 3);
  return hold;
}

}  // namespace sema::rt
