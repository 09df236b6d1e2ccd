// The interpreter: global environment, chunk evaluation, calls from builtins.
// The analyser/runner behind it lives in the other eval/ files.
#pragma once

#include "error/error.hpp"
#include "eval/native.hpp"
#include "value/value.hpp"

#include <sema/runtime.hpp>
#include <sema/sema.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sema::rt {
class Interp;
}

// The context handed to plugin builtins (opaque in sema.h).
struct sema_ctx {
  sema::rt::Interp* interp = nullptr;
  std::optional<sema::rt::Error> pending;  // set by api->raise*, taken by the caller
  void* native_data = nullptr;             // data pointer of the running builtin
};

namespace sema::rt {

// Implemented by the evaluator for the host table (sema.h promise_forced):
// whether a promise value has been forced.
bool promise_forced(Word promise);

class Interp {
 public:
  explicit Interp(const RuntimeOptions& options);
  ~Interp();

  sema_ctx* ctx();

  // Global environment. Defining a name that exists replaces its value.
  void define_global(uint32_t id, Value v);
  std::optional<Word> global(uint32_t id) const;  // borrowed
  // Names bound in the global scope, in definition order (REPL ,env).
  std::vector<std::pair<uint32_t, Word>> globals() const;

  // Runs a chunk: reads all forms first (a reader error runs nothing), then
  // evaluates them in order in the global environment. file: canonical path
  // for traces and relative load/import; empty for -e/-p/REPL input.
  Result<Value> eval_chunk(std::string_view source, std::string_view file);

  // Calls a procedure from a builtin (map, sort, fold-lines …) with the full
  // language semantics (decisions.md #2). Keywords/macros: "not callable".
  Result<Value> apply(Word fn, const Word* args, size_t n);
  // The same, stealing the argument references: an accumulator handed over
  // with refcount 1 stays unique inside the callee (copy-on-write in place).
  Result<Value> apply_owned(Word fn, Word* args, size_t n);

  // The fastio mini-eval (sema.h fastcall_*): prepare fn for repeated calls
  // with nargs arguments; invoke steals the arguments.
  struct FastCall;
  FastCall* fastcall_open(Word fn, size_t nargs);
  Result<Value> fastcall_invoke(FastCall* fc, Word* args);
  // The same without the Result (the host table's entry): false leaves the
  // error for fastcall_error to take.
  [[gnu::visibility("hidden")]] bool fastcall_run(FastCall* fc, Word* args, Word& out);
  Error fastcall_error();
  // A fold over n texts (the host table's fastcall_fold_texts): for each,
  // text refilled with it (value/string_refill.hpp) and fn called with acc
  // and a reference to text, its result the next acc. False: a call failed
  // (it took acc), the error for fastcall_error. facts: null, or each
  // text's line facts (null for none) for the rows to use.
  [[gnu::visibility("hidden")]] bool fastcall_fold(FastCall* fc, Word& acc, const char* const* texts, const size_t* lens,
                                                   const sema_line_facts* const* facts, size_t n, Word& text);
  // The separator byte the rows can use line facts for, or -1.
  int fastcall_line_sep(FastCall* fc);
  // The facts of a line for fc's rows, its name numbered in fc's own
  // LineKeys: called by one other thread while fc's rows run.
  void fastcall_line_facts(FastCall* fc, const char* bytes, size_t len, sema_line_facts* out);
  void fastcall_close(FastCall* fc);

  // Raised for a name that is unbound; lets the host add "(provided by the
  // X plugin, which is not loaded)" to the message.
  void set_unbound_hint(std::function<std::string(std::string_view name)> hint);

  // Ctrl-C / --timeout: the running evaluation stops with an error soon.
  void interrupt();
  bool interrupted() const;

  const RuntimeOptions& options() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace sema::rt
