// Repeated calls of one procedure from a builtin (the fastio plugin's
// fold-lines): the lambda's frame is made once and reused while nothing can
// observe it (a pure body: no closure, promise, eval, load or import), the
// stolen arguments are moved into its slots, and the body runs in the
// mini-eval when it compiles (mini_eval.hpp), else in the evaluator's loop,
// so results are identical to Interp::apply.
#include "eval/mini_eval.hpp"

namespace sema::rt {

struct Interp::FastCall {
  Value fn;
  size_t nargs = 0;
  LambdaObj* lambda = nullptr;  // set when the lean path applies
  Rc<Env> frame;              // the reused frame (pure bodies only)
  std::unique_ptr<mini::Code> code;  // the body for the mini-eval, when it applies
};

Interp::FastCall* Interp::fastcall_open(Word fn, size_t nargs) {
  auto* fc = new FastCall();
  fc->fn = Value::borrow(fn);
  fc->nargs = nargs;
  if (is_type(fn, SEMA_T_LAMBDA)) {
    const Proto* p = as_lambda(fn)->proto.get();
    if (!p->has_rest() && p->nfixed() == nargs) {
      fc->lambda = as_lambda(fn);
      fc->code = mini::compile(p);
    }
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
  // A frame that is not kept for reuse is let go of like one of the
  // evaluator's calls (freed when only its own closures keep it alive).
  Env* frame;
  FrameHold hold;
  if (p->info->pure && fc->frame && fc->frame->rc_ == 1) {
    frame = fc->frame.get();
    size_t n = p->scope->names.size();
    if (frame->slots.size() != n) [[unlikely]]
      frame->slots.resize(n, kUnset);  // the scope gained names
    for (Word& w : frame->slots) release(std::exchange(w, kUnset));
    for (size_t i = 0; i < fc->nargs; ++i) frame->slots[p->param_slots[i]] = args[i];
  } else {
    Rc<Env> f = Env::make(p->scope, fc->lambda->env);
    frame = f.get();
    for (size_t i = 0; i < fc->nargs; ++i) frame->put(p->param_slots[i], args[i]);
    if (p->info->pure)
      fc->frame = std::move(f);
    else
      hold = std::move(f);
  }
  if (p->self_slot >= 0) {
    retain(fc->fn.get());
    frame->put(static_cast<uint32_t>(p->self_slot), fc->fn.get());
  }
  ++st.depth;
  Word out;
  bool ok = fc->code && !st.any_dynamic ? mini::run(st, *fc->code, frame, out) : st.ev(p->body.get(), frame, out);
  --st.depth;
  if (!ok) return std::unexpected(std::move(st.err));
  return Value::own(out);
}

}  // namespace sema::rt
