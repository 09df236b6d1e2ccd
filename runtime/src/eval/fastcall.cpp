// Repeated calls of one procedure from a builtin (the fastio plugin's
// fold-lines): the lambda's frame is made once and reused while nothing can
// observe it (a pure body: no closure, promise, eval, load or import), the
// stolen arguments are moved into its slots, and the body runs through a lean
// mini-evaluator that handles the common node kinds and calls builtins
// (through their hooks) directly. Any other node falls back to the full
// evaluator, so results are identical to Interp::apply.
#include "eval/state.hpp"

namespace sema::rt {

struct Interp::FastCall {
  Value fn;
  size_t nargs = 0;
  LambdaObj* lambda = nullptr;  // set when the lean path applies
  Rc<Env> frame;              // the reused frame (pure bodies only)
};

Interp::FastCall* Interp::fastcall_open(Word fn, size_t nargs) {
  auto* fc = new FastCall();
  fc->fn = Value::borrow(fn);
  fc->nargs = nargs;
  if (is_type(fn, SEMA_T_LAMBDA)) {
    const Proto* p = as_lambda(fn)->proto.get();
    if (!p->has_rest() && p->nfixed() == nargs) fc->lambda = as_lambda(fn);
  }
  return fc;
}

void Interp::fastcall_close(FastCall* fc) { delete fc; }

Result<Value> Interp::fastcall_invoke(FastCall* fc, Word* args) {
  State& st = *state_;
  if (fc->lambda == nullptr) {
    ArgBuf buf(fc->nargs);
    for (size_t i = 0; i < fc->nargs; ++i) buf.push(args[i]);
    return st.apply(fc->fn.get(), buf);
  }
  const Proto* p = fc->lambda->proto.get();
  if (stack_low() || st.depth > st.options.max_depth) {
    for (size_t i = 0; i < fc->nargs; ++i) release(args[i]);
    return st.depth_error();
  }
  Rc<Env> f;
  if (p->info->pure && fc->frame && fc->frame->rc_ == 1) {
    f = fc->frame;
    for (Word& w : f->slots) release(std::exchange(w, kUnset));
    f->slots.resize(p->scope->names.size(), kUnset);
  } else {
    f = Env::make(p->scope, fc->lambda->env);
    fc->frame = p->info->pure ? f : Rc<Env>();
  }
  for (size_t i = 0; i < fc->nargs; ++i) f->put(p->param_slots[i], args[i]);
  if (p->self_slot >= 0) {
    retain(fc->fn.get());
    f->put(static_cast<uint32_t>(p->self_slot), fc->fn.get());
  }
  size_t base = st.trace.size();
  ++st.depth;
  Result<Value> r = st.mini(p->body.get(), f.get());
  --st.depth;
  if (!r) st.capture(r.error());
  if (st.trace.size() > base) st.trace.erase(st.trace.begin() + static_cast<ptrdiff_t>(base), st.trace.end());
  return r;
}

Result<Value> Interp::State::mini(Node* n, Env* env) {
  if (stack_low()) return depth_error();
  Rc<Env> hold;
  for (;;) {
    switch (n->kind) {
      case K::Const:
      case K::Local:
      case K::Global: return eval_arg(n, env);
      case K::If: {
        auto* x = static_cast<IfNode*>(n);
        Result<Value> t = mini(x->test.get(), env);
        if (!t) return t;
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
          Result<Value> r = mini(items[i].get(), env);
          if (!r) return r;
        }
        n = items.back().get();
        continue;
      }
      case K::Let:
      case K::LetStar: {
        auto* x = static_cast<LetNode*>(n);
        Rc<Env> f;
        if (n->kind == K::Let) {
          ArgBuf vals(x->binds.size());
          for (auto& b : x->binds) {
            Result<Value> r = mini(b.second.get(), env);
            if (!r) return r;
            vals.push(r->take());
          }
          f = Env::make(x->scope, Rc<Env>::share(env));
          for (size_t i = 0; i < x->binds.size(); ++i) f->put(x->binds[i].first, vals.take(i));
        } else {
          f = Env::make(x->scope, Rc<Env>::share(env));
          for (auto& b : x->binds) {
            Result<Value> r = mini(b.second.get(), f.get());
            if (!r) return r;
            f->put(b.first, r->take());
          }
        }
        hold = std::move(f);
        env = hold.get();
        n = x->body.get();
        continue;
      }
      case K::Call: {
        auto* c = static_cast<CallNode*>(n);
        if (c->head->kind != K::Global) return eval(n, env);
        Word h = static_cast<GlobalNode*>(c->head.get())->cell->value;
        if (!is_type(h, SEMA_T_NATIVE) || any_dynamic) return eval(n, env);
        // Resolved per call: a rebound global is seen at once.
        Value keep = Value::borrow(h);
        ArgBuf args(c->args.size());
        for (auto& a : c->args) {
          Result<Value> r = mini(a.get(), env);
          if (!r) return r;
          args.push(r->take());
        }
        return call_native(static_cast<NativeObj*>(as_obj(h)), args, c);
      }
      default: return eval(n, env);
    }
  }
}

}  // namespace sema::rt
