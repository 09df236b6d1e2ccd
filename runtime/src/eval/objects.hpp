// The evaluator's heap objects: procedures (lambda, macro) and promises.
#pragma once

#include "eval/rc.hpp"
#include "eval/scope.hpp"
#include "value/value.hpp"

#include <memory>
#include <string>
#include <vector>

namespace sema::rt {

struct Node;
void delete_node(Node* n);  // node.cpp; keeps node.hpp out of this header
struct NodeDeleter {
  void operator()(Node* n) const { delete_node(n); }
};
using NodeP = std::unique_ptr<Node, NodeDeleter>;

// The analysed code of a lambda or macro, shared by every closure made from it.
struct Proto : RcBase {
  uint32_t name = 0;  // interned id; meaningful when named
  bool named = false;
  std::vector<uint32_t> param_slots;  // one per fixed parameter, in order
  int rest_slot = -1;                 // the `. rest` parameter
  int self_slot = -1;                 // the procedure's own name (named only)
  Rc<CScope> scope;                   // the call frame's scope
  Rc<ProtoInfo> info;                 // purity of the body (frames unobservable)
  NodeP body;
  std::string_view trace_name = "<lambda>";  // the name in call traces

  size_t nfixed() const { return param_slots.size(); }
  bool has_rest() const { return rest_slot >= 0; }
  std::string_view display_name() const;  // "f", or "lambda" for anonymous ones
  static void destroy(Proto* p) { delete p; }
};

struct LambdaObj final : Obj {
  LambdaObj(Rc<Proto> p, Rc<Env> e) : Obj(SEMA_T_LAMBDA), proto(std::move(p)), env(std::move(e)) {}
  void write_opaque(std::string& out) const override;  // <lambda f> / <lambda>
  Rc<Proto> proto;
  Rc<Env> env;
};

struct MacroObj final : Obj {
  MacroObj(Rc<Proto> p, Rc<Env> e) : Obj(SEMA_T_MACRO), proto(std::move(p)), env(std::move(e)) {}
  void write_opaque(std::string& out) const override;  // <macro m>
  Rc<Proto> proto;
  Rc<Env> env;
};

// A piece of code with its own scope (the body of a delay).
struct Code : RcBase {
  Rc<CScope> scope;
  NodeP node;
  static void destroy(Code* c) { delete c; }
};

struct PromiseObj final : Obj {
  PromiseObj(Rc<Code> c, Rc<Env> e) : Obj(SEMA_T_PROMISE), code(std::move(c)), env(std::move(e)) {}
  void write_opaque(std::string& out) const override;  // <promise> / <promise (forced)>
  Rc<Code> code;
  Rc<Env> env;
  bool forced = false;
  Value value;
};

inline LambdaObj* as_lambda(Word w) { return static_cast<LambdaObj*>(as_obj(w)); }
inline MacroObj* as_macro(Word w) { return static_cast<MacroObj*>(as_obj(w)); }
inline PromiseObj* as_promise(Word w) { return static_cast<PromiseObj*>(as_obj(w)); }

// Owns the frame of a running call. A frame kept alive only by closures
// stored in its own slots (an internal define: frame -> lambda -> frame) is
// garbage once the call lets go of it; reference counting alone would leak
// that cycle, so letting go breaks it.
// When every reference to `frame` but one (the one about to be dropped) comes
// from closures held only by the frame's own slots, releases those closures.
void break_self_cycles(Env* frame);
// The check before it: only a frame someone else still holds can be in such a
// cycle, and a pure procedure's frames hold no closures.
inline void let_go_of_frame(Env* frame) {
  if (frame->rc_ > 1 && !(frame->scope->owner && frame->scope->owner->pure)) break_self_cycles(frame);
}

class FrameHold {
 public:
  FrameHold() = default;
  explicit FrameHold(Rc<Env>&& frame) : frame_(std::move(frame)) {}
  FrameHold(const FrameHold&) = delete;
  FrameHold& operator=(const FrameHold&) = delete;
  ~FrameHold() { let_go(); }
  FrameHold& operator=(Rc<Env>&& frame) {
    let_go();
    frame_ = std::move(frame);
    return *this;
  }
  Env* get() const { return frame_.get(); }

 private:
  void let_go() {
    if (frame_.get() != nullptr) let_go_of_frame(frame_.get());
    frame_.reset();
  }
  Rc<Env> frame_;
};

}  // namespace sema::rt
