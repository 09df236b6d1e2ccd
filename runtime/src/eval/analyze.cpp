// Analyser core: symbols, calls, macro expansion, literals, scopes.
#include "eval/analyze.hpp"

#include "value/interner.hpp"

#include <algorithm>

namespace sema::rt {

NodeP Interp::State::analyse(Word form, const Rc<CScope>& scope, const SpanMap* spans, const std::string* file,
                             bool runtime) {
  Analyzer a(*this, spans, file, runtime);
  a.scope = scope;
  a.owner = scope->owner;
  return a.form(form);
}

namespace {

bool is_list(Word w) { return is_type(w, SEMA_T_LIST); }

// Evaluates to itself (so a literal made only of these needs no node).
bool self_evaluating(Word w) {
  if (sema_is_symbol(w)) return false;
  if (!sema_is_ptr(w)) return true;
  switch (as_obj(w)->type) {
    case SEMA_T_LIST: return false;
    case SEMA_T_VECTOR:
      for (Word x : static_cast<VectorObj*>(as_obj(w))->items)
        if (!self_evaluating(x)) return false;
      return true;
    case SEMA_T_MAP:
      for (auto& [k, v] : static_cast<MapObj*>(as_obj(w))->entries)
        if (!self_evaluating(k) || !self_evaluating(v)) return false;
      return true;
    default: return true;
  }
}

}  // namespace

Span Analyzer::span_of(Word f) const {
  if (spans_ == nullptr || !sema_is_ptr(f)) return {};
  auto it = spans_->find(as_obj(f));
  return it == spans_->end() ? Span{} : it->second;
}

NodeP Analyzer::err(Error e, Word f) {
  auto* n = new ErrorNode(std::move(e));
  stamp(n, f);
  return NodeP(n);
}

Rc<CScope> Analyzer::child_scope(const Rc<ProtoInfo>& own) {
  auto s = make_rc<CScope>();
  s->parent = scope;
  s->owner = own;
  return s;
}

NodeP Analyzer::form(Word f) {
  if (stack_low()) return err(st_.depth_error(), f);
  if (sema_is_symbol(f)) {
    NodeP n = ref(sema_id_of(f));
    n->file = file_;
    return n;
  }
  if (!sema_is_ptr(f)) return constant(Value::own(f));
  switch (as_obj(f)->type) {
    case SEMA_T_LIST: return list(f);
    case SEMA_T_VECTOR: {
      if (self_evaluating(f)) return constant(Value::borrow(f));
      auto* b = stamp(new BuildNode(K::Vector), f);
      NodeP hold(b);
      b->vector = true;
      for (Word x : static_cast<VectorObj*>(as_obj(f))->items) b->parts.push_back({form(x), false});
      return hold;
    }
    case SEMA_T_MAP: {
      if (self_evaluating(f)) return constant(Value::borrow(f));
      // Entries are stored in the order of the unevaluated keys, which is
      // the evaluation order the spec prescribes (§4.2).
      auto* m = stamp(new MapNode(), f);
      NodeP hold(m);
      for (auto& [k, v] : static_cast<MapObj*>(as_obj(f))->entries) m->entries.emplace_back(form(k), form(v));
      return hold;
    }
    default: return constant(Value::borrow(f));
  }
}

NodeP Analyzer::ref(uint32_t id) {
  uint32_t depth = 0;
  for (CScope* s = scope.get(); s != nullptr; s = s->parent.get()) {
    if (s->global) break;
    int slot = s->find(id);
    if (slot >= 0) {
      auto* n = new LocalNode();
      n->depth = depth;
      n->slot = static_cast<uint32_t>(slot);
      n->id = id;
      n->target = s;
      return NodeP(n);
    }
    ++depth;
  }
  return node<GlobalNode>(st_.cell(id));
}

NodeP Analyzer::define_node(uint32_t id, NodeP value, Word f) {
  auto* b = stamp(new BindNode(K::DefGlobal), f);
  NodeP hold(b);
  b->id = id;
  b->value = std::move(value);
  if (scope->global) {
    b->cell = st_.cell(id);
    return hold;
  }
  b->kind = K::DefLocal;
  if (scope->find(id) < 0) {
    // Not found by the pre-scan (an expansion or eval defines it): code
    // analysed earlier may have resolved the name elsewhere.
    scope->dynamic = true;
    st_.any_dynamic = true;
    ++st_.globals_epoch;  // the mini-eval's remembered checks test any_dynamic again
  }
  b->slot = static_cast<uint32_t>(scope->add(id));
  b->target = scope.get();
  return hold;
}

NodeP Analyzer::set_node(uint32_t id, NodeP value, Word f) {
  NodeP target = ref(id);
  auto* b = stamp(new BindNode(K::SetGlobal), f);
  NodeP hold(b);
  b->id = id;
  b->value = std::move(value);
  if (target->kind == K::Local) {
    auto* l = static_cast<LocalNode*>(target.get());
    b->kind = K::SetLocal;
    b->depth = l->depth;
    b->slot = l->slot;
    b->target = l->target;
  } else {
    b->cell = static_cast<GlobalNode*>(target.get())->cell;
  }
  return hold;
}

NodeP Analyzer::body(Word f, size_t from) {
  size_t n = list_len(f);
  if (from >= n) return constant(Value());
  if (from + 1 == n) return form(list_at(f, from));
  auto* s = new SeqNode(K::Seq);
  NodeP hold(s);
  for (size_t i = from; i < n; ++i) s->items.push_back(form(list_at(f, i)));
  return hold;
}

NodeP Analyzer::list(Word f) {
  size_t n = list_len(f);
  if (n == 0) return constant(Value());  // () evaluates to nil
  Word head = list_at(f, 0);
  if (sema_is_symbol(head)) {
    uint32_t id = sema_id_of(head);
    // Special forms win over any binding of the name (§4.2).
    if (st_.special.contains(id)) return special(id, f);
  }
  if (sema_is_keyword(head)) {
    if (n != 2) {
      std::string name(":");  // appended, not `":" + s`: GCC 12 -O3 warns falsely (-Wrestrict) on that
      name += id_name(sema_id_of(head));
      return err(arity_error(name, "1", n - 1), f);
    }
    auto* k = stamp(new KwCallNode(), f);
    NodeP hold(k);
    k->keyword = head;
    k->arg = form(list_at(f, 1));
    return hold;
  }
  return call(f);
}

NodeP Analyzer::call(Word f) {
  size_t n = list_len(f);
  Word head = list_at(f, 0);
  auto* c = stamp(new CallNode(), f);
  NodeP hold(c);
  c->head = form(head);
  if (c->head->kind == K::Global) {
    Word v = static_cast<GlobalNode*>(c->head.get())->cell->value;
    if (is_type(v, SEMA_T_MACRO)) {
      // A macro known now: expand once, here (docs/decisions.md).
      Value keep = Value::borrow(v);
      Result<Value> exp = st_.expand_macro(as_macro(v), f);
      if (!exp) return err(std::move(exp.error()), f);
      return form(exp->get());
    }
    // Bound to a procedure now: assume it stays one (liveness, purity).
    c->maybe_macro = !(is_type(v, SEMA_T_NATIVE) || is_type(v, SEMA_T_LAMBDA));
  } else if (c->head->kind == K::Local) {
    // A local holds a macro only if a defmacro in that scope binds it (a
    // macro passed around as a value is not tracked: docs/decisions.md).
    auto* l = static_cast<LocalNode*>(c->head.get());
    const auto& ms = l->target->macros;
    c->maybe_macro = std::find(ms.begin(), ms.end(), l->id) != ms.end();
  }
  c->form = Value::borrow(f);
  c->scope = scope;
  c->args.reserve(n - 1);
  for (size_t i = 1; i < n; ++i) c->args.push_back(form(list_at(f, i)));
  c->leaf_args = std::all_of(c->args.begin(), c->args.end(), [](const NodeP& a) {
    return a->kind == K::Const || a->kind == K::Local || a->kind == K::Global;
  });
  return hold;
}

NodeP Analyzer::special(uint32_t id, Word f) {
  const Ids& I = st_.ids;
  if (id == I.quote) return f_quote(f);
  if (id == I.if_) return f_if(f);
  if (id == I.define) return f_define(f);
  if (id == I.lambda || id == I.fn) return f_lambda(f);
  if (id == I.let) return f_let(f);
  if (id == I.let_star) return f_let_star(f, false);
  if (id == I.letrec) return f_let_star(f, true);
  if (id == I.begin) return body(f, 1);
  if (id == I.cond) return f_cond(f);
  if (id == I.case_) return f_case(f);
  if (id == I.and_) return f_andor(f, K::And);
  if (id == I.or_) return f_andor(f, K::Or);
  if (id == I.when) return f_when(f, false);
  if (id == I.unless) return f_when(f, true);
  if (id == I.set) return f_set(f);
  if (id == I.defun) return f_defun(f);
  if (id == I.do_) return f_do(f);
  if (id == I.defmacro) return f_defmacro(f);
  if (id == I.quasiquote) return f_quasi(f);
  if (id == I.macroexpand) return f_scoped(f, K::Macroexpand, "macroexpand");
  if (id == I.eval) return f_scoped(f, K::Eval, "eval");
  if (id == I.throw_) return f_unary(f, K::Throw, "throw");
  if (id == I.force) return f_unary(f, K::Force, "force");
  if (id == I.delay) return f_delay(f);
  if (id == I.try_) return f_try(f);
  if (id == I.define_record_type) return f_record(f);
  if (id == I.module) return f_module(f);
  if (id == I.import) return f_import(f);
  if (id == I.load) return f_scoped(f, K::Load, "load");
  // prompt, message, deftool, defagent, with-budget
  return err(eval_error(std::string(id_name(id)) + ": the llm plugin is not available").error(), f);
}

// ----------------------------------------------------------------- prescan

void Analyzer::prescan_body(Word f, size_t from, CScope* sc) {
  size_t n = list_len(f);
  for (size_t i = from; i < n; ++i) prescan(list_at(f, i), sc);
}

// Finds the names a body defines in its own scope (define and friends, also
// inside begin/if/when/…/try bodies, which create no scope), so references
// analysed before the define resolve to the right slot (mutual recursion of
// internal defines). A slot whose define has not run yet reads through to
// the enclosing binding, so a spurious name is harmless.
void Analyzer::prescan(Word f, CScope* sc) {
  if (!is_list(f) || stack_low()) return;
  size_t n = list_len(f);
  if (n == 0) return;
  Word h = list_at(f, 0);
  auto sym = [&](size_t i) -> bool { return i < n && sema_is_symbol(list_at(f, i)); };
  auto add = [&](Word s) {
    if (sema_is_symbol(s)) sc->add(sema_id_of(s));
  };
  if (!sema_is_symbol(h)) {
    prescan_body(f, 0, sc);
    return;
  }
  const Ids& I = st_.ids;
  uint32_t id = sema_id_of(h);
  if (id == I.define) {
    if (sym(1)) {
      add(list_at(f, 1));
      if (n > 2) prescan(list_at(f, 2), sc);
    } else if (n > 1 && is_list(list_at(f, 1)) && list_len(list_at(f, 1)) > 0) {
      add(list_at(list_at(f, 1), 0));
    }
    return;
  }
  if (id == I.defun || id == I.defmacro) {
    if (sym(1)) {
      add(list_at(f, 1));
      if (id == I.defmacro) sc->macros.push_back(sema_id_of(list_at(f, 1)));
    }
    return;
  }
  if (id == I.define_record_type) {
    if (n > 2 && is_list(list_at(f, 2)) && list_len(list_at(f, 2)) > 0) add(list_at(list_at(f, 2), 0));
    if (n > 3) add(list_at(f, 3));
    for (size_t i = 4; i < n; ++i) {
      Word spec = list_at(f, i);
      if (is_list(spec) && list_len(spec) > 1) add(list_at(spec, 1));
    }
    return;
  }
  if (id == I.import) {
    for (size_t i = 2; i < n; ++i) add(list_at(f, i));
    return;
  }
  if (id == I.quote || id == I.quasiquote || id == I.lambda || id == I.fn || id == I.let || id == I.let_star ||
      id == I.letrec || id == I.do_ || id == I.delay || id == I.defmacro)
    return;
  if (id == I.cond || id == I.case_) {
    for (size_t i = 1; i < n; ++i) {
      Word c = list_at(f, i);
      if (is_list(c)) prescan_body(c, 0, sc);
      else prescan(c, sc);
    }
    return;
  }
  if (id == I.try_) {
    for (size_t i = 1; i + 1 < n; ++i) prescan(list_at(f, i), sc);
    return;
  }
  prescan_body(f, 1, sc);
}

}  // namespace sema::rt
