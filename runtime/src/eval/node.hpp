// The analysed program: a tree of nodes with lexical addressing. Special
// forms are node kinds; locals are (depth, slot); globals are cached cells.
#pragma once

#include "error/error.hpp"
#include "eval/objects.hpp"
#include "eval/scope.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sema::rt {


enum class K : uint8_t {
  Const, Local, Global,
  If, Seq, And, Or,
  DefLocal, DefGlobal, SetLocal, SetGlobal,
  Lambda, Macro, Let, LetStar, Letrec, NamedLet, Do,
  Call, KwCall, Vector, Map, Quasi,
  Cond, Case, Macroexpand, Eval, Throw, Try, Delay, Force,
  Module, Import, Load, Error,
};

struct Node {
  explicit Node(K k) : kind(k) {}
  virtual ~Node() = default;
  K kind;
  Span span;                         // where the form was read (unknown for built code)
  const std::string* file = nullptr; // the file it was read from ("" = <input>)
};

struct ConstNode final : Node {
  explicit ConstNode(Value v) : Node(K::Const), value(std::move(v)) {}
  Value value;
};

struct LocalNode final : Node {
  LocalNode() : Node(K::Local) {}
  uint32_t depth = 0, slot = 0, id = 0;
  CScope* target = nullptr;  // the scope holding the slot (liveness analysis)
  bool last_use = false;     // nothing reads the variable afterwards: move it out
};

struct GlobalNode final : Node {
  explicit GlobalNode(Cell* c) : Node(K::Global), cell(c) {}
  Cell* cell;
};

struct IfNode final : Node {
  IfNode() : Node(K::If) {}
  NodeP test, then, els;  // els may be null (nil)
};

// begin, bodies, and/or: a list of nodes.
struct SeqNode final : Node {
  explicit SeqNode(K k) : Node(k) {}
  std::vector<NodeP> items;
};

// define / set! of a local slot (DefLocal: depth 0) or a global cell.
struct BindNode final : Node {
  explicit BindNode(K k) : Node(k) {}
  uint32_t id = 0, depth = 0, slot = 0;
  CScope* target = nullptr;
  Cell* cell = nullptr;
  NodeP value;
};

// lambda / fn / defmacro's procedure.
struct ProcNode final : Node {
  ProcNode(K k, Rc<Proto> p) : Node(k), proto(std::move(p)) {}
  Rc<Proto> proto;
};

// let, let*, letrec: bindings into a new frame, then the body in it.
struct LetNode final : Node {
  explicit LetNode(K k) : Node(k) {}
  Rc<CScope> scope;
  std::vector<std::pair<uint32_t, NodeP>> binds;  // slot, init
  NodeP body;
};

struct NamedLetNode final : Node {
  NamedLetNode() : Node(K::NamedLet) {}
  Rc<Proto> proto;  // the loop procedure (named), closing over the outer scope
  std::vector<NodeP> inits;
};

struct DoNode final : Node {
  DoNode() : Node(K::Do) {}
  struct Var {
    uint32_t slot;
    NodeP init, step;  // step may be null
  };
  Rc<CScope> scope;
  std::vector<Var> vars;
  NodeP test, result, body;  // result, body may be null
};

struct CallNode final : Node {
  CallNode() : Node(K::Call) {}
  NodeP head;
  std::vector<NodeP> args;
  // For a head that may turn out to be a macro at run time: the original
  // form, the scope to analyse the expansion in, and the cached expansion.
  bool maybe_macro = false;
  // Every argument is a constant or a variable read: evaluating them cannot
  // rebind the head's global, so a builtin head needs no extra reference.
  bool leaf_args = false;
  Value form;
  Rc<CScope> scope;
  Value cached_macro;
  NodeP expansion;
};

struct KwCallNode final : Node {
  KwCallNode() : Node(K::KwCall) {}
  Word keyword = SEMA_NIL;
  NodeP arg;
};

// Vector literals and quasiquote templates rebuild a sequence.
struct BuildNode final : Node {
  explicit BuildNode(K k) : Node(k) {}
  struct Part {
    NodeP node;
    bool splice = false;
  };
  std::vector<Part> parts;
  bool vector = false;
};

struct MapNode final : Node {
  MapNode() : Node(K::Map) {}
  std::vector<std::pair<NodeP, NodeP>> entries;  // in the order of the unevaluated keys
  // Worked out at the first evaluation: whether every key is a constant and
  // no two are equal, and then the entry indices in key order and the keys in
  // that order (borrowed from the key nodes), so the map is built already
  // sorted instead of by one assoc per entry.
  enum class Keys : uint8_t { Unknown, Constant, Other };
  Keys keys = Keys::Unknown;
  bool keys_immediate = false;  // no key needs a retain (keywords, numbers)
  std::vector<uint32_t> sorted;
  std::vector<Word> sorted_keys;
};

// Map literals whose keys are distinct constants (forms.cpp): built already
// sorted from the values evaluated in entry order (owned; taken over).
bool map_keys_constant(MapNode* m);
Word map_from_values(MapNode* m, const Word* vals);
// The same values written over those of target instead, when it is a map
// only the caller holds with exactly the literal's keys (one the literal
// built earlier): vals taken over, the old values released. False: nothing
// changed.
[[gnu::visibility("hidden")]] bool map_update_values(MapNode* m, Word target, const Word* vals);

struct CondNode final : Node {
  CondNode() : Node(K::Cond) {}
  struct Clause {
    NodeP test;   // null: else
    NodeP body;   // null: the clause yields #t
    NodeP error;  // a malformed clause raises when reached
  };
  std::vector<Clause> clauses;
};

struct CaseNode final : Node {
  CaseNode() : Node(K::Case) {}
  struct Clause {
    std::vector<Value> datums;
    bool is_else = false;
    NodeP body;   // null: nil
    NodeP error;
  };
  NodeP key;
  std::vector<Clause> clauses;
};

// eval, macroexpand, import, load: need the scope to work against at run time.
struct ScopedNode final : Node {
  explicit ScopedNode(K k) : Node(k) {}
  NodeP arg;
  Rc<CScope> scope;
  std::vector<uint32_t> names;  // import: the selected names
};

struct UnaryNode final : Node {  // throw, force
  explicit UnaryNode(K k) : Node(k) {}
  NodeP arg;
};

struct TryNode final : Node {
  TryNode() : Node(K::Try) {}
  NodeP body;  // may be null (nil)
  Rc<CScope> scope;  // the handler's scope
  uint32_t var_slot = 0;
  NodeP handler;
};

struct DelayNode final : Node {
  DelayNode() : Node(K::Delay) {}
  Rc<Code> code;
};

struct ModuleNode final : Node {
  ModuleNode() : Node(K::Module) {}
  std::vector<uint32_t> exports;
  NodeP body;  // may be null
};

struct ErrorNode final : Node {
  explicit ErrorNode(Error e) : Node(K::Error), error(std::move(e)) {}
  Error error;
};

template <class T, class... A>
std::unique_ptr<Node, NodeDeleter> node(A&&... a) {
  return std::unique_ptr<Node, NodeDeleter>(new T(std::forward<A>(a)...));
}

// Calls f(NodeP&) for every direct child (analysis passes).
void for_each_child(Node* n, const std::function<void(NodeP&)>& f);

}  // namespace sema::rt
