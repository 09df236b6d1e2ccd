// Repeated calls of one procedure from a builtin (the fastio plugin's
// fold-lines): the lambda's frame is made once and reused while nothing can
// observe it (a pure body: no closure, promise, eval, load or import), the
// stolen arguments are moved into its slots, and the body runs in the
// mini-eval when it compiles (mini_eval.hpp), else in the evaluator's loop,
// so results are identical to Interp::apply.
#include "eval/line_facts.hpp"
#include "eval/mini_eval.hpp"
#include "value/string_refill.hpp"

namespace sema::rt {

struct Interp::FastCall {
  Value fn;
  size_t nargs = 0;
  LambdaObj* lambda = nullptr;  // set when the lean path applies
  Rc<Env> frame;              // the reused frame (pure bodies only)
  std::unique_ptr<mini::Code> code;  // the body for the mini-eval, when it applies
  // A pure body in the mini-eval whose parameters are the first nargs slots
  // and that does not name itself: once its frame exists and holds just
  // those slots, a call is the argument stores and the body (fastcall_run).
  bool lean = false;
  const std::vector<uint32_t>* names = nullptr;  // the frame's scope (it may gain names)
  int line_sep = -1;  // fastcall_line_sep's answer
  // The names the lines' facts number (fastcall_line_facts): the reading
  // thread's alone.
  mini::LineKeys keys;
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
      bool params_first = true;
      for (size_t i = 0; i < nargs; ++i) params_first = params_first && p->param_slots[i] == i;
      fc->lean = fc->code && p->info->pure && p->self_slot < 0 && params_first;
      fc->names = &p->scope->names;
      if (fc->lean && nargs == 2) fc->line_sep = mini::line_sep(*fc->code);
    }
  }
  return fc;
}

void Interp::fastcall_close(FastCall* fc) { delete fc; }

namespace {

// The general call of fastcall_run: the checks, the frame made or reused,
// the self slot, the body in the mini-eval or the evaluator.
[[gnu::noinline]] bool invoke_general(Interp::State& st, Interp::FastCall* fc, Word* args, Word& out) {
  if (fc->lambda == nullptr) {
    ArgBuf buf(fc->nargs);
    for (size_t i = 0; i < fc->nargs; ++i) buf.push(args[i]);
    Result<Value> r = st.apply(fc->fn.get(), buf);
    if (!r) return st.fail(std::unexpected(std::move(r.error())));
    out = r->take();
    return true;
  }
  const Proto* p = fc->lambda->proto.get();
  if (stack_low() || st.depth > st.options.max_depth) {
    for (size_t i = 0; i < fc->nargs; ++i) release(args[i]);
    return st.fail(st.depth_error());
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
  bool ok = fc->code && !st.any_dynamic ? mini::run(st, *fc->code, frame, out) : st.ev(p->body.get(), frame, out);
  --st.depth;
  return ok;
}

}  // namespace

// The common call (fastio's rows): invoke_general's stores for a reused
// frame that holds exactly the parameters (emptying every slot, then
// storing the arguments, is storing each argument over its slot's old
// value). The stack is checked once, by run_args: low, it fails with the
// same depth error as invoke_general, only with the arguments in the frame
// (released with it) instead of released at once, which nothing observes.
[[SEMA_FASTIO_HOT_TEXT]] bool Interp::fastcall_run(FastCall* fc, Word* args, Word& out) {
  State& st = *state_;
  Env* frame = fc->frame.get();
  size_t n = fc->nargs;
  if (!fc->lean || frame == nullptr || frame->rc_ != 1 || frame->slots.size() != n || fc->names->size() != n ||
      st.any_dynamic || st.depth > st.options.max_depth) [[unlikely]]
    return invoke_general(st, fc, args, out);
  return mini::run_args(st, *fc->code, frame, args, n, out);
}

// fastcall_fold_texts: the rows of a lean call run in one loop in the
// mini-eval (mini::run_texts) while fastcall_run would take its lean path;
// a row it declines (the first of a call that is not lean yet, a shared
// frame, a scope that gained names, any_dynamic, a low stack) goes through
// fastcall_run, then the loop resumes. Each row is what fastcall_run does
// for args {acc, text refilled}, in the same order.
[[SEMA_FASTIO_HOT_TEXT]] bool Interp::fastcall_fold(FastCall* fc, Word& acc, const char* const* texts, const size_t* lens,
                                             const sema_line_facts* const* facts, size_t n, Word& text) {
  auto row_facts = reinterpret_cast<const mini::LineFacts* const*>(facts);
  State& st = *state_;
  for (size_t i = 0; i < n;) {
    // The depth is the same before every row (a row that returns restores
    // it, one that fails ends the fold): checked once per resumption.
    if (fc->lean && fc->nargs == 2 && fc->frame && st.depth <= st.options.max_depth) [[likely]] {
      bool ok = true;
      i += mini::run_texts(st, *fc->code, fc->frame.get(), *fc->names, acc, texts + i, lens + i,
                           row_facts ? row_facts + i : nullptr, n - i, text, ok);
      if (!ok) [[unlikely]]
        return false;
      if (i == n) break;
    }
    Word args[2] = {acc, refill_argument(text, texts[i], lens[i])};
    if (!fastcall_run(fc, args, acc)) [[unlikely]]
      return false;
    ++i;
  }
  return true;
}

int Interp::fastcall_line_sep(FastCall* fc) { return fc->line_sep; }

void Interp::fastcall_line_facts(FastCall* fc, const char* bytes, size_t len, sema_line_facts* out) {
  mini::line_facts(fc->line_sep, bytes, len, reinterpret_cast<mini::LineFacts*>(out), &fc->keys);
}

Error Interp::fastcall_error() { return std::move(state_->err); }

Result<Value> Interp::fastcall_invoke(FastCall* fc, Word* args) {
  Word out;
  if (!fastcall_run(fc, args, out)) return std::unexpected(fastcall_error());
  return Value::own(out);
}

}  // namespace sema::rt
