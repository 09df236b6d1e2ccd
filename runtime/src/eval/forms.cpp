// Special forms evaluated outside the main loop's hot cases. Each returns a
// Step: a result, or the node to continue with in tail position.
#include "eval/state.hpp"
#include "value/interner.hpp"

#include <algorithm>
#include <utility>

namespace sema::rt {

namespace {

using St = Interp::State;

#define SEMA_TRY(var, expr)                                  \
  auto var = (expr);                                         \
  if (!var) return std::unexpected(std::move(var.error()));

Step value(Value v) {
  Step s;
  s.value = std::move(v);
  return s;
}
Step tail(Node* n) {
  Step s;
  s.next = n;
  return s;
}

Result<Step> let_form(St& st, LetNode* x, Env* env) {
  Rc<Env> f;
  if (x->kind == K::Let) {
    ArgBuf vals(x->binds.size());
    for (auto& b : x->binds) {
      SEMA_TRY(v, st.eval_arg(b.second.get(), env));
      vals.push(v->take());
    }
    f = Env::make(x->scope, Rc<Env>::share(env));
    for (size_t i = 0; i < x->binds.size(); ++i) f->put(x->binds[i].first, vals.take(i));
  } else {
    f = Env::make(x->scope, Rc<Env>::share(env));
    if (x->kind == K::Letrec)
      for (auto& b : x->binds) f->put(b.first, SEMA_NIL);
    for (auto& b : x->binds) {
      SEMA_TRY(v, st.eval_arg(b.second.get(), f.get()));
      f->put(b.first, v->take());
    }
  }
  Step s = tail(x->body.get());
  s.env = std::move(f);
  return s;
}

Result<Step> named_let(St& st, NamedLetNode* x, Env* env) {
  ArgBuf args(x->inits.size());
  for (auto& i : x->inits) {
    SEMA_TRY(v, st.eval_arg(i.get(), env));
    args.push(v->take());
  }
  Value lam = Value::own(from_obj(new LambdaObj(x->proto, Rc<Env>::share(env))));
  SEMA_TRY(f, st.bind(x->proto.get(), lam.get(), as_lambda(lam.get())->env, args));
  Step s = tail(x->proto->body.get());
  s.env = std::move(*f);
  s.keep = std::move(lam);
  return s;
}

Result<Step> do_form(St& st, DoNode* x, Env* env) {
  Rc<Env> f;
  {
    ArgBuf vals(x->vars.size());
    for (auto& v : x->vars) {
      SEMA_TRY(r, st.eval_arg(v.init.get(), env));
      vals.push(r->take());
    }
    f = Env::make(x->scope, Rc<Env>::share(env));
    for (size_t i = 0; i < x->vars.size(); ++i) f->put(x->vars[i].slot, vals.take(i));
  }
  for (;;) {
    SEMA_TRY(t, st.eval_arg(x->test.get(), f.get()));
    if (sema_truthy(t->get())) break;
    if (x->body) {
      SEMA_TRY(b, st.eval_arg(x->body.get(), f.get()));
    }
    // All steps first, then the assignments (parallel update).
    ArgBuf next(x->vars.size());
    for (auto& v : x->vars) {
      if (!v.step) {
        next.push(SEMA_NIL);
        continue;
      }
      SEMA_TRY(r, st.eval_arg(v.step.get(), f.get()));
      next.push(r->take());
    }
    for (size_t i = 0; i < x->vars.size(); ++i)
      if (x->vars[i].step) f->put(x->vars[i].slot, next.take(i));
    if (st.interrupt_flag.load(std::memory_order_relaxed)) return eval_error("interrupted");
  }
  if (!x->result) return value(Value());
  Step s = tail(x->result.get());
  s.env = std::move(f);
  return s;
}

Result<Value> build(St& st, BuildNode* b, Env* env) {
  std::vector<Word> out;
  out.reserve(b->parts.size());
  auto drop = [&] {
    for (Word w : out) release(w);
  };
  for (auto& p : b->parts) {
    Result<Value> r = st.eval_arg(p.node.get(), env);
    if (!r) {
      drop();
      return r;
    }
    if (!p.splice) {
      out.push_back(r->take());
      continue;
    }
    if (!is_type(r->get(), SEMA_T_LIST)) {
      drop();
      return type_error("list", r->get());
    }
    for (size_t i = 0; i < list_len(r->get()); ++i) {
      Word w = list_at(r->get(), i);
      retain(w);
      out.push_back(w);
    }
  }
  return b->vector ? make_vector(std::move(out)) : make_list(std::move(out));
}

Result<Value> map_literal(St& st, MapNode* m, Env* env) {
  Value out = make_map();
  for (auto& [k, v] : m->entries) {
    SEMA_TRY(kv, st.eval_arg(k.get(), env));
    SEMA_TRY(vv, st.eval_arg(v.get(), env));
    out = map_assoc(std::move(out), kv->get(), vv->get());
  }
  return out;
}

void classify_keys(MapNode* m) {
  m->keys = MapNode::Keys::Other;
  for (auto& e : m->entries)
    if (e.first->kind != K::Const) return;
  auto key = [&](uint32_t i) { return static_cast<ConstNode*>(m->entries[i].first.get())->value.get(); };
  std::vector<uint32_t> order(m->entries.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return compare(key(a), key(b)) < 0; });
  for (size_t i = 1; i < order.size(); ++i)
    if (compare(key(order[i - 1]), key(order[i])) == 0) return;  // duplicates: the generic path
  m->keys_immediate = true;
  for (uint32_t i : order) {
    m->sorted_keys.push_back(key(i));
    m->keys_immediate = m->keys_immediate && !is_ptr(key(i));
  }
  m->sorted = std::move(order);
  m->keys = MapNode::Keys::Constant;
}

Result<Step> cond_form(St& st, CondNode* c, Env* env) {
  for (auto& cl : c->clauses) {
    if (cl.error) return std::unexpected(static_cast<ErrorNode*>(cl.error.get())->error);
    if (cl.test) {
      SEMA_TRY(t, st.eval_arg(cl.test.get(), env));
      if (!sema_truthy(t->get())) continue;
    }
    if (!cl.body) return value(Value::own(SEMA_TRUE));
    return tail(cl.body.get());
  }
  return value(Value());
}

Result<Step> case_form(St& st, CaseNode* c, Env* env) {
  SEMA_TRY(k, st.eval_arg(c->key.get(), env));
  for (auto& cl : c->clauses) {
    if (cl.error) return std::unexpected(static_cast<ErrorNode*>(cl.error.get())->error);
    bool hit = cl.is_else;
    for (size_t i = 0; !hit && i < cl.datums.size(); ++i) hit = equal(cl.datums[i].get(), k->get());
    if (!hit) continue;
    if (!cl.body) return value(Value());
    return tail(cl.body.get());
  }
  return value(Value());
}

Result<Step> try_form(St& st, TryNode* t, Env* env) {
  Result<Value> r = t->body ? st.eval(t->body.get(), env) : Result<Value>(Value());
  if (r) return value(std::move(*r));
  Error& e = r.error();
  // (exit) unwinds through try; so does an interrupt (Ctrl-C, --timeout).
  if (e.flow == Error::Flow::Exit || st.interrupt_flag.load(std::memory_order_relaxed))
    return std::unexpected(std::move(e));
  Rc<Env> f = Env::make(t->scope, Rc<Env>::share(env));
  f->put(t->var_slot, e.to_map().take());
  Step s = tail(t->handler.get());
  s.env = std::move(f);
  return s;
}

Result<Value> force(St& st, Word p) {
  if (!is_type(p, SEMA_T_PROMISE)) return Value::borrow(p);
  PromiseObj* pr = as_promise(p);
  if (pr->forced) return pr->value;
  Value keep = Value::borrow(p);
  Rc<Code> code = pr->code;
  Rc<Env> f = Env::make(code->scope, pr->env);
  Result<Value> r = st.eval(code->node.get(), f.get());
  if (!r) return r;
  if (!pr->forced) {  // forcing may have forced it re-entrantly; the first result wins
    pr->forced = true;
    pr->value = *r;
  }
  return pr->value;
}

Result<Step> eval_form(St& st, ScopedNode* x, Env* env) {
  SEMA_TRY(v, st.eval_arg(x->arg.get(), env));
  Step s;
  s.owned = st.analyse(v->get(), x->scope, nullptr, x->file, true);
  s.next = s.owned.get();
  return s;
}

Result<Value> macroexpand(St& st, ScopedNode* x, Env* env) {
  SEMA_TRY(v, st.eval_arg(x->arg.get(), env));
  Word f = v->get();
  if (!is_type(f, SEMA_T_LIST) || list_len(f) == 0 || !sema_is_symbol(list_at(f, 0))) return std::move(*v);
  Word m = st.find_name(env, sema_id_of(list_at(f, 0)));
  if (!is_type(m, SEMA_T_MACRO)) return std::move(*v);
  Value keep = Value::borrow(m);
  return st.expand_macro(as_macro(m), f);
}

}  // namespace

// A map literal. Distinct constant keys (the common {:min a :max b}): the
// values are evaluated in source order and the entries laid out in the key
// order found once, with no compare per entry.
[[SEMA_HOT_TEXT]] bool map_keys_constant(MapNode* m) {
  if (m->keys == MapNode::Keys::Unknown) classify_keys(m);
  return m->keys == MapNode::Keys::Constant;
}

namespace {
// The literal's entries in key order, {key, value}, read straight into the
// map's storage: no intermediate vector, no zeroed entries to overwrite, no
// capacity check per entry.
struct LayoutIt {
  using iterator_category = std::random_access_iterator_tag;
  using value_type = MapEntry;
  using difference_type = ptrdiff_t;
  using pointer = const MapEntry*;
  using reference = MapEntry;
  const Word* keys;
  const uint32_t* order;
  const Word* vals;
  ptrdiff_t j;
  MapEntry operator*() const { return {keys[j], vals[order[j]]}; }
  LayoutIt& operator++() {
    ++j;
    return *this;
  }
  LayoutIt operator++(int) {
    LayoutIt old = *this;
    ++j;
    return old;
  }
  LayoutIt& operator+=(ptrdiff_t d) {
    j += d;
    return *this;
  }
  LayoutIt operator+(ptrdiff_t d) const { return {keys, order, vals, j + d}; }
  ptrdiff_t operator-(const LayoutIt& o) const { return j - o.j; }
  bool operator==(const LayoutIt& o) const { return j == o.j; }
};
}  // namespace

[[SEMA_HOT_TEXT]] Word map_from_values(MapNode* m, const Word* vals) {
  auto n = static_cast<ptrdiff_t>(m->sorted.size());
  const Word* keys = m->sorted_keys.data();
  auto* o = new MapObj();
  try {
    o->entries.assign(LayoutIt{keys, m->sorted.data(), vals, 0}, LayoutIt{keys, m->sorted.data(), vals, n});
  } catch (...) {  // out of memory (a literal beyond the inline entries)
    delete o;
    for (ptrdiff_t i = 0; i < n; ++i) release(vals[i]);
    throw;
  }
  if (!m->keys_immediate)
    for (ptrdiff_t j = 0; j < n; ++j) retain(keys[j]);
  return from_obj(o);
}

bool map_update_values(MapNode* m, Word target, const Word* vals) {
  if (!unique(target) || as_obj(target)->type != SEMA_T_MAP) return false;
  MapEntries& e = static_cast<MapObj*>(as_obj(target))->entries;
  size_t n = m->sorted_keys.size();
  if (e.size() != n) return false;
  // Locals, not reloaded after each release (which may free objects).
  MapEntry* p = e.data();
  const Word* keys = m->sorted_keys.data();
  const uint32_t* order = m->sorted.data();
  for (size_t j = 0; j < n; ++j)
    if (p[j].first != keys[j]) return false;  // the literal's own key words: no compare needed
  for (size_t j = 0; j < n; ++j) release(std::exchange(p[j].second, vals[order[j]]));
  return true;
}

[[SEMA_HOT_TEXT]] bool St::map_literal(MapNode* m, Env* env, Word& out) {
  if (!map_keys_constant(m)) {
    Result<Value> r = rt::map_literal(*this, m, env);
    if (!r) return fail_from(r);
    out = r->take();
    return true;
  }
  size_t n = m->entries.size();
  boost::container::small_vector<Word, 8> vals;
  for (size_t i = 0; i < n; ++i) {
    Word w;
    if (!arg(m->entries[i].second.get(), env, w)) {
      for (Word v : vals) release(v);
      return false;
    }
    vals.push_back(w);
  }
  out = map_from_values(m, vals.data());
  return true;
}

Result<Step> step_form(St& st, Node* n, Env* env) {
  switch (n->kind) {
    case K::Macro: {
      auto* p = static_cast<ProcNode*>(n);
      return value(Value::own(from_obj(new MacroObj(p->proto, Rc<Env>::share(env)))));
    }
    case K::Let:
    case K::LetStar:
    case K::Letrec: return let_form(st, static_cast<LetNode*>(n), env);
    case K::NamedLet: return named_let(st, static_cast<NamedLetNode*>(n), env);
    case K::Do: return do_form(st, static_cast<DoNode*>(n), env);
    case K::Vector:
    case K::Quasi: {
      SEMA_TRY(v, build(st, static_cast<BuildNode*>(n), env));
      return value(std::move(*v));
    }
    case K::Map: {
      Word w;
      if (!st.map_literal(static_cast<MapNode*>(n), env, w)) return std::unexpected(std::move(st.err));
      return value(Value::own(w));
    }
    case K::Cond: return cond_form(st, static_cast<CondNode*>(n), env);
    case K::Case: return case_form(st, static_cast<CaseNode*>(n), env);
    case K::Try: return try_form(st, static_cast<TryNode*>(n), env);
    case K::Throw: {
      SEMA_TRY(v, st.eval_arg(static_cast<UnaryNode*>(n)->arg.get(), env));
      Error e;
      e.kind = SEMA_ERR_USER;
      e.message = to_text(v->get(), false);
      e.payload = std::move(*v);
      return std::unexpected(std::move(e));
    }
    case K::Delay: {
      auto* d = static_cast<DelayNode*>(n);
      return value(Value::own(from_obj(new PromiseObj(d->code, Rc<Env>::share(env)))));
    }
    case K::Force: {
      SEMA_TRY(p, st.eval_arg(static_cast<UnaryNode*>(n)->arg.get(), env));
      SEMA_TRY(v, force(st, p->get()));
      return value(std::move(*v));
    }
    case K::Eval: return eval_form(st, static_cast<ScopedNode*>(n), env);
    case K::Macroexpand: {
      SEMA_TRY(v, macroexpand(st, static_cast<ScopedNode*>(n), env));
      return value(std::move(*v));
    }
    case K::Module: {
      auto* m = static_cast<ModuleNode*>(n);
      if (st.module_ctx) {
        st.module_ctx->declared = true;
        st.module_ctx->exports = m->exports;
      }
      if (!m->body) return value(Value());
      return tail(m->body.get());
    }
    case K::Load: {
      auto* x = static_cast<ScopedNode*>(n);
      SEMA_TRY(p, st.eval_arg(x->arg.get(), env));
      SEMA_TRY(v, st.load_file(p->get(), x->scope, env, x->file));
      return value(std::move(*v));
    }
    case K::Import: {
      auto* x = static_cast<ScopedNode*>(n);
      SEMA_TRY(p, st.eval_arg(x->arg.get(), env));
      SEMA_TRY(v, st.import_file(p->get(), x->names, x->scope, env, x->file));
      return value(std::move(*v));
    }
    default: return eval_error("internal: unknown node kind");
  }
}

}  // namespace sema::rt
