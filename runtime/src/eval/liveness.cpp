// Last-use analysis for pure procedure bodies (no closure, promise, eval or
// load can observe their frames). A read after which the variable is never
// read again in the activation moves the value out of its slot, so an
// accumulator passed on to a copy-on-write builtin (assoc …) keeps refcount 1
// and is updated in place.
#include "eval/analyze.hpp"

#include <algorithm>

namespace sema::rt {

namespace {

using Var = std::pair<const CScope*, uint32_t>;

struct Live {
  bool all = false;  // after a barrier every variable counts as live
  std::vector<Var> vars;
  bool has(Var v) const { return all || std::find(vars.begin(), vars.end(), v) != vars.end(); }
  void add(Var v) {
    if (!has(v)) vars.push_back(v);
  }
  void kill(Var v) { std::erase(vars, v); }
  void merge(const Live& o) {
    all = all || o.all;
    for (Var v : o.vars) add(v);
  }
};

struct Pass {
  const ProtoInfo* owner;

  bool owned(const CScope* s) const { return s != nullptr && s->owner.get() == owner; }

  // Every variable read under n counts as live; nothing is marked.
  void touch(Node* n, Live& live) {
    if (n->kind == K::Local) {
      auto* l = static_cast<LocalNode*>(n);
      if (owned(l->target)) live.add({l->target, l->slot});
      return;
    }
    for_each_child(n, [&](NodeP& c) { touch(c.get(), live); });
  }

  void walk_opt(NodeP& n, Live& live) {
    if (n) walk(n.get(), live);
  }

  // live: what is live after n; on return, what is live before n.
  void walk(Node* n, Live& live) {
    switch (n->kind) {
      case K::Local: {
        auto* l = static_cast<LocalNode*>(n);
        if (!owned(l->target)) return;
        Var v{l->target, l->slot};
        if (!live.has(v)) l->last_use = true;
        live.add(v);
        return;
      }
      case K::If: {
        auto* x = static_cast<IfNode*>(n);
        Live a = live, b = live;
        walk_opt(x->then, a);
        walk_opt(x->els, b);
        a.merge(b);
        live = std::move(a);
        walk(x->test.get(), live);
        return;
      }
      case K::Seq: {
        auto& items = static_cast<SeqNode*>(n)->items;
        for (size_t i = items.size(); i-- > 0;) walk(items[i].get(), live);
        return;
      }
      case K::And:
      case K::Or: {
        auto& items = static_cast<SeqNode*>(n)->items;
        if (items.empty()) return;
        Live cur = live;
        walk(items.back().get(), cur);
        for (size_t i = items.size() - 1; i-- > 0;) {
          Live before = live;  // short-circuit exit
          before.merge(cur);
          walk(items[i].get(), before);
          cur = std::move(before);
        }
        live = std::move(cur);
        return;
      }
      case K::DefLocal:
      case K::SetLocal: {
        auto* b = static_cast<BindNode*>(n);
        if (owned(b->target)) live.kill({b->target, b->slot});
        walk(b->value.get(), live);
        return;
      }
      case K::DefGlobal:
      case K::SetGlobal: walk(static_cast<BindNode*>(n)->value.get(), live); return;
      case K::Let:
      case K::LetStar:
      case K::Letrec: {
        auto* x = static_cast<LetNode*>(n);
        walk(x->body.get(), live);
        if (n->kind == K::Let) {
          for (auto& b : x->binds) live.kill({x->scope.get(), b.first});
          for (size_t i = x->binds.size(); i-- > 0;) walk(x->binds[i].second.get(), live);
        } else {
          for (size_t i = x->binds.size(); i-- > 0;) {
            live.kill({x->scope.get(), x->binds[i].first});
            walk(x->binds[i].second.get(), live);
          }
        }
        return;
      }
      case K::Call: {
        auto* c = static_cast<CallNode*>(n);
        if (c->maybe_macro) {
          // A macro expanded at run time could read anything.
          live.all = true;
          touch(n, live);
          return;
        }
        for (size_t i = c->args.size(); i-- > 0;) walk(c->args[i].get(), live);
        walk(c->head.get(), live);
        return;
      }
      case K::KwCall: walk(static_cast<KwCallNode*>(n)->arg.get(), live); return;
      case K::Vector:
      case K::Quasi: {
        auto& parts = static_cast<BuildNode*>(n)->parts;
        for (size_t i = parts.size(); i-- > 0;) walk(parts[i].node.get(), live);
        return;
      }
      case K::Map: {
        auto& es = static_cast<MapNode*>(n)->entries;
        for (size_t i = es.size(); i-- > 0;) {
          walk(es[i].second.get(), live);
          walk(es[i].first.get(), live);
        }
        return;
      }
      case K::Cond: {
        auto& cl = static_cast<CondNode*>(n)->clauses;
        Live cur = live;  // no clause matched
        for (size_t i = cl.size(); i-- > 0;) {
          auto& c = cl[i];
          if (c.error) {
            cur = live;
            cur.merge(Live{});
            continue;
          }
          Live taken = live;
          walk_opt(c.body, taken);
          if (!c.test) {
            cur = std::move(taken);
            continue;
          }
          taken.merge(cur);
          walk(c.test.get(), taken);
          cur = std::move(taken);
        }
        live = std::move(cur);
        return;
      }
      case K::Case: {
        auto* x = static_cast<CaseNode*>(n);
        Live all = live;
        for (auto& c : x->clauses) {
          Live b = live;
          walk_opt(c.body, b);
          all.merge(b);
        }
        live = std::move(all);
        walk(x->key.get(), live);
        return;
      }
      case K::Throw:
      case K::Force: walk(static_cast<UnaryNode*>(n)->arg.get(), live); return;
      case K::Module: walk_opt(static_cast<ModuleNode*>(n)->body, live); return;
      case K::Const:
      case K::Global:
      case K::Error: return;
      default:
        // Loops (do), try (a handler may read what the body consumed) and
        // everything else: no moves inside, every read stays live.
        touch(n, live);
        return;
    }
  }
};

}  // namespace

void mark_last_uses(Proto& p) {
  if (!p.body) return;
  Pass pass{p.info.get()};
  Live live;
  pass.walk(p.body.get(), live);
}

}  // namespace sema::rt
