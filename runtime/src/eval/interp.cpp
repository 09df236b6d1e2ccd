// Interp: the global environment and the entry points the host uses.
#include "eval/interp.hpp"

#include "eval/state.hpp"
#include "reader/reader.hpp"
#include "value/interner.hpp"

namespace sema::rt {

namespace {

Ids make_ids() {
  Ids i{};
  i.quote = intern("quote");
  i.quasiquote = intern("quasiquote");
  i.unquote = intern("unquote");
  i.unquote_splicing = intern("unquote-splicing");
  i.dot = intern(".");
  i.else_ = intern("else");
  i.catch_ = intern("catch");
  i.export_ = intern("export");
  i.lambda_name = intern("<lambda>");
  i.define = intern("define");
  i.defun = intern("defun");
  i.defmacro = intern("defmacro");
  i.define_record_type = intern("define-record-type");
  i.begin = intern("begin");
  i.if_ = intern("if");
  i.when = intern("when");
  i.unless = intern("unless");
  i.cond = intern("cond");
  i.case_ = intern("case");
  i.and_ = intern("and");
  i.or_ = intern("or");
  i.try_ = intern("try");
  i.module = intern("module");
  i.import = intern("import");
  i.load = intern("load");
  i.let = intern("let");
  i.let_star = intern("let*");
  i.letrec = intern("letrec");
  i.do_ = intern("do");
  i.lambda = intern("lambda");
  i.fn = intern("fn");
  i.set = intern("set!");
  i.eval = intern("eval");
  i.macroexpand = intern("macroexpand");
  i.throw_ = intern("throw");
  i.delay = intern("delay");
  i.force = intern("force");
  i.prompt = intern("prompt");
  i.message = intern("message");
  i.deftool = intern("deftool");
  i.defagent = intern("defagent");
  i.with_budget = intern("with-budget");
  return i;
}

}  // namespace

// Each State's first globals epoch: 2^40 changes apart, never 0 (a Rec's
// "not checked yet").
static uint64_t epoch_base() {
  static std::atomic<uint64_t> states{0};
  return (states.fetch_add(1, std::memory_order_relaxed) + 1) << 40;
}

Interp::State::State(Interp& s, const RuntimeOptions& o)
    : self(s), options(o), ids(make_ids()), globals_epoch(epoch_base()) {
  ctx.interp = &s;
  global_scope = make_rc<CScope>();
  global_scope->global = true;
  for (uint32_t id : {ids.quote, ids.quasiquote, ids.define, ids.defun, ids.defmacro, ids.define_record_type,
                      ids.begin, ids.if_, ids.when, ids.unless, ids.cond, ids.case_, ids.and_, ids.or_, ids.try_,
                      ids.module, ids.import, ids.load, ids.let, ids.let_star, ids.letrec, ids.do_, ids.lambda,
                      ids.fn, ids.set, ids.eval, ids.macroexpand, ids.throw_, ids.delay, ids.force, ids.prompt,
                      ids.message, ids.deftool, ids.defagent, ids.with_budget})
    special.emplace(id, 0);
}

Interp::State::~State() {
  // Globals may hold closures whose frames hold other globals' values; clear
  // the cells first so everything is released while the state is intact.
  for (auto& [id, c] : cells) {
    Word w = std::exchange(c->value, kUnset);
    release(w);
  }
}

Cell* Interp::State::cell(uint32_t id) {
  auto it = cells.find(id);
  if (it != cells.end()) return it->second.get();
  auto c = std::make_unique<Cell>();
  c->id = id;
  Cell* p = c.get();
  cells.emplace(id, std::move(c));
  return p;
}

void Interp::State::set_global(Cell* c, Value v) {
  if (c->value == kUnset) global_order.push_back(c->id);
  Word old = std::exchange(c->value, v.take());
  ++globals_epoch;
  release(old);
}

const std::string* Interp::State::intern_file(std::string_view f) {
  for (const auto& s : files)
    if (s == f) return &s;
  files.emplace_back(f);
  return &files.back();
}

Result<Value> Interp::State::run_forms(std::vector<Value>& forms, const SpanMap* spans, const Rc<CScope>& scope,
                                       Env* env, const std::string* file) {
  Value last;
  for (Value& form : forms) {
    // Each form is analysed only after the previous one ran, so macros
    // defined by earlier forms expand in later ones.
    NodeP n = analyse(form.get(), scope, spans, file, env != nullptr);
    Result<Value> r = eval(n.get(), env);
    if (!r) return r;
    last = std::move(*r);
  }
  return last;
}

// ------------------------------------------------------------------ Interp

Interp::Interp(const RuntimeOptions& options) : state_(std::make_unique<State>(*this, options)) {}
Interp::~Interp() = default;

sema_ctx* Interp::ctx() { return &state_->ctx; }

void Interp::define_global(uint32_t id, Value v) { state_->set_global(state_->cell(id), std::move(v)); }

std::optional<Word> Interp::global(uint32_t id) const {
  auto it = state_->cells.find(id);
  if (it == state_->cells.end() || it->second->value == kUnset) return std::nullopt;
  return it->second->value;
}

std::vector<std::pair<uint32_t, Word>> Interp::globals() const {
  std::vector<std::pair<uint32_t, Word>> out;
  for (uint32_t id : state_->global_order) {
    Word w = state_->cells.find(id)->second->value;
    if (w != kUnset) out.emplace_back(id, w);
  }
  return out;
}

Result<Value> Interp::eval_chunk(std::string_view source, std::string_view file) {
  State& st = *state_;
  Result<ReadResult> rd = read_all(source);
  if (!rd) return std::unexpected(std::move(rd.error()));
  const std::string* f = st.intern_file(file);
  ++st.chunk_nesting;
  Result<Value> r = st.run_forms(rd->forms, &rd->spans, st.global_scope, nullptr, f);
  if (--st.chunk_nesting == 0) st.interrupt_flag.store(false, std::memory_order_relaxed);
  return r;
}

Result<Value> Interp::apply(Word fn, const Word* args, size_t n) {
  ArgBuf buf(n);
  for (size_t i = 0; i < n; ++i) {
    retain(args[i]);
    buf.push(args[i]);
  }
  return state_->apply(fn, buf);
}

[[SEMA_HOT_TEXT]] Result<Value> Interp::apply_owned(Word fn, Word* args, size_t n) {
  ArgBuf buf(n);
  for (size_t i = 0; i < n; ++i) buf.push(args[i]);  // the references move into the call
  return state_->apply(fn, buf);
}

void Interp::set_unbound_hint(std::function<std::string(std::string_view name)> hint) {
  state_->unbound_hint = std::move(hint);
}

void Interp::interrupt() { state_->interrupt_flag.store(true, std::memory_order_relaxed); }
[[SEMA_HOT_TEXT]] bool Interp::interrupted() const { return state_->interrupt_flag.load(std::memory_order_relaxed); }

const RuntimeOptions& Interp::options() const { return state_->options; }

}  // namespace sema::rt
