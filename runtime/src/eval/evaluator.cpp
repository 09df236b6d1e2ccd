// The evaluator's main loop: a trampoline over nodes. Tail positions
// (language.md §4.6) continue the loop instead of recursing; every nested
// evaluation goes through eval(), which owns the call-trace bookkeeping.
#include "eval/state.hpp"
#include "value/hashmap.hpp"
#include "value/interner.hpp"

namespace sema::rt {

std::unexpected<Error> Interp::State::depth_error() {
  return eval_error("maximum eval depth exceeded (" + std::to_string(options.max_depth) + ")");
}

std::unexpected<Error> Interp::State::unbound(uint32_t id) {
  std::string name(id_name(id));
  if (unbound_hint) name += unbound_hint(name);
  return make_error(SEMA_ERR_UNBOUND, std::move(name));
}

std::unexpected<Error> Interp::State::not_callable(Word f) {
  return eval_error("not callable: " + to_text(f, false) + " (" + type_name(f) + ")");
}

void Interp::State::capture(Error& e) {
  if (e.trace_captured || e.flow == Error::Flow::Exit) return;
  e.trace_captured = true;
  e.trace.clear();
  for (size_t i = trace.size(); i-- > 0;) {
    const TraceEntry& t = trace[i];
    e.trace.push_back(rt::Frame{std::string(t.name), t.file ? *t.file : std::string(), t.span});
  }
}

void Interp::State::enter_lambda_trace(size_t base, const Proto* p, const Node* site) {
  // A tail step: the frames of this evaluation collapse to the newest one.
  if (trace.size() > base) trace.erase(trace.begin() + static_cast<ptrdiff_t>(base), trace.end());
  trace.push_back(TraceEntry{p->trace_name, site ? site->file : nullptr, site ? site->span : Span{}});
}

Result<Value> Interp::State::eval(Node* n, Env* env) {
  if (stack_low()) return depth_error();
  size_t base = trace.size();
  int counted = 0;
  Result<Value> r = run(n, env, base, counted);
  if (!r) capture(r.error());
  if (trace.size() > base) trace.erase(trace.begin() + static_cast<ptrdiff_t>(base), trace.end());
  depth -= counted;
  return r;
}

// ------------------------------------------------------------- variables

Word Interp::State::find_name(Env* env, uint32_t id) {
  for (Env* f = env; f != nullptr; f = f->parent.get()) {
    int s = f->scope->find(id);
    if (s >= 0) {
      Word w = f->get(static_cast<uint32_t>(s));
      if (w != kUnset) return w;
    }
  }
  auto it = cells.find(id);
  if (it != cells.end()) return it->second->value;
  return kUnset;
}

Result<Value> Interp::State::lookup_name(Env* env, uint32_t id) {
  Word w = find_name(env, id);
  if (w == kUnset) return unbound(id);
  return Value::borrow(w);
}

Result<Value> Interp::State::read_local(LocalNode* ln, Env* env) {
  Env* f = env;
  for (uint32_t d = ln->depth; d > 0; --d) f = f->parent.get();
  Word w = f->get(ln->slot);
  if (w != kUnset && !any_dynamic) [[likely]] {
    if (ln->last_use) {
      f->slots[ln->slot] = SEMA_NIL;
      return Value::own(w);
    }
    return Value::borrow(w);
  }
  return lookup_name(env, ln->id);
}

Result<Value> Interp::State::read_global(Cell* c, Env* env) {
  if (!any_dynamic) [[likely]] {
    if (c->value != kUnset) return Value::borrow(c->value);
    return unbound(c->id);
  }
  return lookup_name(env, c->id);
}

Result<void> Interp::State::assign(BindNode* b, Env* env, Value v) {
  if (!any_dynamic) {
    if (b->kind == K::SetLocal) {
      Env* f = env;
      for (uint32_t d = b->depth; d > 0; --d) f = f->parent.get();
      if (f->get(b->slot) != kUnset) {
        f->put(b->slot, v.take());
        return {};
      }
    } else if (b->cell->value != kUnset) {
      set_global(b->cell, std::move(v));
      return {};
    }
  }
  // The nearest existing binding, by name.
  for (Env* f = env; f != nullptr; f = f->parent.get()) {
    int s = f->scope->find(b->id);
    if (s >= 0 && f->get(static_cast<uint32_t>(s)) != kUnset) {
      f->put(static_cast<uint32_t>(s), v.take());
      return {};
    }
  }
  Cell* c = b->cell ? b->cell : cell(b->id);
  if (c->value == kUnset) return unbound(b->id);
  set_global(c, std::move(v));
  return {};
}

// ------------------------------------------------------------------ calls

Result<Value> Interp::State::keyword_call(Word kw, Word m) {
  bool found = false;
  Word v;
  if (is_type(m, SEMA_T_MAP))
    v = map_get(m, kw, &found);
  else if (is_type(m, SEMA_T_HASHMAP))
    v = hashmap_get(m, kw, &found);
  else
    return type_error("map", m);
  return found ? Value::borrow(v) : Value();
}

Result<Rc<Env>> Interp::State::bind(const Proto* p, Word self_value, const Rc<Env>& env, ArgBuf& args) {
  size_t n = args.size(), fixed = p->nfixed();
  if (p->has_rest() ? n < fixed : n != fixed)
    return arity_error(p->display_name(), std::to_string(fixed) + (p->has_rest() ? "+" : ""), n);
  Rc<Env> f = Env::make(p->scope, env);
  Word* a = args.data();
  for (size_t i = 0; i < fixed; ++i) f->put(p->param_slots[i], a[i]);
  if (p->has_rest()) {
    std::vector<Word> rest(a + fixed, a + n);
    f->put(static_cast<uint32_t>(p->rest_slot), make_list(std::move(rest)).take());
  }
  args.disown();
  if (p->self_slot >= 0) {
    retain(self_value);
    f->put(static_cast<uint32_t>(p->self_slot), self_value);
  }
  return f;
}

Result<Value> Interp::State::apply(Word fn, ArgBuf& args) {
  if (!sema_is_ptr(fn)) return not_callable(fn);
  Obj* o = as_obj(fn);
  if (o->type == SEMA_T_NATIVE) return call_native(static_cast<NativeObj*>(o), args, nullptr);
  if (o->type != SEMA_T_LAMBDA) return not_callable(fn);
  if (stack_low() || depth > options.max_depth) return depth_error();
  LambdaObj* lam = as_lambda(fn);
  Value keep = Value::borrow(fn);  // the body must outlive a redefinition during the call
  Result<Rc<Env>> f = bind(lam->proto.get(), fn, lam->env, args);
  if (!f) return std::unexpected(std::move(f.error()));
  ++depth;
  Result<Value> r = eval(lam->proto->body.get(), f->get());
  --depth;
  return r;
}

Result<Value> Interp::State::expand_macro(MacroObj* m, Word form) {
  if (stack_low() || depth > options.max_depth) return depth_error();
  size_t n = list_len(form);
  ArgBuf args(n > 0 ? n - 1 : 0);
  for (size_t i = 1; i < n; ++i) {
    Word a = list_at(form, i);
    retain(a);
    args.push(a);
  }
  Value keep = Value::borrow(from_obj(m));
  Result<Rc<Env>> f = bind(m->proto.get(), from_obj(m), m->env, args);
  if (!f) return std::unexpected(std::move(f.error()));
  ++depth;
  Result<Value> r = eval(m->proto->body.get(), f->get());
  --depth;
  return r;
}

// Evaluates the arguments of a call into buf (owned words).
#define SEMA_EVAL_ARGS(buf, call, env)                              \
  for (auto& a_ : (call)->args) {                                  \
    Result<Value> r_ = eval_arg(a_.get(), env);                    \
    if (!r_) return std::unexpected(std::move(r_.error()));        \
    (buf).push(r_->take());                                        \
  }

#define SEMA_TRY(var, expr)                                  \
  auto var = (expr);                                         \
  if (!var) return std::unexpected(std::move(var.error()));


Result<Value> Interp::State::run(Node* n, Env* env, size_t base, int& counted) {
  Rc<Env> env_hold;  // owns env once a tail step replaced it
  Value keep;          // the procedure whose body is running
  NodeP owned;         // code analysed at run time that is running
  for (;;) {
    switch (n->kind) {
      case K::Const: return static_cast<ConstNode*>(n)->value;
      case K::Local: return read_local(static_cast<LocalNode*>(n), env);
      case K::Global: return read_global(static_cast<GlobalNode*>(n)->cell, env);

      case K::If: {
        auto* x = static_cast<IfNode*>(n);
        SEMA_TRY(t, eval_arg(x->test.get(), env));
        if (sema_truthy(t->get())) {
          n = x->then.get();
        } else {
          if (!x->els) return Value();
          n = x->els.get();
        }
        continue;
      }

      case K::Seq: {
        auto& items = static_cast<SeqNode*>(n)->items;
        if (items.empty()) return Value();
        for (size_t i = 0; i + 1 < items.size(); ++i) {
          SEMA_TRY(r, eval_arg(items[i].get(), env));
        }
        n = items.back().get();
        continue;
      }

      case K::And:
      case K::Or: {
        auto& items = static_cast<SeqNode*>(n)->items;
        bool is_and = n->kind == K::And;
        if (items.empty()) return Value::own(is_and ? SEMA_TRUE : SEMA_FALSE);
        for (size_t i = 0; i + 1 < items.size(); ++i) {
          SEMA_TRY(r, eval_arg(items[i].get(), env));
          if (sema_truthy(r->get()) != is_and) return std::move(*r);
        }
        n = items.back().get();
        continue;
      }

      case K::DefLocal: {
        auto* b = static_cast<BindNode*>(n);
        SEMA_TRY(v, eval_arg(b->value.get(), env));
        env->put(b->slot, v->take());
        return Value();
      }
      case K::DefGlobal: {
        auto* b = static_cast<BindNode*>(n);
        SEMA_TRY(v, eval_arg(b->value.get(), env));
        set_global(b->cell, std::move(*v));
        return Value();
      }
      case K::SetLocal:
      case K::SetGlobal: {
        auto* b = static_cast<BindNode*>(n);
        SEMA_TRY(v, eval_arg(b->value.get(), env));
        SEMA_TRY(ok, assign(b, env, std::move(*v)));
        return Value();
      }

      case K::Lambda: {
        auto* p = static_cast<ProcNode*>(n);
        return Value::own(from_obj(new LambdaObj(p->proto, Rc<Env>::share(env))));
      }

      case K::Call: {
        auto* c = static_cast<CallNode*>(n);
        SEMA_TRY(hv, eval_arg(c->head.get(), env));
        Value fv = std::move(*hv);
        Word f = fv.get();
        if (sema_is_ptr(f)) {
          Obj* o = as_obj(f);
          if (o->type == SEMA_T_NATIVE) {
            ArgBuf args(c->args.size());
            SEMA_EVAL_ARGS(args, c, env);
            return call_native(static_cast<NativeObj*>(o), args, c);
          }
          if (o->type == SEMA_T_LAMBDA) {
            ArgBuf args(c->args.size());
            SEMA_EVAL_ARGS(args, c, env);
            LambdaObj* lam = static_cast<LambdaObj*>(o);
            const Proto* p = lam->proto.get();
            enter_lambda_trace(base, p, c);
            if (!counted) {
              if (depth > options.max_depth) return depth_error();
              ++depth;
              counted = 1;
            }
            if (interrupt_flag.load(std::memory_order_relaxed)) [[unlikely]]
              return eval_error("interrupted");
            SEMA_TRY(fr, bind(p, f, lam->env, args));
            n = p->body.get();
            env_hold = std::move(*fr);
            env = env_hold.get();
            keep = std::move(fv);  // may free the node we came from: not used below
            continue;
          }
          if (o->type == SEMA_T_MACRO) {
            // A head that turned out to be a macro at run time: expand with
            // the unevaluated arguments, analyse in this scope, run as a tail.
            if (!c->form.get() || !c->scope) return not_callable(f);
            if (interrupt_flag.load(std::memory_order_relaxed)) [[unlikely]]
              return eval_error("interrupted");
            if (c->cached_macro.get() != f || !c->expansion) {
              SEMA_TRY(exp, expand_macro(static_cast<MacroObj*>(o), c->form.get()));
              if (c->scope->owner) c->scope->owner->pure = false;
              NodeP fresh = analyse(exp->get(), c->scope, nullptr, c->file, true);
              if (c->expansion) graveyard.push_back(std::move(c->expansion));
              c->expansion = std::move(fresh);
              c->cached_macro = fv;
            }
            n = c->expansion.get();
            keep = std::move(fv);
            continue;
          }
        } else if (sema_is_keyword(f)) {
          if (c->args.size() != 1)
            return arity_error(":" + std::string(id_name(sema_id_of(f))), "1", c->args.size());
          SEMA_TRY(m, eval_arg(c->args[0].get(), env));
          return keyword_call(f, m->get());
        }
        return not_callable(f);
      }

      case K::KwCall: {
        auto* x = static_cast<KwCallNode*>(n);
        SEMA_TRY(m, eval_arg(x->arg.get(), env));
        return keyword_call(x->keyword, m->get());
      }

      case K::Error: return std::unexpected(static_cast<ErrorNode*>(n)->error);

      default: {
        SEMA_TRY(s, step_form(*this, n, env));
        if (!s->next) return std::move(s->value);
        n = s->next;
        if (s->env) {
          env_hold = std::move(s->env);
          env = env_hold.get();
        }
        if (s->keep.get() != SEMA_NIL) keep = std::move(s->keep);
        if (s->owned) owned = std::move(s->owned);
        continue;
      }
    }
  }
}

}  // namespace sema::rt
