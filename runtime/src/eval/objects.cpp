// Evaluator objects: frames, write forms of procedures and promises, node
// traversal.
#include "eval/native.hpp"
#include "eval/node.hpp"
#include "eval/objects.hpp"
#include "value/interner.hpp"

namespace sema::rt {

namespace {
// A dead frame (parent already let go of) becomes one of its scope's spares
// when there is room, else is freed. Releasing the slots may free closures
// and so other frames of the same scope, so the room is checked afterwards;
// letting go of the scope last may delete the scope and with it the frame.
[[gnu::noinline]] void park_or_delete_slow(Env* f) {
  CScope* s = f->scope.get();
  if (s->nspares == CScope::kSpares) {
    delete f;
    return;
  }
  s->spares[s->nspares++] = f;
  // f's link is emptied before the reference goes: when it is the scope's
  // last, the scope's destructor deletes its spares, f among them, so
  // nothing may touch f after that (reset() would write its null there).
  Rc<CScope> last = std::move(f->scope);
}

// Releases the slots that park_or_delete left set (their values die).
[[gnu::noinline]] void release_dying(Env* f) {
  for (Word& w : f->slots)
    if (w != kUnset) release(std::exchange(w, kUnset));
}

// The common case inline: room for a spare and the scope outlives it.
inline void park_or_delete(Env* f) {
  // Values that survive are let go of in a loop without calls (so without
  // saved registers); the last reference to one stays in its slot for
  // release_dying, which may run destructors.
  bool dying = false;
  for (Word& w : f->slots) {
    Word x = w;
    if (is_ptr(x)) {
      Obj* o = as_obj(x);
      if (o->rc == 1) {
        dying = true;
        continue;
      }
      --o->rc;
    }
    w = kUnset;
  }
  if (dying) [[unlikely]]
    release_dying(f);
  CScope* s = f->scope.get();
  if (s->nspares == CScope::kSpares || s->rc_ == 1) [[unlikely]] {
    park_or_delete_slow(f);
    return;
  }
  s->spares[s->nspares++] = f;
  --s->rc_;
  new (&f->scope) Rc<CScope>();  // its reference was just given up
}
}  // namespace

Env* Env::fresh(size_t n) {
  Env* f = new Env;  // not Env(): value-initialising zeroed the whole frame first
  f->slots.assign(n, kUnset);
  return f;
}

[[SEMA_HOT_TEXT]] void Env::destroy(Env* f) {
  Env* p = f->parent.get();
  new (&f->parent) Rc<Env>();  // forget without releasing: p's count still includes it
  park_or_delete(f);
  if (p != nullptr) drop_parent(p);
}

// A chain of frames that dies at once is freed iteratively, not by recursion
// through parent pointers: each frame hands over its reference to the parent
// before it is deleted. Out of line: a top-level procedure's frame has none.
[[SEMA_HOT_TEXT]] void Env::drop_parent(Env* p) {
  while (p != nullptr) {
    // A parent that only its own closures keep alive (an internal define
    // reached through a tail call) dies with its last child frame; the check
    // runs after the child is gone, whose self slot may hold such a closure.
    let_go_of_frame(p);
    if (--p->rc_ != 0) return;
    Env* f = p;
    p = f->parent.get();
    new (&f->parent) Rc<Env>();
    park_or_delete(f);
  }
}

std::string_view Proto::display_name() const { return named ? id_name(name) : std::string_view("lambda"); }

void LambdaObj::write_opaque(std::string& out) const {
  out += "<lambda";
  if (proto->named) {
    out += ' ';
    out += id_name(proto->name);
  }
  out += '>';
}

void MacroObj::write_opaque(std::string& out) const {
  out += "<macro ";
  out += id_name(proto->name);
  out += '>';
}

void PromiseObj::write_opaque(std::string& out) const { out += forced ? "<promise (forced)>" : "<promise>"; }

void NativeObj::write_opaque(std::string& out) const {
  out += "<native-fn ";
  out += name;
  out += '>';
}

bool promise_forced(Word p) { return is_type(p, SEMA_T_PROMISE) && as_promise(p)->forced; }

void delete_node(Node* n) { delete n; }

void for_each_child(Node* n, const std::function<void(NodeP&)>& f) {
  auto opt = [&](NodeP& c) {
    if (c) f(c);
  };
  switch (n->kind) {
    case K::Const:
    case K::Local:
    case K::Global:
    case K::Lambda:
    case K::Macro:
    case K::Delay:
    case K::Error: break;
    case K::If: {
      auto* x = static_cast<IfNode*>(n);
      opt(x->test), opt(x->then), opt(x->els);
      break;
    }
    case K::Seq:
    case K::And:
    case K::Or:
      for (auto& c : static_cast<SeqNode*>(n)->items) opt(c);
      break;
    case K::DefLocal:
    case K::DefGlobal:
    case K::SetLocal:
    case K::SetGlobal: opt(static_cast<BindNode*>(n)->value); break;
    case K::Let:
    case K::LetStar:
    case K::Letrec: {
      auto* x = static_cast<LetNode*>(n);
      for (auto& b : x->binds) opt(b.second);
      opt(x->body);
      break;
    }
    case K::NamedLet:
      for (auto& c : static_cast<NamedLetNode*>(n)->inits) opt(c);
      break;
    case K::Do: {
      auto* x = static_cast<DoNode*>(n);
      for (auto& v : x->vars) opt(v.init), opt(v.step);
      opt(x->test), opt(x->result), opt(x->body);
      break;
    }
    case K::Call: {
      auto* x = static_cast<CallNode*>(n);
      opt(x->head);
      for (auto& a : x->args) opt(a);
      break;
    }
    case K::KwCall: opt(static_cast<KwCallNode*>(n)->arg); break;
    case K::Vector:
    case K::Quasi:
      for (auto& p : static_cast<BuildNode*>(n)->parts) opt(p.node);
      break;
    case K::Map:
      for (auto& [k, v] : static_cast<MapNode*>(n)->entries) opt(k), opt(v);
      break;
    case K::Cond:
      for (auto& c : static_cast<CondNode*>(n)->clauses) opt(c.test), opt(c.body), opt(c.error);
      break;
    case K::Case: {
      auto* x = static_cast<CaseNode*>(n);
      opt(x->key);
      for (auto& c : x->clauses) opt(c.body), opt(c.error);
      break;
    }
    case K::Macroexpand:
    case K::Eval:
    case K::Import:
    case K::Load: opt(static_cast<ScopedNode*>(n)->arg); break;
    case K::Throw:
    case K::Force: opt(static_cast<UnaryNode*>(n)->arg); break;
    case K::Try: {
      auto* x = static_cast<TryNode*>(n);
      opt(x->body), opt(x->handler);
      break;
    }
    case K::Module: opt(static_cast<ModuleNode*>(n)->body); break;
  }
}

namespace {
// A closure over `frame` that nothing but one slot of the frame holds.
bool closes_only_over(Word w, const Env* frame) {
  if (!sema_is_ptr(w) || as_obj(w)->rc != 1) return false;
  Obj* o = as_obj(w);
  if (o->type == SEMA_T_LAMBDA) return static_cast<LambdaObj*>(o)->env.get() == frame;
  if (o->type == SEMA_T_MACRO) return static_cast<MacroObj*>(o)->env.get() == frame;
  return false;
}
}  // namespace

void break_self_cycles(Env* frame) {
  uint32_t internal = 0;
  for (Word w : frame->slots) internal += closes_only_over(w, frame) ? 1 : 0;
  // Every other reference to the frame is the caller's own hold: nothing
  // outside can reach the frame or those closures any more.
  if (internal == 0 || frame->rc_ != internal + 1) return;
  for (Word& w : frame->slots)
    if (closes_only_over(w, frame)) release(std::exchange(w, kUnset));
}

}  // namespace sema::rt
