// Special forms that bind: define, defun, set!, lambda/fn, let family, do,
// defmacro, define-record-type.
#include "eval/analyze.hpp"

#include "value/interner.hpp"

namespace sema::rt {

namespace {
bool is_list(Word w) { return is_type(w, SEMA_T_LIST); }
bool is_sym(Word w, uint32_t id) { return sema_is_symbol(w) && sema_id_of(w) == id; }
}  // namespace

std::optional<Analyzer::Params> Analyzer::params(Word p, std::string_view prefix, bool allow_vector, Error* error) {
  Params ps;
  if (!is_list(p) && !(allow_vector && is_type(p, SEMA_T_VECTOR))) {
    *error = type_error(allow_vector ? "list or vector" : "list", p).error();
    return std::nullopt;
  }
  SeqView v = seq_view(p);
  for (size_t i = 0; i < v.size(); ++i) {
    Word w = v[i];
    if (is_sym(w, st_.ids.dot) && i + 1 < v.size()) {
      // `. rest` (the reader keeps the dot as a symbol in a flat list).
      Word r = v[i + 1];
      if (!sema_is_symbol(r)) break;
      ps.has_rest = true;
      ps.rest = sema_id_of(r);
      return ps;
    }
    if (!sema_is_symbol(w)) break;
    ps.fixed.push_back(sema_id_of(w));
    if (i + 1 == v.size()) return ps;
  }
  if (v.size() == 0) return ps;
  *error = eval_error(std::string(prefix) + ": parameter must be a symbol").error();
  return std::nullopt;
}

Rc<Proto> Analyzer::proto(bool named, uint32_t name, const Params& ps, Word f, size_t body_from, bool macro) {
  auto p = make_rc<Proto>();
  p->info = make_rc<ProtoInfo>();
  p->named = named;
  p->name = name;
  if (named) p->trace_name = id_name(name);
  p->scope = child_scope(p->info);
  for (uint32_t id : ps.fixed) p->param_slots.push_back(static_cast<uint32_t>(p->scope->add(id)));
  if (ps.has_rest) p->rest_slot = p->scope->add(ps.rest);
  if (named && !macro) p->self_slot = p->scope->add(name);
  prescan_body(f, body_from, p->scope.get());
  // The closure captures the current frame.
  mark_capture();
  Rc<CScope> saved_scope = scope;
  Rc<ProtoInfo> saved_owner = owner;
  scope = p->scope;
  owner = p->info;
  p->body = body(f, body_from);
  scope = saved_scope;
  owner = saved_owner;
  if (p->info->pure) mark_last_uses(*p);
  return p;
}

NodeP Analyzer::f_lambda(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 2) return err(arity_error("lambda", "2+", n), f);
  Error e;
  auto ps = params(list_at(f, 1), "lambda", true, &e);
  if (!ps) return err(std::move(e), f);
  auto* x = stamp(new ProcNode(K::Lambda, proto(false, 0, *ps, f, 2, false)), f);
  return NodeP(x);
}

NodeP Analyzer::f_define(Word f) {
  size_t n = list_len(f) - 1;
  if (n == 0) return err(arity_error("define", "2+", 0), f);
  Word target = list_at(f, 1);
  if (sema_is_symbol(target)) {
    if (n != 2) return err(arity_error("define", "2", n), f);
    return define_node(sema_id_of(target), form(list_at(f, 2)), f);
  }
  if (!is_list(target)) return err(type_error("symbol or list", target), f);
  if (list_len(target) == 0) return err(eval_error("define: empty function signature"), f);
  Word name = list_at(target, 0);
  if (!sema_is_symbol(name)) return err(eval_error("define: function name must be a symbol"), f);
  Error e;
  Value rest_params = list_rest(target);
  auto ps = params(rest_params.get(), "define", false, &e);
  if (!ps) return err(std::move(e), f);
  if (n < 2) return err(eval_error("define: function body cannot be empty"), f);
  uint32_t id = sema_id_of(name);
  // The name's slot must exist before the body is analysed (recursion).
  NodeP def = define_node(id, nullptr, f);
  auto* x = stamp(new ProcNode(K::Lambda, proto(true, id, *ps, f, 2, false)), f);
  static_cast<BindNode*>(def.get())->value = NodeP(x);
  return def;
}

NodeP Analyzer::f_defun(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 3) return err(arity_error("defun", "3+", n), f);
  Word name = list_at(f, 1);
  if (!sema_is_symbol(name)) return err(type_error("symbol", name), f);
  Error e;
  auto ps = params(list_at(f, 2), "define", false, &e);
  if (!ps) return err(std::move(e), f);
  uint32_t id = sema_id_of(name);
  NodeP def = define_node(id, nullptr, f);
  auto* x = stamp(new ProcNode(K::Lambda, proto(true, id, *ps, f, 3, false)), f);
  static_cast<BindNode*>(def.get())->value = NodeP(x);
  return def;
}

NodeP Analyzer::f_defmacro(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 3) return err(arity_error("defmacro", "3+", n), f);
  Word name = list_at(f, 1);
  if (!sema_is_symbol(name)) return err(eval_error("defmacro: name must be a symbol"), f);
  if (!is_list(list_at(f, 2))) return err(eval_error("defmacro: params must be a list"), f);
  Error e;
  auto ps = params(list_at(f, 2), "defmacro", false, &e);
  if (!ps) return err(std::move(e), f);
  uint32_t id = sema_id_of(name);
  if (!scope->global) scope->macros.push_back(id);
  NodeP def = define_node(id, nullptr, f);
  auto* x = stamp(new ProcNode(K::Macro, proto(true, id, *ps, f, 3, true)), f);
  static_cast<BindNode*>(def.get())->value = NodeP(x);
  return def;
}

NodeP Analyzer::f_set(Word f) {
  size_t n = list_len(f) - 1;
  if (n != 2) return err(arity_error("set!", "2", n), f);
  Word name = list_at(f, 1);
  if (!sema_is_symbol(name)) return err(eval_error("set!: first argument must be a symbol"), f);
  return set_node(sema_id_of(name), form(list_at(f, 2)), f);
}

// ------------------------------------------------------------- let family

namespace {
// Validates let-style bindings; returns the error message or "".
std::string check_bindings(Word b, std::string_view prefix) {
  std::string p(prefix);
  if (!is_list(b)) return p + ": bindings must be a list";
  for (size_t i = 0; i < list_len(b); ++i) {
    Word x = list_at(b, i);
    if (!is_list(x)) return p + ": each binding must be a list";
    if (list_len(x) != 2) return p + ": each binding must have 2 elements";
    if (!sema_is_symbol(list_at(x, 0))) return p + ": binding name must be a symbol";
  }
  return {};
}
}  // namespace

NodeP Analyzer::f_let(Word f) {
  size_t n = list_len(f) - 1;
  if (n >= 1 && sema_is_symbol(list_at(f, 1))) return f_named_let(f);
  if (n < 2) return err(arity_error("let", "2+", n), f);
  Word b = list_at(f, 1);
  if (std::string m = check_bindings(b, "let"); !m.empty()) return err(eval_error(m), f);
  auto* x = stamp(new LetNode(K::Let), f);
  NodeP hold(x);
  x->scope = child_scope(owner);
  for (size_t i = 0; i < list_len(b); ++i) {
    Word bx = list_at(b, i);
    NodeP init = form(list_at(bx, 1));  // in the outer scope
    x->binds.emplace_back(static_cast<uint32_t>(x->scope->add(sema_id_of(list_at(bx, 0)))), std::move(init));
  }
  prescan_body(f, 2, x->scope.get());
  Rc<CScope> saved = scope;
  scope = x->scope;
  x->body = body(f, 2);
  scope = saved;
  return hold;
}

NodeP Analyzer::f_let_star(Word f, bool rec) {
  const char* name = rec ? "letrec" : "let*";
  size_t n = list_len(f) - 1;
  if (n < 2) return err(arity_error(name, "2+", n), f);
  Word b = list_at(f, 1);
  if (std::string m = check_bindings(b, name); !m.empty()) return err(eval_error(m), f);
  auto* x = stamp(new LetNode(rec ? K::Letrec : K::LetStar), f);
  NodeP hold(x);
  x->scope = child_scope(owner);
  Rc<CScope> saved = scope;
  scope = x->scope;
  if (rec)
    for (size_t i = 0; i < list_len(b); ++i) x->scope->add(sema_id_of(list_at(list_at(b, i), 0)));
  for (size_t i = 0; i < list_len(b); ++i) {
    Word bx = list_at(b, i);
    // let*: each init sees the bindings before it (in the same new scope).
    NodeP init = form(list_at(bx, 1));
    x->binds.emplace_back(static_cast<uint32_t>(x->scope->add(sema_id_of(list_at(bx, 0)))), std::move(init));
  }
  prescan_body(f, 2, x->scope.get());
  x->body = body(f, 2);
  scope = saved;
  return hold;
}

NodeP Analyzer::f_named_let(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 3) return err(arity_error("named let", "3+", n), f);
  Word b = list_at(f, 2);
  if (std::string m = check_bindings(b, "named let"); !m.empty()) return err(eval_error(m), f);
  auto* x = stamp(new NamedLetNode(), f);
  NodeP hold(x);
  Params ps;
  for (size_t i = 0; i < list_len(b); ++i) {
    Word bx = list_at(b, i);
    ps.fixed.push_back(sema_id_of(list_at(bx, 0)));
    x->inits.push_back(form(list_at(bx, 1)));  // in the outer scope
  }
  x->proto = proto(true, sema_id_of(list_at(f, 1)), ps, f, 3, false);
  return hold;
}

NodeP Analyzer::f_do(Word f) {
  size_t n = list_len(f) - 1;
  if (n < 2) return err(arity_error("do", "2+", n), f);
  Word b = list_at(f, 1), t = list_at(f, 2);
  if (!is_list(b)) return err(eval_error("do: bindings must be a list"), f);
  if (!is_list(t)) return err(eval_error("do: test clause must be a list"), f);
  if (list_len(t) == 0) return err(eval_error("do: test clause must not be empty"), f);
  for (size_t i = 0; i < list_len(b); ++i) {
    Word v = list_at(b, i);
    if (!is_list(v)) return err(eval_error("do: each binding must be a list"), f);
    if (list_len(v) != 2 && list_len(v) != 3)
      return err(eval_error("do: binding must be (var init) or (var init step)"), f);
    if (!sema_is_symbol(list_at(v, 0))) return err(eval_error("do: variable name must be a symbol"), f);
  }
  auto* x = stamp(new DoNode(), f);
  NodeP hold(x);
  x->scope = child_scope(owner);
  for (size_t i = 0; i < list_len(b); ++i) {
    Word v = list_at(b, i);
    DoNode::Var var;
    var.init = form(list_at(v, 1));  // in the outer scope
    var.slot = static_cast<uint32_t>(x->scope->add(sema_id_of(list_at(v, 0))));
    x->vars.push_back(std::move(var));
  }
  prescan_body(t, 1, x->scope.get());
  prescan_body(f, 3, x->scope.get());
  Rc<CScope> saved = scope;
  scope = x->scope;
  for (size_t i = 0; i < list_len(b); ++i) {
    Word v = list_at(b, i);
    if (list_len(v) == 3) x->vars[i].step = form(list_at(v, 2));
  }
  x->test = form(list_at(t, 0));
  if (list_len(t) > 1) x->result = body(t, 1);
  if (n > 2) x->body = body(f, 3);
  scope = saved;
  return hold;
}

// ---------------------------------------------------- define-record-type

NodeP Analyzer::f_record(Word f) {
  size_t n = list_len(f) - 1;
  auto fail = [&](const std::string& m) { return err(eval_error("define-record-type: " + m), f); };
  if (n < 3) return fail("requires at least type name, constructor, and predicate");
  Word type = list_at(f, 1), ctor = list_at(f, 2), pred = list_at(f, 3);
  if (!sema_is_symbol(type)) return fail("type name must be a symbol");
  if (!is_list(ctor)) return fail("constructor spec must be a list");
  if (list_len(ctor) == 0) return fail("constructor spec must have a name");
  if (!sema_is_symbol(list_at(ctor, 0))) return fail("constructor name must be a symbol");
  std::vector<uint32_t> fields;
  for (size_t i = 1; i < list_len(ctor); ++i) {
    if (!sema_is_symbol(list_at(ctor, i))) return fail("field name must be a symbol");
    fields.push_back(sema_id_of(list_at(ctor, i)));
  }
  if (!sema_is_symbol(pred)) return fail("predicate must be a symbol");
  struct Accessor {
    uint32_t name;
    size_t index;
  };
  std::vector<Accessor> accessors;
  for (size_t i = 4; i <= n; ++i) {
    Word spec = list_at(f, i);
    if (!is_list(spec)) return fail("field spec must be a list");
    if (list_len(spec) < 2) return fail("field spec must have at least (field-name accessor)");
    Word field = list_at(spec, 0);
    if (!sema_is_symbol(field)) return fail("field name must be a symbol");
    auto it = std::find(fields.begin(), fields.end(), sema_id_of(field));
    if (it == fields.end()) return fail("field '" + std::string(id_name(sema_id_of(field))) + "' not in constructor");
    if (!sema_is_symbol(list_at(spec, 1))) return fail("accessor must be a symbol");
    // A modifier (third element) is ignored: records are immutable (§4.7).
    accessors.push_back({sema_id_of(list_at(spec, 1)), static_cast<size_t>(it - fields.begin())});
  }

  uint32_t tag = sema_id_of(type);
  std::string tag_name(id_name(tag));
  auto* seq = stamp(new SeqNode(K::Seq), f);
  NodeP hold(seq);
  auto def = [&](uint32_t id, NativeObj* nat) {
    nat->arity_label = nat->name;
    seq->items.push_back(define_node(id, constant(Value::own(from_obj(nat))), f));
  };

  auto* c = new NativeObj();
  c->name = id_name(sema_id_of(list_at(ctor, 0)));
  c->min_args = c->max_args = static_cast<int>(fields.size());
  c->internal = [tag](Interp&, const Word* a, size_t k) -> Result<Value> {
    std::vector<Word> vals(a, a + k);
    for (Word w : vals) retain(w);
    return make_record(tag, std::move(vals));
  };
  def(sema_id_of(list_at(ctor, 0)), c);

  auto* p = new NativeObj();
  p->name = id_name(sema_id_of(pred));
  p->min_args = p->max_args = 1;
  p->internal = [tag](Interp&, const Word* a, size_t) -> Result<Value> {
    bool yes = is_type(a[0], SEMA_T_RECORD) && static_cast<RecordObj*>(as_obj(a[0]))->tag == tag;
    return Value::own(sema_from_bool(yes));
  };
  def(sema_id_of(pred), p);

  for (const Accessor& acc : accessors) {
    auto* g = new NativeObj();
    g->name = id_name(acc.name);
    g->min_args = g->max_args = 1;
    size_t index = acc.index;
    g->internal = [tag, index, tag_name](Interp&, const Word* a, size_t) -> Result<Value> {
      // Two record types may share a tag name with different fields (a
      // redefinition): such a record is not one of this type's.
      auto* r = is_type(a[0], SEMA_T_RECORD) ? static_cast<RecordObj*>(as_obj(a[0])) : nullptr;
      if (r == nullptr || r->tag != tag || index >= r->fields.size()) return type_error(tag_name, a[0]);
      return Value::borrow(r->fields[index]);
    };
    def(acc.name, g);
  }
  seq->items.push_back(constant(Value()));
  return hold;
}

}  // namespace sema::rt
