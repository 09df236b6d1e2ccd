// The evaluator's main loop: a trampoline over nodes. Tail positions
// (language.md §4.6) continue the loop instead of recursing; every nested
// evaluation goes through eval(), which owns the call-trace bookkeeping.
#include "eval/intrinsics.hpp"
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

bool Interp::State::by_name(Env* env, uint32_t id, Word& out) {
  Word w = find_name(env, id);
  if (w == kUnset) return fail(unbound(id));
  retain(w);
  out = w;
  return true;
}

Result<void> Interp::State::assign(BindNode* b, Env* env, Value v) {
  if (!any_dynamic) {
    if (b->kind == K::SetLocal) {
      Env* f = env->up(b->depth);
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

[[SEMA_HOT_TEXT]] Result<Rc<Env>> Interp::State::bind(const Proto* p, Word self_value, const Rc<Env>& env, ArgBuf& args) {
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

[[SEMA_HOT_TEXT]] Result<Value> Interp::State::apply(Word fn, ArgBuf& args) {
  if (!sema_is_ptr(fn)) return not_callable(fn);
  Obj* o = as_obj(fn);
  if (o->type == SEMA_T_NATIVE) return call_native(static_cast<NativeObj*>(o), args, nullptr);
  if (o->type != SEMA_T_LAMBDA) return not_callable(fn);
  if (stack_low() || depth > options.max_depth) return depth_error();
  LambdaObj* lam = as_lambda(fn);
  Value keep = Value::borrow(fn);  // the body must outlive a redefinition during the call
  return run_bound(lam->proto.get(), fn, lam->env, args);
}

// Binds args in a new frame of p and runs its body (calls from builtins and
// macro expansion). Letting go of the frame frees it when only its own
// closures keep it alive (an internal define, a set! of the self name), as
// for the evaluator's own calls.
[[SEMA_HOT_TEXT]] Result<Value> Interp::State::run_bound(const Proto* p, Word self_value, const Rc<Env>& env, ArgBuf& args) {
  Result<Rc<Env>> f = bind(p, self_value, env, args);
  if (!f) return std::unexpected(std::move(f.error()));
  FrameHold frame(std::move(*f));
  ++depth;
  Result<Value> r = eval(p->body.get(), frame.get());
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
  return run_bound(m->proto.get(), from_obj(m), m->env, args);
}

// ------------------------------------------------------------- builtins

// An intrinsic whose arguments are constants and variable reads (checked by
// the caller, as is !any_dynamic) runs on the words where they are, without
// references or call_builtin's frame. A variable read that is its last use
// gives up its slot afterwards, as the moving read would have. False: not
// handled, nothing changed.
inline bool Interp::State::leaf_intrinsic(NativeObj* nat, CallNode* c, Env* env, Word& out) {
  Word a, b;
  Word* moved[2] = {nullptr, nullptr};
  switch (c->args.size()) {
    case 2:
      if (!nat->intrinsic2 || !peek(c->args[0].get(), env, a, moved[0]) || !peek(c->args[1].get(), env, b, moved[1]) ||
          !intrinsic2(nat->intrinsic2, a, b, out))
        return false;
      break;
    case 1:
      if (!nat->intrinsic1 || !peek(c->args[0].get(), env, a, moved[0]) || !intrinsic1(nat->intrinsic1, a, out))
        return false;
      break;
    default: return false;
  }
  if (moved[0]) [[unlikely]]
    release(std::exchange(*moved[0], SEMA_NIL));
  if (moved[1]) [[unlikely]]
    release(std::exchange(*moved[1], SEMA_NIL));
  return true;
}

// A call in argument position whose head is a global builtin runs here
// without a nested evaluation (builtins never continue in tail position).
// Both ways out are tail calls, so a lambda call saves no registers here.
[[SEMA_HOT_TEXT]] bool Interp::State::call_arg(CallNode* c, Env* env, Word& out) {
  if (c->head->kind == K::Global && !any_dynamic) {
    Word h = static_cast<GlobalNode*>(c->head.get())->cell->value;
    if (is_type(h, SEMA_T_NATIVE)) {
      auto* nat = static_cast<NativeObj*>(as_obj(h));
      return c->leaf_args ? builtin_arg(nat, c, env, out) : call_builtin(nat, c, env, out);
    }
  }
  return ev(c, env, out);
}

// Arithmetic or a comparison on two small ints read in place, met inside
// the main loop (an if's test, a lambda call's argument): no call at all.
// False: not such a call, nothing changed.
inline bool Interp::State::int_call(Node* n, Env* env, Word& out) {
  if (n->kind != K::Call) return false;
  auto* c = static_cast<CallNode*>(n);
  if (!c->leaf_args || c->head->kind != K::Global || any_dynamic) return false;
  Word h = static_cast<GlobalNode*>(c->head.get())->cell->value;
  if (!is_type(h, SEMA_T_NATIVE)) return false;
  uint8_t id = static_cast<NativeObj*>(as_obj(h))->intrinsic2;
  return id && c->args.size() == 2 && int_leaf(id, c, env, out);
}

// A leaf intrinsic whose two arguments are small ints. False: not handled,
// nothing changed. Immediates hold no reference, so a moved (last-use) read
// only empties its slot, found again afterwards: fewer live values, so no
// saved registers.
inline bool Interp::State::int_leaf(uint8_t id, CallNode* c, Env* env, Word& out) {
  Node* x = c->args[0].get();
  Node* y = c->args[1].get();
  Word a, b;
  if (!peek_int(x, env, a) || !peek_int(y, env, b) || !int_intrinsic2(id, a, b, out)) return false;
  empty_if_moved(x, env);
  empty_if_moved(y, env);
  return true;
}

// A builtin call whose arguments are leaves (a call with calls as arguments
// goes straight to call_builtin, without this function's saved registers).
[[SEMA_HOT_TEXT]] bool Interp::State::builtin_arg(NativeObj* nat, CallNode* c, Env* env, Word& out) {
  if (leaf_intrinsic(nat, c, env, out)) return true;
  return call_builtin(nat, c, env, out);
}

// Evaluates the arguments and calls the builtin (kept alive by the caller).
// One to three arguments with a matching hook call it directly: no argument
// vector, and no trace entry unless the hook is impure (it may call back into
// the language) — a pure hook's entry is added only if it fails.
[[SEMA_HOT_TEXT]] bool Interp::State::call_builtin(NativeObj* nat, CallNode* c, Env* env, Word& out) {
  if (stack_low()) [[unlikely]]
    return fail(depth_error());
  // Arguments that are calls may rebind the global the builtin came from
  // (with leaf arguments only the builtin itself can: see call_hook).
  Value keep;
  if (!c->leaf_args) keep = Value::borrow(from_obj(nat));
  size_t n = c->args.size();
  Word a[3];
  uint32_t flags;
  // An intrinsic id is only set for an arity the builtin accepts and has a
  // hook for: one test instead of two.
  if (n == 2 && (nat->intrinsic2 || (nat->hook2 && nat->accepts(2)))) {
    if (!arg(c->args[0].get(), env, a[0])) return false;
    if (!arg(c->args[1].get(), env, a[1])) {
      release(a[0]);
      return false;
    }
    if (nat->intrinsic2) {
      // Two small ints (immediates: nothing to release) without the call.
      if (is_small_int(a[0]) && is_small_int(a[1]) && int_intrinsic2(nat->intrinsic2, a[0], a[1], out)) return true;
      if (outlined_intrinsic2(nat->intrinsic2, a[0], a[1], out)) {
        release(a[0]);
        release(a[1]);
        return true;
      }
    }
    flags = nat->hook2_flags;
  } else if (n == 1 && nat->hook1 && nat->accepts(1)) {
    if (!arg(c->args[0].get(), env, a[0])) return false;
    if (nat->intrinsic1 && outlined_intrinsic1(nat->intrinsic1, a[0], out)) {
      release(a[0]);
      return true;
    }
    flags = nat->hook1_flags;
  } else if (n == 3 && nat->hook3 && nat->accepts(3)) {
    if (!arg(c->args[0].get(), env, a[0])) return false;
    if (!arg(c->args[1].get(), env, a[1])) {
      release(a[0]);
      return false;
    }
    if (!arg(c->args[2].get(), env, a[2])) {
      release(a[0]);
      release(a[1]);
      return false;
    }
    flags = nat->hook3_flags;
  } else {
    return call_builtin_generic(nat, c, env, out);
  }
  return call_hook(nat, c, n, a, flags, out);
}

// The generic path (argument vector, call_native) out of line: its buffer
// and error handling would otherwise widen every hooked call's frame.
bool Interp::State::call_builtin_generic(NativeObj* nat, CallNode* c, Env* env, Word& out) {
  // It may call back into code that rebinds its global (the only owner).
  Value keep;
  if (c->leaf_args) keep = Value::borrow(from_obj(nat));
  ArgBuf args(c->args.size());
  for (auto& x : c->args) {
    Word w;
    if (!arg(x.get(), env, w)) return false;
    args.push(w);
  }
  Result<Value> r = call_native(nat, args, c);
  if (!r) return fail_from(r);
  out = r->take();
  return true;
}

// Calls a hook with n evaluated (owned) arguments.
inline bool Interp::State::call_hook(NativeObj* nat, CallNode* c, size_t n, Word* a, uint32_t flags, Word& out) {
  bool traced = !(flags & SEMA_HOOK_PURE);
  Value keep;  // an impure hook may call back into code that rebinds its global
  if (traced) {
    if (c->leaf_args) keep = Value::borrow(from_obj(nat));
    trace.push_back(TraceEntry{nat->name, c->file, c->span});
  }
  void* saved = ctx.native_data;
  ctx.native_data = nat->data;
  if (ctx.pending) [[unlikely]]
    ctx.pending.reset();
  // A hook that consumes arg 0 gets our reference (updates in place when unique).
  Word a0 = a[0];
  if (flags & SEMA_HOOK_CONSUMES_ARG0) a[0] = SEMA_NIL;
  Word res = SEMA_NIL;
  sema_status st;
  if (n == 2)
    st = nat->hook2(&ctx, a0, a[1], &res);
  else if (n == 1)
    st = nat->hook1(&ctx, a0, &res);
  else
    st = nat->hook3(&ctx, a0, a[1], a[2], &res);
  ctx.native_data = saved;
  for (size_t i = 0; i < n; ++i) release(a[i]);
  if (st == SEMA_OK) [[likely]] {
    if (traced) trace.pop_back();
    out = res;
    return true;
  }
  return builtin_failed(nat, st, c, traced);
}

// The error of a failed hook call, with the builtin's trace entry.
bool Interp::State::builtin_failed(NativeObj* nat, sema_status st, const Node* site, bool traced) {
  Error e = native_error(nat, st);
  if (!traced) trace.push_back(TraceEntry{nat->name, site->file, site->span});
  capture(e);
  trace.pop_back();
  err = std::move(e);
  return false;
}

// ------------------------------------------------------------- main loop

// Before a lambda's body runs (its arguments are evaluated): the trace entry,
// the depth limit (counted once per evaluation: tail calls do not nest) and
// the interrupt check.
// Inline (always): a call per lambda call cost more than its body; the
// failures are out of line.
inline bool Interp::State::enter_call(size_t base, const Proto* p, const Node* site, int& counted) {
  enter_lambda_trace(base, p, site);
  if (!counted) {
    if (depth > options.max_depth) [[unlikely]]
      return call_refused(false);
    ++depth;
    counted = 1;
  }
  if (interrupt_flag.load(std::memory_order_relaxed)) [[unlikely]]
    return call_refused(true);
  return true;
}

bool Interp::State::call_refused(bool interrupted) {
  return fail(interrupted ? eval_error("interrupted") : depth_error());
}

inline bool Interp::State::exec(Node* n, Env* env, size_t base, int& counted, Word& out) {
  FrameHold env_hold;  // owns env once a tail step replaced it
  Value keep;        // the procedure whose body is running
  NodeP owned;       // code analysed at run time that is running
  for (;;) {
    switch (n->kind) {
      case K::Const:
        out = static_cast<ConstNode*>(n)->value.get();
        retain(out);
        return true;
      case K::Local: return local(static_cast<LocalNode*>(n), env, out);
      case K::Global: return global(static_cast<GlobalNode*>(n)->cell, env, out);

      case K::If: {
        auto* x = static_cast<IfNode*>(n);
        Word t;
        if (!int_call(x->test.get(), env, t) && !arg(x->test.get(), env, t)) return false;
        bool yes = sema_truthy(t);
        release(t);
        if (yes) {
          n = x->then.get();
        } else {
          if (!x->els) {
            out = SEMA_NIL;
            return true;
          }
          n = x->els.get();
        }
        continue;
      }

      case K::Seq: {
        auto& items = static_cast<SeqNode*>(n)->items;
        if (items.empty()) {
          out = SEMA_NIL;
          return true;
        }
        for (size_t i = 0; i + 1 < items.size(); ++i) {
          Word w;
          if (!arg(items[i].get(), env, w)) return false;
          release(w);
        }
        n = items.back().get();
        continue;
      }

      case K::And:
      case K::Or: {
        auto& items = static_cast<SeqNode*>(n)->items;
        bool is_and = n->kind == K::And;
        if (items.empty()) {
          out = is_and ? SEMA_TRUE : SEMA_FALSE;
          return true;
        }
        for (size_t i = 0; i + 1 < items.size(); ++i) {
          Word w;
          if (!arg(items[i].get(), env, w)) return false;
          if (sema_truthy(w) != is_and) {
            out = w;
            return true;
          }
          release(w);
        }
        n = items.back().get();
        continue;
      }

      case K::DefLocal: {
        auto* b = static_cast<BindNode*>(n);
        Word w;
        if (!arg(b->value.get(), env, w)) return false;
        env->put(b->slot, w);
        out = SEMA_NIL;
        return true;
      }
      case K::DefGlobal: {
        auto* b = static_cast<BindNode*>(n);
        Word w;
        if (!arg(b->value.get(), env, w)) return false;
        set_global(b->cell, Value::own(w));
        out = SEMA_NIL;
        return true;
      }
      case K::SetLocal:
      case K::SetGlobal: {
        auto* b = static_cast<BindNode*>(n);
        Word w;
        if (!arg(b->value.get(), env, w)) return false;
        Result<void> r = assign(b, env, Value::own(w));
        if (!r) return fail_from(r);
        out = SEMA_NIL;
        return true;
      }

      case K::Lambda: {
        auto* p = static_cast<ProcNode*>(n);
        out = from_obj(new LambdaObj(p->proto, Rc<Env>::share(env)));
        return true;
      }

      case K::Let:
      case K::LetStar: {
        // The inits of let see the outer frame only; evaluating them straight
        // into the new (not yet visible) frame needs no value buffer.
        auto* x = static_cast<LetNode*>(n);
        Rc<Env> f = Env::make(x->scope, Rc<Env>::share(env));
        Env* in = n->kind == K::Let ? env : f.get();
        for (auto& b : x->binds) {
          Word w;
          if (!arg(b.second.get(), in, w)) return false;
          f->put_existing(b.first, w);
        }
        env_hold = std::move(f);
        env = env_hold.get();
        n = x->body.get();
        continue;
      }

      case K::Call: {
        auto* c = static_cast<CallNode*>(n);
        if (c->head->kind == K::Global && !any_dynamic) {
          Word h = static_cast<GlobalNode*>(c->head.get())->cell->value;
          if (is_type(h, SEMA_T_NATIVE)) {
            auto* nat = static_cast<NativeObj*>(as_obj(h));
            if (c->leaf_args) {
              if (leaf_intrinsic(nat, c, env, out)) return true;
            } else {
              return call_builtin(nat, c, env, out);  // which keeps the builtin alive itself
            }
          }
        }
        Word f;
        if (!arg(c->head.get(), env, f)) return false;
        Value fv = Value::own(f);
        if (is_ptr(f)) {
          Obj* o = as_obj(f);
          if (o->type == SEMA_T_NATIVE) return call_builtin(static_cast<NativeObj*>(o), c, env, out);
          if (o->type == SEMA_T_LAMBDA) {
            LambdaObj* lam = static_cast<LambdaObj*>(o);
            const Proto* p = lam->proto.get();
            size_t na = c->args.size();
            Rc<Env> fr;
            if (!p->has_rest() && na == p->nfixed()) {
              // Arity known to match: arguments go straight into the new frame.
              fr = Env::make(p->scope, lam->env);
              for (size_t i = 0; i < na; ++i) {
                Word w;
                if (!int_call(c->args[i].get(), env, w) && !arg(c->args[i].get(), env, w)) return false;
                fr->put_existing(p->param_slots[i], w);
              }
              if (!enter_call(base, p, c, counted)) return false;
              if (p->self_slot >= 0) {
                ++o->rc;
                fr->put_existing(static_cast<uint32_t>(p->self_slot), f);
              }
            } else {
              ArgBuf args(na);
              for (auto& x : c->args) {
                Word w;
                if (!arg(x.get(), env, w)) return false;
                args.push(w);
              }
              if (!enter_call(base, p, c, counted)) return false;
              Result<Rc<Env>> b = bind(p, f, lam->env, args);  // raises the arity error
              if (!b) return fail_from(b);
              fr = std::move(*b);
            }
            n = p->body.get();
            env_hold = std::move(fr);
            env = env_hold.get();
            keep = std::move(fv);  // may free the node we came from: not used below
            continue;
          }
          if (o->type == SEMA_T_MACRO) {
            // A head that turned out to be a macro at run time: expand with
            // the unevaluated arguments, analyse in this scope, run as a tail.
            if (!c->form.get() || !c->scope) return fail(not_callable(f));
            if (interrupt_flag.load(std::memory_order_relaxed)) [[unlikely]]
              return fail(eval_error("interrupted"));
            if (c->cached_macro.get() != f || !c->expansion) {
              Result<Value> exp = expand_macro(static_cast<MacroObj*>(o), c->form.get());
              if (!exp) return fail_from(exp);
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
          if (c->args.size() != 1) {
            std::string name(":");  // appended: GCC 12 -O3 warns falsely (-Wrestrict) on ":" + s
            name += id_name(sema_id_of(f));
            return fail(arity_error(name, "1", c->args.size()));
          }
          Word m;
          if (!arg(c->args[0].get(), env, m)) return false;
          Value hold = Value::own(m);
          Result<Value> r = keyword_call(f, m);
          if (!r) return fail_from(r);
          out = r->take();
          return true;
        }
        return fail(not_callable(f));
      }

      case K::KwCall: {
        auto* x = static_cast<KwCallNode*>(n);
        Word m;
        if (!arg(x->arg.get(), env, m)) return false;
        Value hold = Value::own(m);
        Result<Value> r = keyword_call(x->keyword, m);
        if (!r) return fail_from(r);
        out = r->take();
        return true;
      }

      case K::Cond: {
        // In the loop: through step_form each cond paid a Result<Step>.
        auto* x = static_cast<CondNode*>(n);
        Node* body = nullptr;
        for (auto& cl : x->clauses) {
          if (cl.error) [[unlikely]] {
            err = static_cast<ErrorNode*>(cl.error.get())->error;
            return false;
          }
          if (cl.test) {
            Word t;
            if (!arg(cl.test.get(), env, t)) return false;
            bool yes = sema_truthy(t);
            release(t);
            if (!yes) continue;
          }
          if (!cl.body) {
            out = SEMA_TRUE;
            return true;
          }
          body = cl.body.get();
          break;
        }
        if (!body) {
          out = SEMA_NIL;
          return true;
        }
        n = body;
        continue;
      }

      case K::Map: return map_literal(static_cast<MapNode*>(n), env, out);

      case K::Error: err = static_cast<ErrorNode*>(n)->error; return false;

      default: {
        Result<Step> s = step_form(*this, n, env);
        if (!s) return fail_from(s);
        if (!s->next) {
          out = s->value.take();
          return true;
        }
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

// A nested (non-tail) evaluation: the trace entries and depth it added are
// gone when it returns; an error's trace is captured before they go.
[[SEMA_HOT_TEXT]] bool Interp::State::ev(Node* n, Env* env, Word& out) {
  if (stack_low()) return fail(depth_error());
  size_t base = trace.size();
  int counted = 0;
  bool ok = exec(n, env, base, counted, out);
  if (!ok) capture(err);
  if (trace.size() > base) trace.truncate(base);
  depth -= counted;
  return ok;
}

}  // namespace sema::rt
